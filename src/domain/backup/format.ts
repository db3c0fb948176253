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
import { findJsonError, findTooDeep, lineColumn, validateSet } from '@/domain/content/validate'
import type { CardRecord } from '@/domain/scheduling/types'
import type { NotebookEntry } from '@/domain/session/notebook'
import type {
  ArchivedProgress,
  AttemptRecord,
  ImportedSetRecord,
  ReviewLogRecord,
  SettingRecord,
} from '@/domain/progress/records'
import { findDuplicateKey } from '@/domain/import/duplicateKeys'
import { defaultSetName, shortenName } from '@/domain/import/name'
import { checkBackupSettings, type SettingNote } from './settings'

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
// The file's schema. Each message is the key of what a field expects (`cards[3].due` expects a
// `number`); a problem carries that key, and the screen says it in the learner's language
// (backupProblem.expected.* in src/i18n/problems).

const EXPECTED_KEYS = [
  'number', 'finite', 'whole', 'nonNegative', 'string', 'boolean', 'time', 'numberOrNull',
  'stringOrNull', 'grade', 'list', 'object', 'answerType', 'stability', 'difficulty', 'state',
  'date', 'zeroOrOne', 'reviewMode', 'attemptKind', 'attemptStatus', 'countOrAll', 'quizOrder',
  'quizMode', 'cardObject', 'notebookObject', 'dailyObject', 'reviewObject', 'quizConfigObject',
  'answerObject', 'attemptObject', 'settingObject', 'archiveObject', 'importedSetObject', 'format',
  'version', 'backupObject',
] as const
/** What a field of a backup expects. */
export type Expected = (typeof EXPECTED_KEYS)[number]
const E = Object.fromEntries(EXPECTED_KEYS.map((key) => [key, key])) as { readonly [K in Expected]: K }

const Num = v.pipe(v.number(E.number), v.finite(E.finite))
const Count = v.pipe(Num, v.safeInteger(E.whole), v.minValue(0, E.nonNegative))
/** Days and durations: never negative. */
const NonNegative = v.pipe(Num, v.minValue(0, E.nonNegative))
const Str = v.string(E.string)
const Bool = v.boolean(E.boolean)

/** The last moment a Date can hold (year 275760): a later time is an Invalid Date everywhere. */
const MAX_TIME = 8.64e15
/** A moment, in ms since 1970: a Date the app can show and count days from. */
const Time = v.pipe(Num, v.minValue(0, E.time), v.maxValue(MAX_TIME, E.time))
const NullableTime = v.nullable(
  v.pipe(v.number(E.numberOrNull), v.finite(E.finite), v.minValue(0, E.time), v.maxValue(MAX_TIME, E.time)),
)
/** A positive number or null (a time limit in minutes). */
const NullableNonNegative = v.nullable(
  v.pipe(v.number(E.numberOrNull), v.finite(E.finite), v.minValue(0, E.nonNegative)),
)
const Grade = v.picklist([1, 2, 3, 4], E.grade)
const StrList = v.array(Str, E.list)

const ResponseSchema = v.variant(
  'type',
  [
    v.object({ type: v.literal('single'), choice: Str }),
    v.object({ type: v.literal('multiple'), choices: StrList }),
    v.object({ type: v.literal('truefalse'), value: Bool }),
    v.object({ type: v.literal('blank'), text: Str }),
    v.object({ type: v.literal('numeric'), text: Str }),
    v.object({ type: v.literal('ordering'), order: StrList }),
    v.object({ type: v.literal('matching'), pairs: v.record(Str, Str, E.object) }),
    v.object({ type: v.literal('flashcard'), grade: Grade }),
    v.object({ type: v.literal('skip') }),
  ],
  E.answerType,
)

// The scheduler's (ts-fsrs) memory state: a card never answered has stability 0 and difficulty 0
// (what emptyCard writes); once answered, stability is 0.001..36500 days and difficulty 1..10,
// the ranges ts-fsrs keeps them in. Anything else makes every later answer to the card throw.
const S_MIN = 0.001
const S_MAX = 36_500
const Stability = v.pipe(Num, v.check((s) => s === 0 || (s >= S_MIN && s <= S_MAX), E.stability))
const Difficulty = v.pipe(Num, v.check((d) => d === 0 || (d >= 1 && d <= 10), E.difficulty))

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
      state: v.picklist([0, 1, 2, 3], E.state),
      lastReview: NullableTime,
    },
    E.cardObject,
  ),
  // Both zero (no memory yet) or both set: one without the other is no state ts-fsrs can go on from.
  v.forward(v.check((card) => (card.stability === 0) === (card.difficulty === 0), E.stability), ['stability']),
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
    streakDay: v.optional(v.pipe(Str, v.isoDate(E.date))),
    cleared: v.picklist([0, 1], E.zeroOrOne),
    clearedAt: NullableTime,
  },
  E.notebookObject,
)

