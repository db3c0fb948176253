import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkAnswer } from './answer'
import { gradeAnswer, isTypedAnswer } from './grade'
import type { Response } from './response'
import type { Question } from './schema'

const loc = (zh: string, en = zh): { zh: string; en: string } => ({ zh, en })
const base = { prompt: loc('题目', 'Prompt'), explanation: loc('解释', 'Explanation') }

const QUESTIONS: Question[] = [
  { ...base, id: 'single', type: 'single', choices: ['a', 'b', 'c'].map((id) => ({ id, text: loc(id) })), answer: 'b' },
  { ...base, id: 'multiple', type: 'multiple', choices: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: loc(id) })), answer: ['a', 'c'] },
  { ...base, id: 'truefalse', type: 'truefalse', answer: false },
  { ...base, id: 'blank', type: 'blank', answer: loc('千问', 'Qwen'), accepted: ['通义千问', '1/4'] },
  { ...base, id: 'numeric', type: 'numeric', value: 25, tolerance: 0, unit: loc('%') },
  { ...base, id: 'ordering', type: 'ordering', items: ['x', 'y', 'z'].map((id) => ({ id, text: loc(id) })), answer: ['x', 'y', 'z'] },
  { ...base, id: 'matching', type: 'matching', pairs: ['p', 'q'].map((id) => ({ id, left: loc(`L${id}`), right: loc(`R${id}`) })) },
  { ...base, id: 'flashcard', type: 'flashcard', back: loc('背面', 'Back') },
]

const id = fc.constantFrom('a', 'b', 'c', 'd', 'x', 'y', 'z', 'p', 'q', 'zz')
const text = fc.oneof(fc.string(), fc.constantFrom('千问', 'qwen ', 'Qwen', '通义·千问', '25%', '25', '0.25', '四分之一', '1/4', '25个百分点', '$25'))
const responseArb: fc.Arbitrary<Response> = fc.oneof(
  fc.record({ type: fc.constant('single' as const), choice: id }),
  fc.record({ type: fc.constant('multiple' as const), choices: fc.array(id, { maxLength: 5 }) }),
  fc.record({ type: fc.constant('truefalse' as const), value: fc.boolean() }),
  fc.record({ type: fc.constant('blank' as const), text }),
  fc.record({ type: fc.constant('numeric' as const), text }),
  fc.record({ type: fc.constant('ordering' as const), order: fc.array(id, { maxLength: 4 }) }),
  fc.record({ type: fc.constant('matching' as const), pairs: fc.dictionary(id, id) }),
  fc.record({ type: fc.constant('flashcard' as const), grade: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const) }),
  fc.constant<Response>({ type: 'skip' }),
)

describe('gradeAnswer', () => {
  it('gives the verdict checkAnswer gives, for any response to any type of question', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...QUESTIONS), responseArb, async (question, response) => {
        expect(await gradeAnswer(question, response)).toEqual(checkAnswer(question, response))
      }),
      { numRuns: 1000 },
    )
  })

  it('grades a typed answer with its note', async () => {
    const blank = QUESTIONS.find(isTypedAnswer)!
    expect(await gradeAnswer(blank, { type: 'blank', text: ' qwen。' })).toEqual({ correct: true, score: 1 })
    const numeric = QUESTIONS.find((q) => q.type === 'numeric')!
    expect(await gradeAnswer(numeric, { type: 'numeric', text: '25个百分点' })).toEqual({
      correct: false,
      score: 0,
      note: { kind: 'unit', expected: loc('%') },
    })
  })
})
