/**
 * Backup files: everything the learner has done, as one JSON document they can keep or move to
 * another device. Export → reset → import gives back exactly the same database.
 *
 * The daily stats are not in the file: they are derived from the review log, and an import
 * counts them again from the log it leaves behind.
 */
import * as v from 'valibot'
import { QuestionSetSchema } from '@/domain/content/schema'
import type { StudyDB } from './database'
import type {
  ArchivedProgress,
  AttemptRecord,
  CardRecord,
  ImportedSetRecord,
  NotebookEntry,
  ReviewLogRecord,
  SettingRecord,
} from './records'
import { rebuildDailyStats } from './stats'
import { BANK_SIGNATURE_KEY } from './progress'

export const BACKUP_FORMAT = 'qwen-study-backup'
export const BACKUP_VERSION = 1

export interface BackupFile {
  format: typeof BACKUP_FORMAT
  version: typeof BACKUP_VERSION
  exportedAt: number
  cards: CardRecord[]
  reviews: ReviewLogRecord[]
  attempts: AttemptRecord[]
  notebook: NotebookEntry[]
  settings: SettingRecord[]
  archive: ArchivedProgress[]
  importedSets: ImportedSetRecord[]
}

// ---------------------------------------------------------------------------------------------
// The file's schema. Messages are written to follow a path: "cards[3].due: expected a number".

const Num = v.pipe(v.number('expected a number'), v.finite('expected a finite number'))
const Count = v.pipe(Num, v.integer('expected a whole number'), v.minValue(0, 'expected 0 or more'))
const Str = v.string('expected a string')
const Bool = v.boolean('expected true or false')
const NullableNum = v.nullable(v.pipe(v.number('expected a number or null'), v.finite('expected a finite number')))
const Grade = v.picklist([1, 2, 3, 4], 'expected a grade from 1 to 4')
const StrList = v.array(Str, 'expected a list')

const ResponseSchema = v.variant(
  'type',
  [
    v.object({ type: v.literal('single'), choice: Str }),
    v.object({ type: v.literal('multiple'), choices: StrList }),
    v.object({ type: v.literal('truefalse'), value: Bool }),
    v.object({ type: v.literal('blank'), text: Str }),
    v.object({ type: v.literal('numeric'), text: Str }),
    v.object({ type: v.literal('ordering'), order: StrList }),
    v.object({ type: v.literal('matching'), pairs: v.record(Str, Str, 'expected an object') }),
    v.object({ type: v.literal('flashcard'), grade: Grade }),
    v.object({ type: v.literal('skip') }),
  ],
  'expected an answer with a known type',
)

const CardSchema = v.object(
  {
    questionId: Str,
    setId: Str,
    due: Num,
    stability: Num,
    difficulty: Num,
    elapsedDays: Num,
    scheduledDays: Num,
    learningSteps: Count,
    reps: Count,
    lapses: Count,
    state: v.picklist([0, 1, 2, 3], 'expected a state from 0 to 3'),
    lastReview: NullableNum,
  },
  'expected a card object',
)

const NotebookSchema = v.object(
  {
    questionId: Str,
    setId: Str,
    missCount: Count,
    lastWrongAnswer: ResponseSchema,
    lastWrongAt: Num,
    correctStreak: Count,
    cleared: v.picklist([0, 1], 'expected 0 or 1'),
    clearedAt: NullableNum,
  },
  'expected a notebook entry object',
)

const ReviewSchema = v.object(
  {
    id: Str,
    questionId: Str,
    setId: Str,
    time: Num,
    mode: v.picklist(['practice', 'exam', 'review'], 'expected "practice", "exam" or "review"'),
    correct: Bool,
    overridden: Bool,
    answer: ResponseSchema,
    grade: Grade,
    durationMs: Num,
    cardBefore: v.nullable(CardSchema),
    notebookBefore: v.nullable(NotebookSchema),
    attemptId: v.nullable(v.string('expected a string or null')),
    attemptUpdatedAtBefore: v.optional(NullableNum),
    daily: v.optional(
      v.object(
        { day: v.pipe(Str, v.isoDate('expected a date (YYYY-MM-DD)')), firstOfDay: Bool },
        'expected a daily object',
      ),
    ),
  },
  'expected a review log object',
)

const AttemptSchema = v.object(
  {
    id: Str,
    kind: v.picklist(['quiz', 'review'], 'expected "quiz" or "review"'),
    status: v.picklist(['active', 'finished'], 'expected "active" or "finished"'),
    config: v.object(
      {
        setIds: StrList,
        count: v.union([Count, v.literal('all')], 'expected a number or "all"'),
        types: StrList,
        order: v.picklist(['shuffled', 'article'], 'expected "shuffled" or "article"'),
        mode: v.picklist(['practice', 'exam'], 'expected "practice" or "exam"'),
        timeLimitMin: NullableNum,
      },
      'expected a quiz config object',
    ),
    setIds: StrList,
    questionIds: StrList,
    seed: Num,
    answers: v.array(
      v.object(
        {
          questionId: Str,
          answer: ResponseSchema,
          correct: Bool,
          overridden: Bool,
          grade: Grade,
          durationMs: Num,
          reviewId: Str,
        },
        'expected an answer object',
      ),
      'expected a list',
    ),
    startedAt: Num,
    updatedAt: Num,
    finishedAt: NullableNum,
    deadline: NullableNum,
    correctCount: Count,
    total: Count,
  },
  'expected an attempt object',
)

