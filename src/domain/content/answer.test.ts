import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { checkAnswer, correctResponse, isTypedAnswer, withinTolerance } from './answer'
import { editDistance, normalizeText, parseNumber } from './normalize'
import type { Response } from './response'
import type {
  BlankQuestion,
  FlashcardQuestion,
  Localized,
  MatchingQuestion,
  MultipleQuestion,
  NumericQuestion,
  OrderingQuestion,
  Question,
  SingleQuestion,
  TrueFalseQuestion,
} from './schema'

const loc = (zh: string, en = zh): Localized => ({ zh, en })
const base = { prompt: loc('问题', 'Question'), explanation: loc('解释', 'Explanation') }
const choices = (...ids: string[]) => ids.map((id) => ({ id, text: loc(`选项${id}`, `Choice ${id}`) }))

const single: SingleQuestion = { ...base, id: 'q-single', type: 'single', choices: choices('a', 'b', 'c'), answer: 'b' }
const multiple: MultipleQuestion = {
  ...base,
  id: 'q-multiple',
  type: 'multiple',
  choices: choices('a', 'b', 'c', 'd'),
  answer: ['a', 'c'],
}
const truefalse: TrueFalseQuestion = { ...base, id: 'q-truefalse', type: 'truefalse', answer: false }
const blank: BlankQuestion = {
  ...base,
  id: 'q-blank',
  type: 'blank',
  answer: loc('通义千问', 'Tongyi Qianwen'),
  accepted: ['Qwen', '千问'],
}
const money: NumericQuestion = {
  ...base,
  id: 'q-money',
  type: 'numeric',
  value: 30_000_000_000,
  tolerance: 0,
  unit: loc('美元', 'US dollars'),
}
const years: NumericQuestion = { ...base, id: 'q-years', type: 'numeric', value: 16, tolerance: 1 }
const share: NumericQuestion = { ...base, id: 'q-share', type: 'numeric', value: 0.3, tolerance: 0, unit: loc('%') }
const ordering: OrderingQuestion = {
  ...base,
  id: 'q-ordering',
  type: 'ordering',
  items: choices('a', 'b', 'c', 'd'),
  answer: ['c', 'a', 'd', 'b'],
}
const matching: MatchingQuestion = {
  ...base,
  id: 'q-matching',
  type: 'matching',
  pairs: ['p1', 'p2', 'p3'].map((id) => ({ id, left: loc(`左${id}`), right: loc(`右${id}`) })),
}
const flashcard: FlashcardQuestion = { ...base, id: 'q-flashcard', type: 'flashcard', back: loc('背面', 'Back') }

const ALL: Question[] = [single, multiple, truefalse, blank, money, ordering, matching, flashcard]

const right = { correct: true, score: 1 }
const wrong = { correct: false, score: 0 }

