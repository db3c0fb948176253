/** Helpers for the database tests (fake-indexeddb is loaded by tests/setup.ts). */
import { createDB, type StudyDB } from './database'
import type { AttemptRecord, CardRecord, NotebookEntry } from './records'

export const T0 = Date.UTC(2026, 0, 1, 8, 0)
export const MIN = 60_000
export const HOUR = 3_600_000
export const DAY = 86_400_000

/** A new database with a unique name, so tests never share state. */
export function freshDB(): StudyDB {
  return createDB('test-' + crypto.randomUUID())
}

/** Every table's rows, in key order: two dumps are deep-equal exactly when the databases are. */
export async function dumpAll(db: StudyDB): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {}
  for (const table of db.tables) dump[table.name] = await table.toArray()
  return dump
}

export function makeAttempt(overrides: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: 'attempt-1',
    kind: 'quiz',
    status: 'active',
    config: { setIds: ['set-a'], count: 10, types: [], order: 'article', mode: 'practice', timeLimitMin: null },
    setIds: ['set-a'],
    questionIds: ['q1', 'q2', 'q3'],
    seed: 42,
    answers: [],
    startedAt: T0,
    updatedAt: T0,
    finishedAt: null,
    deadline: null,
    correctCount: 0,
    total: 3,
    ...overrides,
  }
}

export function makeCard(overrides: Partial<CardRecord> = {}): CardRecord {
  return {
    questionId: 'q1',
    setId: 'set-a',
    due: T0,
    stability: 5,
    difficulty: 5,
    elapsedDays: 2,
    scheduledDays: 5,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: 2,
    lastReview: T0 - 5 * DAY,
    ...overrides,
  }
}

export function makeEntry(overrides: Partial<NotebookEntry> = {}): NotebookEntry {
  return {
    questionId: 'q1',
    setId: 'set-a',
    missCount: 1,
    lastWrongAnswer: { type: 'single', choice: 'b' },
    lastWrongAt: T0,
    correctStreak: 0,
    cleared: 0,
    clearedAt: null,
    ...overrides,
  }
}