const ReviewSchema = v.object(
  {
    id: Str,
    questionId: Str,
    setId: Str,
    time: Time,
    mode: v.picklist(['practice', 'exam', 'review'], E.reviewMode),
    correct: Bool,
    overridden: Bool,
    answer: ResponseSchema,
    grade: Grade,
    durationMs: NonNegative,
    cardBefore: v.nullable(CardSchema),
    notebookBefore: v.nullable(NotebookSchema),
    attemptId: v.nullable(v.string(E.stringOrNull)),
    attemptUpdatedAtBefore: v.optional(NullableTime),
    daily: v.optional(
      v.object(
        { day: v.pipe(Str, v.isoDate(E.date)), firstOfDay: Bool },
        E.dailyObject,
      ),
    ),
  },
  E.reviewObject,
)

const AttemptSchema = v.object(
  {
    id: Str,
    kind: v.picklist(['quiz', 'review'], E.attemptKind),
    status: v.picklist(['active', 'finished'], E.attemptStatus),
    config: v.object(
      {
        setIds: StrList,
        count: v.union([Count, v.literal('all')], E.countOrAll),
        types: StrList,
        order: v.picklist(['shuffled', 'article'], E.quizOrder),
        mode: v.picklist(['practice', 'exam'], E.quizMode),
        timeLimitMin: NullableNonNegative,
      },
      E.quizConfigObject,
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
        E.answerObject,
      ),
      E.list,
    ),
    startedAt: Time,
    updatedAt: Time,
    finishedAt: NullableTime,
    deadline: NullableTime,
    flagged: v.optional(StrList),
    correctCount: Count,
    total: Count,
  },
  E.attemptObject,
)

const SettingSchema = v.object(
  { key: Str, value: v.unknown(), updatedAt: v.optional(Time) },
  E.settingObject,
)

const ArchiveSchema = v.object(
  {
    questionId: Str,
    archivedAt: Time,
    card: v.nullable(CardSchema),
    notebook: v.nullable(NotebookSchema),
  },
  E.archiveObject,
)

const ImportedSetSchema = v.object(
  { id: Str, name: Str, importedAt: Time, updatedAt: Time, set: QuestionSetSchema },
  E.importedSetObject,
)

const list = <T extends v.GenericSchema>(item: T) => v.array(item, E.list)

