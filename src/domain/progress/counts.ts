/**
 * Card and log counts kept as running totals (the database's `counts` table), so a screen reads a
 * few small rows instead of counting index keys. The rules here: which bucket a card is in, what a
 * write changes in the totals, and how changes add up. The database applies them on every write
 * (db/counts.ts).
 */
import type { CardRecord } from '@/domain/scheduling/types'

/**
 * A card counts as mature (mastered) once its stability, the days its recall takes to fall to
 * 90 %, reaches three weeks. Stability rather than the scheduled interval: it does not move with
 * the learner's retention target or maximum interval.
 */
export const MATURE_DAYS = 21

/** The part of a card the counts depend on. */
export type CountedCard = Pick<CardRecord, 'setId' | 'state' | 'stability'> & Partial<Pick<CardRecord, 'due'>>

/**
 * Due times are counted per quarter hour of UTC (a slot): every time zone's offset is a whole
 * number of quarter hours, so a local day, and the forecast's days, are whole slots.
 */
export const DUE_SLOT_MS = 15 * 60_000

/** The slot of a due time, or null for one that is not a number (it was never in the due index). */
export function dueSlot(due: unknown): number | null {
  return typeof due === 'number' && !Number.isNaN(due) ? Math.floor(due / DUE_SLOT_MS) : null
}

/** Learning or relearning (minute steps); in review and young (stability under MATURE_DAYS); mature. */
export type CardBucket = 'learning' | 'young' | 'mature'

/** One set's cards: all of them, and how many are in each bucket (new-state cards are in none). */
export interface SetCounts {
  total: number
  learning: number
  young: number
  mature: number
}

export const NO_CARDS: Readonly<SetCounts> = Object.freeze({ total: 0, learning: 0, young: 0, mature: 0 })

/**
 * The bucket of a card, or null for one in none (a new-state card, or one whose stability is not
 * a number: such a card was never in the state-and-stability index either).
 */
export function cardBucket(card: Pick<CardRecord, 'state' | 'stability'>): CardBucket | null {
  const { state, stability } = card
  if (typeof stability !== 'number' || Number.isNaN(stability)) return null
  if (state === 1 || state === 3) return 'learning'
  if (state === 2) return stability >= MATURE_DAYS ? 'mature' : 'young'
  return null
}

/**
 * What writes did to the counts, in order. `cardsCleared`: every card was deleted first (the
 * per-set and per-slot changes came after); likewise `reviewsCleared` for the log, whose total
 * changed by `reviews`. `due`: cards due per slot (see dueSlot).
 */
export interface CountsDelta {
  cardsCleared: boolean
  sets: Map<string, SetCounts>
  due: Map<number, number>
  reviewsCleared: boolean
  reviews: number
}

export function emptyDelta(): CountsDelta {
  return { cardsCleared: false, sets: new Map(), due: new Map(), reviewsCleared: false, reviews: 0 }
}

/** Adds a card (sign 1) or takes it away (sign -1) in `delta`'s per-set changes. */
export function countCard(delta: CountsDelta, card: CountedCard, sign: 1 | -1): void {
  let row = delta.sets.get(card.setId)
  if (!row) delta.sets.set(card.setId, (row = { ...NO_CARDS }))
  row.total += sign
  const bucket = cardBucket(card)
  if (bucket) row[bucket] += sign
  const slot = dueSlot(card.due)
  if (slot !== null) delta.due.set(slot, (delta.due.get(slot) ?? 0) + sign)
}

/**
 * The change to the counts when one card version replaces another (undefined or null: there was
 * none, or there is none left). Sets whose counts do not change are absent.
 */
export function cardChange(before: CountedCard | null | undefined, after: CountedCard | null | undefined): Map<string, SetCounts> {
  const delta = emptyDelta()
  if (before) countCard(delta, before, -1)
  if (after) countCard(delta, after, 1)
  for (const [setId, row] of delta.sets) if (isZero(row)) delta.sets.delete(setId)
  return delta.sets
}

export function isZero(row: Readonly<SetCounts>): boolean {
  return row.total === 0 && row.learning === 0 && row.young === 0 && row.mature === 0
}

/** `row` with `change` added (either may be absent); null when no card is left. */
export function addCounts(row: Readonly<SetCounts> | undefined, change: Readonly<SetCounts>): SetCounts | null {
  const base = row ?? NO_CARDS
  const sum = {
    total: base.total + change.total,
    learning: base.learning + change.learning,
    young: base.young + change.young,
    mature: base.mature + change.mature,
  }
  return isZero(sum) ? null : sum
}

/** `first` followed by `then`, as one change (`first` is changed in place and returned). */
export function mergeDelta(first: CountsDelta, then: CountsDelta): CountsDelta {
  if (then.cardsCleared) {
    first.cardsCleared = true
    first.sets.clear()
    first.due.clear()
  }
  for (const [slot, change] of then.due) first.due.set(slot, (first.due.get(slot) ?? 0) + change)
  for (const [setId, change] of then.sets) {
    const sum = addCounts(first.sets.get(setId), change)
    first.sets.set(setId, sum ?? { ...NO_CARDS })
  }
  if (then.reviewsCleared) {
    first.reviewsCleared = true
    first.reviews = 0
  }
  first.reviews += then.reviews
  return first
}

/** Every set's counts, counted from scratch (the upgrade that creates the table, and tests). */
export function countAll(cards: Iterable<CountedCard>, into: CountsDelta = emptyDelta()): CountsDelta {
  for (const card of cards) countCard(into, card, 1)
  return into
}

/**
 * Cards due in each span between the given instants (ascending), from the cards due per slot
 * (`slots`: [slot, cards], any order): index 0 counts those due before `starts[0]`, index i those
 * from `starts[i - 1]` up to, not including, `starts[i]`. Null when an instant is not the start
 * of a slot (then only the due times themselves can tell).
 */
export function dueBetweenFromSlots(slots: Iterable<readonly [number, number]>, starts: readonly number[]): number[] | null {
  if (starts.some((start) => start % DUE_SLOT_MS !== 0)) return null
  const ends = starts.map((start) => start / DUE_SLOT_MS)
  const counts = ends.map(() => 0)
  for (const [slot, cards] of slots) {
    // The first span the slot ends before (slots are whole: a slot before an end lies before it).
    let lo = 0
    let hi = ends.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (slot < ends[mid]!) hi = mid
      else lo = mid + 1
    }
    if (lo < ends.length) counts[lo]! += cards
  }
  return counts
}
