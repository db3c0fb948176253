/**
 * CSV / TSV of term–definition pairs, as Anki and Quizlet export them. Each row becomes a
 * flashcard (term → definition) and a question the other way round: a typed answer (given the
 * definition, type the term) or, when the row has more columns, a single choice among the
 * definition and those columns.
 *
 * The file has one language, so both languages of every text get the same cell. Problems name
 * the physical line of the file (quoted fields may span lines) and the field number.
 */
import Papa from 'papaparse'
import type { Localized, Question, QuestionSet } from '@/domain/content/schema'
import { MAX_CHOICES } from '@/domain/content/schema'
import { normalizeText } from '@/domain/content/normalForm'
import { validateSet } from '@/domain/content/validate'
import { htmlToText, readAnkiHeader, splitTags } from './anki'
import { clozeCards, clozeCount, hasCloze } from './cloze'
import { unguardFormula } from './formula'
import { visibleName } from './name'
import { codeValidatorMessage } from './validatorCodes'
import { groupDigits, issue, MAX_QUESTIONS, MAX_TEXT, type ImportIssue, type ImportMeta, type ImportResult } from './types'

export interface DelimitedOptions {
  separator?: string
  header?: boolean | 'auto'
  name?: string
  idPrefix: string
}

interface Cell {
  text: string
  /** 1-based field number in the file. */
  column: number
  /** The cell held media (Anki's `[sound:…]`, an HTML image) that was left out. */
  media?: true
}

/** Anki's reference to a sound file: no text of a card. */
const SOUND = /\[sound:[^\]\n]*\]/g
const HAS_SOUND = /\[sound:[^\]\n]*\]/
const IMAGE = /<img\b/i

interface Row {
  line: number
  cells: Cell[]
  /** Anki's tags for the row: its tags column and the `#tags:` line. */
  tags: string[]
}

/** Each row makes two questions. */
export const MAX_ROWS = Math.floor(MAX_QUESTIONS / 2)
/**
 * Empty lines between rows: generous for a spaced-out file, yet a file of millions of them is
 * refused at once instead of being split into millions of empty rows first.
 */
export const MAX_BLANK_LINES = 50_000
/** Enough to fix a file in one go without flooding the screen. */
const MAX_ISSUES = 100
const MAX_COLUMNS = 2 + MAX_CHOICES - 1
const CHOICE_IDS = 'abcdefghijklmnopqrstuvwxyz'
// Maps, not object literals: a custom separator such as "constructor" must not find Object's own keys.
const NAMED = new Map([
  ['tab', '\t'],
  ['comma', ','],
  ['semicolon', ';'],
])
const CANDIDATES = ['\t', ',', ';', '|']
const SAMPLE_LINES = 20
/** Enough for 20 rows of any real deck; a longer first line is cut for the guess only. */
const SAMPLE_CHARS = 64 * 1024
/** Questions validated between two progress reports. */
const VALIDATE_CHUNK = 2000
/** Share of the work done once the text is split into rows. */
const PARSED = 0.2

/** The separator itself for a named one ('tab'), a typed `\t`, or a literal; undefined = detect. */
export function resolveSeparator(option: string | undefined): string | undefined {
  if (option === undefined || option === '') return undefined
  const named = NAMED.get(option)
  if (named !== undefined) return named
  if (option === '\\t') return '\t'
  return option
}

/** "found 1 column" in the words of the separator used. */
function oneColumn(sep: string, where: Pick<ImportIssue, 'line' | 'column'>): ImportIssue {
  const lead = 'found 1 column; a row needs a term and a definition separated by'
  if (sep === '\t') return issue('oneColumnTab', `${lead} a tab`, undefined, where)
  if (sep === ',') return issue('oneColumnComma', `${lead} a comma`, undefined, where)
  if (sep === ';') return issue('oneColumnSemicolon', `${lead} a semicolon`, undefined, where)
  const separator = JSON.stringify(sep)
  return issue('oneColumnOther', `${lead} ${separator}`, { separator }, where)
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 0xfeff

/** `body` without the empty lines at its end (they hold nothing, and could be millions). */
function trimTrailingLines(body: string): string {
  let last = body.length - 1
  while (last >= 0 && isSpace(body.charCodeAt(last))) last--
  const rest = body.slice(last + 1).search(/[\r\n]/)
  return rest === -1 ? body : body.slice(0, last + 1 + rest)
}

/** Empty lines (or separator-only rows) past MAX_BLANK_LINES: refused before or while parsing. */
function blankLinesRefused(): ImportResult {
  const max = groupDigits(MAX_BLANK_LINES)
  return {
    ok: false,
    errors: [issue('tooManyBlankLines', `The file has more than ${max} empty lines between its rows. Remove the empty lines and try again.`, { max })],
    meta: { format: 'csv' },
  }
}

/** Whether more than `max` lines hold nothing but spaces; stops counting there. */
function tooManyBlankLines(body: string, max: number): boolean {
  let blank = 0
  let empty = true
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    if (c === 10 || c === 13) {
      if (c === 13 && body.charCodeAt(i + 1) === 10) i++
      if (empty && ++blank > max) return true
      empty = true
    } else if (!isSpace(c)) empty = false
  }
  return false
}

