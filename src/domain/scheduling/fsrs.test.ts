import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  applyGrade,
  emptyCard,
  formatInterval,
  gradeFor,
  isStep,
  previewGrades,
  rescheduleForRetention,
  schedulerFor,
} from './fsrs'
import { DEFAULT_SETTINGS, type CardRecord, type Settings } from './types'
import type { Grade } from '@/domain/content/response'

const GRADES: readonly Grade[] = [1, 2, 3, 4]

const T0 = Date.UTC(2026, 0, 1, 8, 0)
const MIN = 60_000
const DAY = 86_400_000
const S: Settings = DEFAULT_SETTINGS

/** A card answered Good through its learning steps until it is in review. */
function graduated(): CardRecord {
  let card = applyGrade(null, 'q1', 'set-a', 3, T0, S)
  while (card.state !== 2) card = applyGrade(card, 'q1', 'set-a', 3, card.due, S)
  return card
}

describe('schedulerFor', () => {
  it('takes retention, maximum interval and steps from the settings, without fuzz', () => {
    const f = schedulerFor({ ...S, retention: 0.85, maxIntervalDays: 100, learningSteps: ['2m', '15m'], relearningSteps: ['5m'] })
    expect(f.parameters.request_retention).toBe(0.85)
    expect(f.parameters.maximum_interval).toBe(100)
    expect(f.parameters.enable_fuzz).toBe(false)
    expect([...f.parameters.learning_steps]).toEqual(['2m', '15m'])
    expect([...f.parameters.relearning_steps]).toEqual(['5m'])
  })

  it('uses 10m as the relearning step when the settings have none, and drops malformed steps', () => {
    const f = schedulerFor({ ...S, learningSteps: ['1m', 'soon', '10m'] })
    expect([...f.parameters.relearning_steps]).toEqual(['10m'])
    expect([...f.parameters.learning_steps]).toEqual(['1m', '10m'])
  })
})

describe('isStep', () => {
  it('accepts minutes, hours and days only', () => {
    expect(['1m', '10m', '1.5h', '2d'].every(isStep)).toBe(true)
    expect(['', 'm', '10', '10s', '-1m', '1 m'].some(isStep)).toBe(false)
  })
})

describe('applyGrade', () => {
  it('turns a new question answered Good into a learning card due in the future', () => {
    const card = applyGrade(null, 'q1', 'set-a', 3, T0, S)
    expect(card).toMatchObject({ questionId: 'q1', setId: 'set-a', state: 1, reps: 1, lapses: 0, lastReview: T0 })
    expect(card.due).toBe(T0 + 10 * MIN) // second learning step
    expect(card.stability).toBeGreaterThan(0)
  })

  it('follows the learning steps: Again 1 min, Good 10 min, then into review in days', () => {
    const again = applyGrade(null, 'q1', 'set-a', 1, T0, S)
    expect(again.due - T0).toBe(1 * MIN)
    const step1 = applyGrade(null, 'q1', 'set-a', 3, T0, S)
    const review = applyGrade(step1, 'q1', 'set-a', 3, step1.due, S)
    expect(review.state).toBe(2)
    expect(review.scheduledDays).toBeGreaterThanOrEqual(1)
    expect(review.due).toBe(step1.due + review.scheduledDays * DAY)
  })

  it('counts a lapse and moves to relearning when a review card is forgotten', () => {
    const card = graduated()
    const lapsed = applyGrade(card, 'q1', 'set-a', 1, card.due, S)
    expect(lapsed.state).toBe(3)
    expect(lapsed.lapses).toBe(card.lapses + 1)
    expect(lapsed.reps).toBe(card.reps + 1)
    expect(lapsed.due).toBe(card.due + 10 * MIN) // relearning step
    expect(lapsed.stability).toBeLessThan(card.stability)
  })

  it('is deterministic (no fuzz): the same input gives the same card', () => {
    const card = graduated()
    expect(applyGrade(card, 'q1', 'set-a', 3, card.due + DAY, S)).toEqual(
      applyGrade(card, 'q1', 'set-a', 3, card.due + DAY, S),
    )
  })

  it('never schedules beyond the maximum interval, whatever the grade', () => {
    const settings = { ...S, maxIntervalDays: 3 }
    let card = applyGrade(null, 'q1', 'set-a', 4, T0, settings)
    for (let i = 0; i < 8; i++) {
      const p = previewGrades(card, 'q1', 'set-a', card.due, settings)
      for (const g of GRADES) expect(p[g].intervalMs).toBeLessThanOrEqual(3 * DAY)
      card = applyGrade(card, 'q1', 'set-a', 4, card.due, settings)
      expect(card.scheduledDays).toBeLessThanOrEqual(3)
      expect(card.due - card.lastReview!).toBeLessThanOrEqual(3 * DAY)
    }
    expect(card.scheduledDays).toBe(3)
  })
})