const BackupSchema = v.object(
  {
    format: v.literal(BACKUP_FORMAT, E.format),
    version: v.literal(BACKUP_VERSION, E.version),
    exportedAt: Time,
    cards: list(CardSchema),
    reviews: list(ReviewSchema),
    attempts: list(AttemptSchema),
    notebook: list(NotebookSchema),
    settings: list(SettingSchema),
    archive: list(ArchiveSchema),
    importedSets: list(ImportedSetSchema),
  },
  E.backupObject,
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

/**
 * One problem with a backup file, as data: the screen says it in the learner's language
 * (backupProblem.* in i18n); english.ts in plain English. A path (`cards[0].stability`)
 * is the file's own spelling and stays as it is in every language.
 */
export type BackupProblem =
  /** The file holds nothing (or only spaces). */
  | { code: 'empty' }
  /** Not JSON text at all: the first character is already wrong (a CSV, a text file...). */
  | { code: 'notJson' }
  /** JSON that stops before its end: the file was cut off. */
  | { code: 'incomplete'; line: number; column: number }
  /** JSON broken in the middle; `reason` is the plain English detail. */
  | { code: 'damaged'; line: number; column: number; reason: string }
  /** Nested deeper than any backup of this app is. */
  | { code: 'tooDeep'; path: string; line: number; column: number; max: number }
  /** A question-set file, which belongs on the Import screen. */
  | { code: 'questionSet' }
  /** JSON, but not a backup of this app: not an object, or no "format" marker. */
  | { code: 'notBackup' }
  /** A key written twice in one object (JSON.parse would keep the last value in silence). */
  | { code: 'duplicateKey'; path: string; key: string; line: number; column: number }
  /** A field is missing. */
  | { code: 'missing'; path: string }
  /** A field holds something else than it should; `got` is a short rendering of what it holds. */
  | { code: 'invalid'; path: string; expected: Expected; got: string }
  /** A rule of a question set (in an imported set), in the question-set checker's English. */
  | { code: 'setRule'; path: string; message: string }
  /** Two records with the same key. */
  | { code: 'duplicate'; path: string; value: string }
  /** One question id in two imported sets. */
  | { code: 'sharedQuestion'; path: string; id: string; other: string }
  /** More problems than are listed. */
  | { code: 'more'; count: number }
  /** The browser could not read the chosen file (moved, deleted or changed since it was chosen). */
  | { code: 'unreadable'; name: string }
  /** Not text at all: an archive, an image, a PDF, a compressed file or a database (read.ts). */
  | { code: 'binary'; what: 'zip' | 'image' | 'pdf' | 'gzip' | 'sqlite'; kind: string }
  /** UTF-16 text without its byte order mark. */
  | { code: 'utf16NoBom' }
  /** Opens like UTF-16 text (its mark) but is not valid UTF-16. */
  | { code: 'utf16Invalid' }
  /** Not valid UTF-8: `byte` is the 1-based offset of the first bad byte, on `line`. */
  | { code: 'notUtf8'; byte: number; line: number }
  /** JSON with a "format" marker that is not this app's. */
  | { code: 'otherFormat'; format: string }
  /** This app's backup, in a format version newer than this version reads. */
  | { code: 'newerVersion'; version: string; supported: number }

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

const EXPECTED_KEY = new Set<string>(EXPECTED_KEYS)
const isExpected = (message: string): message is Expected => EXPECTED_KEY.has(message)

/**
 * What the field holds, short and the same in every language: `-5`, `"tomorrow"`, `{…}`. Read from the path (a check on
 * a whole card, forwarded to one field, would otherwise show the card).
 */
function gotOf(issue: v.BaseIssue<unknown>): string {
  const item = issue.path?.at(-1)
  return shortValue(item ? item.value : issue.input)
}

/** A value, short and the same in every language: `-5`, `"tomorrow"`, `{…}`. */
function shortValue(value: unknown): string {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value)
      : Array.isArray(value)
        ? '[…]'
        : typeof value === 'object' && value !== null
          ? '{…}'
          : String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

function problemOf(issue: v.BaseIssue<unknown>, path: string): BackupProblem {
  // valibot reports a missing key with the message of the object around it; say what happened.
  const last = issue.path?.at(-1)
  if (last?.type === 'object' && last.value === undefined && !Object.hasOwn(last.input, last.key)) return { code: 'missing', path }
  if (isExpected(issue.message)) return { code: 'invalid', path, expected: issue.message, got: gotOf(issue) }
  // The question-set schema's own messages (an imported set's fields).
  return { code: 'setRule', path, message: issue.message }
}

function duplicates<T>(name: string, items: readonly T[], keyOf: (item: T) => string, field: string): BackupProblem[] {
  const seen = new Set<string>()
  const problems: BackupProblem[] = []
  items.forEach((item, index) => {
    const key = keyOf(item)
    if (seen.has(key)) problems.push({ code: 'duplicate', path: `${name}[${index}].${field}`, value: JSON.stringify(key) })
    seen.add(key)
  })
  return problems
}

/**
 * A file that can be imported, with the settings it holds that will not be (`notes`: each named
 * for the learner, see settings.ts); or every problem that stops it.
 */
export type ParseBackupResult = { ok: true; backup: BackupFile; notes: SettingNote[] } | { ok: false; problems: BackupProblem[] }

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
    ...(Object.fromEntries(Object.keys(TABLES).map((k) => [k, v.array(v.unknown(), E.list)])) as Record<
      Table,
      v.ArraySchema<v.UnknownSchema, typeof E.list>
    >),
  },
  E.backupObject,
)

/** Records checked between two progress reports. */
export const CHECK_CHUNK = 2000

