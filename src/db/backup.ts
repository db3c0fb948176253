/**
 * Backup files: everything the learner has done, as one JSON document they can keep or move to
 * another device. Export → reset → import gives back exactly the same database.
 *
 * The daily stats are not in the file: they are derived from the review log, and an import
 * counts them again from the log it leaves behind.
 */
import * as v from 'valibot'
import { QuestionSetSchema } from '@/domain/content/schema'
import { validateSet } from '@/domain/content/validate'
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
import { rebuildDailyFrom, rebuildDailyStats } from './stats'
import { importedTables, joinImportedSet, putImportedSets, readImportedSets } from './importedQuestions'
import { BANK_SIGNATURE_KEY } from './names'

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
    // The local day of the latest right answer in the streak (a mistake clears on separate days).
    streakDay: v.optional(v.pipe(Str, v.isoDate('expected a date (YYYY-MM-DD)'))),
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
    flagged: v.optional(StrList),
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

/** `cards[3].due`; `offset` is added to the first index (a record checked in a slice of its table). */
function pathOf(issue: v.BaseIssue<unknown>, offset?: number): string {
  let out = ''
  for (const [i, item] of (issue.path ?? []).entries()) {
    const key = (item as { key?: unknown }).key
    if (typeof key === 'number') out += `[${i === 0 && offset !== undefined ? key + offset : key}]`
    else out += out ? `.${String(key)}` : String(key)
  }
  return out || (offset === undefined ? '(file)' : '')
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

/** The tables of a backup file, each with the schema of one record. */
const TABLES = {
  cards: CardSchema,
  reviews: ReviewSchema,
  attempts: AttemptSchema,
  notebook: NotebookSchema,
  settings: SettingSchema,
  archive: ArchiveSchema,
  importedSets: ImportedSetSchema,
} as const
type Table = keyof typeof TABLES

// The file's frame: every table a list, its records checked a slice at a time (see parseBackupSteps).
const FrameSchema = v.object(
  {
    ...BackupSchema.entries,
    ...(Object.fromEntries(Object.keys(TABLES).map((k) => [k, v.array(v.unknown(), 'expected a list')])) as Record<
      Table,
      v.ArraySchema<v.UnknownSchema, 'expected a list'>
    >),
  },
  'expected a backup object',
)

/** Records checked between two progress reports. */
export const CHECK_CHUNK = 2000

const issueList = (issues: readonly string[], total: number): string[] =>
  total > MAX_ERRORS ? [...issues.slice(0, MAX_ERRORS), `… and ${total - MAX_ERRORS} more problems`] : [...issues]

/**
 * parseBackup as a generator: yields the fraction checked (0..1) between slices of records, so
 * a caller can show progress and let the page breathe (or run it in a worker); returns the same result.
 */
export function* parseBackupSteps(text: string): Generator<number, ParseBackupResult, void> {
  let data: unknown
  try {
    data = JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value))
  } catch (error) {
    return { ok: false, errors: [`not a JSON file: ${error instanceof Error ? error.message : String(error)}`] }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: ['(file): expected a backup object'] }
  }
  const frame = v.safeParse(FrameSchema, data)
  if (!frame.success) {
    const errors = frame.issues.map((issue) => `${pathOf(issue)}: ${messageOf(issue)}`)
    return { ok: false, errors: issueList(errors, errors.length) }
  }
  const tables = Object.keys(TABLES) as Table[]
  const total = tables.reduce((n, t) => n + frame.output[t].length, 0) || 1
  let checked = 0
  const errors: string[] = []
  let problems = 0
  const out: Record<string, unknown[]> = {}
  yield 0
  for (const table of tables) {
    const rows = frame.output[table]
    const schema = v.array(TABLES[table] as v.GenericSchema, 'expected a list')
    const valid: unknown[] = []
    for (let start = 0; start < rows.length; start += CHECK_CHUNK) {
      const slice = rows.slice(start, start + CHECK_CHUNK)
      const result = v.safeParse(schema, slice)
      if (result.success) valid.push(...(result.output as unknown[]))
      else {
        problems += result.issues.length
        for (const issue of result.issues) {
          if (errors.length >= MAX_ERRORS) break
          errors.push(`${table}${pathOf(issue, start)}: ${messageOf(issue)}`)
        }
      }
      checked += slice.length
      yield checked / total
    }
    out[table] = valid
  }
  if (problems > 0) return { ok: false, errors: issueList(errors, problems) }

  const backup = { ...frame.output, ...out } as BackupFile
  const later = [
    ...duplicates('cards', backup.cards, (c) => c.questionId, 'questionId'),
    ...duplicates('reviews', backup.reviews, (r) => r.id, 'id'),
    ...duplicates('attempts', backup.attempts, (a) => a.id, 'id'),
    ...duplicates('notebook', backup.notebook, (n) => n.questionId, 'questionId'),
    ...duplicates('settings', backup.settings, (s) => s.key, 'key'),
    ...duplicates('archive', backup.archive, (a) => a.questionId, 'questionId'),
    ...duplicates('importedSets', backup.importedSets, (s) => s.id, 'id'),
    ...checkImportedSets(backup.importedSets),
  ]
  if (later.length > 0) return { ok: false, errors: issueList(later, later.length) }
  return { ok: true, backup }
}

