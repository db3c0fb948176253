import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addCounts,
  cardBucket,
  cardChange,
  countAll,
  emptyDelta,
  MATURE_DAYS,
  mergeDelta,
  NO_CARDS,
  type CountedCard,
  type CountsDelta,
  type SetCounts,
} from './counts'

const card = (setId: string, state: CountedCard['state'], stability = 5): CountedCard => ({ setId, state, stability })

describe('cardBucket', () => {
  it('puts learning and relearning cards in learning, review cards in young or mature by stability, new ones in none', () => {
    expect(cardBucket(card('a', 1))).toBe('learning')
    expect(cardBucket(card('a', 3, 400))).toBe('learning')
    expect(cardBucket(card('a', 2, 20.9))).toBe('young')
    expect(cardBucket(card('a', 2, MATURE_DAYS))).toBe('mature')
    expect(cardBucket(card('a', 2, 140.5))).toBe('mature')
    expect(cardBucket(card('a', 0))).toBeNull()
  })

  it('puts a card whose stability is not a number in none (it has no key in the state index)', () => {
    expect(cardBucket(card('a', 2, Number.NaN))).toBeNull()
    expect(cardBucket({ state: 1, stability: undefined as unknown as number })).toBeNull()
  })
})

describe('cardChange', () => {
  it('is the new card added, the old one taken away, and nothing for a set that does not change', () => {
    expect(Object.fromEntries(cardChange(null, card('a', 1)))).toEqual({ a: { total: 1, learning: 1, young: 0, mature: 0 } })
    expect(Object.fromEntries(cardChange(card('a', 2, 30), undefined))).toEqual({ a: { total: -1, learning: 0, young: 0, mature: -1 } })
    // Graduating: learning → young, same set.
    expect(Object.fromEntries(cardChange(card('a', 1), card('a', 2, 3)))).toEqual({ a: { total: 0, learning: -1, young: 1, mature: 0 } })
    // A new due date only: no change at all.
    expect(cardChange(card('a', 2, 3), card('a', 2, 4)).size).toBe(0)
    // Moved to another set (the bank sync).
    expect(Object.fromEntries(cardChange(card('a', 2, 30), card('b', 2, 30)))).toEqual({
      a: { total: -1, learning: 0, young: 0, mature: -1 },
      b: { total: 1, learning: 0, young: 0, mature: 1 },
    })
    expect(cardChange(null, null).size).toBe(0)
  })
})

describe('addCounts', () => {
  it('adds a change to a row, and gives null when no card is left', () => {
    expect(addCounts(undefined, { total: 2, learning: 1, young: 1, mature: 0 })).toEqual({ total: 2, learning: 1, young: 1, mature: 0 })
    expect(addCounts({ total: 2, learning: 1, young: 1, mature: 0 }, { total: -1, learning: -1, young: 0, mature: 0 })).toEqual({
      total: 1,
      learning: 0,
      young: 1,
      mature: 0,
    })
    expect(addCounts({ total: 1, learning: 1, young: 0, mature: 0 }, { total: -1, learning: -1, young: 0, mature: 0 })).toBeNull()
  })
})

describe('mergeDelta', () => {
  const of = (sets: Record<string, SetCounts>, more: Partial<CountsDelta> = {}): CountsDelta => ({
    ...emptyDelta(),
    sets: new Map(Object.entries(sets)),
    ...more,
  })

  it('adds the changes of two writes', () => {
    const merged = mergeDelta(of({ a: { total: 1, learning: 1, young: 0, mature: 0 } }, { reviews: 1 }), of({ a: { total: 0, learning: -1, young: 1, mature: 0 }, b: { ...NO_CARDS, total: 1 } }, { reviews: 2 }))
    expect(Object.fromEntries(merged.sets)).toEqual({ a: { total: 1, learning: 0, young: 1, mature: 0 }, b: { total: 1, learning: 0, young: 0, mature: 0 } })
    expect(merged.reviews).toBe(3)
  })

  it('forgets what came before a clear, and keeps what came after it', () => {
    const merged = mergeDelta(
      of({ a: { total: 5, learning: 5, young: 0, mature: 0 } }, { reviews: 7 }),
      of({ b: { ...NO_CARDS, total: 1 } }, { cardsCleared: true, reviewsCleared: true, reviews: 1 }),
    )
    expect(merged.cardsCleared).toBe(true)
    expect(merged.reviewsCleared).toBe(true)
    expect(Object.fromEntries(merged.sets)).toEqual({ b: { total: 1, learning: 0, young: 0, mature: 0 } })
    expect(merged.reviews).toBe(1)
  })

  it('adds up to the same counts as the whole sequence of card versions counted afresh', () => {
    const version = fc.option(
      fc.record({ setId: fc.constantFrom('a', 'b'), state: fc.constantFrom(0, 1, 2, 3), stability: fc.double({ min: 0, max: 60, noNaN: true }) }),
      { nil: null },
    )
    fc.assert(
      fc.property(fc.array(fc.array(version, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (histories) => {
        // Each card goes through its versions (null: deleted); the deltas of every step, merged,
        // must equal a fresh count of the last versions.
        let total = emptyDelta()
        for (const history of histories) {
          let before: CountedCard | null = null
          for (const after of history as (CountedCard | null)[]) {
            total = mergeDelta(total, { ...emptyDelta(), sets: cardChange(before, after) })
            before = after
          }
        }
        const expected = countAll(histories.map((h) => h[h.length - 1] as CountedCard | null).filter((c): c is CountedCard => c !== null))
        const rows = (d: CountsDelta) =>
          Object.fromEntries([...d.sets].flatMap(([setId, change]) => {
            const row = addCounts(undefined, change)
            return row ? [[setId, row]] : []
          }))
        expect(rows(total)).toEqual(rows(expected))
      }),
    )
  })
})
