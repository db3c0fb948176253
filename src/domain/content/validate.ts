/**
 * Validation of question-set files: the shape (schema.ts, via valibot) plus every rule that
 * needs more than one field, each with its own human message.
 *
 * Pure: no file system, no clock. The loader (scripts/load-questions.ts), the check script,
 * the Vite plugin and the tests all go through validateSet / validateBank / formatError, so an
 * author sees the same message everywhere:
 *
 *   questions/routes.json › routes-chain › answer[2]: "开源扩散" is not one of the items
 */
import * as v from 'valibot'
import { QUESTION_TYPES, QuestionSchema, QuestionSetSchema } from './schema.ts'
import type { Localized, Question, QuestionSet } from './schema.ts'
import { checkNumeric } from './answer.ts'
import { describeCorrect } from './describe.ts'
import { normalizeText } from './normalize.ts'
import { readQuantity } from './quantity.ts'
import { brokenCodes, hasVisibleText, invisibleCodes } from './visibleText.ts'

export interface ContentError {
  /** The set file, as the author knows it: `questions/routes.json`. */
  file: string
  /** The question the problem is in, when there is one and its id is readable. */
  questionId?: string
  /** Where in the question (or in the set, when questionId is absent): `choices[1].text.en`. '' = the whole thing. */
  path: string
  message: string
}

export type ValidateSetResult = { ok: true; set: QuestionSet } | { ok: false; errors: ContentError[] }

export interface ValidateContext {
  file: string
  /** Non-empty lines of the article; when given, source.paragraph must lie within 1..paragraphCount. */
  paragraphCount?: number
}

/** `file › question id › path: message`, leaving out the parts that are empty. */
export function formatError(e: ContentError): string {
  let head = e.file
  if (e.questionId !== undefined && e.questionId !== '') head += ` › ${e.questionId}`
  if (e.path !== '') head += ` › ${e.path}`
  return `${head}: ${e.message}`
}

type Segment = string | number

/** `['choices', 1, 'text', 'en']` → `choices[1].text.en`. */
export function formatPath(segments: readonly Segment[]): string {
  let out = ''
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out === '' ? s : `.${s}`
    else out += `[${JSON.stringify(s)}]`
  }
  return out
}

/** A short, safe rendering of any value for a message. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || typeof value === 'bigint')
    return String(value)
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  return typeof value
}

/** Rounds away float noise for messages: 11.900000000000002 → 11.9. */
function num(n: number): string {
  return String(Number(n.toPrecision(12)))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------------------------------------
// Shape errors: valibot issues → human messages

const EXPECTED_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  Object: 'an object',
  Array: 'a list',
  never: 'nothing',
}

function describeExpected(expected: string): string {
  const bare = expected.replace(/^\((.*)\)$/, '$1')
  return bare
    .split(' | ')
    .map((part) => EXPECTED_WORDS[part] ?? part)
    .join(' or ')
}

function lengthWord(input: unknown, n: number): string {
  if (typeof input === 'string') return n === 1 ? '1 character' : `${n} characters`
  return n === 1 ? '1 entry' : `${n} entries`
}

function lengthOf(input: unknown): number | undefined {
  if (typeof input === 'string' || Array.isArray(input)) return input.length
  return undefined
}

interface Located {
  path: Segment[]
  message: string
}

