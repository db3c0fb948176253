/**
 * The backup file: everything the learner has done, as one JSON document they can keep or move
 * to another device. This module is its format and its checks: the schema of every record,
 * reading a file's text with every problem named by its path, and the imported sets that would
 * clash with sets the app already has. Writing it to the database is db/backup.ts's job.
 *
 * The daily stats are not in the file: they are derived from the review log, and an import
 * counts them again from the log it leaves behind.
 */
import * as v from 'valibot'
import { QuestionSetSchema } from '@/domain/content/schema'
import { validateSet } from '@/domain/content/validate'
import type { CardRecord } from '@/domain/scheduling/types'
import type { NotebookEntry } from '@/domain/session/notebook'
import type {
  ArchivedProgress,
  AttemptRecord,
  ImportedSetRecord,
  ReviewLogRecord,
  SettingRecord,
} from '@/domain/progress/records'

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
const Count = v.pipe(Num, v.safeInteger('expected a whole number'), v.minValue(0, 'expected 0 or more'))
/** Days and durations: never negative. */
const NonNegative = v.pipe(Num, v.minValue(0, 'expected 0 or more'))
const Str = v.string('expected a string')
const Bool = v.boolean('expected true or false')

/** The last moment a Date can hold (year 275760): a later time is an Invalid Date everywhere. */
const MAX_TIME = 8.64e15
const TIME_RANGE = 'expected a time in milliseconds from 0 to 8.64e15'
/** A moment, in ms since 1970: a Date the app can show and count days from. */
const Time = v.pipe(Num, v.minValue(0, TIME_RANGE), v.maxValue(MAX_TIME, TIME_RANGE))
const NullableTime = v.nullable(
  v.pipe(v.number('expected a number or null'), v.finite('expected a finite number'), v.minValue(0, TIME_RANGE), v.maxValue(MAX_TIME, TIME_RANGE)),
)
/** A positive number or null (a time limit in minutes). */
const NullableNonNegative = v.nullable(
  v.pipe(v.number('expected a number or null'), v.finite('expected a finite number'), v.minValue(0, 'expected 0 or more')),
)
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

// The scheduler's (ts-fsrs) memory state: a card never answered has stability 0 and difficulty 0
// (what emptyCard writes); once answered, stability is 0.001..36500 days and difficulty 1..10,
// the ranges ts-fsrs keeps them in. Anything else makes every later answer to the card throw.
const S_MIN = 0.001
const S_MAX = 36_500
const STABILITY = `expected a stability from ${S_MIN} to ${S_MAX} (or 0, with difficulty 0, for a card never answered)`
const DIFFICULTY = 'expected a difficulty from 1 to 10 (or 0, with stability 0, for a card never answered)'
const Stability = v.pipe(Num, v.check((s) => s === 0 || (s >= S_MIN && s <= S_MAX), STABILITY))
const Difficulty = v.pipe(Num, v.check((d) => d === 0 || (d >= 1 && d <= 10), DIFFICULTY))

const CardSchema = v.pipe(
  v.object(
    {
      questionId: Str,
      setId: Str,
      due: Time,
      stability: Stability,
      difficulty: Difficulty,
      elapsedDays: NonNegative,
      scheduledDays: NonNegative,
      learningSteps: Count,
      reps: Count,
      lapses: Count,
      state: v.picklist([0, 1, 2, 3], 'expected a state from 0 to 3'),
      lastReview: NullableTime,
    },
    'expected a card object',
  ),
  // Both zero (no memory yet) or both set: one without the other is no state ts-fsrs can go on from.
  v.forward(v.check((card) => (card.stability === 0) === (card.difficulty === 0), STABILITY), ['stability']),
)

const NotebookSchema = v.object(
  {
    questionId: Str,
    setId: Str,
    missCount: Count,
    lastWrongAnswer: ResponseSchema,
    lastWrongAt: Time,
    correctStreak: Count,
    // The local day of the latest right answer in the streak (a mistake clears on separate days).
    streakDay: v.optional(v.pipe(Str, v.isoDate('expected a date (YYYY-MM-DD)'))),
    cleared: v.picklist([0, 1], 'expected 0 or 1'),
    clearedAt: NullableTime,
  },
  'expected a notebook entry object',
)

const ReviewSchema = v.object(
  {
    id: Str,
    questionId: Str,
    setId: Str,
    time: Time,
    mode: v.picklist(['practice', 'exam', 'review'], 'expected "practice", "exam" or "review"'),
    correct: Bool,
    overridden: Bool,
    answer: ResponseSchema,
    grade: Grade,
    durationMs: NonNegative,
    cardBefore: v.nullable(CardSchema),
    notebookBefore: v.nullable(NotebookSchema),
    attemptId: v.nullable(v.string('expected a string or null')),
    attemptUpdatedAtBefore: v.optional(NullableTime),
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
        timeLimitMin: NullableNonNegative,
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
          durationMs: NonNegative,
          reviewId: Str,
        },
        'expected an answer object',
      ),
      'expected a list',
    ),
    startedAt: Time,
    updatedAt: Time,
    finishedAt: NullableTime,
    deadline: NullableTime,
    flagged: v.optional(StrList),
    correctCount: Count,
    total: Count,
  },
  'expected an attempt object',
)

const SettingSchema = v.object(
  { key: Str, value: v.unknown(), updatedAt: v.optional(Time) },
  'expected a setting object',
)

const ArchiveSchema = v.object(
  {
    questionId: Str,
    archivedAt: Time,
    card: v.nullable(CardSchema),
    notebook: v.nullable(NotebookSchema),
  },
  'expected an archive object',
)

const ImportedSetSchema = v.object(
  { id: Str, name: Str, importedAt: Time, updatedAt: Time, set: QuestionSetSchema },
  'expected an imported set object',
)

const list = <T extends v.GenericSchema>(item: T) => v.array(item, 'expected a list')

const BackupSchema = v.object(
  {
    format: v.literal(BACKUP_FORMAT, `expected "${BACKUP_FORMAT}"`),
    version: v.literal(BACKUP_VERSION, `expected ${BACKUP_VERSION} (a newer app may have written this file)`),
    exportedAt: Time,
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
// A text where none of them is written as a whole JSON string, and nothing is written as a \u
// escape (the only way to spell their letters otherwise), holds none of them as a key.
const MAY_HOLD_FORBIDDEN_KEY = /"(?:__proto__|constructor|prototype)"|\\u/

/**
 * JSON.parse without the forbidden keys. The reviver that drops them is called for every value
 * (about three times the parse itself for a big backup), so it runs only where a quick search of
 * the text finds one could be there.
 */
function parseJSON(text: string): unknown {
  if (!MAY_HOLD_FORBIDDEN_KEY.test(text)) return JSON.parse(text)
  return JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value))
}

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
    data = parseJSON(text)
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
