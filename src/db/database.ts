/**
 * The IndexedDB schema. This file and the counts middleware (counts.ts) are the only ones that
 * import Dexie's runtime.
 *
 * Version blocks are only ever added, never edited: a learner's browser may still hold any
 * earlier version, and Dexie upgrades it step by step. Each new version gets a test that opens
 * a database written by the previous one (database.test.ts).
 */
import Dexie, { type Table } from 'dexie'
import type {
  ArchivedProgress,
  AttemptRecord,
  CardRecord,
  CountRecord,
  DailyStatRecord,
  DueSlotRecord,
  ImportedQuestionRecord,
  ImportedSetInfoRecord,
  ImportedSetRecord,
  NotebookEntry,
  ReviewLogRecord,
  SettingRecord,
} from './records'
import { rebuildDailyIn } from './stats'
import { importedSetRows } from './importedQuestions'
import { countsMiddleware, recountIn } from './counts'
import { DEFAULT_DB_NAME } from './names'

export { Dexie, DEFAULT_DB_NAME }

/** IndexedDB cannot store Vue proxies (DataCloneError): what is written is copied to plain JSON at the boundary. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

export interface CreateDBOptions {
  /** Another IndexedDB implementation, e.g. fake-indexeddb's in-memory one when the browser has none. */
  indexedDB?: IDBFactory
  IDBKeyRange?: typeof IDBKeyRange
  /**
   * Another tab opened a newer version (or deletes the database). This connection is already
   * closed so that the other tab can proceed; the app should ask the learner to reload.
   */
  onVersionChange?: (event: IDBVersionChangeEvent) => void
}

export class StudyDB extends Dexie {
  // `declare`: Dexie puts the tables on the instance; a class field would overwrite them.
  declare cards: Table<CardRecord, string>
  declare reviews: Table<ReviewLogRecord, string>
  declare attempts: Table<AttemptRecord, string>
  declare notebook: Table<NotebookEntry, string>
  declare settings: Table<SettingRecord, string>
  declare archive: Table<ArchivedProgress, string>
  declare importedSetInfo: Table<ImportedSetInfoRecord, string>
  declare importedQuestions: Table<ImportedQuestionRecord, string>
  declare daily: Table<DailyStatRecord, [string, string]>
  declare counts: Table<CountRecord, [string, string]>
  declare dueSlots: Table<DueSlotRecord, number>
  /** Whether opening this connection created the database (a first visit): it holds nothing yet. */
  created = false

