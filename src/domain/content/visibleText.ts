/**
 * Whether a text shows anything. Spaces of every kind, control characters, format characters
 * (zero-width spaces and joiners, the word joiner, the byte order mark, bidi controls), lone
 * surrogates, combining marks with nothing to sit on and the blank fillers of Hangul and Braille
 * draw nothing: a prompt, choice or answer made only of them looks empty, or two choices look the
 * same. A text needs at least one character that is none of these.
 */

/** Characters that draw nothing on their own. */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Mn}\p{Me}\u115f\u1160\u3164\uffa0\u2800]/u

/** True when `text` has at least one character that shows. */
export function hasVisibleText(text: string): boolean {
  for (const char of text) if (!INVISIBLE.test(char)) return true
  return false
}

/** The distinct invisible characters of a text, as `U+200B`, at most `max` of them. */
export function invisibleCodes(text: string, max = 6): string[] {
  const codes: string[] = []
  for (const char of text) {
    if (!INVISIBLE.test(char)) continue
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    if (!codes.includes(code)) codes.push(code)
    if (codes.length === max) break
  }
  return codes
}

/** Lone surrogates: half of a pair, cut from its other half (a text cut in the wrong place). No text can hold one. */
const LONE_SURROGATE = /\p{Cs}/gu

/** The distinct lone surrogates of a text, as `U+D800`, at most `max` of them ([] when there is none). */
export function brokenCodes(text: string, max = 6): string[] {
  const codes: string[] = []
  for (const [char] of text.matchAll(LONE_SURROGATE)) {
    const code = `U+${char.charCodeAt(0).toString(16).toUpperCase()}`
    if (!codes.includes(code)) codes.push(code)
    if (codes.length === max) break
  }
  return codes
}
