import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { candidates, contradicts, expectationOf, readQuantity, unitOf, type Quantity } from './quantity'

const loc = (zh: string, en = zh) => ({ zh, en })

describe('readQuantity', () => {
  it.each<[string, Partial<Quantity> | null]>([
    ['0.3个百分点', { value: 0.3, unit: 'pp', form: 'percent' }],
    ['0.3 percentage points', { value: 0.3, unit: 'pp' }],
    ['0.3pp', { value: 0.3, unit: 'pp' }],
    ['25 %', { value: 25, unit: 'percent', form: 'percent' }],
    ['百分之二十五', { value: 25, unit: 'percent', form: 'percent' }],
    ['a quarter', { value: 0.25, unit: null, form: 'fraction', pure: true }],
    ['three quarters', { value: 0.75, form: 'fraction' }],
    ['one-fourth', { value: 0.25, form: 'fraction' }],
    ['two thirds', { value: 2 / 3, form: 'fraction' }],
    ['四分之一', { value: 0.25, form: 'fraction' }],
    ['1/4', { value: 0.25, form: 'fraction' }],
    ['0.25', { value: 0.25, form: 'decimal' }],
    ['半', { value: 0.5, form: 'fraction' }],
    ['一半', { value: 0.5, form: 'fraction' }],
    ['half', { value: 0.5, form: 'fraction' }],
    ['fourth', { value: 4, form: 'whole' }],
    ['1st', { value: 1, pure: true }],
    ['No. 1', { value: 1, pure: true }],
    ['第一名', { value: 1, pure: true }],
    ['two decades', { value: 20, unit: 'year' }],
    ['a decade', { value: 10, unit: 'year' }],
    ['二十年', { value: 20, unit: 'year' }],
    ['两', { value: 2 }],
    ['十一', { value: 11 }],
    ['$380bn', { value: 380e9, unit: 'usd', scaled: true }],
    ['3800亿美元', { value: 380e9, unit: 'usd', scaled: true }],
    ['3800亿元', { value: 380e9, unit: 'cny' }],
    ['￥3800亿', { value: 380e9, unit: 'cny' }],
    ['HK$5', { value: 5, unit: 'hkd' }],
    ['5日元', { value: 5, unit: 'jpy' }],
    ['119种语言', { value: 119, unit: null, pure: false }],
    ['one hundred nineteen', { value: 119, pure: true }],
    ['one hundred and nineteen languages', { value: 119 }],
    ['three hundred eighty billion yuan', { value: 380e9, unit: 'cny', scaled: true }],
    ['a hundred', { value: 100 }],
    ['ten million', { value: 1e7, scaled: true }],
    // a decimal said in words, its digits read one by one
    ['zero point three percent', { value: 0.3, unit: 'percent', form: 'percent', pure: true }],
    ['point three percent', { value: 0.3, unit: 'percent' }],
    ['two point five billion', { value: 2.5e9, scaled: true }],
    ['twenty-five point five', { value: 25.5, form: 'decimal' }],
    ['3 point one four', { value: 3.14, form: 'decimal' }],
    ['0.3 percentage points', { value: 0.3, unit: 'pp' }],
    // "top" glued to its number, "at least" and "a little over" in Chinese say nothing about the number
    ['TOP1', { value: 1, pure: true }],
    ['至少四分之一', { value: 0.25, form: 'fraction', pure: true }],
    ['1/4强', { value: 0.25, form: 'fraction', pure: true }],
    ['300多亿', { value: 3e10, pure: true }],
    // 多 before 半 is "mostly", not a number word
    ['多半', { pure: false }],
    ['大半', { pure: false }],
    ['大约四分之一', { value: 0.25, pure: true }],
    ['大概300亿', { value: 3e10, pure: true }],
    // per mille, a proportion
    ['3‰', { value: 0.003, form: 'fraction', pure: true }],
    // tenths
    ['三成', { value: 0.3, form: 'fraction', pure: true }],
    ['两成半', { value: 0.25, form: 'fraction' }],
    ['2.5成', { value: 0.25, form: 'fraction' }],
    ['0.3成', { value: 0.03, form: 'fraction' }],
    ['0.5 per mille', { value: 0.0005, form: 'fraction' }],
    ['千分之三', { value: 0.003, form: 'fraction' }],
    // a model's name is no number; a currency or "No" glued to the number is no name
    ['Qwen3 supports 119 languages', { value: 119 }],
    ['GPT-4: 119', { value: 119 }],
    ['Qwen2.5支持119种语言', { value: 119 }],
    ['USD30bn', { value: 30e9, unit: 'usd' }],
    ['RMB3800亿', { value: 380e9, unit: 'cny' }],
    ['No1', { value: 1 }],
    ['Qwen3', null],
    // 一 / "one" before a noun, beside the figure, only counts that noun: 一共, 一次, "in one go"
    ['一共3800亿元', { value: 380e9, unit: 'cny' }],
    ['Meta一次再融资就300亿美元', { value: 3e10, unit: 'usd' }],
    ['一张表一千万行', { value: 1e7 }],
    ['30 billion dollars in one go', { value: 3e10, unit: 'usd' }],
    ['one table, 10 million rows', { value: 1e7 }],
    ['一个', { value: 1 }],
    ['一到两年', null],
    ['一或两年', null],
    ['one or two years', null],
    ['一两年', null],
    ['一个半', null],
    ['一年半', null],
    ['one year and a half', null],
    ['twenty thirty', null],
    ['300亿美元(约2100亿元)', null],
    ['3 or 4', null],
    ['', null],
    // a vague figure above the number, and what is no such figure
    ['二十多年', { value: 20, unit: 'year', above: true }],
    ['3800余亿元', { value: 380e9, above: true }],
    ['20+ years', { value: 20, above: true }],
    ['twenty-odd years', { value: 20, above: true }],
    ['20-something years', { value: 20, above: true }],
    ['最多一千万行', { value: 1e7, above: false }],
    ['超过20年', { value: 20, above: false }],
    // the word a number counts, after its measure word; none where a word only sizes it
    ['一千万列', { value: 1e7, counted: ['列'] }],
    ['119门语言', { counted: ['门语言'] }],
    ['119种', { counted: [] }],
    ['千万行，千万列', { value: 1e7, counted: ['行', '列'] }],
    ['千万级', { counted: [] }],
    ['一共119种语言', { value: 119, counted: ['语言'] }],
    // 倍 and "-fold" are ratios, a unit of their own
    ['0.3倍', { value: 0.3, unit: 'multiple' }],
    ['3-fold', { value: 3, unit: 'multiple' }],
    ['0.3 times', { value: 0.3, unit: 'multiple' }],
    ['20 plus years', { value: 20, unit: 'year', above: true }],
    ['380-plus billion yuan', { value: 380e9, unit: 'cny', above: true }],
  ])('reads %j', (text, expected) => {
    const got = readQuantity(text)
    if (expected === null) expect(got).toBeNull()
    else expect(got).toMatchObject(expected)
  })

  it('reads month names only where a month is asked for', () => {
    expect(readQuantity('November', { months: true })).toMatchObject({ value: 11, unit: 'month' })
    expect(readQuantity('Nov.', { months: true })).toMatchObject({ value: 11, unit: 'month' })
    expect(readQuantity('sept', { months: true })).toMatchObject({ value: 9 })
    expect(readQuantity('November')).toBeNull()
  })

  it('reads "<whole> point <digits>" as the decimal it says', () => {
    const ones = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']
    const teens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
    const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
    const say = (n: number): string => (n < 10 ? ones[n]! : n < 20 ? teens[n - 10]! : tens[Math.floor(n / 10)]! + (n % 10 ? `-${ones[n % 10]}` : ''))
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (whole, digits, inDigits) => {
        const text = `${inDigits ? String(whole) : say(whole)} point ${digits.map((d) => ones[d]).join(' ')}`
        const got = readQuantity(text)
        expect(got?.value).toBeCloseTo(Number(`${whole}.${digits.join('')}`), 9)
      }),
      { numRuns: 300 },
    )
  })

  it('reads the figure beside a 一 or "one" that counts a noun, and no figure in a range from one', () => {
    const counted = fc.constantFrom('一共{n}', '一次{n}', '{n}，一张表', '一口气{n}', '{n} in one go', 'one table, {n}')
    const range = fc.constantFrom('一到{n}', '一或{n}', 'one or {n}', 'one to {n}', '一、{n}')
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9_999_999 }), counted, range, (n, phrase, between) => {
        expect(readQuantity(phrase.replace('{n}', String(n)))?.value).toBe(n)
        expect(readQuantity(between.replace('{n}', String(n)))).toBeNull()
      }),
      { numRuns: 300 },
    )
  })

  it('reads 多 / 余 / + after a number as a vague figure above it, and 最多 or 多半 as no such figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('{n}多', '{n}余', '{n}多年', '{n}+', '{n}-odd'), fc.constantFrom('{n}', '最多{n}', '约{n}', '{n}以上'), (n, vague, plain) => {
        expect(readQuantity(vague.replace('{n}', String(n)))).toMatchObject({ value: n, above: true })
        expect(readQuantity(plain.replace('{n}', String(n)))).toMatchObject({ value: n, above: false })
      }),
      { numRuns: 200 },
    )
  })

  it('never throws, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' })), fc.boolean(), (text, months) => {
        const got = readQuantity(text, { months })
        expect(got === null || Number.isFinite(got.value)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe('expectationOf', () => {
  it('reads the unit kind and the multiplier a unit carries', () => {
    expect(unitOf('美元')).toEqual({ kind: 'usd', scale: 1 })
    expect(unitOf('US dollars')).toEqual({ kind: 'usd', scale: 1 })
    expect(unitOf('亿美元')).toEqual({ kind: 'usd', scale: 1e8 })
    expect(unitOf('亿元')).toEqual({ kind: 'cny', scale: 1e8 })
    expect(unitOf('billion yuan')).toEqual({ kind: 'cny', scale: 1e9 })
    expect(unitOf('种语言')).toEqual({ kind: null, scale: 1 })
  })

  it('treats % as percentage points only where the prompt is about a difference', () => {
    expect(expectationOf({ unit: loc('%'), prompt: loc('性能差距是百分之几?', 'How large was the gap?') }).gap).toBe(true)
    expect(expectationOf({ unit: loc('%'), prompt: loc('占比超过百分之多少?', 'More than what share?') }).gap).toBe(false)
    expect(expectationOf({ unit: loc('个百分点', 'percentage points'), prompt: loc('高了多少?', 'How much higher?') }).gap).toBe(true)
  })

  it('knows a calendar month from its unit or, without one, from the prompt', () => {
    expect(expectationOf({ unit: loc('月', '(month number)'), prompt: loc('几月?', 'Which month?') })).toMatchObject({ kind: 'month', calendarMonth: true })
    expect(expectationOf({ prompt: loc('这发生在几月?', 'In which month?') })).toMatchObject({ kind: 'month', calendarMonth: true, unit: { zh: '月', en: 'month' } })
    expect(expectationOf({ unit: loc('个月', 'months'), prompt: loc('持续几个月?', 'How many months?') })).toMatchObject({ kind: 'month', calendarMonth: false })
    expect(expectationOf({ prompt: loc('多少种语言?', 'How many languages?') })).toMatchObject({ kind: null, hasUnit: false })
  })
})

describe('contradicts', () => {
  const usd = expectationOf({ unit: loc('美元', 'US dollars'), prompt: loc('多少?', 'How much?') })
  const count = expectationOf({ unit: loc('次', 'times'), prompt: loc('几次?', 'How many?') })
  const none = expectationOf({ prompt: loc('多少?', 'How many?') })
  it.each([
    [usd, null, false],
    [usd, 'usd', false],
    [usd, 'cny', true],
    [usd, 'mixed', true],
    [count, 'percent', false],
    [count, 'year', true],
    [none, 'year', false],
    [count, 'multiple', true],
    [usd, 'multiple', true],
  ] as const)('%#', (expect_, unit, result) => {
    expect(contradicts(expect_, unit)).toBe(result)
  })
})

describe('candidates', () => {
  const percent = { kind: 'percent' as const, scale: 1 }
  const q = (value: number, form: Quantity['form'], scaled = false): Quantity => ({ value, form, unit: null, scaled, pure: true, denied: false, capped: false, above: false, counted: [] })
  it('converts fractions and decimal proportions to a percentage, and percentages to a proportion', () => {
    expect(candidates(q(0.25, 'fraction'), percent, 25)).toEqual([25])
    expect(candidates(q(0.25, 'decimal'), percent, 25)).toEqual([0.25, 25])
    expect(candidates(q(0.003, 'decimal'), percent, 0.3)).toEqual([0.003])
    expect(candidates(q(50, 'percent'), { kind: null, scale: 1 }, 0.5)).toEqual([0.5])
  })
  it('reads an unscaled number in the unit\'s own multiplier', () => {
    expect(candidates(q(3800, 'whole'), { kind: 'cny', scale: 1e8 }, 3800)).toEqual([3800, 3.8e-5])
    expect(candidates(q(3.8e11, 'whole', true), { kind: 'cny', scale: 1e8 }, 3800)).toEqual([3800])
  })
})
