import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { seedFor, shuffle, shuffledQuestion, shuffledRights } from './random'
import { checkAnswer, correctResponse } from '@/domain/content/answer'
import type { Response } from '@/domain/content/response'
import type { Localized, MatchingQuestion, OrderingQuestion, Question, SingleQuestion } from '@/domain/content/schema'

const loc = (zh: string, en = zh): Localized => ({ zh, en })
const base = { id: 'q', prompt: loc('问题', 'Question'), explanation: loc('解释', 'Explanation') }
const choices = (...ids: string[]) => ids.map((id) => ({ id, text: loc(`选项${id}`, `Choice ${id}`) }))
const seed = fc.integer({ min: 0, max: 0xffffffff })
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

describe('shuffle', () => {
  it('is a permutation, returns a new array and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), seed, (items, s) => {
        const copy = items.slice()
        const out = shuffle(items, s)
        expect(out).not.toBe(items)
        expect(items).toEqual(copy)
        expect([...out].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b))
      }),
    )
  })
  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), seed, (items, s) => {
        expect(shuffle(items, s)).toEqual(shuffle(items, s))
      }),
    )
  })
  it('actually reorders, and differently for different seeds', () => {
    const items = Array.from({ length: 20 }, (_, i) => i)
    expect(shuffle(items, 1)).not.toEqual(items)
    expect(shuffle(items, 1)).not.toEqual(shuffle(items, 2))
  })
  it('puts every item in every position about equally often', () => {
    const counts = [0, 0, 0, 0]
    for (let s = 0; s < 4000; s++) counts[shuffle([0, 1, 2, 3], s).indexOf(0)]!++
    for (const count of counts) {
      expect(count).toBeGreaterThan(850)
      expect(count).toBeLessThan(1150)
    }
  })
})

describe('seedFor', () => {
  it('is stable, and differs between questions and between attempts', () => {
    expect(seedFor(1, 'q-a')).toBe(seedFor(1, 'q-a'))
    expect(seedFor(1, 'q-a')).not.toBe(seedFor(1, 'q-b'))
    expect(seedFor(1, 'q-a')).not.toBe(seedFor(2, 'q-a'))
    const seeds = new Set(Array.from({ length: 1000 }, (_, attempt) => seedFor(attempt, 'q-a')))
    expect(seeds.size).toBe(1000)
  })
  it('is an unsigned 32-bit integer', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), (attempt, id) => {
        const s = seedFor(attempt, id)
        expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true)
      }),
    )
  })
})

const single: SingleQuestion = { ...base, type: 'single', choices: choices('a', 'b', 'c', 'd', 'e'), answer: 'c' }
const ordering: OrderingQuestion = { ...base, type: 'ordering', items: choices('a', 'b', 'c'), answer: ['a', 'b', 'c'] }
const matching: MatchingQuestion = {
  ...base,
  type: 'matching',
  pairs: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ id, left: loc(`L${id}`), right: loc(`R${id}`) })),
}

