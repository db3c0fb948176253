import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { eligibleQuestions, pickQuizQuestions } from './quiz'
import { draftToResponse, emptyDraft } from './draft'
import type { Question, QuestionSet } from '../content/schema'

const L = (s: string) => ({ zh: s, en: s })
function tf(id: string): Question {
  return { id, type: 'truefalse', prompt: L(id), explanation: L('e'), answer: true }
}
function card(id: string): Question {
  return { id, type: 'flashcard', prompt: L(id), explanation: L('e'), back: L('b') }
}
const sets: QuestionSet[] = [
  { id: 'a', title: L('A'), keyPoints: [L('k')], questions: [tf('a-1'), card('a-2'), tf('a-3')] },
  { id: 'b', title: L('B'), keyPoints: [L('k')], questions: [tf('b-1'), tf('b-2')] },
]

describe('eligibleQuestions', () => {
  it('keeps only the chosen sets and types, in article order', () => {
    const ids = eligibleQuestions(sets, { setIds: ['b', 'a'], types: ['truefalse'] }).map((e) => e.question.id)
    expect(ids).toEqual(['a-1', 'a-3', 'b-1', 'b-2'])
  })
})

describe('article order', () => {
  const cited = (id: string, paragraph?: number | number[]): Question => ({
    ...tf(id),
    ...(paragraph === undefined ? {} : { source: { paragraph, quote: 'q' } }),
  })
  const bank: QuestionSet[] = [
    { id: 'x', title: L('X'), keyPoints: [L('k')], questions: [cited('x-1', 3), cited('x-2', 2), cited('x-3', [5, 1]), cited('x-4'), cited('x-5', 2)] },
    { id: 'y', title: L('Y'), keyPoints: [L('k')], questions: [cited('y-1', 1), cited('y-2', 3)] },
  ]
  it('sorts by the first paragraph cited, then by place in the set, sets in bank order; uncited last', () => {
    expect(pickQuizQuestions(bank, { setIds: ['x', 'y'], types: ['truefalse'], count: 'all', order: 'article' }, 1))
      .toEqual(['x-3', 'y-1', 'x-2', 'x-5', 'x-1', 'y-2', 'x-4'])
  })
  it('a sample keeps that order', () => {
    const order = ['x-3', 'y-1', 'x-2', 'x-5', 'x-1', 'y-2', 'x-4']
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 7 }), (seed, count) => {
        const ids = pickQuizQuestions(bank, { setIds: ['x', 'y'], types: ['truefalse'], count, order: 'article' }, seed)
        expect([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(ids)
      }),
    )
  })
})

describe('pickQuizQuestions', () => {
  it('article order with all questions returns them as written', () => {
    expect(pickQuizQuestions(sets, { setIds: ['a', 'b'], types: ['truefalse', 'flashcard'], count: 'all', order: 'article' }, 1))
      .toEqual(['a-1', 'a-2', 'a-3', 'b-1', 'b-2'])
  })
  it('a sample in article order stays in article order', () => {
    const ids = pickQuizQuestions(sets, { setIds: ['a', 'b'], types: ['truefalse', 'flashcard'], count: 3, order: 'article' }, 7)
    const all = ['a-1', 'a-2', 'a-3', 'b-1', 'b-2']
    expect(ids).toHaveLength(3)
    expect([...ids].sort((x, y) => all.indexOf(x) - all.indexOf(y))).toEqual(ids)
  })
  it('shuffled quizzes are distinct questions from the pool, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 10 }), (seed, count) => {
        const sel = { setIds: ['a', 'b'], types: ['truefalse', 'flashcard'] as Question['type'][], count, order: 'shuffled' as const }
        const ids = pickQuizQuestions(sets, sel, seed)
        expect(ids).toEqual(pickQuizQuestions(sets, sel, seed))
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids.length).toBe(Math.min(count, 5))
      }),
    )
  })
})

describe('draftToResponse', () => {
  it('is null until a choice is made, then the chosen value', () => {
    const q = tf('x')
    const d = emptyDraft(q)
    expect(draftToResponse(q, d)).toBeNull()
    expect(draftToResponse(q, { ...d, selected: ['false'] })).toEqual({ type: 'truefalse', value: false })
  })
  it('a typed answer of only spaces is not an answer', () => {
    const q: Question = { id: 'n', type: 'numeric', prompt: L('n'), explanation: L('e'), value: 1, tolerance: 0 }
    expect(draftToResponse(q, { ...emptyDraft(q), text: '   ' })).toBeNull()
    expect(draftToResponse(q, { ...emptyDraft(q), text: ' 1 ' })).toEqual({ type: 'numeric', text: ' 1 ' })
  })
  it('matching is complete only when every left has a partner', () => {
    const q: Question = {
      id: 'm', type: 'matching', prompt: L('m'), explanation: L('e'),
      pairs: [{ id: 'p', left: L('1'), right: L('2') }, { id: 'q', left: L('3'), right: L('4') }],
    }
    expect(draftToResponse(q, { ...emptyDraft(q), pairs: { p: 'q' } })).toBeNull()
    expect(draftToResponse(q, { ...emptyDraft(q), pairs: { p: 'q', q: 'p' } })).toEqual({ type: 'matching', pairs: { p: 'q', q: 'p' } })
  })
})
