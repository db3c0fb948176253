import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildReviewQueue } from './queue'
import type { CardRecord } from '@/domain/scheduling/types'

const NOW = Date.UTC(2026, 0, 10)
const HOUR = 3_600_000

function card(questionId: string, due: number): CardRecord {
  return {
    questionId,
    setId: 'set-a',
    due,
    stability: 3,
    difficulty: 5,
    elapsedDays: 1,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: 2,
    lastReview: due - 3 * 24 * HOUR,
  }
}

describe('buildReviewQueue', () => {
  it('puts the most overdue card first', () => {
    const due = [card('b', NOW - HOUR), card('a', NOW - 5 * HOUR), card('c', NOW)]
    expect(buildReviewQueue({ due, newIds: [], newLimit: 0, now: NOW })).toEqual(['a', 'b', 'c'])
  })

  it('breaks ties by question id so the order is stable', () => {
    const due = [card('z', NOW - HOUR), card('m', NOW - HOUR)]
    expect(buildReviewQueue({ due, newIds: [], newLimit: 0, now: NOW })).toEqual(['m', 'z'])
  })

  it('leaves out cards that are not due yet', () => {
    const due = [card('a', NOW - HOUR), card('later', NOW + 1)]
    expect(buildReviewQueue({ due, newIds: [], newLimit: 0, now: NOW })).toEqual(['a'])
  })

  it('spreads new questions evenly between due cards, in article order', () => {
    const due = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].map((id, i) => card(id, NOW - (10 - i) * HOUR))
    expect(buildReviewQueue({ due, newIds: ['n1', 'n2', 'n3'], newLimit: 3, now: NOW })).toEqual([
      'd1', 'd2', 'n1', 'd3', 'd4', 'n2', 'd5', 'd6', 'n3',
    ])
  })

  it('honours an explicit "one new after every N due"', () => {
    const due = ['d1', 'd2', 'd3', 'd4'].map((id, i) => card(id, NOW - (10 - i) * HOUR))
    expect(buildReviewQueue({ due, newIds: ['n1', 'n2', 'n3'], newLimit: 5, now: NOW, newEvery: 3 })).toEqual([
      'd1', 'd2', 'd3', 'n1', 'd4', 'n2', 'n3',
    ])
  })

  it('stops at the new limit', () => {
    expect(buildReviewQueue({ due: [], newIds: ['n1', 'n2', 'n3'], newLimit: 2, now: NOW })).toEqual(['n1', 'n2'])
    expect(buildReviewQueue({ due: [], newIds: ['n1'], newLimit: -3, now: NOW })).toEqual([])
  })

  it('appends the new questions that do not fit between few due cards', () => {
    const due = [card('d1', NOW - HOUR)]
    expect(buildReviewQueue({ due, newIds: ['n1', 'n2', 'n3'], newLimit: 3, now: NOW })).toEqual(['d1', 'n1', 'n2', 'n3'])
  })

  it('never lists a question twice', () => {
    const due = [card('a', NOW - HOUR)]
    expect(buildReviewQueue({ due, newIds: ['a', 'n1', 'n1'], newLimit: 5, now: NOW })).toEqual(['a', 'n1'])
  })

  it('holds exactly the due cards plus min(newLimit, new) new ones, due ones in due order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: -1000, max: 0 })), {
          selector: ([id]) => id,
          maxLength: 30,
        }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }).map((s) => `new-${s}`), { maxLength: 30 }),
        fc.integer({ min: 0, max: 40 }),
        (dueSpec, newIds, newLimit) => {
          const due = dueSpec.map(([id, offset]) => card(id, NOW + offset * HOUR))
          const queue = buildReviewQueue({ due, newIds, newLimit, now: NOW })
          const fresh = newIds.slice(0, newLimit)
          expect(queue).toHaveLength(due.length + fresh.length)
          expect(new Set(queue).size).toBe(queue.length)
          expect(queue.filter((id) => id.startsWith('new-'))).toEqual(fresh)
          const dueOrder = queue.filter((id) => !id.startsWith('new-')).map((id) => due.find((c) => c.questionId === id)!.due)
          expect(dueOrder).toEqual([...dueOrder].sort((a, b) => a - b))
        },
      ),
    )
  })
})
