/**
 * The grading invariants, over the real question bank: every form the bank accepts is graded
 * right, however it is typed, and generated near-misses of it (a digit changed, a digit dropped,
 * a unit swapped, a word removed) are graded wrong.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { blankForms, checkAnswer, correctResponse, withoutContext } from '../src/domain/content/answer'
import { describeCorrect, formatNumber } from '../src/domain/content/describe'
import { isLatinText, normalizeText } from '../src/domain/content/normalize'
import { expectationOf, readQuantity, type UnitKind } from '../src/domain/content/quantity'
import type { BlankQuestion, NumericQuestion } from '../src/domain/content/schema'
import { loadBank } from './load-questions'

/** Each property grades a few hundred answers: well under a second idle, more on a busy machine. */
const HEAVY = 30_000

const { sets, errors } = loadBank()
const questions = sets.flatMap((s) => s.questions)
const blanks = questions.filter((q): q is BlankQuestion => q.type === 'blank')
const numerics = questions.filter((q): q is NumericQuestion => q.type === 'numeric')

const blankGrade = (q: BlankQuestion, text: string) => checkAnswer(q, { type: 'blank', text })
const numericGrade = (q: NumericQuestion, text: string) => checkAnswer(q, { type: 'numeric', text })

/** A unit that contradicts each kind, in both languages. */
const OTHER_UNIT: Record<UnitKind | 'count', [string, string]> = {
  usd: ['元', ' yuan'],
  cny: ['美元', ' US dollars'],
  hkd: ['美元', ' US dollars'],
  jpy: ['美元', ' US dollars'],
  eur: ['美元', ' US dollars'],
  fx: ['美元', ' US dollars'],
  percent: ['个百分点', ' percentage points'],
  pp: ['美元', ' US dollars'],
  year: ['个月', ' months'],
  month: ['年', ' years'],
  day: ['年', ' years'],
  multiple: ['%', '%'],
  count: ['美元', ' US dollars'],
}

const toFullWidth = (ch: string): string => {
  const code = ch.charCodeAt(0)
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch
}
const isDigit = (ch: string | undefined): boolean => ch !== undefined && /\d/.test(ch)
const SEPARATORS = ['', '', '', ' ', '\u3000', '，', '。', '“', '”', '·', '-', '!', '?', '…']

const inNumber = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && /[\d./%]/.test(a) && /[\d./%]/.test(b) && (isDigit(a) || isDigit(b))

/** Case, width and separators changed, never inside a number ("0 . 5" is not 0.5, "1 4" is not 14). */
const disguise = (text: string, ops: { upper: boolean; wide: boolean; sep: string }[]): string => {
  const chars = [...text]
  return chars
    .map((ch, i) => {
      const op = ops[i % ops.length]!
      let out = op.upper ? ch.toUpperCase() : ch.toLowerCase()
      if (op.wide) out = toFullWidth(out)
      const sep = inNumber(ch, chars[i + 1]) ? '' : op.sep
      return out + sep
    })
    .join('')
}
const disguiseOps = fc.array(fc.record({ upper: fc.boolean(), wide: fc.boolean(), sep: fc.constantFrom(...SEPARATORS) }), {
  minLength: 1,
  maxLength: 12,
})

