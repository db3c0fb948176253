import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { editDistance, isOneTypoAway, joinWords, latinWords, normalizeText, parseNumber, singular } from './normalize'

describe('normalizeText', () => {
  it.each([
    ['Hello World', 'helloworld'],
    ['  通义 千问  ', '通义千问'],
    ['Ｑｗｅｎ３', 'qwen3'],
    ['“千问”', '千问'],
    ['「千问」。', '千问'],
    ['《人工智能》', '人工智能'],
    ['【阿里巴巴】，', '阿里巴巴'],
    ['Alibaba, Inc.!', 'alibabainc'],
    ['open-source', 'opensource'],
    ['$30 + 5%', '30 5%'],
    // tokens are never merged: "/", "." and "%" between digits stay, other separators become a space
    ['1/4', '1/4'],
    ['1 / 4', '1/4'],
    ['14', '14'],
    ['0.5', '0.5'],
    ['05', '05'],
    ['25 %', '25%'],
    ['２５％', '25%'],
    ['3 4', '3 4'],
    ['3-4', '3 4'],
    ['1,000', '1000'],
    ['1,0000', '1 0000'],
    ['GPT-4', 'gpt4'],
    ['Qwen 3', 'qwen3'],
    ['C++', 'c++'],
    ['C#', 'c#'],
    ['微软+英伟达', '微软英伟达'],
    ['OpenAI+微软', 'openai微软'],
    ['OpenAI+Microsoft', 'openaimicrosoft'],
    ['C++ 11', 'c++11'],
    ['C ++', 'c'],
    ['end.', 'end'],
    ['a\u200bb\u00adc', 'abc'],
    ['Ⅻ', 'xii'],
    ['e.\u0301', 'é'],
    ['', ''],
    ['!!!', ''],
  ])('normalizes %j to %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected)
  })

  it('keeps letters and digits of every script', () => {
    expect(normalizeText('Ünïcödé 日本語 한국어 ١٢٣')).toBe('ünïcödé日本語한국어١٢٣')
  })

  it('is idempotent', () => {
    const numberish = fc.string({ unit: fc.constantFrom(...'0123456789./%,+# -aC\u3000％．／'.split('')), maxLength: 20 })
    for (const arb of [
      ...(['grapheme', 'binary', 'grapheme-ascii'] as const).map((unit) => fc.string({ unit, maxLength: 40 })),
      numberish,
    ]) {
      fc.assert(
        fc.property(arb, (s) => {
          const once = normalizeText(s)
          expect(normalizeText(once)).toBe(once)
        }),
        { numRuns: 500 },
      )
    }
  })
})

