/** Helpers for the database tests (fake-indexeddb is loaded by tests/setup.ts). */
import { afterEach, beforeEach, vi } from 'vitest'
import { createDB, setDB, type StudyDB } from './database'
import type { AttemptRecord, DailyStatRecord, ImportedSetRecord, ReviewLogRecord } from './records'
import { makeCard } from '@/domain/progress/testing'
import { getSetQuestions, importedTables, joinImportedSet, putImportedSets, readImportedSets } from './importedQuestions'
import { countCardsOf } from './queries'

export const T0 = Date.UTC(2026, 0, 1, 8, 0)
export const MIN = 60_000
export const HOUR = 3_600_000
export const DAY = 86_400_000

/** A new database with a unique name, so tests never share state. */
export function freshDB(): StudyDB {
  return createDB('test-' + crypto.randomUUID())
}

/**
 * Gives each test of the file a fresh database, closed and deleted after the test. `use` receives
 * it before the test, opened first with `open`, and made the app's database (`setDB`) with `app`.
 */
export function freshDBEachTest(use: (db: StudyDB) => void = () => {}, { open = false, app = false } = {}): void {
  let db: StudyDB
  beforeEach(async () => {
    db = freshDB()
    if (open) await db.open()
    if (app) setDB(db)
    use(db)
  })
  afterEach(async () => {
    db.close()
    await db.delete()
  })
}

/**
 * Every table's rows, in key order: two dumps are deep-equal exactly when the databases are
 * (the count tables left out: they follow from the cards and the log).
 * Imported sets show as the learner imported them, under `importedSets` (each set's info row
 * joined with its questions: the rows hold nothing else).
 */
export async function dumpAll(db: StudyDB): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {}
  for (const table of db.tables)
    if (table.name === 'importedSetInfo') dump.importedSets = await readImportedSets(db)
    // The running counts are derived from cards and log: counts.test.ts holds them to a recount.
    else if (!['importedQuestions', 'counts', 'dueSlots'].includes(table.name)) dump[table.name] = await table.toArray()
  return dump
}

/** How many cards one set has, as the counts table keeps it. */
export async function countCards(db: StudyDB, setId: string): Promise<number> {
  return (await countCardsOf(db, [setId]))[0]!
}

/** The imported sets as whole records (as a backup holds them), read and written through their two tables. */
export function importedSetsOf(db: StudyDB) {
  return {
    get: (id: string): Promise<ImportedSetRecord | undefined> =>
      db.transaction('r', importedTables(db), async () => {
        const info = await db.importedSetInfo.get(id)
        return info && joinImportedSet(info, await getSetQuestions(db, id))
      }),
    add: (record: ImportedSetRecord) => putImportedSets(db, [record]),
    put: (record: ImportedSetRecord) => putImportedSets(db, [record]),
    toArray: () => readImportedSets(db),
    count: () => db.importedSetInfo.count(),
    clear: () => db.transaction('rw', importedTables(db), () => Promise.all(importedTables(db).map((t) => t.clear()))),
  }
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

export { makeCard, makeEntry } from '@/domain/progress/testing'

/** A review log entry of q1 in set-a: a right answer (Good) to a card that existed. */
export function makeLog(id: string, time: number, over: Partial<ReviewLogRecord> = {}): ReviewLogRecord {
  return {
    id,
    questionId: 'q1',
    setId: 'set-a',
    time,
    mode: 'review',
    correct: true,
    overridden: false,
    answer: { type: 'single', choice: 'a' },
    grade: 3,
    durationMs: 2000,
    cardBefore: makeCard(),
    notebookBefore: null,
    attemptId: null,
    ...over,
  }
}

/** The local calendar date of an instant as 'YYYY-MM-DD', straight from Date (no app code). */
export function localIso(ms: number): string {
  const d = new Date(ms)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * The daily stats rows a review log should give, counted the slow, obvious way: entries in time
 * order (ties by id), the first of each question on each local day counted for retention unless
 * the question was new. Rows in key order, like the table.
 */
export function bruteDaily(reviews: readonly ReviewLogRecord[]): DailyStatRecord[] {
  const sorted = [...reviews].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const seen = new Set<string>()
  const rows = new Map<string, DailyStatRecord>()
  for (const log of sorted) {
    const day = localIso(log.time)
    const key = JSON.stringify([day, log.setId])
    const row = rows.get(key) ?? { day, setId: log.setId, reviews: 0, correct: 0, durationMs: 0, retentionTotal: 0, retentionPass: 0, newCards: 0 }
    rows.set(key, row)
    row.reviews++
    if (log.correct) row.correct++
    row.durationMs += log.durationMs
    if (log.cardBefore === null) row.newCards++
    const first = !seen.has(log.questionId + '|' + day)
    seen.add(log.questionId + '|' + day)
    if (first && log.cardBefore !== null) {
      row.retentionTotal++
      if (log.grade !== 1) row.retentionPass++
    }
  }
  return [...rows.values()].sort((a, b) => (a.day + '\u0000' + a.setId < b.day + '\u0000' + b.setId ? -1 : 1))
}

/** What the daily table should hold for the database's review log (see bruteDaily). */
export async function expectedDaily(db: StudyDB): Promise<DailyStatRecord[]> {
  return bruteDaily(await db.reviews.toArray())
}

/** What a broken IndexedDB backing store throws on every read. */
export const BROKEN_STORE = () => new DOMException('Internal error opening backing store', 'UnknownError')

/**
 * Until the returned function is called, every read request (get, getAll, count, cursors) on
 * any object store or index throws as a broken backing store does. Works on a database that is
 * already open, unlike patching `IDBDatabase.prototype.transaction`, which Dexie binds at open.
 */
export function failReads(): () => void {
  const methods = ['get', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor'] as const
  const patched: { proto: Record<string, unknown>; name: string; original: unknown }[] = []
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, unknown>[]) {
    for (const name of methods) {
      patched.push({ proto, name, original: proto[name] })
      proto[name] = () => {
        throw BROKEN_STORE()
      }
    }
  }
  return () => {
    for (const { proto, name, original } of patched) proto[name] = original
  }
}

/**
 * Runs `fn` while every read fails (see failReads); reads work again afterwards, also when it
 * throws. The warnings the app logs about the failed reads are captured, not printed, and
 * returned for the test to assert.
 */
export async function whileReadsFail<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = []
  const warn = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    warnings.push(args.map(String).join(' '))
  })
  const repair = failReads()
  try {
    const value = await fn()
    // Reads already under way when `fn` is done fail a few turns later (another store's live
    // query beside the screen's): their warnings land here too, not in the test run's output.
    for (let quiet = 0, seen = warnings.length, turns = 0; quiet < 3 && turns < 50; turns++) {
      await new Promise((resolve) => setTimeout(resolve, 0))
      quiet = warnings.length === seen ? quiet + 1 : 0
      seen = warnings.length
    }
    return { value, warnings }
  } finally {
    repair()
    warn.mockRestore()
  }
}