/**
 * The separator of a file that does not name one: the candidate that splits the most sampled
 * rows into a term and a definition, then the one with the steadiest column count, then tab
 * first (Quizlet and Anki write tabs, and a definition may hold commas). One bad row must not
 * hide the separator of the rest, so this does not require every row to agree.
 */
function guessSeparator(body: string): { separator: string; found: boolean } {
  let best = { separator: ',', rows: 0, shapes: Number.POSITIVE_INFINITY }
  for (const separator of CANDIDATES) {
    // A sample from the start: a file of one 10 MB line must not be read four times over to guess.
    const rows = Papa.parse<string[]>(body.slice(0, SAMPLE_CHARS), { delimiter: separator, skipEmptyLines: 'greedy', preview: SAMPLE_LINES }).data
    const split = rows.filter((r) => r.length >= 2)
    const shapes = new Set(split.map((r) => r.length)).size
    if (split.length > best.rows || (split.length === best.rows && split.length > 0 && shapes < best.shapes))
      best = { separator, rows: split.length, shapes }
  }
  if (best.rows === 0 && body.length > SAMPLE_CHARS) {
    // No row ends within the sample: a first line longer than it. The first candidate it holds.
    const held = CANDIDATES.find((c) => body.includes(c))
    if (held !== undefined) return { separator: held, found: true }
  }
  return { separator: best.separator, found: best.rows > 0 }
}

// Header words Anki, Quizlet and spreadsheet users put above their two columns (compared lowercased).
const FIRST_NAMES = new Set(['term', 'terms', 'word', 'words', 'front', 'question', 'questions', 'prompt', 'q', 'text', 'card', '词条', '术语', '问题', '题目', '正面', '单词', '词语', '名词', '概念', '问'])
const SECOND_NAMES = new Set(['definition', 'definitions', 'meaning', 'meanings', 'back', 'answer', 'answers', 'a', 'translation', 'explanation', '定义', '释义', '答案', '背面', '解释', '含义', '意思', '翻译', '答'])