describe('the question bank, graded', () => {
  it('loads, with typed-answer questions to check', () => {
    expect(errors).toEqual([])
    expect(blanks.length).toBeGreaterThan(0)
    expect(numerics.length).toBeGreaterThan(0)
  })

  it('normalising every form of the bank is idempotent', () => {
    for (const q of blanks)
      for (const form of blankForms(q)) expect(normalizeText(normalizeText(form))).toBe(normalizeText(form))
  })

  it('grades every accepted form of every blank right, as written and however it is typed', () => {
    for (const q of blanks) for (const form of blankForms(q)) expect(blankGrade(q, form).correct, `${q.id}: ${form}`).toBe(true)
    fc.assert(
      fc.property(fc.constantFrom(...blanks), fc.nat(), disguiseOps, (q, pick, ops) => {
        const forms = blankForms(q)
        const form = forms[pick % forms.length]!
        expect(blankGrade(q, disguise(form, ops)).correct).toBe(true)
      }),
      { numRuns: 400 },
    )
  }, HEAVY)

  it('grades every numeric answer right as it is keyed and as it is shown, in both languages', () => {
    for (const q of numerics) {
      expect(checkAnswer(q, correctResponse(q)!).correct, q.id).toBe(true)
      for (const lang of ['zh', 'en'] as const) {
        const shown = describeCorrect(q, lang)
        expect(numericGrade(q, shown).correct, `${q.id}: ${shown}`).toBe(true)
        expect(numericGrade(q, formatNumber(q.value, lang)).correct, `${q.id}: ${formatNumber(q.value, lang)}`).toBe(true)
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Near-misses

/** Positions of ASCII digits in a text. */
const digitsOf = (text: string): number[] => [...text].flatMap((ch, i) => (isDigit(ch) ? [i] : []))
const replaceAt = (text: string, i: number, by: string): string => {
  const chars = [...text]
  chars.splice(i, 1, by)
  return chars.join('')
}

/** A number as learners write it: plain digits, or a mantissa with 亿 / billion; `scale` times the mantissa is the value. */
function renderings(q: NumericQuestion): { mantissa: string; suffix: string; scale: number }[] {
  const out = [{ mantissa: String(q.value), suffix: '', scale: 1 }]
  for (const lang of ['zh', 'en'] as const) {
    const m = /^(-?[\d.]+)(.*)$/.exec(formatNumber(q.value, lang).replace(/,/g, ''))
    if (m && m[2] !== '') out.push({ mantissa: m[1]!, suffix: m[2]!, scale: q.value / Number(m[1]) })
  }
  return out
}

const outside = (q: NumericQuestion, value: number): boolean =>
  Number.isFinite(value) && Math.abs(value - q.value) > q.tolerance + 1e-9 * Math.max(1, Math.abs(q.value))

const keysOf = (q: BlankQuestion) => new Set(blankForms(q).map(normalizeText))
const DIGITS = [...'0123456789']

/** A digit dropped and each other digit put in its place, at every digit of `text`. */
function digitSlips(text: string): string[] {
  const out: string[] = []
  const chars = [...text]
  for (const i of digitsOf(text)) {
    // ".5" is 0.5 said another way, not a slip.
    if (!(chars[i] === '0' && chars[i + 1] === '.' && !isDigit(chars[i - 1]))) out.push(replaceAt(text, i, ''))
    for (const d of DIGITS) if (d !== chars[i]) out.push(replaceAt(text, i, d))
  }
  return out
}

/** Every near-miss of a numeric question: a digit changed or dropped, the multiplier left out, a unit swapped. */
function numericNearMisses(q: NumericQuestion): string[] {
  const out = new Set<string>()
  for (const { mantissa, suffix, scale } of renderings(q)) {
    for (const changed of digitSlips(mantissa)) {
      if (!/\d/.test(changed) || !outside(q, Number(changed) * scale)) continue
      out.add(`${changed}${suffix}`)
      if (q.unit) out.add(`${changed}${suffix}${q.unit.zh}`)
    }
    if (scale !== 1 && outside(q, Number(mantissa))) out.add(mantissa)
  }
  const expect_ = expectationOf(q)
  if (expect_.hasUnit) {
    // Where % means percentage points (a gap), swap in a currency instead.
    const [zh, en] = OTHER_UNIT[expect_.kind === 'percent' && expect_.gap ? 'pp' : (expect_.kind ?? 'count')]
    for (const text of [`${formatNumber(q.value, 'zh')}${zh}`, `${formatNumber(q.value, 'en')}${en}`, `${q.value}${zh}`]) out.add(text)
  }
  return [...out]
}

/**
 * Every near-miss of a blank: in each form a digit changed or dropped, a unit swapped (forms that
 * are a quantity with a unit), a word removed (forms that are not a number: a word of a Latin
 * form other than an article or "any" before a word, a character of a Chinese one). What the bank
 * lists as accepted is no near-miss.
 */
function blankNearMisses(q: BlankQuestion): string[] {
  const out = new Set<string>()
  for (const form of blankForms(q)) {
    for (const slip of digitSlips(form)) out.add(slip)
    const quantity = readQuantity(form)
    if (quantity?.pure) {
      if (quantity.unit !== null && quantity.unit !== 'mixed')
        for (const swap of OTHER_UNIT[quantity.unit === 'percent' ? 'pp' : quantity.unit]) out.add(`${quantity.value}${swap}`)
      continue
    }
    if (isLatinText(form)) {
      const words = form.split(/[\s\-‐-―]+/).filter((w) => w !== '')
      if (words.length > 1)
        words.forEach((_, i) => {
          if (!(i < words.length - 1 && /^(a|an|the|any)$/i.test(words[i]!))) out.add(words.filter((_w, j) => j !== i).join(' '))
        })
    } else {
      ;[...form].forEach((ch, i) => {
        if (/\p{Script=Han}/u.test(ch) && [...form].length > 1) out.add(replaceAt(form, i, ''))
      })
    }
  }
  const keys = keysOf(q)
  // A form with the prompt's own words typed along (whole runs) is a right answer, not a miss.
  const typedAlong = (text: string): boolean => withoutContext(normalizeText(text), q.prompt).some((rest) => keys.has(rest))
  return [...out].filter((text) => normalizeText(text) !== '' && !keys.has(normalizeText(text)) && !typedAlong(text))
}

describe('near-misses of the bank are graded wrong', () => {
  const nearMisses = [
    ...numerics.map((q) => ({ q, misses: numericNearMisses(q), grade: (text: string) => numericGrade(q, text) })),
    ...blanks.map((q) => ({ q, misses: blankNearMisses(q), grade: (text: string) => blankGrade(q, text) })),
  ]

  it('has near-misses for every blank and numeric question', () => {
    expect(nearMisses.filter(({ misses }) => misses.length === 0).map(({ q }) => q.id)).toEqual([])
  })

  it('grades every near-miss wrong', () => {
    const graded = nearMisses.flatMap(({ q, misses, grade }) => misses.map((text) => ({ id: q.id, text, correct: grade(text).correct })))
    // About 1 900 for the bank as it is.
    expect(graded.length).toBeGreaterThan(100)
    expect(graded.filter((g) => g.correct).map((g) => `${g.id}: ${g.text}`)).toEqual([])
  }, HEAVY)

  it('names the expected unit when the near-miss is a swapped unit', () => {
    for (const q of numerics) {
      const expect_ = expectationOf(q)
      if (!expect_.hasUnit) continue
      const [zh] = OTHER_UNIT[expect_.kind === 'percent' && expect_.gap ? 'pp' : (expect_.kind ?? 'count')]
      expect(numericGrade(q, `${q.value}${zh}`).note, q.id).toEqual({ kind: 'unit', expected: expect_.unit })
    }
  })

  // Case and width only: separators inside a word would unmake a unit word ("ye”ar”s" is no unit).
  it('grades a near-miss wrong in any case and width', () => {
    const withMisses = nearMisses.filter(({ misses }) => misses.length > 0)
    fc.assert(
      fc.property(fc.constantFrom(...withMisses), fc.nat(), disguiseOps, ({ q, misses, grade }, pick, ops) => {
        const text = disguise(misses[pick % misses.length]!, ops.map((op) => ({ ...op, sep: '' })))
        expect(grade(text).correct, `${q.id}: ${text}`).toBe(false)
      }),
      { numRuns: 400 },
    )
  }, HEAVY)
})
