import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addCounts,
  cardBucket,
  cardChange,
  countAll,
  countCard,
  dueBetweenFromSlots,
  dueSlot,
  DUE_SLOT_MS,
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

describe('dueSlot', () => {
  it('is the quarter hour of UTC a due time falls in, null for one that is not a number', () => {
    expect(dueSlot(0)).toBe(0)
    expect(dueSlot(DUE_SLOT_MS - 1)).toBe(0)
    expect(dueSlot(DUE_SLOT_MS)).toBe(1)
    expect(dueSlot(-1)).toBe(-1)
    expect(dueSlot(Number.NaN)).toBeNull()
    expect(dueSlot(undefined)).toBeNull()
  })

  it('moves a card between slots when its due time changes', () => {
    const delta = emptyDelta()
    countCard(delta, { ...card('a', 2), due: 10 * DUE_SLOT_MS }, -1)
    countCard(delta, { ...card('a', 2), due: 12 * DUE_SLOT_MS + 5 }, 1)
    expect(Object.fromEntries(delta.due)).toEqual({ 10: -1, 12: 1 })
  })
})

describe('dueBetweenFromSlots', () => {
  it('sums the slots before each end and after the one before (overdue in the first span)', () => {
    const slots: [number, number][] = [
      [-50, 2],
      [3, 1],
      [4, 5],
      [7, 1],
      [40, 9],
    ]
    expect(dueBetweenFromSlots(slots, [4, 8, 12].map((s) => s * DUE_SLOT_MS))).toEqual([3, 6, 0])
    expect(dueBetweenFromSlots(slots, [])).toEqual([])
  })

  it('cannot tell for an instant inside a slot', () => {
    expect(dueBetweenFromSlots([[0, 1]], [DUE_SLOT_MS, DUE_SLOT_MS + 60_000])).toBeNull()
  })

  it('agrees with a filter over the due times, for any due times and quarter-hour ends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -500 * DUE_SLOT_MS, max: 500 * DUE_SLOT_MS })),
        fc.uniqueArray(fc.integer({ min: -400, max: 400 }), { maxLength: 8 }),
        (dues, endSlots) => {
          const ends = [...endSlots].sort((a, b) => a - b).map((s) => s * DUE_SLOT_MS)
          const delta = countAll(dues.map((due) => ({ ...card('a', 2), due })))
          const expected = ends.map((end, i) => dues.filter((due) => due < end && (i === 0 || due >= ends[i - 1]!)).length)
          expect(dueBetweenFromSlots(delta.due, ends)).toEqual(expected)
        },
      ),
    )
  })
})