describe('checkAnswer', () => {
  describe('single', () => {
    it('is right for the answer choice', () => {
      expect(checkAnswer(single, { type: 'single', choice: 'b' })).toEqual(right)
    })
    it('is wrong for another choice or an unknown id', () => {
      expect(checkAnswer(single, { type: 'single', choice: 'a' })).toEqual(wrong)
      expect(checkAnswer(single, { type: 'single', choice: 'B' })).toEqual(wrong)
      expect(checkAnswer(single, { type: 'single', choice: '' })).toEqual(wrong)
    })
  })

  describe('multiple', () => {
    it('is right for exactly the answer set, in any order', () => {
      expect(checkAnswer(multiple, { type: 'multiple', choices: ['a', 'c'] })).toEqual(right)
      expect(checkAnswer(multiple, { type: 'multiple', choices: ['c', 'a'] })).toEqual(right)
      expect(checkAnswer(multiple, { type: 'multiple', choices: ['c', 'a', 'c'] })).toEqual(right)
    })
    it('gives partial credit for the fraction of choices classified right', () => {
      // a right, b right (left out), c missed, d right (left out)
      expect(checkAnswer(multiple, { type: 'multiple', choices: ['a'] })).toEqual({ correct: false, score: 0.75 })
      expect(checkAnswer(multiple, { type: 'multiple', choices: ['a', 'b', 'c'] })).toEqual({ correct: false, score: 0.75 })
      expect(checkAnswer(multiple, { type: 'multiple', choices: [] })).toEqual({ correct: false, score: 0.5 })
      expect(checkAnswer(multiple, { type: 'multiple', choices: ['b', 'd'] })).toEqual(wrong)
      expect(checkAnswer(multiple, { type: 'multiple', choices: ['a', 'b', 'c', 'd'] })).toEqual({ correct: false, score: 0.5 })
    })
    it('counts an id that is not a choice as a wrong classification', () => {
      expect(checkAnswer(multiple, { type: 'multiple', choices: ['a', 'c', 'zz'] })).toEqual({ correct: false, score: 0.8 })
    })
  })

  describe('truefalse', () => {
    it('compares the value', () => {
      expect(checkAnswer(truefalse, { type: 'truefalse', value: false })).toEqual(right)
      expect(checkAnswer(truefalse, { type: 'truefalse', value: true })).toEqual(wrong)
      expect(checkAnswer({ ...truefalse, answer: true }, { type: 'truefalse', value: true })).toEqual(right)
    })
  })

  describe('blank', () => {
    it.each(['通义千问', 'Tongyi Qianwen', 'tongyi-QIANWEN ', 'tongyiqianwen', 'Qwen', 'ＱＷＥＮ', '“千问”', ' 千 问 。', '「通义·千问」'])(
      'accepts %j',
      (text) => {
        expect(checkAnswer(blank, { type: 'blank', text })).toEqual(right)
      },
    )
    it.each(['', '   ', '！', 'Qwen2', '通义', '千问模型', 'Tongyi'])('rejects %j', (text) => {
      expect(checkAnswer(blank, { type: 'blank', text })).toEqual(wrong)
    })
    it('works without accepted forms', () => {
      const plain: BlankQuestion = { ...blank, accepted: undefined }
      expect(checkAnswer(plain, { type: 'blank', text: 'tongyi qianwen' })).toEqual(right)
      expect(checkAnswer(plain, { type: 'blank', text: 'Qwen' })).toEqual(wrong)
    })
    it('never accepts empty input, even when a form is only punctuation', () => {
      const odd: BlankQuestion = { ...blank, accepted: ['?', '——'] }
      expect(checkAnswer(odd, { type: 'blank', text: '?' })).toEqual(wrong)
      expect(checkAnswer(odd, { type: 'blank', text: '' })).toEqual(wrong)
    })
  })

  describe('numeric', () => {
    it.each(['300亿美元', '300亿', '30 billion dollars', '$30bn', '３００亿', '30,000,000,000', '3e10', '约300亿美元'])(
      'reads %j as 30000000000',
      (text) => {
        expect(checkAnswer(money, { type: 'numeric', text })).toEqual(right)
      },
    )
    it.each(['299亿', '30 million', '3 or 30 billion', 'abc', '', '30'])('rejects %j for 30000000000', (text) => {
      expect(checkAnswer(money, { type: 'numeric', text })).toEqual(wrong)
    })
    it('accepts anything within the tolerance, on both sides', () => {
      for (const text of ['约16年', '十六', '15', '17', '15.0', '十七年']) {
        expect(checkAnswer(years, { type: 'numeric', text })).toEqual(right)
      }
      for (const text of ['14.99', '17.01', '18', '一百六十']) {
        expect(checkAnswer(years, { type: 'numeric', text })).toEqual(wrong)
      }
    })
    it('reads a percentage as the number before the % sign', () => {
      for (const text of ['0.3%', '百分之零点三', '0.3 percent', '0.3']) {
        expect(checkAnswer(share, { type: 'numeric', text })).toEqual(right)
      }
      expect(checkAnswer(share, { type: 'numeric', text: '30%' })).toEqual(wrong)
      expect(checkAnswer(share, { type: 'numeric', text: '0.003' })).toEqual(wrong)
    })
    it('does not reject a boundary answer because of floating-point error', () => {
      const q: NumericQuestion = { ...share, tolerance: 0.1 }
      // 0.4 - 0.3 is 0.10000000000000003 in binary floating point
      expect(checkAnswer(q, { type: 'numeric', text: '0.4' })).toEqual(right)
      expect(checkAnswer(q, { type: 'numeric', text: '0.2' })).toEqual(right)
      expect(checkAnswer(q, { type: 'numeric', text: '0.41' })).toEqual(wrong)
      expect(checkAnswer(q, { type: 'numeric', text: '0.19' })).toEqual(wrong)
    })
  })

  describe('ordering', () => {
    it('is right only in the exact order', () => {
      expect(checkAnswer(ordering, { type: 'ordering', order: ['c', 'a', 'd', 'b'] })).toEqual(right)
      expect(checkAnswer(ordering, { type: 'ordering', order: ['a', 'b', 'c', 'd'] })).toEqual(wrong)
    })
    it('gives credit for each item in its right position', () => {
      expect(checkAnswer(ordering, { type: 'ordering', order: ['c', 'a', 'b', 'd'] })).toEqual({ correct: false, score: 0.5 })
      expect(checkAnswer(ordering, { type: 'ordering', order: ['c', 'd', 'a', 'b'] })).toEqual({ correct: false, score: 0.5 })
      expect(checkAnswer(ordering, { type: 'ordering', order: ['b', 'a', 'd', 'c'] })).toEqual({ correct: false, score: 0.5 })
    })
    it('counts missing and extra items as out of place', () => {
      expect(checkAnswer(ordering, { type: 'ordering', order: ['c', 'a'] })).toEqual({ correct: false, score: 0.5 })
      expect(checkAnswer(ordering, { type: 'ordering', order: ['c', 'a', 'd', 'b', 'b'] })).toEqual({
        correct: false,
        score: 0.8,
      })
      expect(checkAnswer(ordering, { type: 'ordering', order: [] })).toEqual(wrong)
    })
  })

  describe('matching', () => {
    it('is right when every left is mapped to its own pair', () => {
      expect(checkAnswer(matching, { type: 'matching', pairs: { p1: 'p1', p2: 'p2', p3: 'p3' } })).toEqual(right)
    })
    it('gives credit for the fraction of lefts matched right', () => {
      expect(checkAnswer(matching, { type: 'matching', pairs: { p1: 'p2', p2: 'p1', p3: 'p3' } })).toEqual({
        correct: false,
        score: 1 / 3,
      })
      expect(checkAnswer(matching, { type: 'matching', pairs: { p1: 'p1', p2: 'p1', p3: 'p3' } })).toEqual({
        correct: false,
        score: 2 / 3,
      })
      expect(checkAnswer(matching, { type: 'matching', pairs: { p1: 'p1' } })).toEqual({ correct: false, score: 1 / 3 })
      expect(checkAnswer(matching, { type: 'matching', pairs: {} })).toEqual(wrong)
      expect(checkAnswer(matching, { type: 'matching', pairs: { p1: 'p2', p2: 'p3', p3: 'p1' } })).toEqual(wrong)
    })
    it('does not read inherited properties as answers', () => {
      const q: MatchingQuestion = {
        ...matching,
        pairs: ['constructor', 'toString'].map((id) => ({ id, left: loc(id), right: loc(id) })),
      }
      expect(checkAnswer(q, { type: 'matching', pairs: {} })).toEqual(wrong)
      expect(checkAnswer(q, { type: 'matching', pairs: { constructor: 'constructor', toString: 'toString' } })).toEqual(right)
    })
  })

  describe('flashcard', () => {
    it('is wrong for Again and right for Hard, Good and Easy', () => {
      expect(checkAnswer(flashcard, { type: 'flashcard', grade: 1 })).toEqual(wrong)
      expect(checkAnswer(flashcard, { type: 'flashcard', grade: 2 })).toEqual(right)
      expect(checkAnswer(flashcard, { type: 'flashcard', grade: 3 })).toEqual(right)
      expect(checkAnswer(flashcard, { type: 'flashcard', grade: 4 })).toEqual(right)
    })
  })

  it.each(ALL.map((q) => [q.type, q] as const))('skip is always wrong for %s', (_type, q) => {
    expect(checkAnswer(q, { type: 'skip' })).toEqual(wrong)
  })

  it.each(ALL.map((q) => [q.type, q] as const))('a response of another type is wrong for %s', (_type, q) => {
    const others: Response[] = [
      { type: 'single', choice: 'b' },
      { type: 'multiple', choices: ['a', 'c'] },
      { type: 'truefalse', value: false },
      { type: 'blank', text: 'Qwen' },
      { type: 'numeric', text: '300亿' },
      { type: 'ordering', order: ['c', 'a', 'd', 'b'] },
      { type: 'matching', pairs: { p1: 'p1', p2: 'p2', p3: 'p3' } },
      { type: 'flashcard', grade: 4 },
    ]
    const mismatched = others.filter((r) => r.type !== q.type)
    expect(mismatched).toHaveLength(7)
    for (const response of mismatched) expect(checkAnswer(q, response)).toEqual(wrong)
  })

  it('is wrong, not an exception, for malformed stored responses', () => {
    const broken = [
      null,
      undefined,
      {},
      { type: 'multiple', choices: 'a' },
      { type: 'multiple', choices: [1, 2] },
      { type: 'ordering' },
      { type: 'matching', pairs: null },
      { type: 'blank', text: 42 },
      { type: 'numeric' },
    ] as unknown as Response[]
    for (const question of [multiple, ordering, matching, blank, money]) {
      for (const response of broken) expect(checkAnswer(question, response)).toEqual(wrong)
    }
  })
})