/** Turns one valibot issue into a path and a human message. */
function describeIssue(issue: v.BaseIssue<unknown>): Located {
  const path: Segment[] = (issue.path ?? []).map((item) => {
    const key: unknown = item.key
    return typeof key === 'number' ? key : String(key)
  })
  const last = path[path.length - 1]
  const custom = !issue.message.startsWith('Invalid ')

  if (issue.type === 'strict_object' && issue.expected === 'never') {
    // An unknown key: report it on the object that holds it.
    return { path: path.slice(0, -1), message: `unknown field ${JSON.stringify(String(last))}` }
  }
  if (issue.type === 'variant' && path.length > 0 && last === 'type') {
    const list = QUESTION_TYPES.join(', ')
    if (issue.input === undefined) return { path, message: `missing — must be one of ${list}` }
    return { path, message: `${show(issue.input)} is not one of ${list}` }
  }
  if (issue.kind === 'schema' && issue.input === undefined && path.length > 0) {
    if (last === 'zh' || last === 'en')
      return { path, message: 'missing — every learner-facing string needs both zh and en' }
    return { path, message: 'missing' }
  }
  if (issue.kind === 'schema') {
    const expected = issue.expected ?? 'something else'
    return { path, message: `must be ${describeExpected(expected)}, got ${show(issue.input)}` }
  }
  if (custom) return { path, message: issue.message }

  const req = issue.requirement
  const input = issue.input
  switch (issue.type) {
    case 'min_length':
      return {
        path,
        message: `must have at least ${lengthWord(input, Number(req))} (has ${lengthOf(input) ?? '?'})`,
      }
    case 'max_length':
      return {
        path,
        message: `must have at most ${lengthWord(input, Number(req))} (has ${lengthOf(input) ?? '?'})`,
      }
    case 'min_value':
      return { path, message: `must be ${String(req)} or more, got ${show(input)}` }
    case 'max_value':
      return { path, message: `must be ${String(req)} or less, got ${show(input)}` }
    case 'integer':
      return { path, message: `must be a whole number, got ${show(input)}` }
    case 'finite':
      return { path, message: `must be a finite number, got ${show(input)}` }
    case 'regex':
      return { path, message: `${show(input)} does not have the expected format` }
    default:
      return { path, message: issue.message }
  }
}

// ---------------------------------------------------------------------------------------------
// Rules beyond shape

const PLACEHOLDER = /^(?:todo|tbd|fixme|xxx+|lorem ipsum.*|\.{2,}|…+|\?+|？+|-+|_+|待定|待补充?)$/i

/** Whether a text is still a placeholder ("TODO", "...", "待定"), which no set text may be. */
export function looksLikePlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim())
}

type Report = (path: Segment[], message: string) => void

/**
 * What is wrong with a text a learner reads or types, or null: a broken character (a lone
 * surrogate, half of a pair cut apart), or nothing visible at all (only spaces, zero-width, bidi
 * or control characters), said with their code points so they can be found.
 */
function unreadable(text: string): string | null {
  const broken = brokenCodes(text)
  if (broken.length > 0) return `holds a broken character (${broken.join(', ')}), half of a pair cut apart; delete it or type the text again`
  if (!hasVisibleText(text)) return `has nothing visible: only spaces or invisible characters (${invisibleCodes(text).join(', ')}); write the text itself`
  return null
}

/** Flags texts that cannot be read (see unreadable), and texts that are still placeholders. */
function checkLocalized(value: Localized, path: Segment[], report: Report): void {
  for (const lang of ['zh', 'en'] as const) {
    const problem = unreadable(value[lang])
    if (problem !== null) report([...path, lang], problem)
    else if (looksLikePlaceholder(value[lang]))
      report([...path, lang], `${show(value[lang])} looks like a placeholder, not a real text`)
  }
}

/** Every {zh,en} pair inside a parsed value, with its path. */
function* localizedIn(value: unknown, path: Segment[]): Generator<[Localized, Segment[]]> {
  if (Array.isArray(value)) {
    for (const [i, x] of value.entries()) yield* localizedIn(x, [...path, i])
  } else if (isRecord(value)) {
    const keys = Object.keys(value)
    if (keys.length === 2 && typeof value.zh === 'string' && typeof value.en === 'string') {
      yield [{ zh: value.zh, en: value.en }, path]
      return
    }
    for (const k of keys) if (k !== 'source') yield* localizedIn(value[k], [...path, k])
  }
}

/** Ids unique within a list: reports each repeat at `<list>[i].id`. */
function checkUniqueIds(list: readonly { id: string }[], listName: string, report: Report): Map<string, number> {
  const seen = new Map<string, number>()
  for (const [i, item] of list.entries()) {
    const first = seen.get(item.id)
    if (first !== undefined)
      report([listName, i, 'id'], `${show(item.id)} is already used by ${listName}[${first}]`)
    else seen.set(item.id, i)
  }
  return seen
}

