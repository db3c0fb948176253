/**
 * The grading invariants, over the real question bank: every form the bank accepts is graded
 * right, however it is typed, and generated near-misses of it (a digit changed, a digit dropped,
 * a unit swapped, a word removed) are graded wrong.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { blankForms, checkAnswer, correctResponse } from '../src/domain/content/answer'
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
  percent: ['个百分点', ' percentage points'],
  pp: ['美元', ' US dollars'],
  year: ['个月', ' months'],
  month: ['年', ' years'],
  day: ['年', ' years'],
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

describe('near-misses of the bank are graded wrong', () => {
  const numericArb = fc.constantFrom(...numerics)

  it('numeric: a digit changed or dropped', () => {
    fc.assert(
      fc.property(numericArb, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 9 }), fc.boolean(), fc.boolean(), (q, r, at, digit, drop, withUnit) => {
        const forms = renderings(q)
        const { mantissa, suffix, scale } = forms[r % forms.length]!
        const places = digitsOf(mantissa)
        fc.pre(places.length > 0)
        const i = places[at % places.length]!
        const changed = drop ? replaceAt(mantissa, i, '') : replaceAt(mantissa, i, String(digit))
        fc.pre(changed !== mantissa && /\d/.test(changed))
        const value = Number(changed) * scale
        fc.pre(outside(q, value))
        const unit = withUnit && q.unit ? q.unit.zh : ''
        expect(numericGrade(q, `${changed}${suffix}${unit}`).correct, `${q.id}: ${changed}${suffix}${unit}`).toBe(false)
      }),
      { numRuns: 400 },
    )
  }, HEAVY)

  it('numeric: a unit swapped for one that contradicts the question', () => {
    const withUnits = numerics.filter((q) => expectationOf(q).hasUnit)
    for (const q of withUnits) {
      const expect_ = expectationOf(q)
      // Where % means percentage points (a gap), swap in a currency instead.
      const [zh, en] = OTHER_UNIT[expect_.kind === 'percent' && expect_.gap ? 'pp' : (expect_.kind ?? 'count')]
      for (const text of [`${formatNumber(q.value, 'zh')}${zh}`, `${formatNumber(q.value, 'en')}${en}`, `${q.value}${zh}`]) {
        const result = numericGrade(q, text)
        expect(result.correct, `${q.id}: ${text}`).toBe(false)
        expect(result.note?.kind, `${q.id}: ${text}`).toBe('unit')
      }
    }
  })

  it('numeric: the multiplier word removed', () => {
    for (const q of numerics) {
      for (const { mantissa, scale } of renderings(q)) {
        if (scale === 1 || !outside(q, Number(mantissa))) continue
        expect(numericGrade(q, mantissa).correct, `${q.id}: ${mantissa}`).toBe(false)
      }
    }
  })

  const blankArb = fc.constantFrom(...blanks)
  const keysOf = (q: BlankQuestion) => new Set(blankForms(q).map(normalizeText))

  it('blank: a digit changed or dropped in a form that has digits', () => {
    const withDigits = blanks.filter((q) => blankForms(q).some((f) => digitsOf(f).length > 0))
    if (withDigits.length === 0) return
    fc.assert(
      fc.property(fc.constantFrom(...withDigits), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 9 }), fc.boolean(), (q, f, at, digit, drop) => {
        const forms = blankForms(q).filter((form) => digitsOf(form).length > 0)
        const form = forms[f % forms.length]!
        const places = digitsOf(form)
        const i = places[at % places.length]!
        const chars = [...form]
        // ".5" is 0.5 said another way, not a near-miss.
        fc.pre(!(drop && chars[i] === '0' && chars[i + 1] === '.' && !isDigit(chars[i - 1])))
        const changed = drop ? replaceAt(form, i, '') : replaceAt(form, i, String(digit))
        fc.pre(changed !== form && !keysOf(q).has(normalizeText(changed)))
        expect(blankGrade(q, changed).correct, `${q.id}: ${changed}`).toBe(false)
      }),
      { numRuns: 300 },
    )
  }, HEAVY)

  it('blank: a unit swapped in a form that is a quantity with a unit', () => {
    for (const q of blanks) {
      for (const form of blankForms(q)) {
        const quantity = readQuantity(form)
        if (!quantity?.pure || quantity.unit === null || quantity.unit === 'mixed') continue
        for (const swap of OTHER_UNIT[quantity.unit === 'percent' ? 'pp' : quantity.unit]) {
          const text = `${quantity.value}${swap}`
          expect(blankGrade(q, text).correct, `${q.id}: ${text}`).toBe(false)
        }
      }
    }
  })

  it('blank: a word removed from a form that is not a number', () => {
    fc.assert(
      fc.property(blankArb, fc.nat(), fc.nat(), (q, f, at) => {
        const forms = blankForms(q).filter((form) => !readQuantity(form)?.pure)
        fc.pre(forms.length > 0)
        const form = forms[f % forms.length]!
        let shorter: string
        if (isLatinText(form)) {
          const words = form.split(/[\s\-‐-―]+/).filter((w) => w !== '')
          fc.pre(words.length > 1)
          const i = at % words.length
          fc.pre(!(i === 0 && /^(a|an|the)$/i.test(words[0]!)))
          shorter = words.filter((_, j) => j !== i).join(' ')
        } else {
          const han = [...form].flatMap((ch, i) => (/\p{Script=Han}/u.test(ch) ? [i] : []))
          fc.pre(han.length > 0 && [...form].length > 1)
          shorter = replaceAt(form, han[at % han.length]!, '')
        }
        fc.pre(!keysOf(q).has(normalizeText(shorter)))
        expect(blankGrade(q, shorter).correct, `${q.id}: ${shorter}`).toBe(false)
      }),
      { numRuns: 400 },
    )
  }, HEAVY)
})