describe('correctResponse', () => {
  it('builds the fully correct response for each type', () => {
    expect(correctResponse(single)).toEqual({ type: 'single', choice: 'b' })
    expect(correctResponse(multiple)).toEqual({ type: 'multiple', choices: ['a', 'c'] })
    expect(correctResponse(truefalse)).toEqual({ type: 'truefalse', value: false })
    expect(correctResponse(blank)).toEqual({ type: 'blank', text: '通义千问' })
    expect(correctResponse(money)).toEqual({ type: 'numeric', text: '30000000000' })
    expect(correctResponse(ordering)).toEqual({ type: 'ordering', order: ['c', 'a', 'd', 'b'] })
    expect(correctResponse(matching)).toEqual({ type: 'matching', pairs: { p1: 'p1', p2: 'p2', p3: 'p3' } })
    expect(correctResponse(flashcard)).toBeNull()
  })

  it('does not share arrays with the question', () => {
    const response = correctResponse(multiple)
    if (response?.type !== 'multiple') throw new Error('expected a multiple response')
    response.choices.push('d')
    expect(multiple.answer).toEqual(['a', 'c'])
  })

  it('skips a blank form that normalizes to nothing', () => {
    expect(correctResponse({ ...blank, answer: loc('——', 'Qianwen') })).toEqual({ type: 'blank', text: 'Qianwen' })
  })
})