const problemList = (problems: readonly BackupProblem[], total: number): BackupProblem[] =>
  total > MAX_ERRORS ? [...problems.slice(0, MAX_ERRORS), { code: 'more', count: total - MAX_ERRORS }] : [...problems]

/**
 * Deeper than any backup of this app (an imported set's choice text is about ten levels down).
 * Refused before JSON.parse: every recursive step after it (the reviver, the checks, the
 * database's copy of the value) would run out of stack on a file nested 100,000 deep.
 */
const MAX_DEPTH = 64

/**
 * The path of the value holding `offset`, to its first `segments` steps (`settings[0].value`: the
 * record and its field, not the thousand lists inside). Read only once a problem was found there.
 */
function pathAt(text: string, offset: number, segments: number): string {
  type Frame = { list: true; index: number } | { list: false; key: string; expectKey: boolean }
  const stack: Frame[] = []
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      let end = i + 1
      while (end < text.length && text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1
      const top = stack.at(-1)
      if (top && !top.list && top.expectKey) {
        let key: unknown = '?'
        try {
          key = JSON.parse(text.slice(i, end + 1))
        } catch {
          // a key that does not read: '?'
        }
        top.key = String(key)
        top.expectKey = false
      }
      i = end
    } else if (c === 123) stack.push({ list: false, key: '', expectKey: true })
    else if (c === 91) stack.push({ list: true, index: 0 })
    else if (c === 125 || c === 93) stack.pop()
    else if (c === 44) {
      const top = stack.at(-1)
      if (top?.list) top.index++
      else if (top) top.expectKey = true
    }
  }
  let out = ''
  for (const frame of stack.slice(0, segments)) out += frame.list ? `[${frame.index}]` : out ? `.${frame.key}` : frame.key
  return out || '(file)'
}

/**
 * What is left from where the JSON goes wrong when the text stops in the middle of a value:
 * nothing, or the start of a word (`tr`), of an escape (`\u00`) or of a number's tail (`1.`, `1e+`).
 */
const CUT_OFF = /^(?:|t(?:r(?:u)?)?|f(?:a(?:l(?:s)?)?)?|n(?:u(?:l)?)?|\\(?:u[0-9a-fA-F]{0,3})?|\.|[eE][+-]?|-)$/