/** Texts unique within a list (zh against zh, en against en, trimmed). */
function checkUniqueTexts(
  list: readonly Record<string, unknown>[],
  listName: string,
  field: string,
  report: Report,
): void {
  for (const lang of ['zh', 'en'] as const) {
    const seen = new Map<string, number>()
    for (const [i, item] of list.entries()) {
      const loc = item[field] as Localized
      const text = loc[lang].trim()
      const first = seen.get(text)
      if (first !== undefined)
        report([listName, i, field, lang], `same text as ${listName}[${first}].${field}.${lang} (${show(text)})`)
      else seen.set(text, i)
    }
  }
}

function checkSingle(q: Extract<Question, { type: 'single' }>, report: Report): void {
  const ids = checkUniqueIds(q.choices, 'choices', report)
  checkUniqueTexts(q.choices, 'choices', 'text', report)
  if (!ids.has(q.answer))
    report(['answer'], `${show(q.answer)} is not one of the choices (${[...ids.keys()].join(', ')})`)
}

function checkMultiple(q: Extract<Question, { type: 'multiple' }>, report: Report): void {
  const ids = checkUniqueIds(q.choices, 'choices', report)
  checkUniqueTexts(q.choices, 'choices', 'text', report)
  const correct = new Set<string>()
  for (const [i, id] of q.answer.entries()) {
    if (!ids.has(id)) report(['answer', i], `${show(id)} is not one of the choices (${[...ids.keys()].join(', ')})`)
    else if (correct.has(id)) report(['answer', i], `${show(id)} is listed twice`)
    else correct.add(id)
  }
  if (q.answer.length < 2)
    report(
      ['answer'],
      `needs at least 2 correct choices, has ${q.answer.length} (use type "single" for one correct answer)`,
    )
  else if (correct.size === ids.size)
    report(['answer'], 'every choice is marked correct; at least 1 choice must be wrong')
}

function checkOrdering(q: Extract<Question, { type: 'ordering' }>, report: Report): void {
  const ids = checkUniqueIds(q.items, 'items', report)
  checkUniqueTexts(q.items, 'items', 'text', report)
  const placed = new Set<string>()
  for (const [i, id] of q.answer.entries()) {
    if (!ids.has(id)) report(['answer', i], `${show(id)} is not one of the items`)
    else if (placed.has(id)) report(['answer', i], `${show(id)} is listed twice`)
    else placed.add(id)
  }
  const missing = [...ids.keys()].filter((id) => !placed.has(id))
  if (missing.length > 0)
    report(
      ['answer'],
      `leaves out ${missing.map((id) => show(id)).join(', ')}; the answer must list every item exactly once`,
    )
}

function checkMatching(q: Extract<Question, { type: 'matching' }>, report: Report): void {
  checkUniqueIds(q.pairs, 'pairs', report)
  checkUniqueTexts(q.pairs, 'pairs', 'left', report)
  checkUniqueTexts(q.pairs, 'pairs', 'right', report)
}

function checkTolerance(q: Extract<Question, { type: 'numeric' }>, report: Report): void {
  const size = Math.abs(q.value)
  if (q.value === 0 || q.tolerance < 0) return
  if (q.tolerance >= size) {
    report(['tolerance'], `tolerance ${num(q.tolerance)} must be smaller than the value ${num(q.value)}`)
  } else if (size >= 10 && q.tolerance > size * 0.1 * (1 + 1e-12)) {
    report(
      ['tolerance'],
      `tolerance ${num(q.tolerance)} is too loose for value ${num(q.value)} (max 10% = ${num(size * 0.1)})`,
    )
  }
}

/**
 * A numeric question must accept its own answer as the learner is shown it, in both languages:
 * this catches a value not in plain units (3800 with unit 亿元 shown as "3800亿亿元") and a unit
 * the grader reads as another kind than the prompt.
 */