describe('isTypedAnswer', () => {
  it('is true for blank and numeric only', () => {
    expect(ALL.filter(isTypedAnswer).map((q) => q.type)).toEqual(['blank', 'numeric'])
  })
})

describe('withinTolerance', () => {
  it('is inclusive at both ends', () => {
    expect(withinTolerance({ value: 10, tolerance: 2 }, 8)).toBe(true)
    expect(withinTolerance({ value: 10, tolerance: 2 }, 12)).toBe(true)
    expect(withinTolerance({ value: 10, tolerance: 2 }, 12.001)).toBe(false)
    expect(withinTolerance({ value: 10, tolerance: 0 }, 10)).toBe(true)
    expect(withinTolerance({ value: 0, tolerance: 0 }, 1e-300)).toBe(false)
    expect(withinTolerance({ value: 10, tolerance: 2 }, Number.NaN)).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

/** Letters that keep their identity through case changes and NFKC (no ß, no İ). */
const FORM_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éüñ通义千问阿里巴巴云模型开源']
const PUNCTUATION = [...' \u3000\t,.!?;:\'"()-—·，。！？；：“”‘’「」『』《》【】、…·'].concat(['', '', ''])
const form = fc.string({ unit: fc.constantFrom(...FORM_CHARS), minLength: 1, maxLength: 12 })

const blankArb: fc.Arbitrary<BlankQuestion> = fc
  .record({ zh: form, en: form, accepted: fc.option(fc.array(form, { maxLength: 4 }), { nil: undefined }) })
  .map(({ zh, en, accepted }) => ({ ...base, id: 'q-blank', type: 'blank', answer: { zh, en }, accepted }))

const toFullWidth = (ch: string): string => {
  const code = ch.charCodeAt(0)
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch
}

/** Per-character disguises: case, width, and spaces or punctuation in between. */
const disguise = fc.array(
  fc.record({ upper: fc.boolean(), wide: fc.boolean(), before: fc.constantFrom(...PUNCTUATION), after: fc.constantFrom(...PUNCTUATION) }),
  { minLength: 1, maxLength: 16 },
)

const isDigit = (ch: string | undefined): boolean => ch !== undefined && /\d/.test(ch)

/** Disguises a form; never puts a separator between two digits ("1 4" is not "14"). */
function applyDisguise(text: string, ops: { upper: boolean; wide: boolean; before: string; after: string }[]): string {
  const chars = [...text]
  return chars
    .map((ch, i) => {
      const op = ops[i % ops.length]!
      let out = op.upper ? ch.toUpperCase() : ch.toLowerCase()
      if (op.wide) out = toFullWidth(out)
      const before = isDigit(chars[i - 1]) && isDigit(ch) ? '' : op.before
      const after = isDigit(ch) && isDigit(chars[i + 1]) ? '' : op.after
      return before + out + after
    })
    .join('')
}

const optionId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'x-1', 'Z_9', 'constructor', '__proto__')
const ids = (min: number, max: number) => fc.uniqueArray(optionId, { minLength: min, maxLength: max })
const finite = fc.double({ noNaN: true, noDefaultInfinity: true })

const questionArb: fc.Arbitrary<Question> = fc.oneof(
  ids(2, 6).chain((xs) =>
    fc.constantFrom(...xs).map((answer): Question => ({ ...base, id: 'q', type: 'single', choices: choices(...xs), answer })),
  ),
  ids(3, 6).chain((xs) =>
    fc
      .shuffledSubarray(xs, { minLength: 2, maxLength: xs.length - 1 })
      .map((answer): Question => ({ ...base, id: 'q', type: 'multiple', choices: choices(...xs), answer })),
  ),
  fc.boolean().map((answer): Question => ({ ...base, id: 'q', type: 'truefalse', answer })),
  blankArb,
  fc
    .record({ value: finite, tolerance: fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }) })
    .map(({ value, tolerance }): Question => ({ ...base, id: 'q', type: 'numeric', value, tolerance })),
  ids(3, 6).chain((xs) =>
    fc
      .shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })
      .map((answer): Question => ({ ...base, id: 'q', type: 'ordering', items: choices(...xs), answer })),
  ),
  ids(2, 6).map(
    (xs): Question => ({
      ...base,
      id: 'q',
      type: 'matching',
      pairs: xs.map((id) => ({ id, left: loc(`L${id}`), right: loc(`R${id}`) })),
    }),
  ),
  fc.constant<Question>(flashcard),
)

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }))
const responseArb: fc.Arbitrary<Response> = fc.oneof(
  fc.record({ type: fc.constant('single' as const), choice: fc.oneof(optionId, anyText) }),
  fc.record({ type: fc.constant('multiple' as const), choices: fc.array(fc.oneof(optionId, anyText), { maxLength: 8 }) }),
  fc.record({ type: fc.constant('truefalse' as const), value: fc.boolean() }),
  fc.record({ type: fc.constant('blank' as const), text: anyText }),
  fc.record({ type: fc.constant('numeric' as const), text: fc.oneof(anyText, finite.map(String)) }),
  fc.record({ type: fc.constant('ordering' as const), order: fc.array(fc.oneof(optionId, anyText), { maxLength: 8 }) }),
  fc.record({ type: fc.constant('matching' as const), pairs: fc.dictionary(fc.oneof(optionId, anyText), fc.oneof(optionId, anyText)) }),
  fc.record({ type: fc.constant('flashcard' as const), grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) }),
  fc.constant<Response>({ type: 'skip' }),
)