/** Reads a backup file's text; on failure, every problem with its path in the file. */
export function parseBackup(text: string): ParseBackupResult {
  const steps = parseBackupSteps(text)
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}

/**
 * The imported sets of a backup, held to the same rules as a set import (the validator's every
 * rule, not only the shape: a single-choice answer must be one of its choices), and no question
 * id in two of them: progress is keyed on question ids.
 */
function checkImportedSets(records: readonly ImportedSetRecord[]): string[] {
  const errors: string[] = []
  const owner = new Map<string, number>()
  records.forEach((record, index) => {
    const checked = validateSet(record.set, { file: 'import' })
    if (!checked.ok) {
      for (const e of checked.errors) {
        const where = [e.questionId ?? '', e.path].filter((p) => p !== '').join(' › ')
        errors.push(`importedSets[${index}].set${where ? ` › ${where}` : ''}: ${e.message}`)
      }
      return
    }
    for (const q of record.set.questions) {
      const first = owner.get(q.id)
      if (first !== undefined && first !== index)
        errors.push(`importedSets[${index}].set › ${q.id}: the question id ${JSON.stringify(q.id)} is also in importedSets[${first}]`)
      else owner.set(q.id, index)
    }
  })
  return errors
}

/** A backup's imported set that would take the place of a set the app already has. */
export interface SetConflict {
  /** Its index in importedSets. */
  index: number
  id: string
  /** The learner's name for it, as in the backup. */
  name: string
  /** A built-in set, or a different set imported on this device. */
  with: 'built-in' | 'imported'
  /** The name of the set here that it clashes with (imported sets only). */
  ours?: string
}

export interface BuiltInIds {
  setIds: ReadonlySet<string>
  questionIds: ReadonlySet<string>
}

const sameSet = (a: ImportedSetRecord, b: ImportedSetRecord) => JSON.stringify(a.set) === JSON.stringify(b.set)

/**
 * The backup's imported sets whose set id or question ids are taken: by a built-in set, or by a
 * set imported here that is not the same set. Such a set is never merged over the other one
 * (progress is keyed on those ids); the import is refused and says which. The same set (an
 * earlier backup of this device, perhaps renamed since) is no clash.
 */
export function findSetConflicts(backup: BackupFile, builtIn: BuiltInIds, existing: readonly ImportedSetRecord[]): SetConflict[] {
  const byId = new Map(existing.map((r) => [r.id, r]))
  const questionOwner = new Map<string, ImportedSetRecord>()
  for (const r of existing) for (const q of r.set.questions) questionOwner.set(q.id, r)
  const out: SetConflict[] = []
  backup.importedSets.forEach((record, index) => {
    const base = { index, id: record.id, name: record.name }
    if (builtIn.setIds.has(record.id) || record.set.questions.some((q) => builtIn.questionIds.has(q.id))) {
      out.push({ ...base, with: 'built-in' })
      return
    }
    const same = byId.get(record.id)
    if (same !== undefined && !sameSet(same, record)) {
      out.push({ ...base, with: 'imported', ours: same.name })
      return
    }
    const holder = record.set.questions.map((q) => questionOwner.get(q.id)).find((r) => r !== undefined && r.id !== record.id)
    if (holder !== undefined) out.push({ ...base, with: 'imported', ours: holder.name })
  })
  return out
}