describe('Latin-script leniency', () => {
  it('folds plurals to the singular, leaving short words and -ss/-us/-is alone', () => {
    expect(['companies', 'boxes', 'cracks', 'definers', 'class', 'status', 'analysis', 'gas', 'its'].map(singular)).toEqual([
      'company', 'box', 'crack', 'definer', 'class', 'status', 'analysis', 'gas', 'its',
    ])
  })

  it('splits at spaces and hyphens and drops a leading article', () => {
    expect(latinWords('The full-stack Awakenings').map((w) => w.folded)).toEqual(['full', 'stack', 'awakening'])
    expect(latinWords('a').map((w) => w.folded)).toEqual(['a'])
    expect(latinWords('ChatGPT Qwen3 campaign').map((w) => w.plain)).toEqual([false, false, true])
  })

  it('never joins two numbers into one', () => {
    expect(joinWords(['1', '4'])).toBe('1 4')
    expect(joinWords(['gpt', '4'])).toBe('gpt4')
  })

  it('measures edits with transpositions', () => {
    expect(editDistance('campaign', 'campagin')).toBe(1)
    expect(editDistance('campaign', 'campain')).toBe(1)
    expect(editDistance('campaign', 'campaigns')).toBe(1)
    expect(editDistance('campaign', 'kampain')).toBe(2)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('forgives one typo only inside a plain word of 6+ letters', () => {
    const near = (a: string, b: string) => isOneTypoAway(latinWords(a), latinWords(b))
    expect(near('malicious campaign', 'malicious campagin')).toBe(true)
    expect(near('malicious campaign', 'malicous campaign')).toBe(true)
    expect(near('malicious campaign', 'maliciouss campaign')).toBe(true)
    expect(near('malicious campaign', 'malicious campaign')).toBe(false)
    expect(near('malicious campaign', 'malicous campagin')).toBe(false)
    expect(near('PR campaign', 'PX campaign')).toBe(false)
    expect(near('GPT-4', 'GPT-5')).toBe(false)
    expect(near('Qwen3 model', 'Qwen4 model')).toBe(false)
    // In a name with capitals inside, only two neighbours swapped: ChatGTP, not ChatGLM or ChatGPY.
    expect(near('ChatGPT', 'ChatGTP')).toBe(true)
    expect(near('ChatGPT', 'ChatGPY')).toBe(false)
    expect(near('ChatGPT', 'ChatGP')).toBe(false)
    expect(near('ChatGPT', 'ChatGPTT')).toBe(false)
    expect(near('source code', 'source1 code')).toBe(false)
  })

  it('never forgives a typo in the first letter of a word', () => {
    const near = (a: string, b: string) => isOneTypoAway(latinWords(a), latinWords(b))
    expect(near('definers', 'refiners')).toBe(false)
    expect(near('cracks', 'tracks')).toBe(false)
    expect(near('source code', 'ource code')).toBe(false)
    expect(near('malicious campaign', 'malicious acmpaign')).toBe(false)
    // an extra letter between two words belongs to the end of the first
    expect(near('malicious campaign', 'maliciouss campaign')).toBe(true)
    expect(near('malicious campaign', 'malicious campaiggn')).toBe(true)
    const word = fc.stringMatching(/^[a-z]{6,10}$/)
    const other = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz')
    fc.assert(
      fc.property(word, other, (w, c) => {
        // a doubled first letter makes dropping the first and the second the same edit
        fc.pre(c !== w[0] && w[0] !== w[1])
        expect(near(w, c + w.slice(1))).toBe(false)
        expect(near(w, w.slice(1))).toBe(false)
        expect(near(w, c + w)).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})

describe('parseNumber', () => {
  const table: [string, number | null][] = [
    // the examples the question format promises
    ['300亿美元', 30_000_000_000],
    ['300亿', 30_000_000_000],
    ['30 billion dollars', 30_000_000_000],
    ['$30bn', 30_000_000_000],
    ['30B', 30_000_000_000],
    ['30 Billion', 30_000_000_000],
    ['３００亿', 30_000_000_000],
    ['ＵＳ＄３０ｂｎ', 30_000_000_000],
    ['三千八百亿元', 380_000_000_000],
    ['三千八百亿', 380_000_000_000],
    ['3,800亿', 380_000_000_000],
    ['3，800亿', 380_000_000_000],
    ['约 3,800 亿元人民币', 380_000_000_000],
    ['3.8千亿', 380_000_000_000],
    ['119种', 119],
    ['一百一十九', 119],
    ['一百一十九种语言', 119],
    ['119 languages', 119],
    ['more than 100 languages', 100],
    ['超过100种', 100],
    ['0.3%', 0.3],
    ['０．３％', 0.3],
    ['百分之零点三', 0.3],
    ['0.3 percent', 0.3],
    ['百分之三十', 30],
    ['四分之一', 0.25],
    ['1/4', 0.25],
    ['1 / 4', 0.25],
    ['½', 0.5],
    ['负四分之一', -0.25],
    ['约16年', 16],
    ['十六', 16],
    ['大约十六年', 16],
    ['16 years', 16],
    ['近20年', 20],
    ['two', 2],
    ['twenty-one', 21],
    ['three hundred thousand', 300_000],
    // digits, separators, signs and exponents
    ['42', 42],
    ['1,234,567', 1_234_567],
    ['1 000 000', 1_000_000],
    ['1\u2009000\u2009000', 1_000_000],
    ['1\u202f000', 1000],
    ['1,000.5', 1000.5],
    ['.5', 0.5],
    ['-3', -3],
    ['+7', 7],
    ['−2.5', -2.5],
    ['-.5', -0.5],
    ['1e5', 100_000],
    ['2.5E-3', 0.0025],
    ['1.5 x 10^9', 1_500_000_000],
    ['1.5×10⁹', 1_500_000_000],
    ['5e-324', 5e-324],
    ['1e+21', 1e21],
    ['约2.5万人', 25_000],
    // Chinese numerals and multipliers
    ['1.5万', 15_000],
    ['1.5 万', 15_000],
    ['三点五万', 35_000],
    ['零点三', 0.3],
    ['3点14', 3.14],
    ['两千五', 2500],
    ['两', 2],
    ['一万五', 15_000],
    ['一万五千', 15_000],
    ['十万', 100_000],
    ['一百零五', 105],
    ['一千零一十', 1010],
    ['一亿三千万', 130_000_000],
    ['一万亿', 1_000_000_000_000],
    ['二〇二四年', 2024],
    ['3千8百', 3800],
    ['1万5', 15_000],
    ['壹佰贰拾', 120],
    // English multipliers
    // Casual abbreviations: "30 bil"; w for 万 and kw for 千万, as Chinese readers type them
    ['30 bil', 30_000_000_000],
    ['1000w', 10_000_000],
    ['1kw', 10_000_000],
    ['1kw行', 10_000_000],
    ['10w+', 100_000],
    ['w', null],
    ['2k', 2000],
    ['2 K', 2000],
    ['1.5 million', 1_500_000],
    ['5mn', 5_000_000],
    // newsroom abbreviations, after a number only
    ['10 mil', 10_000_000],
    ['10 mln rows', 10_000_000],
    ['$30 bln', 30_000_000_000],
    ['5m', 5_000_000],
    ['1 trillion', 1e12],
    ['5 more', 5],
    ['5kg', 5],
    ['Qwen2.5', 2.5],
    // the same number twice is still one number
    ['300亿 (30 billion)', 30_000_000_000],
    // nothing, or more than one number
    ['', null],
    ['   ', null],
    ['abc', null],
    ['约', null],
    ['3 or 4', null],
    ['3-4', null],
    ['3到4', null],
    ['3 4', null],
    ['三五个', null],
    ['1,0000', null],
    // a decimal comma: one or two digits after it; three digits group thousands
    ['0,3', 0.3],
    ['0,3%', 0.3],
    ['2,75', 2.75],
    ['12,5万', 125_000],
    ['1,500', 1500],
    ['1,5,7', null],
    ['1, 5', null],
    ['1.2.3', null],
    ['1/0', null],
    ['千问3', null],
    ['9'.repeat(400), null],
  ]

  it('has a table of at least 40 inputs', () => {
    expect(table.length).toBeGreaterThanOrEqual(40)
  })

  it.each(table)('reads %j as %s', (input, expected) => {
    const got = parseNumber(input)
    if (expected === null) expect(got).toBeNull()
    else expect(got).toBeCloseTo(expected, 12)
    if (expected !== null && Number.isInteger(expected)) expect(got).toBe(expected)
  })

  it('reads every finite double back from String(value)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(parseNumber(String(value))).toBe(value === 0 ? 0 : value)
      }),
      { numRuns: 1000 },
    )
  })

  it('reads a comma before one or two digits as a decimal point, and before three as a thousands group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.stringMatching(/^\d{1,2}$/), fc.integer({ min: 1, max: 999_999_999 }), (whole, decimals, grouped) => {
        expect(parseNumber(`${whole},${decimals}`)).toBe(Number(`${whole}.${decimals}`))
        expect(parseNumber(grouped.toLocaleString('en-US'))).toBe(grouped)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws, and returns a finite number or null', () => {
    const numberish = fc.string({
      unit: fc.constantFrom(...'0123456789.,，-+−/e^x×%万亿千百十零〇一二两三四五六七八九点分之负 kmbntrillion'.split('')),
      maxLength: 30,
    })
    for (const arb of [
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary-ascii' }),
      numberish,
    ]) {
      fc.assert(
        fc.property(arb, (s) => {
          let got: number | null = null
          expect(() => (got = parseNumber(s))).not.toThrow()
          expect(got === null || Number.isFinite(got)).toBe(true)
        }),
        { numRuns: 500 },
      )
    }
  })

  it('returns null for non-strings and very long input instead of throwing', () => {
    expect(parseNumber(undefined as unknown as string)).toBeNull()
    expect(parseNumber(42 as unknown as string)).toBeNull()
    expect(parseNumber('1'.padEnd(5000, ' '))).toBeNull()
  })
})