describe('a last review later than now (a clock set back, a backup from a fast clock)', () => {
  it('is answered as if it were now: never an exception, and the next due date is after now', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...GRADES), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 400 * DAY }),
        fc.constantFrom(...GRADES),
        (history, back, grade) => {
          let card: CardRecord | null = null
          let now = T0
          for (const g of history) {
            card = applyGrade(card, 'q1', 'set-a', g, now, S)
            now = Math.max(now + MIN, card.due)
          }
          const earlier = card!.lastReview! - back
          const next = applyGrade(card, 'q1', 'set-a', grade, earlier, S)
          expect(Number.isFinite(next.stability) && next.stability > 0).toBe(true)
          expect(next.due).toBeGreaterThan(earlier)
          expect(next.lastReview).toBe(earlier)
          expect(() => previewGrades(card, 'q1', 'set-a', earlier, S)).not.toThrow()
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('previewGrades', () => {
  it('labels the four buttons of a new question: Again < Hard < Good < Easy', () => {
    const p = previewGrades(null, 'q1', 'set-a', T0, S)
    expect(p[1].intervalMs).toBe(1 * MIN)
    expect(p[2].intervalMs).toBe(6 * MIN)
    expect(p[3].intervalMs).toBe(10 * MIN)
    expect(p[4].intervalMs).toBeGreaterThanOrEqual(DAY)
    expect(p[4].card.state).toBe(2)
  })

  it('orders the intervals of a review card strictly and matches applyGrade', () => {
    const card = graduated()
    const now = card.due + 2 * DAY
    const p = previewGrades(card, 'q1', 'set-a', now, S)
    expect(p[1].intervalMs).toBeLessThan(p[2].intervalMs)
    expect(p[2].intervalMs).toBeLessThan(p[3].intervalMs)
    expect(p[3].intervalMs).toBeLessThan(p[4].intervalMs)
    for (const g of GRADES) {
      expect(p[g].card).toEqual(applyGrade(card, 'q1', 'set-a', g, now, S))
      expect(p[g].intervalMs).toBe(p[g].card.due - now)
    }
  })

  it('keeps Again <= Hard <= Good <= Easy, and Again < Easy, for any review history', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, { maxLength: 12 }), fc.nat(30), (grades, lateDays) => {
        let card: CardRecord | null = null
        let now = T0
        for (const g of grades) {
          card = applyGrade(card, 'q', 's', g, now, S)
          now = card.due
        }
        const p = previewGrades(card, 'q', 's', now + lateDays * DAY, S)
        expect(p[1].intervalMs).toBeLessThanOrEqual(p[2].intervalMs)
        expect(p[2].intervalMs).toBeLessThanOrEqual(p[3].intervalMs)
        expect(p[3].intervalMs).toBeLessThanOrEqual(p[4].intervalMs)
        expect(p[1].intervalMs).toBeLessThan(p[4].intervalMs)
      }),
    )
  })
})

describe('gradeFor', () => {
  it('maps wrong to Again and right to Good', () => {
    expect(gradeFor(false)).toBe(1)
    expect(gradeFor(true)).toBe(3)
  })
})

describe('rescheduleForRetention', () => {
  it('brings due dates closer for a higher retention and pushes them out for a lower one', () => {
    let card = graduated()
    for (let i = 0; i < 3; i++) card = applyGrade(card, 'q1', 'set-a', 3, card.due, S)
    const same = rescheduleForRetention(card, S)
    expect(same.due).toBe(card.due) // recomputing with the same settings changes nothing
    const higher = rescheduleForRetention(card, { ...S, retention: 0.95 })
    const lower = rescheduleForRetention(card, { ...S, retention: 0.8 })
    expect(higher.due).toBeLessThan(card.due)
    expect(lower.due).toBeGreaterThan(card.due)
    expect(higher.due).toBe(card.lastReview! + higher.scheduledDays * DAY)
    expect({ ...higher, due: 0, scheduledDays: 0 }).toEqual({ ...card, due: 0, scheduledDays: 0 })
  })

  it('leaves new, learning and relearning cards alone', () => {
    const learning = applyGrade(null, 'q1', 'set-a', 3, T0, S)
    expect(rescheduleForRetention(learning, { ...S, retention: 0.95 })).toEqual(learning)
    const fresh = emptyCard('q2', 'set-a', T0)
    expect(rescheduleForRetention(fresh, { ...S, retention: 0.95 })).toEqual(fresh)
    const card = graduated()
    const relearning = applyGrade(card, 'q1', 'set-a', 1, card.due, S)
    expect(rescheduleForRetention(relearning, { ...S, retention: 0.95 })).toEqual(relearning)
  })
})

describe('formatInterval', () => {
  it.each([
    [0, 1, 'min'],
    [30_000, 1, 'min'],
    [10 * MIN, 10, 'min'],
    [59 * MIN, 59, 'min'],
    [59.6 * MIN, 1, 'h'],
    [5 * 60 * MIN, 5, 'h'],
    [23.6 * 60 * MIN, 1, 'd'],
    [4 * DAY, 4, 'd'],
    [29 * DAY, 29, 'd'],
    [45 * DAY, 1.5, 'mo'],
    [300 * DAY, 10, 'mo'],
    [365 * DAY, 1, 'y'],
    [766 * DAY, 2.1, 'y'],
  ] as const)('%d ms → %d %s', (ms, value, unit) => {
    expect(formatInterval(ms)).toEqual({ value, unit })
  })

  it('treats negative and non-finite input as "now"', () => {
    expect(formatInterval(-5 * DAY)).toEqual({ value: 1, unit: 'min' })
    expect(formatInterval(Number.NaN)).toEqual({ value: 1, unit: 'min' })
  })
})