// The daily stats are progress too (reset clears them), though derived: never exported.
function progressTables(db: StudyDB) {
  return [db.cards, db.reviews, db.attempts, db.notebook, db.settings, db.archive, db.daily]
}

/** Everything in the database, as a backup file (tables in key order). */
export function exportProgress(db: StudyDB, now: number): Promise<BackupFile> {
  return db.transaction('r', [...progressTables(db), ...importedTables(db)], async () => ({
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
    importedSets: await readImportedSets(db),
  }))
}

export type ImportSummary = Record<Exclude<keyof BackupFile, 'format' | 'version' | 'exportedAt'>, number>

const orMinus = (n: number | null | undefined) => n ?? -Infinity

/** Records written per bulk call: each call is one short task, so the page stays responsive. */
export const WRITE_CHUNK = 5000

export interface ImportOptions {
  /** Called with the fraction written (0..1) after each bulk write. */
  onProgress?: (done: number) => void
  /** Aborting rolls the whole import back: nothing is written. */
  signal?: AbortSignal
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError')
}

/**
 * Writes a parsed backup, in one transaction, in bulk calls of WRITE_CHUNK records.
 * - 'replace': the database becomes the backup (imported sets included).
 * - 'merge': the union; where both have a record, the newer one wins (cards by last review,
 *   attempts and imported sets by updatedAt, notebook entries by their last change, settings by
 *   updatedAt, archive by archivedAt); log entries are never overwritten.
 * Returns how many records of each table were written. A failure or a cancel writes nothing.
 */