const SettingSchema = v.object(
  { key: Str, value: v.unknown(), updatedAt: v.optional(Num) },
  'expected a setting object',
)

const ArchiveSchema = v.object(
  {
    questionId: Str,
    archivedAt: Num,
    card: v.nullable(CardSchema),
    notebook: v.nullable(NotebookSchema),
  },
  'expected an archive object',
)

const ImportedSetSchema = v.object(
  { id: Str, name: Str, importedAt: Num, updatedAt: Num, set: QuestionSetSchema },
  'expected an imported set object',
)

const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'expected a list')

const BackupSchema = v.object(
  {
    format: v.literal(BACKUP_FORMAT, `expected "${BACKUP_FORMAT}"`),
    version: v.literal(BACKUP_VERSION, `expected ${BACKUP_VERSION} (a newer app may have written this file)`),
    exportedAt: Num,
    cards: list(CardSchema),
    reviews: list(ReviewSchema),
    attempts: list(AttemptSchema),
    notebook: list(NotebookSchema),
    settings: list(SettingSchema),
    archive: list(ArchiveSchema),
    importedSets: list(ImportedSetSchema),
  },
  'expected a backup object',
)

// Compile-time check that the schema's output is a BackupFile.
const _typed: (output: v.InferOutput<typeof BackupSchema>) => BackupFile = (output) => output
void _typed

// ---------------------------------------------------------------------------------------------

const MAX_ERRORS = 20

