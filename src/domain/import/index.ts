/**
 * Bring-your-own question sets: text in, a valid QuestionSet (or every problem with its line and
 * column) out. Pure and total: parseImport returns for any input and never throws.
 */
import { lineColumn } from '@/domain/content/validate'
import { parseDelimitedSteps } from './csv'
import { prefixIssue } from './ids'
import { parseJsonImport } from './json'
import { issue, sizeIssue, utf8Length, type ImportFormat, type ImportIssue, type ImportOptions, type ImportResult } from './types'

export { decodeFile, type DecodeResult } from './decode'
export { exportSetJson, exportSetTsv, naturalPairs } from './export'
export { emptyFileIssue, emptyPasteIssue, pasteTooBigIssue, unreadableFileIssue } from './source'
export {
  MAX_FILE_BYTES,
  sizeIssue,
  utf8Length,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
} from './types'

// C0 control characters other than tab, line feed and carriage return: no text of a set holds one.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/

/** The first control character, with its line and character column, or null. */
export function controlIssue(text: string): ImportIssue | null {
  const m = CONTROL.exec(text)
  if (m === null) return null
  const where = lineColumn(text, m.index)
  const code = m[0].charCodeAt(0)
  if (code === 0)
    return issue(
      'controlNul',
      'The text holds a NUL character (U+0000), which no question text can hold. The file is most likely binary, or UTF-16 text without a byte order mark: save it as UTF-8 text and try again.',
      undefined,
      where,
    )
  const char = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return issue(
    'controlChar',
    `The text holds the control character ${char}, which no question text can hold. The file is most likely binary or damaged: save it again as UTF-8 text (CSV, TSV or JSON) and try again.`,
    { char },
    where,
  )
}

/** Comments and spaces at the start of a text: JSON has no comments, but a hand-written set may open with one. */
const LEADING_COMMENTS = /^(?:\s+|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/

/** JSON when the text opens like a JSON value (after any comments); otherwise delimited text. */
export function detectFormat(text: string): Exclude<ImportFormat, 'auto'> {
  const rest = text.slice(LEADING_COMMENTS.exec(text)?.[0].length ?? 0).trimStart()
  // An Anki cloze note ("{{c1::…}}") or sound ("[sound:…]") opens like JSON, but no JSON opens so.
  if (rest.startsWith('{{') || rest.startsWith('[sound:')) return 'csv'
  return rest[0] === '{' || rest[0] === '[' ? 'json' : 'csv'
}

/**
 * parseImport as a generator: yields the fraction done (0..1) between chunks of work, so a
 * caller can update a progress bar and let the page breathe; returns the same result.
 */
export function* parseImportSteps(text: string, options: ImportOptions): Generator<number, ImportResult, void> {
  try {
    if (typeof text !== 'string') return { ok: false, errors: [issue('noText', 'There is no text to import.')] }
    const big = sizeIssue(utf8Length(text))
    if (big) return { ok: false, errors: [big] }
    const bad = prefixIssue(options.idPrefix)
    if (bad) return { ok: false, errors: [bad] }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
    if (body.trim() === '') return { ok: false, errors: [issue('emptyText', 'The file is empty.')] }
    const control = controlIssue(body)
    if (control) return { ok: false, errors: [control] }

    const delimited = { separator: options.separator, header: options.header, name: options.name, idPrefix: options.idPrefix }
    const format = options.format === 'json' || options.format === 'csv' ? options.format : detectFormat(body)
    if (format === 'csv') return yield* parseDelimitedSteps(body, delimited)
    const json = parseJsonImport(body, options.idPrefix)
    if (options.format === 'json' || json.ok || json.errors[0]?.code !== 'invalidJson') return json
    // It opens like JSON but is not JSON: a deck whose first term is "[kæt]" or "{x}" is CSV / TSV.
    const csv = yield* parseDelimitedSteps(body, delimited)
    if (csv.ok) return csv
    // Neither: the JSON problem, saying that CSV / TSV was tried too and how to choose.
    const [syntax, ...rest] = json.errors
    const first = /\S/.exec(body)?.[0] ?? ''
    const reason = String(syntax?.params?.reason ?? '')
    const tried = issue(
      'triedBoth',
      `invalid JSON: ${reason}. The text starts with “${first}”, so it was read as JSON; read as CSV / TSV it fails too. If it is a CSV / TSV file, choose “CSV / TSV” as the format to see its problems.`,
      { reason, first },
      { line: syntax?.line, column: syntax?.column },
    )
    return { ...json, errors: [tried, ...rest] }
  } catch (e) {
    // A safety net: every known problem is reported above, but a bad file must never crash the screen.
    const reason = e instanceof Error ? e.message : String(e)
    return { ok: false, errors: [issue('unreadable', `The file could not be read: ${reason}`, { reason })] }
  }
}

/** Text → a valid QuestionSet re-keyed under options.idPrefix, or every problem found. Never throws. */
export function parseImport(text: string, options: ImportOptions): ImportResult {
  const steps = parseImportSteps(text, options)
  for (;;) {
    const step = steps.next()
    if (step.done === true) return step.value
  }
}