describe('shuffledQuestion', () => {
  it('shuffles the choices of a copy, keeping the answer id', () => {
    const out = shuffledQuestion(single, 3)
    if (out.type !== 'single') throw new Error('expected single')
    expect(out).not.toBe(single)
    expect(out.answer).toBe('c')
    expect(out.choices.map((c) => c.id)).toEqual(shuffle(single.choices, 3).map((c) => c.id))
    expect(single.choices.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('never shows ordering items already in the correct order', () => {
    for (let s = 0; s < 200; s++) {
      const out = shuffledQuestion(ordering, s)
      if (out.type !== 'ordering') throw new Error('expected ordering')
      expect(out.items.map((i) => i.id)).not.toEqual(['a', 'b', 'c'])
      expect(out.items.map((i) => i.id).sort()).toEqual(['a', 'b', 'c'])
    }
  })

  it('leaves matching pairs, true/false and the like as they are', () => {
    expect(shuffledQuestion(matching, 9)).toEqual(matching)
    const tf: Question = { ...base, type: 'truefalse', answer: true }
    expect(shuffledQuestion(tf, 9)).toEqual(tf)
  })
})

describe('shuffledRights', () => {
  it('is a deterministic permutation of the pairs', () => {
    const a = shuffledRights(matching, 5)
    expect(shuffledRights(matching, 5)).toEqual(a)
    expect([...a].sort(byId)).toEqual(matching.pairs)
    expect(matching.pairs.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4'])
  })
  it('never lines the right column up with the left one', () => {
    const two: MatchingQuestion = { ...matching, pairs: matching.pairs.slice(0, 2) }
    for (let s = 0; s < 100; s++) {
      expect(shuffledRights(two, s).map((p) => p.id)).toEqual(['p2', 'p1'])
      expect(shuffledRights(matching, s).map((p) => p.id)).not.toEqual(['p1', 'p2', 'p3', 'p4'])
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Shuffling never changes grading

const optionId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'x-1', 'Z_9')
const ids = (min: number, max: number) => fc.uniqueArray(optionId, { minLength: min, maxLength: max })

const shuffleable: fc.Arbitrary<Question> = fc.oneof(
  ids(2, 8).chain((xs) =>
    fc.constantFrom(...xs).map((answer): Question => ({ ...base, type: 'single', choices: choices(...xs), answer })),
  ),
  ids(3, 8).chain((xs) =>
    fc
      .shuffledSubarray(xs, { minLength: 2, maxLength: xs.length - 1 })
      .map((answer): Question => ({ ...base, type: 'multiple', choices: choices(...xs), answer })),
  ),
  ids(3, 8).chain((xs) =>
    fc
      .shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })
      .map((answer): Question => ({ ...base, type: 'ordering', items: choices(...xs), answer })),
  ),
  ids(2, 8).map(
    (xs): Question => ({ ...base, type: 'matching', pairs: xs.map((id) => ({ id, left: loc(`L${id}`), right: loc(`R${id}`) })) }),
  ),
  fc.boolean().map((answer): Question => ({ ...base, type: 'truefalse', answer })),
)

/** A response that is certainly wrong: one part of the correct one spoiled. */
function spoil(question: Question): Response | null {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: question.choices.find((c) => c.id !== question.answer)!.id }
    case 'multiple':
      return { type: 'multiple', choices: question.answer.slice(1) }
    case 'truefalse':
      return { type: 'truefalse', value: !question.answer }
    case 'ordering':
      return { type: 'ordering', order: [question.answer[1]!, question.answer[0]!, ...question.answer.slice(2)] }
    case 'matching': {
      const [first, second] = question.pairs
      return { type: 'matching', pairs: { [first!.id]: second!.id, [second!.id]: first!.id } }
    }
    default:
      return null
  }
}

const ids8 = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'x-1', 'Z_9']
const anyResponse: fc.Arbitrary<Response> = fc.oneof(
  fc.record({ type: fc.constant('single' as const), choice: optionId }),
  fc.record({ type: fc.constant('multiple' as const), choices: fc.subarray(ids8) }),
  fc.record({ type: fc.constant('truefalse' as const), value: fc.boolean() }),
  fc.record({ type: fc.constant('ordering' as const), order: fc.shuffledSubarray(ids8) }),
  fc.record({ type: fc.constant('matching' as const), pairs: fc.dictionary(optionId, optionId) }),
)

describe('shuffledQuestion properties', () => {
  it('keeps the correct response correct and a wrong one wrong', () => {
    fc.assert(
      fc.property(shuffleable, seed, (question, s) => {
        const shuffled = shuffledQuestion(question, s)
        expect(checkAnswer(shuffled, correctResponse(question)!)).toEqual({ correct: true, score: 1 })
        const bad = spoil(question)!
        expect(checkAnswer(question, bad).correct).toBe(false)
        expect(checkAnswer(shuffled, bad)).toEqual(checkAnswer(question, bad))
      }),
      { numRuns: 1000 },
    )
  })

  it('grades any response the same before and after shuffling', () => {
    fc.assert(
      fc.property(shuffleable, seed, anyResponse, (question, s, response) => {
        expect(checkAnswer(shuffledQuestion(question, s), response)).toEqual(checkAnswer(question, response))
      }),
      { numRuns: 1000 },
    )
  })

  it('preserves the multiset of choices and items, and changes nothing else', () => {
    fc.assert(
      fc.property(shuffleable, seed, (question, s) => {
        const shuffled = shuffledQuestion(question, s)
        expect(shuffled.type).toBe(question.type)
        if (question.type === 'single' || question.type === 'multiple') {
          if (shuffled.type !== question.type) throw new Error('type changed')
          expect([...shuffled.choices].sort(byId)).toEqual([...question.choices].sort(byId))
          expect({ ...shuffled, choices: null }).toEqual({ ...question, choices: null })
        } else if (question.type === 'ordering') {
          if (shuffled.type !== 'ordering') throw new Error('type changed')
          expect([...shuffled.items].sort(byId)).toEqual([...question.items].sort(byId))
          expect(shuffled.items.map((i) => i.id)).not.toEqual(question.answer)
          expect({ ...shuffled, items: null }).toEqual({ ...question, items: null })
        } else {
          expect(shuffled).toEqual(question)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(shuffleable, seed, (question, s) => {
        expect(shuffledQuestion(question, s)).toEqual(shuffledQuestion(question, s))
      }),
    )
  })
})