// Keys that could reach Object.prototype when the parsed data is later spread or assigned.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = ''
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown }).key
    if (typeof key === 'number') out += `[${key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || '(file)'
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  // valibot reports a missing key with the message of the object around it; say what happened.
  const last = issue.path?.at(-1)
  if (last?.type === 'object' && last.value === undefined && !Object.hasOwn(last.input, last.key)) return 'is missing'
  return issue.message
}

function duplicates<T>(name: string, items: readonly T[], keyOf: (item: T) => string, field: string): string[] {
  const seen = new Set<string>()
  const errors: string[] = []
  items.forEach((item, index) => {
    const key = keyOf(item)
    if (seen.has(key)) errors.push(`${name}[${index}].${field}: duplicate ${JSON.stringify(key)}`)
    seen.add(key)
  })
  return errors
}

export type ParseBackupResult = { ok: true; backup: BackupFile } | { ok: false; errors: string[] }

/** Reads a backup file's text; on failure, every problem with its path in the file. */
export function parseBackup(text: string): ParseBackupResult {
  let data: unknown
  try {
    data = JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value))
  } catch (error) {
    return { ok: false, errors: [`not a JSON file: ${error instanceof Error ? error.message : String(error)}`] }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: ['(file): expected a backup object'] }
  }
  const result = v.safeParse(BackupSchema, data)
  if (!result.success) {
    const errors = result.issues.slice(0, MAX_ERRORS).map((issue) => `${pathOf(issue)}: ${messageOf(issue)}`)
    if (result.issues.length > MAX_ERRORS) errors.push(`… and ${result.issues.length - MAX_ERRORS} more problems`)
    return { ok: false, errors }
  }
  const backup: BackupFile = result.output
  const errors = [
    ...duplicates('cards', backup.cards, (c) => c.questionId, 'questionId'),
    ...duplicates('reviews', backup.reviews, (r) => r.id, 'id'),
    ...duplicates('attempts', backup.attempts, (a) => a.id, 'id'),
    ...duplicates('notebook', backup.notebook, (n) => n.questionId, 'questionId'),
    ...duplicates('settings', backup.settings, (s) => s.key, 'key'),
    ...duplicates('archive', backup.archive, (a) => a.questionId, 'questionId'),
    ...duplicates('importedSets', backup.importedSets, (s) => s.id, 'id'),
  ]
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) }
  return { ok: true, backup }
}

// The daily stats are progress too (reset clears them), though derived: never exported.
function progressTables(db: StudyDB) {
  return [db.cards, db.reviews, db.attempts, db.notebook, db.settings, db.archive, db.daily]
}

/** Everything in the database, as a backup file (tables in key order). */
export function exportProgress(db: StudyDB, now: number): Promise<BackupFile> {
  return db.transaction('r', [...progressTables(db), db.importedSets], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    cards: await db.cards.toArray(),
    reviews: await db.reviews.toArray(),
    attempts: await db.attempts.toArray(),
    notebook: await db.notebook.toArray(),
    // The bank signature is this device's start-up bookkeeping, not progress.
    settings: (await db.settings.toArray()).filter((row) => row.key !== BANK_SIGNATURE_KEY),
    archive: await db.archive.toArray(),
    importedSets: await db.importedSets.toArray(),
  }))
}

export type ImportSummary = Record<Exclude<keyof BackupFile, 'format' | 'version' | 'exportedAt'>, number>

const orMinus = (n: number | null | undefined) => n ?? -Infinity

/**
 * Writes a parsed backup, in one transaction.
 * - 'replace': the database becomes the backup (imported sets included).
 * - 'merge': the union; where both have a record, the newer one wins (cards by last review,
 *   attempts and imported sets by updatedAt, notebook entries by their last change, settings by
 *   updatedAt, archive by archivedAt); log entries are never overwritten.
 * Returns how many records of each table were written.
 */
export function importProgress(db: StudyDB, incoming: BackupFile, mode: 'merge' | 'replace'): Promise<ImportSummary> {
  // A file from an older export may carry another device's bank signature: never take it.
  const backup = { ...incoming, settings: incoming.settings.filter((row) => row.key !== BANK_SIGNATURE_KEY) }
  return db.transaction('rw', [...progressTables(db), db.importedSets], async () => {
    // The imported cards may belong to questions this bank no longer has (or the other way
    // round): forgetting which bank was last reconciled makes the next start-up reconcile again.
    await db.settings.delete(BANK_SIGNATURE_KEY)
    if (mode === 'replace') {
      await Promise.all([...progressTables(db), db.importedSets].map((table) => table.clear()))
      await db.cards.bulkAdd(backup.cards)
      await db.reviews.bulkAdd(backup.reviews)
      await db.attempts.bulkAdd(backup.attempts)
      await db.notebook.bulkAdd(backup.notebook)
      await db.settings.bulkAdd(backup.settings)
      await db.archive.bulkAdd(backup.archive)
      await db.importedSets.bulkAdd(backup.importedSets)
      await rebuildDailyStats(db)
      return {
        cards: backup.cards.length,
        reviews: backup.reviews.length,
        attempts: backup.attempts.length,
        notebook: backup.notebook.length,
        settings: backup.settings.length,
        archive: backup.archive.length,
        importedSets: backup.importedSets.length,
      }
    }

    // Keeps each incoming record that is new here or newer than ours.
    const merge = async <T, K extends string>(
      table: { bulkGet(keys: K[]): Promise<(T | undefined)[]>; bulkPut(items: readonly T[]): Promise<unknown> },
      incoming: readonly T[],
      keyOf: (item: T) => K,
      newer: (theirs: T, ours: T) => boolean,
    ): Promise<number> => {
      const ours = await table.bulkGet(incoming.map(keyOf))
      const writes = incoming.filter((item, i) => {
        const existing = ours[i]
        return existing === undefined || newer(item, existing)
      })
      await table.bulkPut(writes)
      return writes.length
    }
    const touched = (e: NotebookEntry) => Math.max(e.lastWrongAt, orMinus(e.clearedAt))

    const reviews = await merge(db.reviews, backup.reviews, (r) => r.id, () => false)
    // A merged entry can be an earlier review of a question on a day: recount everything.
    if (reviews > 0) await rebuildDailyStats(db)
    return {
      cards: await merge(db.cards, backup.cards, (c) => c.questionId, (a, b) => orMinus(a.lastReview) > orMinus(b.lastReview)),
      reviews,
      attempts: await merge(db.attempts, backup.attempts, (a) => a.id, (a, b) => a.updatedAt > b.updatedAt),
      notebook: await merge(db.notebook, backup.notebook, (n) => n.questionId, (a, b) => touched(a) > touched(b)),
      settings: await merge(db.settings, backup.settings, (s) => s.key, (a, b) => orMinus(a.updatedAt) > orMinus(b.updatedAt)),
      archive: await merge(db.archive, backup.archive, (a) => a.questionId, (a, b) => a.archivedAt > b.archivedAt),
      importedSets: await merge(db.importedSets, backup.importedSets, (s) => s.id, (a, b) => a.updatedAt > b.updatedAt),
    }
  })
}

/** Deletes all progress (cards, log, attempts, notebook, settings, archive, daily stats); imported sets stay. */
export async function resetProgress(db: StudyDB): Promise<void> {
  await db.transaction('rw', progressTables(db), async () => {
    for (const table of progressTables(db)) await table.clear()
  })
}

/** True when there is no progress at all (imported sets do not count). */
export async function isEmpty(db: StudyDB): Promise<boolean> {
  const counts = await db.transaction('r', progressTables(db), () =>
    Promise.all(
      progressTables(db).map((table) =>
        // The app's own bookkeeping row is written at every start-up: it is not progress.
        table === db.settings ? table.filter((row) => row.key !== BANK_SIGNATURE_KEY).count() : table.count(),
      ),
    ),
  )
  return counts.every((n) => n === 0)
}