describe('checkAnswer properties', () => {
  it('accepts every listed form of a blank, disguised with spaces, case, full width and punctuation', () => {
    fc.assert(
      fc.property(blankArb, fc.nat(), disguise, (question, pick, ops) => {
        const forms = [question.answer.zh, question.answer.en, ...(question.accepted ?? [])]
        const chosen = forms[pick % forms.length]!
        expect(checkAnswer(question, { type: 'blank', text: chosen })).toEqual(right)
        expect(checkAnswer(question, { type: 'blank', text: applyDisguise(chosen, ops) })).toEqual(right)
      }),
      { numRuns: 500 },
    )
  })

  it('rejects a blank answer two or more edits from every form, and not the same number', () => {
    fc.assert(
      fc.property(blankArb, form, (question, text) => {
        const forms = [question.answer.zh, question.answer.en, ...(question.accepted ?? [])]
        const key = normalizeText(text)
        fc.pre(forms.every((f) => editDistance(normalizeText(f), key) >= 2))
        fc.pre(parseNumber(text) === null || forms.every((f) => parseNumber(f) !== parseNumber(text)))
        expect(checkAnswer(question, { type: 'blank', text })).toEqual(wrong)
      }),
      { numRuns: 300 },
    )
  })

  it('accepts a form inside the place-word frame that closes the prompt’s gap, and nothing two edits away', () => {
    const framed = (question: BlankQuestion): BlankQuestion => ({ ...question, prompt: loc('范式转换时留下的____里。', 'left in the ____') })
    const hanForm = fc.string({ unit: fc.constantFrom(...'通义千问阿里巴巴云模型开源'), minLength: 1, maxLength: 8 })
    const place = fc.constantFrom('中', '里', '之中', '当中', '内')
    fc.assert(
      fc.property(blankArb, fc.nat(), place, fc.boolean(), hanForm, (question, pick, word, opened, other) => {
        const q = framed(question)
        const forms = [q.answer.zh, q.answer.en, ...(q.accepted ?? [])]
        const chosen = forms[pick % forms.length]!
        expect(checkAnswer(q, { type: 'blank', text: `${opened ? '在' : ''}${chosen}${word}` })).toEqual(right)
        fc.pre(forms.every((f) => editDistance(normalizeText(f), normalizeText(other)) >= 2))
        expect(checkAnswer(q, { type: 'blank', text: `${opened ? '在' : ''}${other}${word}` })).toEqual(wrong)
      }),
      { numRuns: 300 },
    )
  })

  it('forgives a stray input-method letter or a closing particle on a Chinese answer, and introductions of an answer, but never a negation', () => {
    const hanForm = fc.string({ unit: fc.constantFrom(...'通义千问阿里巴巴云模型开源'), minLength: 2, maxLength: 8 })
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz')
    const intro = fc.constantFrom('答案是{}', '它是{}', '答案：{}', 'Answer: {}', '这是{}')
    const particleArb = fc.constantFrom(...'了吧啊呀哦呢嘛儿')
    const negated = fc.constantFrom('答案不是{}', '它不是{}', '这不是{}', '答案：不是{}', '不是{}', '非{}', '{}不是', '并非{}')
    fc.assert(
      fc.property(hanForm, hanForm, letter, fc.boolean(), intro, negated, particleArb, (chosen, other, extra, atEnd, lead, denial, particle) => {
        const q: BlankQuestion = { ...base, id: 'q', type: 'blank', answer: loc(chosen, 'x'), prompt: loc('称这是一场“____”。', 'calling it a ____') }
        const grade = (text: string): boolean => checkAnswer(q, { type: 'blank', text }).correct
        expect(grade(atEnd ? `${chosen}${extra}` : `${extra}${chosen}`)).toBe(true)
        expect(grade(`${chosen}${particle}`)).toBe(true)
        expect(grade(lead.replace('{}', chosen))).toBe(true)
        expect(grade(denial.replace('{}', chosen))).toBe(false)
        fc.pre(editDistance(chosen, other) >= 2)
        expect(grade(atEnd ? `${other}${extra}` : `${extra}${other}`)).toBe(false)
        expect(grade(`${other}${particle}`)).toBe(false)
        expect(grade(lead.replace('{}', other))).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('reads an English form with or without an article before any of its words, and no other words', () => {
    const word = fc.constantFrom('battle', 'panic', 'before', 'open', 'source', 'stack', 'entrance', 'super', 'finish', 'line', 'crack')
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 5 }), fc.nat(), fc.constantFrom('a', 'an', 'the'), word, (words, at, article, other) => {
        const q: BlankQuestion = { ...base, id: 'q', type: 'blank', answer: loc('答', words.join(' ')) }
        const i = at % (words.length - 1)
        const withArticle = [...words.slice(0, i + 1), article, ...words.slice(i + 1)].join(' ')
        expect(checkAnswer(q, { type: 'blank', text: withArticle }).correct).toBe(true)
        fc.pre(other !== words[i + 1] && editDistance(other, words[i + 1]!) >= 2)
        const swapped = [...words.slice(0, i + 1), article, other, ...words.slice(i + 2)].join(' ')
        expect(checkAnswer(q, { type: 'blank', text: swapped }).correct).toBe(false)
      }),
      { numRuns: 300 },
    )
  })

  it('reads a Chinese numeral inside a form the same as its digits, and no other number', () => {
    const digits = [...'零一二三四五六七八九']
    const chinese = (n: number): string =>
      n < 10 ? digits[n]! : `${n >= 20 ? digits[Math.floor(n / 10)]! : ''}十${n % 10 ? digits[n % 10]! : ''}`
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (n, m) => {
        const q: BlankQuestion = { ...base, id: 'q-rank', type: 'blank', answer: loc(`全球第${chinese(n)}名`, 'first') }
        expect(checkAnswer(q, { type: 'blank', text: `全球第${n}名` }).correct).toBe(true)
        expect(checkAnswer(q, { type: 'blank', text: `全球第${m}名` }).correct).toBe(m === n)
      }),
      { numRuns: 300 },
    )
  })

  it('never accepts a number the learner denies or puts as a strict upper bound; a floor or a cap keeps it', () => {
    const denial = fc.constantFrom('不是{n}', '非{n}', '不到{n}', '少于{n}', '{n}以下', 'not {n}', 'less than {n}', 'under {n}', 'fewer than {n}', "isn't {n}")
    const bound = fc.constantFrom('不少于{n}', '差不多{n}', '超过{n}', '{n}以上', 'at least {n}', 'no less than {n}', 'at most {n}', '约{n}')
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), denial, bound, (n, denied, kept) => {
        const q: NumericQuestion = { ...base, id: 'q', type: 'numeric', value: n, tolerance: 0 }
        expect(checkAnswer(q, { type: 'numeric', text: denied.replace('{n}', String(n)) })).toEqual(wrong)
        expect(checkAnswer(q, { type: 'numeric', text: kept.replace('{n}', String(n)) })).toEqual(right)
      }),
      { numRuns: 300 },
    )
  })

  it('never accepts a cap where the prompt asks for a floor, and accepts it where it does not', () => {
    const cap = fc.constantFrom('不超过{n}', '最多{n}', 'at most {n}', 'up to {n}', 'not more than {n}', '至多{n}')
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), cap, (n, capped) => {
        const text = capped.replace('{n}', String(n))
        const floor: NumericQuestion = { ...base, prompt: loc('文中说是“超”多少？', 'More than how many?'), id: 'q', type: 'numeric', value: n, tolerance: 0 }
        const plain: NumericQuestion = { ...floor, prompt: loc('可以支持多少行？', 'How many rows?') }
        expect(checkAnswer(floor, { type: 'numeric', text })).toEqual(wrong)
        expect(checkAnswer(plain, { type: 'numeric', text })).toEqual(right)
      }),
      { numRuns: 200 },
    )
  })

  it('grades the quantity in the question\'s unit when an answer gives two, and never a hedge between two', () => {
    const amount: NumericQuestion = { ...base, id: 'amount', type: 'numeric', value: 0, tolerance: 0, unit: loc('元', 'yuan') }
    const span: NumericQuestion = { ...base, id: 'span', type: 'numeric', value: 0, tolerance: 0, unit: loc('年', 'years') }
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 9_999 }), fc.integer({ min: 1, max: 9_999 }), (n, yi, other) => {
        const sentence = `未来${n}年投入${yi}亿`
        expect(checkAnswer({ ...amount, value: yi * 1e8 }, { type: 'numeric', text: sentence }).correct).toBe(true)
        expect(checkAnswer({ ...amount, value: (yi + 1) * 1e8 }, { type: 'numeric', text: sentence }).correct).toBe(false)
        expect(checkAnswer({ ...span, value: n }, { type: 'numeric', text: sentence }).correct).toBe(true)
        expect(checkAnswer({ ...span, value: n + 1 }, { type: 'numeric', text: sentence }).correct).toBe(false)
        // A conversion in brackets, in another unit, says nothing against the figure.
        const glossed = `${yi}亿元（约${yi + other}亿美元）`
        expect(checkAnswer({ ...amount, value: yi * 1e8 }, { type: 'numeric', text: glossed }).correct).toBe(true)
        // Two figures in the question's unit are a hedge, a range is a range.
        for (const hedge of [`${n}年或${n + 1}年`, `${n}年 ${n + 1}年`, `${n}到${n + 1}年`, `${n}-${n + 1}年`])
          for (const value of [n, n + 1]) expect(checkAnswer({ ...span, value }, { type: 'numeric', text: hedge }).correct, hedge).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('reads a form with a noun of the gap\'s clause restated after it, and never another answer so', () => {
    const rank: BlankQuestion = { ...base, id: 'rank', type: 'blank', prompt: loc('文中称，千问在全球开源模型中排名第____。', 'ranking ____'), answer: loc('一', 'first') }
    const numerals = [...'二三四五六七八九十']
    fc.assert(
      fc.property(fc.constantFrom('模型', '开源模型', '全球开源模型', '源模型'), fc.constantFrom(...numerals), (noun, other) => {
        expect(checkAnswer(rank, { type: 'blank', text: `第一${noun}` })).toEqual(right)
        expect(checkAnswer(rank, { type: 'blank', text: `第${other}${noun}` })).toEqual(wrong)
        expect(checkAnswer(rank, { type: 'blank', text: noun })).toEqual(wrong)
        // Words of another clause are no restatement, and a numeral runs on into the next one (第一千: 1000th).
        expect(checkAnswer(rank, { type: 'blank', text: '第一文中' }).correct).toBe(false)
        expect(checkAnswer(rank, { type: 'blank', text: '第一千问' }).correct).toBe(false)
      }),
      { numRuns: 50 },
    )
  })

  it('reads N多 / N余 / N+ as right only where the prompt asks for a floor, and a counted noun of another kind as wrong', () => {
    const vague = fc.constantFrom('{n}多', '{n}余', '{n}+', '{n}多行', '{n} odd')
    const nouns = fc.constantFrom('列', '个国家', '家公司', '张表', '倍')
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 10_000_000 }), vague, nouns, (n, phrase, noun) => {
        const text = phrase.replace('{n}', String(n))
        const floor: NumericQuestion = { ...base, prompt: loc('文中说是“超”多少行？', 'More than how many rows?'), id: 'q', type: 'numeric', value: n, tolerance: 0, unit: loc('行', 'rows') }
        const plain: NumericQuestion = { ...floor, prompt: loc('可以支持多少行？', 'How many rows?') }
        expect(checkAnswer(floor, { type: 'numeric', text }).correct).toBe(true)
        expect(checkAnswer(plain, { type: 'numeric', text }).correct).toBe(false)
        expect(checkAnswer(plain, { type: 'numeric', text: `${n}行` })).toEqual(right)
        expect(checkAnswer(plain, { type: 'numeric', text: `${n}${noun}` }).correct).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('treats the numeric tolerance symmetrically: value + d and value - d get the same verdict', () => {
    // Values on a decimal grid, so "d within tolerance" has one exact answer.
    const grid = fc.integer({ min: 0, max: 4 }).map((k) => 10 ** -k)
    fc.assert(
      fc.property(
        grid,
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        (step, v, t, d) => {
          const value = v * step
          const tolerance = t * step
          const delta = d * step
          const q: NumericQuestion = { ...base, id: 'q', type: 'numeric', value, tolerance }
          const above = checkAnswer(q, { type: 'numeric', text: String(value + delta) })
          const below = checkAnswer(q, { type: 'numeric', text: String(value - delta) })
          expect(above).toEqual(below)
          expect(above.correct).toBe(d <= t)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('grades the correct response of any question as fully correct', () => {
    fc.assert(
      fc.property(questionArb, (question) => {
        const response = correctResponse(question)
        if (question.type === 'flashcard') expect(response).toBeNull()
        else expect(checkAnswer(question, response!)).toEqual(right)
      }),
      { numRuns: 500 },
    )
  })

  it('never throws, for any response to any question, and keeps the score in 0..1', () => {
    fc.assert(
      fc.property(questionArb, responseArb, (question, response) => {
        const result = checkAnswer(question, response)
        expect(typeof result.correct).toBe('boolean')
        expect(result.score).toBeGreaterThanOrEqual(0)
        expect(result.score).toBeLessThanOrEqual(1)
        if (result.correct) expect(result.score).toBe(1)
        if (response.type !== question.type) expect(result).toEqual(wrong)
      }),
      { numRuns: 2000 },
    )
  })
})
