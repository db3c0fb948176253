import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inQuoteMarks, isWhollyQuoted } from './quote'

const PAIRS = [['“', '”'], ['‘', '’'], ['「', '」'], ['『', '』'], ['«', '»'], ['"', '"'], ["'", "'"]] as const
const MARKS = new Set<string>(PAIRS.flat())
/** Text with no quotation mark in it (Chinese, Latin, digits, spaces and punctuation). */
const plain = fc
  .string({ unit: fc.constantFrom(...'千问恐慌席卷硅谷谁在颤抖阿里 Qwen open AI 1,.;：，。？'), minLength: 1, maxLength: 20 })
  .filter((s) => s.trim().length > 0 && ![...s].some((ch) => MARKS.has(ch)))
const pair = fc.constantFrom(...PAIRS)

describe('inQuoteMarks', () => {
  it('puts a bare quote in “ ”', () => {
    expect(inQuoteMarks('千问恐慌')).toBe('“千问恐慌”')
    expect(inQuoteMarks('有人称之为“千问恐慌”')).toBe('“有人称之为“千问恐慌””')
  })

  it('leaves a quote that stands in its own pair of marks as it is', () => {
    expect(inQuoteMarks('“千问恐慌”')).toBe('“千问恐慌”')
    expect(inQuoteMarks('「千问恐慌」')).toBe('「千问恐慌」')
    expect(inQuoteMarks('"open weights"')).toBe('"open weights"')
    expect(inQuoteMarks(' “千问恐慌” ')).toBe(' “千问恐慌” ')
  })

  it('adds marks to two quotes side by side, or marks that do not pair', () => {
    expect(inQuoteMarks('“甲”和“乙”')).toBe('““甲”和“乙””')
    expect(inQuoteMarks('"a" or "b"')).toBe('“"a" or "b"”')
    expect(inQuoteMarks('“千问恐慌」')).toBe('““千问恐慌」”')
    expect(inQuoteMarks('“平视”本身')).toBe('““平视”本身”')
    expect(inQuoteMarks('“')).toBe('““”')
  })

  it('reads an apostrophe inside a word as no closing mark', () => {
    expect(isWhollyQuoted('‘Alibaba’s model’')).toBe(true)
    expect(isWhollyQuoted("'Don't know'")).toBe(true)
    expect(isWhollyQuoted('‘a’ and ‘b’')).toBe(false)
  })

  it('counts a quote nested inside the pair', () => {
    expect(isWhollyQuoted('“他说“千问恐慌”已经来了”')).toBe(true)
    expect(isWhollyQuoted('“他说“千问恐慌”')).toBe(false)
  })

  it('never doubles the marks: a quote shown once more is shown the same', () => {
    fc.assert(
      fc.property(plain, (text) => {
        const once = inQuoteMarks(text)
        expect(once).toBe(`“${text}”`)
        expect(inQuoteMarks(once)).toBe(once)
      }),
    )
  })

  it('keeps a quote wholly in any pair of marks as it is, and marks two quotes side by side', () => {
    fc.assert(
      fc.property(plain, plain, pair, (a, b, [open, close]) => {
        expect(inQuoteMarks(`${open}${a}${close}`)).toBe(`${open}${a}${close}`)
        const two = `${open}${a}${close} ${open}${b}${close}`
        expect(inQuoteMarks(two)).toBe(`“${two}”`)
      }),
    )
  })
})
