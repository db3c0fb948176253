/**
 * Quotation marks around a quote shown as a citation. A quote that already stands in its own
 * pair of marks (“千问恐慌”, 「…」, "…") is shown as it is, not as ““千问恐慌””.
 */

/** Each opening mark and the mark that closes it. */
const CLOSING: Readonly<Record<string, string>> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '«': '»',
  '‹': '›',
  '"': '"',
  "'": "'",
}

const LETTER = /[\p{L}\p{N}]/u

/** ’ or ' between two letters is an apostrophe (Don’t, Alibaba’s), not a closing mark. */
function isApostrophe(text: string, i: number): boolean {
  const ch = text[i]
  return (ch === '’' || ch === "'") && LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '')
}

/**
 * True when the whole text (spaces around it aside) stands in one pair of quotation marks: it
 * starts with an opening mark, ends with the mark that closes it, and that pair is not closed
 * before the end. “甲”和“乙” starts and ends with marks, but they are two quotes, not one.
 */
export function isWhollyQuoted(text: string): boolean {
  const s = text.trim()
  const open = s[0] ?? ''
  const close = CLOSING[open]
  if (close === undefined || s.length < 2 || s[s.length - 1] !== close) return false
  let depth = 1
  for (let i = 1; i < s.length - 1; i++) {
    const ch = s[i]
    if (ch === close) {
      if (!isApostrophe(s, i)) depth--
    } else if (ch === open) depth++
    if (depth === 0) return false
  }
  return depth === 1
}

/** The quote in “ ” for display, unless it already stands in its own pair of marks. */
export function inQuoteMarks(text: string): string {
  return isWhollyQuoted(text) ? text : `“${text}”`
}