  constructor(name: string = DEFAULT_DB_NAME, options: CreateDBOptions = {}) {
    const { onVersionChange, ...deps } = options
    super(name, deps)

    this.version(1).stores({
      cards: 'questionId, due, setId, state, [setId+due]',
      reviews: 'id, time, questionId, setId, attemptId, [questionId+time]',
      attempts: 'id, status, updatedAt, *setIds',
      notebook: 'questionId, setId, cleared, lastWrongAt, missCount, [cleared+lastWrongAt]',
      settings: 'key',
      archive: 'questionId',
    })

    // v2: question sets imported by the learner. A new empty table: nothing to migrate.
    this.version(2).stores({
      importedSets: 'id, importedAt, name',
    })

    // v3: per-day, per-set totals of the review log for the stats screen (see stats.ts), counted
    // once here from the log as it is; from then on every write to the log keeps them up to date.
    this.version(3)
      .stores({
        daily: '[day+setId], day, setId',
      })
      .upgrade((tx) =>
        rebuildDailyIn(tx.table<ReviewLogRecord, string>('reviews'), tx.table<DailyStatRecord, [string, string]>('daily')),
      )

    // v4: per-set counts of learning, young and mature cards by index (home, set and stats
    // screens). Counting index keys costs milliseconds at 100,000 cards where reading every card
    // cost seconds, and blocked each answer's write while it ran. IndexedDB builds the new index
    // from the cards already stored: nothing to migrate.
    // The daily rows also count new questions started (the review's daily new limit reads them
    // instead of that day's log entries): recounted once from the log.
    this.version(4)
      .stores({
        cards: 'questionId, due, setId, state, [setId+due], [setId+state+stability]',
      })
      .upgrade((tx) =>
        rebuildDailyIn(tx.table<ReviewLogRecord, string>('reviews'), tx.table<DailyStatRecord, [string, string]>('daily')),
      )

    // v5: fewer indexes to update on each answer. Nothing queries the log by attempt or the
    // notebook by `cleared`, `lastWrongAt` or `missCount` alone, and a query of the log by
    // question uses the front of [questionId+time] (Dexie reads the first part of a compound
    // index as an index of its own). Removing an index touches no record.
    this.version(5).stores({
      reviews: 'id, time, setId, [questionId+time]',
      notebook: 'questionId, setId, [cleared+lastWrongAt]',
    })

    // v6: an imported set is stored as a row of what its list entry and page show, and a row per
    // question, so start-up and home read the small rows and a review or quiz only the questions
    // it shows; one row per set (with every question inside) made start-up read the whole bank.
    // Each set moves over as it was; the old table goes once they are all written.
    this.version(6)
      .stores({
        importedSets: null,
        importedSetInfo: 'id, importedAt',
        importedQuestions: 'id, [setId+pos]',
      })
      .upgrade(async (tx) => {
        const old = tx.table<ImportedSetRecord, string>('importedSets')
        const info = tx.table<ImportedSetInfoRecord, string>('importedSetInfo')
        const questions = tx.table<ImportedQuestionRecord, string>('importedQuestions')
        // A set at a time: a learner's sets may hold 100,000 questions between them.
        for (const id of await old.toCollection().primaryKeys()) {
          const record = await old.get(id)
          if (record === undefined) continue
          const rows = importedSetRows(record)
          await info.put(rows.info)
          await questions.bulkPut(rows.questions)
        }
      })

    // v7: running counts (counts.ts): per set, its cards and how many are learning, young and
    // mature; the log's total; and cards due per quarter hour (the stats screen's forecast).
    // Screens read these rows instead of counting index keys, which walks every key counted
    // (about a second for 100,000 cards). Counted once here from the index keys of the cards
    // already stored; from then on every write keeps them right.
    this.version(7)
      .stores({
        counts: '[of+setId]',
        dueSlots: 'slot',
      })
      .upgrade((tx) =>
        recountIn({
          cards: tx.table<CardRecord, string>('cards'),
          reviews: tx.table<ReviewLogRecord, string>('reviews'),
          counts: tx.table<CountRecord, [string, string]>('counts'),
          dueSlots: tx.table<DueSlotRecord, number>('dueSlots'),
        }),
      )

    // v8: the log loses its index on `time`. No screen reads the log by time (the stats read the
    // daily totals, a question's history uses [questionId+time]), and every index is written
    // again for each entry: on Chromium 150, 100,000 entries written with the three indexes took
    // 10.0 s, with two 7.5 s, on a new profile on disk. Removing an index touches no record.
    this.version(8).stores({
      reviews: 'id, setId, [questionId+time]',
    })

    // Dexie's populate runs only where the database did not exist (instead of the upgrades).
    this.on('populate', () => {
      this.created = true
    })

    // Every write of cards or log entries adjusts the counts in its own transaction.
    this.use(countsMiddleware)

    this.on('versionchange', (event) => {
      // Close for good (no auto-reopen with the old schema) and let the app tell the learner.
      this.close()
      onVersionChange?.(event)
      return false // handled: skip Dexie's default (a console warning and a silent close)
    })
  }
}

/** A database connection (opened lazily on first use). */
export function createDB(name: string = DEFAULT_DB_NAME, options?: CreateDBOptions): StudyDB {
  return new StudyDB(name, options)
}

let current: StudyDB | null = null

/** The app's database; created with the defaults on first use unless setDB() chose another. */
export function getDB(): StudyDB {
  current ??= createDB()
  return current
}

/** Swap the app's database, e.g. for an in-memory one when IndexedDB is unavailable. */
export function setDB(db: StudyDB): void {
  current = db
}
