/**
 * Bring-your-own question sets: text in, a valid QuestionSet (or every problem with its line and
 * column) out. Pure and total: parseImport returns for any input and never throws.
 */
import { parseDelimitedSteps } from './csv'
import { prefixIssue } from './ids'
import { parseJsonImport } from './json'
import { sizeIssue, utf8Length, type ImportFormat, type ImportOptions, type ImportResult } from './types'

export { decodeFile, type DecodeResult } from './decode'
export { exportSetJson, exportSetTsv, naturalPairs } from './export'
export {
  formatMegabytes,
  MAX_FILE_BYTES,
  sizeIssue,
  utf8Length,
  type ImportFormat,
  type ImportIssue,
  type ImportOptions,
  type ImportResult,
} from './types'

/** JSON when the text opens like a JSON value; otherwise delimited text. */
export function detectFormat(text: string): Exclude<ImportFormat, 'auto'> {
  const first = /\S/.exec(text)?.[0]
  return first === '{' || first === '[' ? 'json' : 'csv'
}

/**
 * parseImport as a generator: yields the fraction done (0..1) between chunks of work, so a
 * caller can update a progress bar and let the page breathe; returns the same result.
 */
export function* parseImportSteps(text: string, options: ImportOptions): Generator<number, ImportResult, void> {
  try {
    if (typeof text !== 'string') return { ok: false, errors: [{ message: 'There is no text to import.' }] }
    const big = sizeIssue(utf8Length(text))
    if (big) return { ok: false, errors: [big] }
    const bad = prefixIssue(options.idPrefix)
    if (bad) return { ok: false, errors: [bad] }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
    if (body.trim() === '') return { ok: false, errors: [{ message: 'The file is empty.' }] }

    const format = options.format === 'json' || options.format === 'csv' ? options.format : detectFormat(body)
    if (format === 'json') return parseJsonImport(body, options.idPrefix)
    return yield* parseDelimitedSteps(body, {
      separator: options.separator,
      header: options.header,
      name: options.name,
      idPrefix: options.idPrefix,
    })
  } catch (e) {
    // A safety net: every known problem is reported above, but a bad file must never crash the screen.
    const reason = e instanceof Error ? e.message : String(e)
    return { ok: false, errors: [{ message: `The file could not be read: ${reason}` }] }
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
