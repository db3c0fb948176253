/**
 * Cells a spreadsheet would run as a formula. A TSV the app exports may be opened in Excel or
 * LibreOffice rather than imported into Anki; a cell starting with `=`, `+`, `-` or `@` (say an
 * imported `=HYPERLINK(...)`) would run there. Such a cell is written behind an apostrophe, which
 * spreadsheets read as "this is text", and the importer takes one apostrophe off again, so the
 * app's own export reads back as it was. A plain number (`-2`, `+86`) runs nothing and stays as it is.
 */

/** Any number of apostrophes, then a character that starts a formula. */
const ESCAPED_OR_FORMULA = /^'*[=+\-@]/
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:e[+-]?\d+)?%?$/i

/** The cell as it is written to a TSV: one apostrophe more when it starts (after apostrophes) like a formula. */
export function guardFormula(text: string): string {
  return ESCAPED_OR_FORMULA.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text
}

/** A cell as it is read from a CSV / TSV: guardFormula undone. */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && ESCAPED_OR_FORMULA.test(text) ? text.slice(1) : text
}