function checkNumericAnswerable(q: Extract<Question, { type: 'numeric' }>, report: Report): void {
  for (const lang of ['zh', 'en'] as const) {
    const shown = describeCorrect(q, lang)
    const result = checkNumeric(q, shown)
    if (!result.correct)
      report(
        q.unit ? ['unit', lang] : ['value'],
        `the answer as learners see it, ${show(shown)}, is not graded right; give value in plain units (300亿 is 30000000000) and the same unit in zh and en`,
      )
  }
}

/**
 * A blank must be answerable: each form (answer.zh, answer.en, accepted[i]) keeps something once
 * normalised the way typed answers are (normalizeText, the checker's own function), no form
 * repeats another, and forms that are numbers name the same number ("1/4" and "14" collide).
 */
function checkBlank(q: Extract<Question, { type: 'blank' }>, report: Report): void {
  const forms: [Segment[], string][] = [
    [['answer', 'zh'], q.answer.zh],
    [['answer', 'en'], q.answer.en],
    ...(q.accepted ?? []).map((form, i): [Segment[], string] => [['accepted', i], form]),
  ]
  const seen = new Map<string, string>()
  let number: { value: number; path: string; form: string } | null = null
  for (const [path, form] of forms) {
    // An answer form is a text of the set (checkLocalized says what is wrong with it); an accepted one is said here.
    const problem = unreadable(form)
    if (problem !== null) {
      if (path[0] === 'accepted') report(path, problem)
      continue
    }
    const key = normalizeText(form)
    const where = formatPath(path)
    if (key === '') {
      report(path, `${show(form)} is empty once case, spaces and punctuation are ignored`)
      continue
    }
    const same = seen.get(key)
    // The answer may be the same in both languages (ChatGPT); anything else listed twice is a slip.
    if (same !== undefined && path[0] === 'accepted')
      report(path, `${show(form)} repeats ${same} (matching ignores case, width, spaces and punctuation)`)
    if (same === undefined) seen.set(key, where)

    const quantity = readQuantity(form)
    if (quantity?.pure) {
      const value = quantity.form === 'percent' ? quantity.value / 100 : quantity.value
      if (number === null) number = { value, path: where, form }
      else if (Math.abs(number.value - value) > 1e-9 * Math.max(1, Math.abs(value)))
        report(
          path,
          `${show(form)} reads as the number ${num(value)}, but ${number.path} ${show(number.form)} reads as ${num(number.value)}: the forms of one blank must name the same answer`,
        )
    }
  }
}

function checkSource(q: Question, paragraphCount: number | undefined, report: Report): void {
  if (q.source === undefined || paragraphCount === undefined) return
  const { paragraph } = q.source
  const list = Array.isArray(paragraph) ? paragraph : [paragraph]
  for (const [i, n] of list.entries()) {
    if (n > paragraphCount) {
      const path: Segment[] = Array.isArray(paragraph) ? ['source', 'paragraph', i] : ['source', 'paragraph']
      report(path, `${n} is past the end of the article (paragraphs 1..${paragraphCount})`)
    }
  }
}

/** Every rule that concerns one well-shaped question. */
function checkQuestion(q: Question, paragraphCount: number | undefined, report: Report): void {
  switch (q.type) {
    case 'single':
      checkSingle(q, report)
      break
    case 'multiple':
      checkMultiple(q, report)
      break
    case 'ordering':
      checkOrdering(q, report)
      break
    case 'matching':
      checkMatching(q, report)
      break
    case 'numeric':
      checkTolerance(q, report)
      checkNumericAnswerable(q, report)
      break
    case 'blank':
      checkBlank(q, report)
      break
    case 'truefalse':
    case 'flashcard':
      break
  }
  checkSource(q, paragraphCount, report)
  for (const [loc, path] of localizedIn(q, [])) checkLocalized(loc, path, report)
}

// ---------------------------------------------------------------------------------------------
// Sets and banks

/** The readable id of a raw question, if any. */
function rawId(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined
  const id = value.id
  return typeof id === 'string' && id.trim() !== '' ? id : undefined
}

