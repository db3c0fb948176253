/**
 * The one normal form typed answers are compared in (checker and validator alike). On its own so
 * that showing a blank's answer (`correctResponse`) needs it without the rest of the typed-answer
 * grader (normalize.ts, quantity.ts), which loads only when a typed answer is graded.
 */

/** Invisible format characters (zero-width space, BOM, soft hyphen): dropped, never a separator. */
export const INVISIBLE = /\p{Cf}/gu
/** What a typed answer is made of: letters (with their marks) and digits. Everything else separates. */
const KEPT = /[\p{L}\p{M}\p{N}]/u
export const DIGIT = /\p{Nd}/u
/** A grouping comma: exactly three digits follow ("1,000"). */
const GROUP_TAIL = /^\p{Nd}{3}(?!\p{Nd})/u

/**
 * One separator run (spaces, punctuation, symbols) between two kept characters, as the
 * normal form writes it. Tokens are never merged: between two digits "/" and "." stay ("1/4",
 * "0.5"), a grouping comma goes ("1,000"), anything else becomes one space ("1 4" is not "14");
 * "%" right after a digit stays ("25 %" → "25%"); "+" and "#" right after a Latin letter stay
 * ("C++", "C#") unless a letter follows ("OpenAI+微软" and "微软+英伟达" are two names). Everything else is dropped: case, width, spaces, quotes, hyphens do not count.
 */
function separator(run: string, left: string, rightText: string): string {
  const right = rightText[0] ?? ''
  const leftDigit = DIGIT.test(left)
  const rightDigit = DIGIT.test(right)
  if (leftDigit) {
    let out = run.includes('%') ? '%' : ''
    if (rightDigit) {
      if (run.includes('/')) out += '/'
      else if (run === '.') out += '.'
      else if (run === ',' && GROUP_TAIL.test(rightText)) out += ''
      else out += ' '
    }
    return out
  }
  // "C++" and "C#" end a name; a "+" with a word right after it joins two names ("OpenAI+微软").
  if (/\p{Script=Latin}/u.test(left) && !/^\p{L}/u.test(right)) {
    const tail = /^[+#]+/.exec(run)
    if (tail) return tail[0]
  }
  return ''
}

function normalizeOnce(s: string): string {
  const text = s.normalize('NFKC').toLowerCase().replace(INVISIBLE, '')
  let out = ''
  let lastKept = ''
  let i = 0
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!)
    if (KEPT.test(ch)) {
      out += ch
      lastKept = ch
      i += ch.length
      continue
    }
    let j = i
    while (j < text.length) {
      const c = String.fromCodePoint(text.codePointAt(j)!)
      if (KEPT.test(c)) break
      j += c.length
    }
    out += separator(text.slice(i, j), lastKept, text.slice(j))
    i = j
  }
  return out
}

/**
 * The form two typed answers are compared in, by the checker and by the validator alike:
 * NFKC (full-width → half-width), lowercase, without the spaces, punctuation and symbols that
 * do not change the answer; see `separator` for what stays. Idempotent.
 */
export function normalizeText(s: string): string {
  if (typeof s !== 'string') return ''
  // One pass is not always a fixed point: removing a character can let NFKC compose its
  // neighbours ("e.\u0301" → "é"), and lowercasing can produce text NFKC changes again.
  let out = s
  for (let pass = 0; pass < 8; pass++) {
    const next = normalizeOnce(out)
    if (next === out) break
    out = next
  }
  return out
}