export function importProgress(
  db: StudyDB,
  incoming: BackupFile,
  mode: 'merge' | 'replace',
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { onProgress, signal } = options
  checkAborted(signal)
  // A file from an older export may carry another device's bank signature: never take it.
  const backup = { ...incoming, settings: incoming.settings.filter((row) => row.key !== BANK_SIGNATURE_KEY) }
  const total =
    backup.cards.length +
      backup.reviews.length +
      backup.attempts.length +
      backup.notebook.length +
      backup.settings.length +
      backup.archive.length +
      backup.importedSets.length || 1
  let done = 0
  const advance = (n: number) => {
    done += n
    onProgress?.(Math.min(done / total, 1))
    checkAborted(signal)
  }

  return db.transaction('rw', [...progressTables(db), ...importedTables(db)], async () => {
    // The imported cards may belong to questions this bank no longer has (or the other way
    // round): forgetting which bank was last reconciled makes the next start-up reconcile again.
    await db.settings.delete(BANK_SIGNATURE_KEY)
    if (mode === 'replace') {
      await Promise.all([...progressTables(db), ...importedTables(db)].map((table) => table.clear()))
      const add = async <T>(table: { bulkAdd(items: readonly T[]): Promise<unknown> }, items: readonly T[]): Promise<number> => {
        for (let start = 0; start < items.length; start += WRITE_CHUNK) {
          const slice = items.slice(start, start + WRITE_CHUNK)
          await table.bulkAdd(slice)
          advance(slice.length)
        }
        return items.length
      }
      const summary = {
        cards: await add(db.cards, backup.cards),
        reviews: await add(db.reviews, backup.reviews),
        attempts: await add(db.attempts, backup.attempts),
        notebook: await add(db.notebook, backup.notebook),
        settings: await add(db.settings, backup.settings),
        archive: await add(db.archive, backup.archive),
        importedSets: await add({ bulkAdd: (sets: readonly ImportedSetRecord[]) => putImportedSets(db, sets) }, backup.importedSets),
      }
      await rebuildDailyStats(db)
      return summary
    }

    // Keeps each incoming record that is new here or newer than ours. The keys we hold are read
    // first (keys only, one request): only records that exist on both sides are read to compare.
    const merge = async <T, K extends string>(
      table: {
        toCollection(): { primaryKeys(): Promise<unknown[]> }
        bulkGet(keys: K[]): Promise<(T | undefined)[]>
        bulkPut(items: readonly T[]): Promise<unknown>
      },
      incoming: readonly T[],
      keyOf: (item: T) => K,
      newer: (theirs: T, ours: T) => boolean,
    ): Promise<number> => {
      if (incoming.length === 0) return 0
      const held = new Set(await table.toCollection().primaryKeys())
      let written = 0
      for (let start = 0; start < incoming.length; start += WRITE_CHUNK) {
        const slice = incoming.slice(start, start + WRITE_CHUNK)
        const both = slice.filter((item) => held.has(keyOf(item)))
        const ours = both.length > 0 ? await table.bulkGet(both.map(keyOf)) : []
        const replaced = new Set(both.filter((item, i) => ours[i] === undefined || newer(item, ours[i]!)))
        const writes = slice.filter((item) => !held.has(keyOf(item)) || replaced.has(item))
        if (writes.length > 0) await table.bulkPut(writes)
        written += writes.length
        advance(slice.length)
      }
      return written
    }
    const touched = (e: NotebookEntry) => Math.max(e.lastWrongAt, orMinus(e.clearedAt))

    // Log entries are never overwritten: those already here are read (to recount the daily
    // totals with them), the new ones written, and the totals recounted from both in memory
    // rather than by reading the whole log back.
    const before = backup.reviews.length > 0 ? await db.reviews.toArray() : []
    const heldReviews = new Set(before.map((r) => r.id))
    const added = backup.reviews.filter((r) => !heldReviews.has(r.id))
    for (let start = 0; start < backup.reviews.length; start += WRITE_CHUNK) {
      const slice = backup.reviews.slice(start, start + WRITE_CHUNK).filter((r) => !heldReviews.has(r.id))
      if (slice.length > 0) await db.reviews.bulkAdd(slice)
      advance(Math.min(WRITE_CHUNK, backup.reviews.length - start))
    }
    const reviews = added.length
    const summary = {
      cards: await merge(db.cards, backup.cards, (c) => c.questionId, (a, b) => orMinus(a.lastReview) > orMinus(b.lastReview)),
      reviews,
      attempts: await merge(db.attempts, backup.attempts, (a) => a.id, (a, b) => a.updatedAt > b.updatedAt),
      notebook: await merge(db.notebook, backup.notebook, (n) => n.questionId, (a, b) => touched(a) > touched(b)),
      settings: await merge(db.settings, backup.settings, (s) => s.key, (a, b) => orMinus(a.updatedAt) > orMinus(b.updatedAt)),
      archive: await merge(db.archive, backup.archive, (a) => a.questionId, (a, b) => a.archivedAt > b.archivedAt),
      importedSets: await merge(importedSetsByInfo(db), backup.importedSets, (s) => s.id, (a, b) => a.updatedAt > b.updatedAt),
    }
    // A merged entry can be an earlier review of a question on a day: recount everything.
    if (reviews > 0) await rebuildDailyFrom(
        (add) => {
          add(before)
          add(added)
        },
        db.reviews,
        db.daily,
      )
    return summary
  })
}

/**
 * The imported sets as the merge above reads and writes them: keys and the rows it compares
 * (`updatedAt`) from the info table, and each set written with its questions.
 */
function importedSetsByInfo(db: StudyDB) {
  return {
    toCollection: () => db.importedSetInfo.toCollection(),
    bulkGet: async (keys: string[]) =>
      (await db.importedSetInfo.bulkGet(keys)).map((info) => info && joinImportedSet(info, [])),
    bulkPut: (sets: readonly ImportedSetRecord[]) => putImportedSets(db, sets),
  }
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