/** The raw questions array, if there is one. */
function rawQuestions(data: unknown): unknown[] {
  if (!isRecord(data)) return []
  const qs = data.questions
  return Array.isArray(qs) ? qs : []
}

/**
 * Validates one set file's parsed JSON. Shape problems and rule problems are all reported
 * together (a question whose shape is wrong is not checked further).
 */
export function validateSet(data: unknown, ctx: ValidateContext): ValidateSetResult {
  const errors: ContentError[] = []
  const questions = rawQuestions(data)

  /** Rebases a set-level path into the question it points into, when that question has an id. */
  const add = (path: Segment[], message: string): void => {
    if (path[0] === 'questions' && typeof path[1] === 'number') {
      const id = rawId(questions[path[1]])
      if (id !== undefined) {
        errors.push({ file: ctx.file, questionId: id, path: formatPath(path.slice(2)), message })
        return
      }
    }
    errors.push({ file: ctx.file, path: formatPath(path), message })
  }

  if (!isRecord(data)) {
    errors.push({ file: ctx.file, path: '', message: `must be an object (a question set), got ${show(data)}` })
    return { ok: false, errors }
  }

  const parsed = v.safeParse(QuestionSetSchema, data, { abortEarly: false })
  if (!parsed.success) {
    for (const issue of parsed.issues) {
      const { path, message } = describeIssue(issue)
      add(path, message)
    }
  }

  // Question ids unique within the set (raw ids, so this is reported even beside shape errors).
  const firstIndex = new Map<string, number>()
  for (const [i, q] of questions.entries()) {
    const id = rawId(q)
    if (id === undefined) continue
    const first = firstIndex.get(id)
    if (first !== undefined)
      errors.push({
        file: ctx.file,
        questionId: id,
        path: 'id',
        message: `${show(id)} is already the id of questions[${first}] in this set`,
      })
    else firstIndex.set(id, i)
  }

  // Rules for every question whose own shape is right.
  for (const [i, raw] of questions.entries()) {
    const one = v.safeParse(QuestionSchema, raw, { abortEarly: false })
    if (!one.success) continue
    checkQuestion(one.output, ctx.paragraphCount, (path, message) => add(['questions', i, ...path], message))
  }

  // Set-level texts.
  if (parsed.success) {
    const { questions: _qs, ...rest } = parsed.output
    for (const [loc, path] of localizedIn(rest, [])) checkLocalized(loc, path, add)
  }

  if (errors.length > 0 || !parsed.success) {
    if (errors.length === 0) errors.push({ file: ctx.file, path: '', message: 'is not a valid question set' })
    return { ok: false, errors }
  }
  return { ok: true, set: parsed.output }
}

export interface BankFile {
  file: string
  data: unknown
}

export interface ValidateBankResult {
  /** The sets that passed every check of their own, in the order given. */
  sets: QuestionSet[]
  /** Every problem, per file in the order given, then the cross-set ones. */
  errors: ContentError[]
}

/** Validates every set and the rules between sets: set ids and question ids unique across the bank. */
export function validateBank(files: readonly BankFile[], ctx: { paragraphCount?: number }): ValidateBankResult {
  const sets: QuestionSet[] = []
  const errors: ContentError[] = []
  const setOwner = new Map<string, string>()
  const questionOwner = new Map<string, string>()

  for (const { file, data } of files) {
    const result = validateSet(data, { file, paragraphCount: ctx.paragraphCount })
    if (result.ok) sets.push(result.set)
    else errors.push(...result.errors)

    const setId = rawId(data)
    if (setId !== undefined) {
      const other = setOwner.get(setId)
      if (other !== undefined && other !== file)
        errors.push({ file, path: 'id', message: `set id ${show(setId)} is also used by ${other}` })
      else if (other === undefined) setOwner.set(setId, file)
    }

    const seenHere = new Set<string>()
    for (const q of rawQuestions(data)) {
      const id = rawId(q)
      if (id === undefined || seenHere.has(id)) continue
      seenHere.add(id)
      const other = questionOwner.get(id)
      if (other !== undefined)
        errors.push({ file, questionId: id, path: 'id', message: `${show(id)} is also a question id in ${other}` })
      else questionOwner.set(id, file)
    }
  }
  return { sets, errors }
}