/** Why JSON.parse refused the text: cut off, not JSON at all, or broken at a line and column. */
function jsonProblem(text: string): BackupProblem {
  const found = findJsonError(text)
  const start = text.length - text.trimStart().length
  if (found === null || found.offset <= start) return { code: 'notJson' }
  const { line, column } = lineColumn(text, found.offset)
  if (CUT_OFF.test(text.slice(found.offset).trimEnd())) return { code: 'incomplete', line, column }
  return { code: 'damaged', line, column, reason: found.message }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * parseBackup as a generator: yields the fraction checked (0..1) between slices of records, so
 * a caller can show progress and let the page breathe (or run it in a worker); returns the same result.
 */
export function* parseBackupSteps(input: string): Generator<number, ParseBackupResult, void> {
  const fail = (problem: BackupProblem): ParseBackupResult => ({ ok: false, problems: [problem] })
  // A byte order mark is no part of the JSON (an editor may have added one).
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  if (text.trim() === '') return fail({ code: 'empty' })
  const deep = findTooDeep(text, MAX_DEPTH)
  if (deep !== null) return fail({ code: 'tooDeep', path: pathAt(text, deep, 3), ...lineColumn(text, deep), max: MAX_DEPTH })
  let data: unknown
  try {
    data = parseJSON(text)
  } catch {
    return fail(jsonProblem(text))
  }
  // A key written twice: the parse kept the last value and dropped the first without a word.
  const twice = findDuplicateKey(text)
  if (twice !== null)
    return fail({ code: 'duplicateKey', path: pathAt(text, twice.end, 3), key: JSON.stringify(twice.key), ...lineColumn(text, twice.offset) })
  if (!isRecord(data)) return fail({ code: 'notBackup' })
  if (!Object.hasOwn(data, 'format')) {
    // A question set (the Import screen's file) has an id and questions, and no format marker.
    if (Array.isArray(data.questions) && Object.hasOwn(data, 'id')) return fail({ code: 'questionSet' })
    return fail({ code: 'notBackup' })
  }
  // Another app's file, or a newer version of this one: one sentence, not a list of every field
  // such a file lacks or spells differently.
  if (data.format !== BACKUP_FORMAT) return fail({ code: 'otherFormat', format: shortValue(data.format) })
  if (typeof data.version === 'number' && Number.isFinite(data.version) && data.version > BACKUP_VERSION)
    return fail({ code: 'newerVersion', version: shortValue(data.version), supported: BACKUP_VERSION })
  const frame = v.safeParse(FrameSchema, data)
  if (!frame.success) {
    const problems = frame.issues.map((issue) => problemOf(issue, pathOf(issue)))
    return { ok: false, problems: problemList(problems, problems.length) }
  }
  const tables = Object.keys(TABLES) as Table[]
  const total = tables.reduce((n, t) => n + frame.output[t].length, 0) || 1
  let checked = 0
  const problems: BackupProblem[] = []
  let count = 0
  const out: Record<string, unknown[]> = {}
  yield 0
  for (const table of tables) {
    const rows = frame.output[table]
    const schema = v.array(TABLES[table] as v.GenericSchema, E.list)
    const valid: unknown[] = []
    for (let start = 0; start < rows.length; start += CHECK_CHUNK) {
      const slice = rows.slice(start, start + CHECK_CHUNK)
      const result = v.safeParse(schema, slice)
      if (result.success) valid.push(...(result.output as unknown[]))
      else {
        count += result.issues.length
        for (const issue of result.issues) {
          if (problems.length >= MAX_ERRORS) break
          problems.push(problemOf(issue, `${table}${pathOf(issue, start)}`))
        }
      }
      checked += slice.length
      yield checked / total
    }
    out[table] = valid
  }
  if (count > 0) return { ok: false, problems: problemList(problems, count) }

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
  if (later.length > 0) return { ok: false, problems: problemList(later, later.length) }
  const settings = checkBackupSettings(backup.settings)
  const importedSets = backup.importedSets.map(withSavedName)
  return { ok: true, backup: { ...backup, settings: settings.rows, importedSets }, notes: settings.notes }
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
 * An imported set with the name the import screen would save for it (import/name.ts): without
 * characters that hide or turn text round and without half characters, within the length limit,
 * and its title when nothing is left. A name saved before those rules (a file named
 * "evil\u202Egpj.csv") comes back as the learner saw it, never as a reason to refuse the backup.
 */
function withSavedName(record: ImportedSetRecord): ImportedSetRecord {
  const clean = (text: string) => text.replace(/\p{Cs}/gu, '')
  const shortened = shortenName(clean(record.name))
  const name = shortened !== '' ? shortened : defaultSetName([clean(record.set.title.zh), clean(record.set.title.en)], 'Imported set')
  return name === record.name ? record : { ...record, name }
}

/**
 * The imported sets of a backup, held to the same rules as a set import (the validator's every
 * rule, not only the shape: a single-choice answer must be one of its choices), and no question
 * id in two of them: progress is keyed on question ids.
 */
function checkImportedSets(records: readonly ImportedSetRecord[]): BackupProblem[] {
  const problems: BackupProblem[] = []
  const owner = new Map<string, number>()
  records.forEach((record, index) => {
    const checked = validateSet(record.set, { file: 'import' })
    if (!checked.ok) {
      for (const e of checked.errors) {
        const where = [e.questionId ?? '', e.path].filter((p) => p !== '').join(' › ')
        problems.push({ code: 'setRule', path: `importedSets[${index}].set${where ? ` › ${where}` : ''}`, message: e.message })
      }
      return
    }
    for (const q of record.set.questions) {
      const first = owner.get(q.id)
      if (first !== undefined && first !== index)
        problems.push({ code: 'sharedQuestion', path: `importedSets[${index}].set › ${q.id}`, id: q.id, other: `importedSets[${first}]` })
      else owner.set(q.id, index)
    }
  })
  return problems
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

/** Whether two JSON values hold the same data, whatever order their objects list their keys in. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameData(x, b[i]))
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  // A key holding undefined is no key in JSON (the database drops it too).
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined)
  const kx = keys(x)
  return kx.length === keys(y).length && kx.every((k) => Object.hasOwn(y, k) && sameData(x[k], y[k]))
}

/** The same set: the same data, though another writer may have listed its fields in another order. */
const sameSet = (a: ImportedSetRecord, b: ImportedSetRecord) => sameData(a.set, b.set)

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
