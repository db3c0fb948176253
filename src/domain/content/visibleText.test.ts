import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { hasVisibleText, invisibleCodes } from './visibleText'
import { validateSet } from './validate'

/** Characters that draw nothing: spaces, controls, zero-width and bidi format characters, fillers. */
const invisibleChar = fc.constantFrom(
  ' ', '\t', '\n', '\r', '\u000b', '\u000c', '\u0085', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\u2061', '\u2064', '\ufeff', '\u00ad', '\u180e', '\u061c',
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  '\u0000', '\u0001', '\u001f', '\u007f', '\u0080', '\u009f',
  '\u0301', '\u20dd', '\ufe0f', '\u034f', '\u115f', '\u1160', '\u3164', '\uffa0', '\u2800',
  // A lone surrogate: only low ones, so two side by side never make a pair.
  '\udc00', '\udfff', '\u{e0001}', '\u{e0041}',
)
const invisible = fc.array(invisibleChar, { maxLength: 20 }).map((chars) => chars.join(''))
/** Characters that show: letters of several scripts, digits, punctuation, symbols, emoji. */
const visibleChar = fc.constantFrom('a', 'Z', '7', '猫', '答', 'あ', 'ㄱ', 'ж', 'ש', 'ب', 'क', '.', '。', '？', '-', '$', '€', '∑', '😀', '👩', '\u{20000}', '№')

describe('hasVisibleText', () => {
  it('is false for any text made only of characters that draw nothing', () => {
    fc.assert(fc.property(invisible, (text) => !hasVisibleText(text)))
  })

  it('is true once one character that shows is among them, wherever it stands', () => {
    fc.assert(
      fc.property(invisible, visibleChar, invisible, (before, char, after) => hasVisibleText(before + char + after)),
    )
  })

  it('does not change when invisible characters are added anywhere', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), invisible, fc.nat(), (text, noise, at) => {
        const chars = [...text]
        const cut = Math.min(at, chars.length)
        return hasVisibleText(chars.slice(0, cut).join('') + noise + chars.slice(cut).join('')) === hasVisibleText(text)
      }),
    )
  })

  it('is false for every text that trim() empties: the rule only ever adds to "must not be empty"', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => text.trim() !== '' || !hasVisibleText(text)))
  })

  it('names each invisible character once, as U+XXXX', () => {
    fc.assert(
      fc.property(invisible, (text) => {
        const codes = invisibleCodes(text, 100)
        expect(new Set(codes).size).toBe(codes.length)
        for (const code of codes) expect(code).toMatch(/^U\+[0-9A-F]{4,6}$/)
        expect(codes.length).toBe(new Set([...text]).size)
      }),
    )
  })
})

describe('the set checker and invisible texts', () => {
  const L = (zh: string, en = zh) => ({ zh, en })
  const setWith = (prompt: string) => ({
    id: 's',
    title: L('题集', 'Set'),
    keyPoints: [L('要点', 'Point')],
    questions: [{ id: 'q', type: 'truefalse', prompt: L('对吗？', prompt), explanation: L('是的。', 'Yes.'), answer: true }],
  })

  it('refuses any prompt with nothing visible, at that field, and accepts it once something shows', () => {
    fc.assert(
      // Letters and digits: a lone "?" or "…" is refused as a placeholder.
      // Without lone surrogates: those are refused whatever stands beside them (below).
      fc.property(invisible.filter((t) => !/\p{Cs}/u.test(t)), fc.constantFrom('a', '猫', '7', '😀', 'ж', 'ب'), (text, char) => {
        const refused = validateSet(setWith(text), { file: 'import' })
        expect(refused.ok).toBe(false)
        if (!refused.ok) expect(refused.errors.map((e) => `${e.questionId} › ${e.path}`)).toContain('q › prompt.en')
        expect(validateSet(setWith(`${text}${char}${text}`), { file: 'import' }).ok).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('refuses any prompt holding a lone surrogate, whatever text stands around it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'), fc.string({ unit: 'grapheme', maxLength: 10 }), (before, half, after) => {
        const refused = validateSet(setWith(`猫${before}${half}${after}`), { file: 'import' })
        expect(refused.ok).toBe(false)
        if (!refused.ok) expect(refused.errors.map((e) => e.message)).toContainEqual(expect.stringMatching(/^holds a broken character/))
      }),
      { numRuns: 200 },
    )
  })
})