/** Sets in home-screen order: by `order` (sets without one last), then by id. */
export function sortSets(sets: readonly QuestionSet[]): QuestionSet[] {
  return [...sets].sort((a, b) => {
    const oa = a.order ?? Number.POSITIVE_INFINITY
    const ob = b.order ?? Number.POSITIVE_INFINITY
    if (oa !== ob) return oa < ob ? -1 : 1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}

// ---------------------------------------------------------------------------------------------
// JSON text → data, with a line and column on failure

export type ParseJsonResult = { ok: true; data: unknown } | { ok: false; error: ContentError }

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(Math.max(offset, 0), text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

/**
 * The offset where nesting first goes deeper than `max`, or null. A linear scan that skips
 * strings (a few milliseconds for a big backup), so a file of 10,000 nested lists is refused
 * before any recursive code (JSON.parse's reviver, a validator) sees it.
 */
export function findTooDeep(text: string, max: number): number | null {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      depth++
      if (depth > max) return i
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1)
  }
  return null
}

/**
 * Finds where strict JSON first goes wrong. JSON.parse's own messages only sometimes carry a
 * position (and never a line), so this walks the text itself. Returns null for valid JSON.
 */
export function findJsonError(text: string): { offset: number; message: string } | null {
  let i = 0
  const n = text.length
  class Stop {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message)
  }
  const describe = (at: number): string => (at >= n ? 'end of file' : JSON.stringify(text[at]))
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const string = (): void => {
    i++ // opening quote
    for (;;) {
      if (i >= n) fail('unterminated string')
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return
      }
      if (c < 0x20) fail('control character (such as a line break) inside a string; write it as \\n')
      if (c === 92) {
        const e = text[i + 1]
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string')
          i += 6
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2
        else fail(`bad escape "\\${e ?? ''}" in a string`)
      } else i++
    }
  }
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (m === null) return fail(`unexpected ${describe(i)}`)
    i += m[0].length
  }
  const value = (): void => {
    ws()
    if (i >= n) fail('unexpected end of file; a value is missing')
    const c = text[i]!
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        ws()
        if (text[i] === '}') fail('trailing comma before "}"')
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe(i)}`)
        string()
        ws()
        if (text[i] !== ':') fail(`expected ":" after the property name, found ${describe(i)}`)
        i++
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return
        }
        fail(`expected "," or "}" after a property value, found ${describe(i)}`)
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        ws()
        if (text[i] === ']') fail('trailing comma before "]"')
        value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return
        }
        fail(`expected "," or "]" after a list entry, found ${describe(i)}`)
      }
    }
    if (c === '"') return string()
    if (c === '-' || (c >= '0' && c <= '9')) return number()
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return
      }
    }
    fail(`unexpected ${describe(i)}`)
  }
  try {
    value()
    ws()
    if (i < n) fail(`unexpected ${describe(i)} after the end of the JSON value`)
    return null
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, message: e.message }
    throw e
  }
}

/** JSON.parse for a set file: a leading BOM is ignored; errors name the line and column. */
export function parseSetJson(file: string, text: string): ParseJsonResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return { ok: true, data: JSON.parse(body) as unknown }
  } catch (e) {
    const found = findJsonError(body)
    let offset = found?.offset
    let message = found?.message
    if (found === null) {
      const raw = e instanceof Error ? e.message : String(e)
      const at = /position (\d+)/.exec(raw)
      offset = at ? Number(at[1]) : 0
      message = raw.replace(/\s*(?:in JSON )?at position \d+.*$/, '')
    }
    const { line, column } = lineColumn(body, offset ?? 0)
    return { ok: false, error: { file, path: '', message: `invalid JSON at line ${line}, column ${column}: ${message}` } }
  }
}