function headerWord(cell: Cell | undefined): string {
  return (cell?.text ?? '').trim().toLowerCase().replace(/^[\s"'“”‘’:：]+|[\s"'“”‘’:：]+$/g, '')
}

/** A first row like "term,definition", "Front;Back" or "问题\t答案". */
function looksLikeHeader(cells: readonly Cell[]): boolean {
  return FIRST_NAMES.has(headerWord(cells[0])) && SECOND_NAMES.has(headerWord(cells[1]))
}

/** Counts physical lines (\n, \r\n or a lone \r) up to increasing offsets in one pass. */
class LineCounter {
  private offset = 0
  constructor(
    private readonly text: string,
    private line: number,
  ) {}

  at(offset: number): number {
    const t = this.text
    const end = Math.min(offset, t.length)
    for (let i = this.offset; i < end; i++) {
      const c = t.charCodeAt(i)
      if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) this.line++
    }
    this.offset = Math.max(this.offset, end)
    return this.line
  }
}

const L = (text: string): Localized => ({ zh: text, en: text })

function tooLong(code: 'termTooLong' | 'definitionTooLong' | 'choiceTooLong', cell: Cell, line: number): ImportIssue {
  const what = code === 'termTooLong' ? 'the term' : code === 'definitionTooLong' ? 'the definition' : 'this choice'
  const n = groupDigits(cell.text.length)
  const max = groupDigits(MAX_TEXT)
  return issue(code, `${what} is ${n} characters; the limit is ${max}`, { n, max }, { line, column: cell.column })
}

interface Pair {
  line: number
  term: Cell
  definition: Cell
  choices: Cell[]
  tags: string[]
  /** An Anki cloze note: `term` holds the deletions, `definition` its Back Extra (may be empty). */
  cloze?: true
}

/** Which field of the file a validator path inside a generated question points at. */
type FieldOf = (path: string) => number

/**
 * `text` (no BOM) as a set of flashcards plus reverse questions. A generator: it yields the
 * fraction done (0..1) between chunks of work and returns the result.
 */
export function* parseDelimitedSteps(text: string, options: DelimitedOptions): Generator<number, ImportResult, void> {
  const anki = readAnkiHeader(text)
  const body = trimTrailingLines(text.slice(anki.length))
  const chosen = resolveSeparator(options.separator) ?? anki.separator
  if (chosen !== undefined && /["\r\n\uFEFF]/.test(chosen))
    return { ok: false, errors: [issue('badSeparator', 'The separator cannot be a double quote or a line break.')], meta: { format: 'csv' } }
  if (tooManyBlankLines(body, MAX_BLANK_LINES)) return blankLinesRefused()

  const issues: ImportIssue[] = []
  const warnings: ImportIssue[] = []
  const rows: Row[] = []
  const skip = new Set(anki.skipColumns)
  const lines = new LineCounter(body, anki.lines + 1)
  const guessed = chosen === undefined ? guessSeparator(body) : { separator: chosen, found: true }
  const separator = guessed.separator
  let rowStart = 0
  let truncated = false
  let blankRows = 0

  Papa.parse<string[]>(body, {
    delimiter: separator,
    quoteChar: '"',
    skipEmptyLines: false,
    step(result, parser) {
      const line = lines.at(rowStart)
      rowStart = result.meta.cursor
      const quoteError = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')
      if (quoteError !== undefined) {
        // The rest of the row (or file) is unreliable after a broken quote: report only that.
        issues.push(
          quoteError.code === 'MissingQuotes'
            ? issue('quoteNotClosed', 'a quoted field is never closed (a " is missing)', undefined, { line })
            : issue('quoteTextAfter', 'a quoted field has text after its closing quote; inside quotes, write a quote as ""', undefined, { line }),
        )
        return
      }
      const cells: Cell[] = []
      let tags = anki.tags
      for (const [i, raw] of result.data.entries()) {
        if (i === anki.tagsColumn) tags = [...new Set([...anki.tags, ...splitTags(raw)])]
        if (skip.has(i)) continue
        // Media the app cannot show: sound references (always Anki's), images (where the file is HTML).
        const media = HAS_SOUND.test(raw) || (anki.html === true && IMAGE.test(raw))
        const words = media ? raw.replace(SOUND, '') : raw
        const text = anki.html === true ? htmlToText(words) : words
        // Without characters that hide or turn text round: an invisible cell is an empty one.
        // A cell written behind an apostrophe so a spreadsheet shows it as text (formula.ts) is read without it.
        cells.push({ text: unguardFormula(visibleName(text.replace(/\r\n?/g, '\n'))), column: i + 1, ...(media ? { media: true as const } : {}) })
      }
      if (cells.every((c) => c.text === '')) {
        // A blank line, or one of separators only (",,,"): skipped, but a flood of them is cut short.
        if (++blankRows > MAX_BLANK_LINES) {
          truncated = true
          parser.abort()
        }
        return
      }
      rows.push({ line, cells, tags })
      // One row past the limit is enough to know the file is too long (a header row may still drop).
      if (rows.length > MAX_ROWS + 1) {
        truncated = true
        parser.abort()
      }
    },
  })
  if (anki.html === true) warnings.push(issue('htmlRemoved', 'HTML tags were removed: the file says #html:true.'))
  if (blankRows > MAX_BLANK_LINES) return blankLinesRefused()

  const meta: ImportMeta = { format: 'csv', separator, header: false, rows: 0 }
  const useHeader =
    options.header === true ||
    ((options.header === undefined || options.header === 'auto') &&
      // Anki's own exports name their columns in the # lines, never in a first row.
      anki.lines === 0 &&
      rows[0] !== undefined &&
      looksLikeHeader(rows[0].cells))
  let header: ImportIssue | null = null
  if (useHeader && rows[0] !== undefined) {
    const head = rows.shift()!
    meta.header = true
    const cells = head.cells.map((c) => c.text).join(' | ')
    header = issue('headerRow', `Read as column names, not a card: ${cells}`, { cells }, { line: head.line })
    warnings.push(header)
  }
  meta.rows = rows.length

  if (truncated || rows.length > MAX_ROWS) {
    const params = { max: groupDigits(MAX_ROWS), questions: groupDigits(MAX_QUESTIONS) }
    return {
      ok: false,
      meta,
      errors: [
        issue(
          'tooManyRows',
          `The file has more than ${params.max} rows; the limit is ${params.max} (each row makes 2 questions, and a set holds at most ${params.questions}).`,
          params,
        ),
      ],
    }
  }
  if (rows.length === 0 && issues.length === 0 && header !== null) {
    const cells = String(header.params?.cells ?? '')
    const message = `The file has only column names (${cells}) and no cards below them. Add one row per card: a term, the separator, its definition.`
    return { ok: false, meta, errors: [issue('onlyHeader', message, { cells }, { line: header.line })] }
  }
  if (rows.length === 0 && issues.length === 0)
    return { ok: false, meta, errors: [issue('noRows', 'The file has no rows with a term and a definition.')] }

  const pairs: Pair[] = []
  for (const row of rows) {
    const pair = checkRow(row, separator, !guessed.found, issues)
    if (pair) pairs.push(pair)
  }
  if (issues.length > 0) return { ok: false, meta, errors: capped(issues) }

  // A row makes at most two questions, a cloze note one per cloze number: counted before any is made.
  const count = pairs.reduce((n, p) => n + (p.cloze ? clozeCount(p.term.text) : 2), 0)
  if (count > MAX_QUESTIONS) {
    const params = { n: groupDigits(count), max: groupDigits(MAX_QUESTIONS) }
    return { ok: false, meta, errors: [issue('tooManyQuestions', `the set has ${params.n} questions; the limit is ${params.max}`, params)] }
  }
  yield PARSED
  const { set, fieldOf } = buildSet(pairs, options)
  warnings.push(...untyped(pairs))
  // The validator's per-question rules, a chunk at a time so a caller can keep the screen alive.
  // Ids are unique by construction, the one rule that spans questions.
  const seen = new Set<string>()
  const questions: Question[] = []
  for (let start = 0; start < set.questions.length; start += VALIDATE_CHUNK) {
    const checked = validateSet({ ...set, questions: set.questions.slice(start, start + VALIDATE_CHUNK) }, { file: 'import' })
    if (checked.ok) questions.push(...checked.set.questions)
    else {
      for (const e of checked.errors) {
        const located = e.questionId !== undefined ? fieldOf.get(e.questionId) : undefined
        const found: ImportIssue = {
          ...(located ? { line: located.line, column: located.field(e.path) } : { path: e.path }),
          message: e.message,
          ...codeValidatorMessage(e.message),
        }
        // zh and en hold the same cell, so each problem comes twice (set-level ones once per chunk); keep one.
        const key = `${found.line}:${found.column}:${found.path}:${found.message}`
        if (!seen.has(key)) issues.push(found)
        seen.add(key)
      }
    }
    yield PARSED + ((1 - PARSED) * Math.min(start + VALIDATE_CHUNK, set.questions.length)) / set.questions.length
  }
  if (issues.length > 0) return { ok: false, meta, errors: capped(issues) }
  warnings.push(...duplicateTerms(pairs))
  return { ok: true, set: { ...set, questions }, warnings, meta }
}

function capped(issues: ImportIssue[]): ImportIssue[] {
  if (issues.length <= MAX_ISSUES) return issues
  const n = groupDigits(issues.length - MAX_ISSUES)
  return [...issues.slice(0, MAX_ISSUES), issue('moreProblems', `…and ${n} more problems.`, { n })]
}

/** The row as a pair, or null after reporting what is wrong with it. */
function checkRow(row: Row, separator: string, undetectable: boolean, issues: ImportIssue[]): Pair | null {
  const { line } = row
  const cells = [...row.cells]
  // Spreadsheets often leave empty cells at the end of a row; they are not choices.
  while (cells.length > 2 && cells[cells.length - 1]!.text === '') cells.pop()
  const before = issues.length

  // An Anki cloze note: its text holds the answers; its Back Extra (the second column) may be empty or absent.
  const first = cells[0]
  if (first !== undefined && hasCloze(first.text)) {
    const extra = cells[1] ?? { text: '', column: first.column + 1 }
    if (first.text.length > MAX_TEXT) issues.push(tooLong('termTooLong', first, line))
    if (extra.text.length > MAX_TEXT) issues.push(tooLong('definitionTooLong', extra, line))
    return issues.length === before ? { line, term: first, definition: extra, choices: [], tags: row.tags, cloze: true } : null
  }

  if (cells.length < 2) {
    const where = { line, column: (cells[0]?.column ?? 0) + 1 }
    // The row holds another separator than the file's: a file that mixes them (pasted from two places).
    const other = undetectable ? undefined : CANDIDATES.find((c) => c !== separator && (cells[0]?.text ?? '').includes(c))
    if (other !== undefined) {
      const params = { found: JSON.stringify(other), used: JSON.stringify(separator) }
      issues.push(
        issue(
          'mixedSeparator',
          `found 1 column: this row has ${params.found} where the other rows have ${params.used}; use one separator throughout the file`,
          params,
          where,
        ),
      )
      return null
    }
    issues.push(
      undetectable
        ? issue('noSeparator', 'found no separator (a tab, comma or semicolon) between a term and its definition', undefined, where)
        : oneColumn(separator, where),
    )
    return null
  }
  if (cells.length > MAX_COLUMNS) {
    const params = { n: cells.length, max: MAX_COLUMNS, choices: MAX_CHOICES - 1 }
    issues.push(
      issue(
        'tooManyColumns',
        `the row has ${params.n} columns; the limit is ${params.max} (a term, a definition and up to ${params.choices} wrong choices)`,
        params,
        { line, column: cells[MAX_COLUMNS]!.column },
      ),
    )
    return null
  }
  const [term, definition] = cells as [Cell, Cell]
  const choices = cells.slice(2).filter((c) => c.text !== '')
  if (term.text === '') issues.push(term.media ? mediaOnly(term, line) : issue('termEmpty', 'the term is empty', undefined, { line, column: term.column }))
  else if (term.text.length > MAX_TEXT) issues.push(tooLong('termTooLong', term, line))
  if (definition.text === '')
    issues.push(definition.media ? mediaOnly(definition, line) : issue('definitionEmpty', 'the definition is empty', undefined, { line, column: definition.column }))
  else if (definition.text.length > MAX_TEXT) issues.push(tooLong('definitionTooLong', definition, line))
  const seen = new Map<string, number>([[definition.text, definition.column]])
  for (const c of choices) {
    const same = seen.get(c.text)
    if (c.text.length > MAX_TEXT) issues.push(tooLong('choiceTooLong', c, line))
    else if (same !== undefined)
      issues.push(issue('choiceRepeats', `this choice repeats column ${same}`, { column: same }, { line, column: c.column }))
    else seen.set(c.text, c.column)
  }
  return issues.length === before ? { line, term, definition, choices, tags: row.tags } : null
}

/** A cell that held only media: the app shows text, so the card would be blank. */
function mediaOnly(cell: Cell, line: number): ImportIssue {
  return issue(
    'mediaOnly',
    'this cell holds only a sound or an image, which the app cannot show; give the card a text (a word or a sentence) in this field, or leave the row out',
    undefined,
    { line, column: cell.column },
  )
}

function buildSet(pairs: Pair[], options: DelimitedOptions): { set: QuestionSet; fieldOf: Map<string, { line: number; field: FieldOf }> } {
  const fieldOf = new Map<string, { line: number; field: FieldOf }>()
  const questions: Question[] = []
  const prefix = options.idPrefix
  for (const [i, p] of pairs.entries()) {
    if (p.cloze) {
      clozeQuestions(p, `${prefix}-${i + 1}`, questions, fieldOf)
      continue
    }
    const term = p.term.text
    const def = p.definition.text
    const explanation = L(term.length + def.length + 3 <= MAX_TEXT ? `${term} — ${def}` : def)
    // Anki's tags go on both questions of the row (the notebook filters by them).
    const tagged = p.tags.length > 0 ? { tags: p.tags } : {}
    const cardId = `${prefix}-${i + 1}-card`
    questions.push({ id: cardId, type: 'flashcard', prompt: L(term), back: L(def), explanation, ...tagged })
    fieldOf.set(cardId, { line: p.line, field: (path) => (path.startsWith('prompt') ? p.term.column : p.definition.column) })

    if (p.choices.length > 0) {
      const columns = [p.definition.column, ...p.choices.map((c) => c.column)]
      const id = `${prefix}-${i + 1}-choice`
      questions.push({
        id,
        type: 'single',
        prompt: L(term),
        choices: [def, ...p.choices.map((c) => c.text)].map((text, j) => ({ id: CHOICE_IDS[j]!, text: L(text) })),
        answer: 'a',
        explanation,
        ...tagged,
      })
      fieldOf.set(id, {
        line: p.line,
        field: (path) => {
          const m = /^choices\[(\d+)\]/.exec(path)
          if (m) return columns[Number(m[1])] ?? p.definition.column
          return path.startsWith('prompt') ? p.term.column : p.definition.column
        },
      })
    } else if (typeable(term)) {
      // A typed answer needs letters or digits to compare; an emoji or a symbol ("🍎", "∑") stays a flashcard.
      const id = `${prefix}-${i + 1}-blank`
      questions.push({ id, type: 'blank', prompt: L(def), answer: L(term), explanation, ...tagged })
      fieldOf.set(id, { line: p.line, field: (path) => (path.startsWith('answer') ? p.term.column : p.definition.column) })
    }
  }
  const name = (options.name ?? '').trim().slice(0, MAX_TEXT)
  const n = groupDigits(pairs.length)
  const set: QuestionSet = {
    id: prefix,
    title: name === '' ? { zh: '导入的题组', en: 'Imported set' } : L(name),
    keyPoints: [
      {
        zh: `共 ${n} 个词条：先翻看卡片，再根据释义写出（或选出）词条。`,
        en: `${n} terms: go through the cards, then recall each term from its definition.`,
      },
    ],
    questions,
  }
  return { set, fieldOf }
}

/**
 * The cards of a cloze note, as Anki makes them: one per cloze number, a typed question whose
 * answer is that number's deleted text (a flashcard when it has nothing to type), explained by
 * the whole text and the note's Back Extra.
 */
function clozeQuestions(p: Pair, idBase: string, questions: Question[], fieldOf: Map<string, { line: number; field: FieldOf }>): void {
  const { full, cards } = clozeCards(p.term.text)
  const extra = p.definition.text
  const explanation = L(extra !== '' && full.length + extra.length + 3 <= MAX_TEXT ? `${full} — ${extra}` : full)
  const tagged = p.tags.length > 0 ? { tags: p.tags } : {}
  const field: FieldOf = (path) => (path.startsWith('explanation') && extra !== '' ? p.definition.column : p.term.column)
  for (const card of cards) {
    const id = `${idBase}-c${card.n}`
    questions.push(
      typeable(card.answer)
        ? { id, type: 'blank', prompt: L(card.prompt), answer: L(card.answer), explanation, ...tagged }
        : { id, type: 'flashcard', prompt: L(card.prompt), back: L(card.answer), explanation, ...tagged },
    )
    fieldOf.set(id, { line: p.line, field })
  }
}

/** Whether a typed answer could be checked: something is left once case, spaces and punctuation go. */
function typeable(term: string): boolean {
  return normalizeText(term) !== ''
}

/** Rows kept as flashcards only, because their term cannot be typed and checked. */
function untyped(pairs: Pair[]): ImportIssue[] {
  const out: ImportIssue[] = []
  for (const p of pairs) {
    if (p.cloze || p.choices.length > 0 || typeable(p.term.text)) continue
    const term = JSON.stringify(p.term.text)
    if (out.length < 20)
      out.push(
        issue(
          'noTypedQuestion',
          `the term ${term} has no letters or digits to type, so this row makes only a flashcard (no typed question)`,
          { term },
          { line: p.line, column: p.term.column },
        ),
      )
  }
  return out
}

/** A term on two rows is allowed (homonyms) but often a slip: say where. */
function duplicateTerms(pairs: Pair[]): ImportIssue[] {
  const first = new Map<string, number>()
  const out: ImportIssue[] = []
  for (const p of pairs) {
    const key = p.term.text.toLowerCase()
    const at = first.get(key)
    if (at === undefined) first.set(key, p.line)
    else if (out.length < 20) {
      const term = JSON.stringify(p.term.text)
      out.push(issue('duplicateTerm', `the term ${term} is also on line ${at}`, { term, line: at }, { line: p.line, column: p.term.column }))
    }
  }
  return out
}
