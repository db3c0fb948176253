/**
 * Progress records for tests, in the domain and in db/ alike (db/test-utils.ts re-exports them).
 * Imported by tests only, so never part of the app's build. Dates are fixed: 2026-01-01 08:00 UTC.
 */
import { BACKUP_FORMAT, type BackupFile } from '@/domain/backup/format'
import type { CardRecord } from '@/domain/scheduling/types'
import type { NotebookEntry } from '@/domain/session/notebook'
import type { ImportedSetRecord } from './records'

const T0 = Date.UTC(2026, 0, 1, 8, 0)
const DAY = 86_400_000

/** A review card of q1 in set-a, due at 08:00 UTC on 2026-01-01, last reviewed five days before. */
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

/** An active notebook entry of q1 in set-a: missed once, at 08:00 UTC on 2026-01-01. */
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

/** An imported set of one matching question, imported at 2026-01-01 08:00 UTC. */
export const makeImportedSet = (overrides: Partial<ImportedSetRecord> = {}): ImportedSetRecord => ({
  id: 'mine',
  name: 'My set',
  importedAt: T0,
  updatedAt: T0,
  set: {
    id: 'mine',
    title: { zh: '我的', en: 'Mine' },
    keyPoints: [{ zh: '要点', en: 'Point' }],
    questions: [
      {
        id: 'm1',
        type: 'matching',
        prompt: { zh: '配对', en: 'Match' },
        explanation: { zh: '解释', en: 'Because' },
        pairs: [
          { id: 'p1', left: { zh: '甲', en: 'A' }, right: { zh: '乙', en: 'B' } },
          { id: 'p2', left: { zh: '丙', en: 'C' }, right: { zh: '丁', en: 'D' } },
        ],
      },
    ],
  },
  ...overrides,
})

/** A backup file exported at 2026-01-01 08:00 UTC, with empty tables but `parts`. */
export const backupWith = (parts: Partial<BackupFile> = {}): BackupFile => ({
  format: BACKUP_FORMAT,
  version: 1,
  exportedAt: T0,
  cards: [],
  reviews: [],
  attempts: [],
  notebook: [],
  settings: [],
  archive: [],
  importedSets: [],
  ...parts,
})
