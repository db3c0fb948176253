import { describe, expect, it } from 'vitest'
import { DUE_SLOT_MS } from '@/domain/progress/counts'
import type { StudyDB } from './database'
import { recordAnswer } from './progress'
import { DEFAULT_SETTINGS } from './records'
import {
  countDueBetween,
  countReviews,
  getDailyStatsSince,
  isFirstOfDay,
  loadDailyStatsData,
  rebuildDailyStats,
} from './stats'
import { bruteDaily, DAY, expectedDaily, freshDBEachTest, HOUR, localIso, makeCard, makeLog, T0 } from './test-utils'

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh))

const log = makeLog

describe('countReviews', () => {
  it('counts the whole log, inside and outside any window', async () => {
    expect(await countReviews(db)).toBe(0)
    await db.reviews.bulkAdd([log('a', T0 - 400 * DAY), log('b', T0 - 1), log('c', T0)])
    expect(await countReviews(db)).toBe(3)
  })
})

describe('isFirstOfDay', () => {
  it('looks for another review of the question from local midnight up to the time, inclusive', async () => {
    const midnight = new Date(2026, 2, 10).getTime()
    await db.reviews.bulkAdd([log('before', midnight - 1), log('at', midnight + HOUR), log('other', midnight, { questionId: 'q2' })])
    expect(await isFirstOfDay(db, 'q1', midnight + HOUR - 1)).toBe(true) // yesterday's and the other question's don't count
    expect(await isFirstOfDay(db, 'q1', midnight + HOUR)).toBe(false) // the same instant counts as earlier
    expect(await isFirstOfDay(db, 'q1', midnight + HOUR, 'at')).toBe(true) // ...unless it is the entry itself
    expect(await isFirstOfDay(db, 'q1', midnight + 2 * HOUR, 'at')).toBe(true)
    expect(await isFirstOfDay(db, 'q1', midnight + 2 * HOUR)).toBe(false)
  })
})

describe('rebuildDailyStats', () => {
  it('replaces the daily rows with a count of the whole log', async () => {
    await db.daily.put({ day: '1999-01-01', setId: 'stale', reviews: 9, correct: 9, durationMs: 9, retentionTotal: 9, retentionPass: 9, newCards: 9 })
    await db.reviews.bulkAdd([
      log('a', T0, { cardBefore: null }),
      log('b', T0 + HOUR, { grade: 1, correct: false }),
      log('c', T0 + DAY, { grade: 1, correct: false, setId: 'set-b' }),
      log('d', T0 + DAY + HOUR, { questionId: 'q2' }),
    ])
    await rebuildDailyStats(db)
    const rows = await db.daily.toArray()
    expect(rows).toEqual(await expectedDaily(db))
    expect(rows.map((r) => [r.day, r.setId, r.reviews, r.retentionTotal, r.retentionPass])).toEqual([
      ['2026-01-01', 'set-a', 2, 0, 0], // the new answer was the first of the day: no retention
      ['2026-01-02', 'set-a', 1, 1, 1],
      ['2026-01-02', 'set-b', 1, 1, 0],
    ])
  })

  it('keeps the day an entry was given on, and corrects a first-of-day claim that a merge made wrong', async () => {
    // From a device in another time zone: its day is kept, whatever the zone here.
    const travelled = log('t', T0, { questionId: 'q7', daily: { day: '2025-12-31', firstOfDay: true } })
    // Both claim to be the day's first of q1 (two devices); only the earlier one is.
    const early = log('e', T0 + HOUR, { daily: { day: '2026-01-01', firstOfDay: true } })
    const late = log('l', T0 + 2 * HOUR, { daily: { day: '2026-01-01', firstOfDay: true } })
    await db.reviews.bulkAdd([travelled, early, late])
    await rebuildDailyStats(db)
    expect((await db.daily.toArray()).map((r) => [r.day, r.reviews, r.retentionTotal])).toEqual([
      ['2025-12-31', 1, 1],
      ['2026-01-01', 2, 1],
    ])
    expect((await db.reviews.get('l'))?.daily).toEqual({ day: '2026-01-01', firstOfDay: false })
    expect(await db.reviews.get('e')).toEqual(early)
    expect(await db.reviews.get('t')).toEqual(travelled)
  })

  it('empties the table for an empty log', async () => {
    await db.daily.put({ day: '2026-01-01', setId: 'x', reviews: 1, correct: 0, durationMs: 0, retentionTotal: 0, retentionPass: 0, newCards: 0 })
    await rebuildDailyStats(db)
    expect(await db.daily.count()).toBe(0)
  })
})

describe('getDailyStatsSince / loadDailyStatsData', () => {
  it('reads the daily rows from a day on, the all-time count and the cards due in the forecast window', async () => {
    const S = DEFAULT_SETTINGS
    const base = { mode: 'review' as const, answer: { type: 'skip' as const }, correct: false, grade: 1 as const, durationMs: 1000 }
    await recordAnswer(db, { ...base, questionId: 'q1', setId: 'set-b', now: T0 - 200 * DAY }, S)
    await recordAnswer(db, { ...base, questionId: 'q2', setId: 'set-b', now: T0 }, S)
    await recordAnswer(db, { ...base, questionId: 'q3', setId: 'set-a', now: T0 + HOUR }, S)
    await db.cards.put(makeCard({ questionId: 'far', due: T0 + 90 * DAY }))
    const since = localIso(T0 - 10 * DAY)
    expect((await getDailyStatsSince(db, since)).map((r) => [r.day, r.setId])).toEqual([
      [localIso(T0), 'set-a'],
      [localIso(T0), 'set-b'],
    ])
    expect((await getDailyStatsSince(db, localIso(T0))).length).toBe(2)
    expect(await getDailyStatsSince(db, localIso(T0 + DAY))).toEqual([])
    const dayEnds = [T0 + 2 * HOUR, T0 + DAY, T0 + 31 * DAY]
    const data = await loadDailyStatsData(db, { sinceDay: since, dayEnds })
    expect(data.totalReviews).toBe(3)
    expect(data.daily).toEqual(bruteDaily(await db.reviews.toArray()).filter((r) => r.day >= since))
    // Three new cards (due within minutes) fall in the first span; the far one in none.
    expect(data.dueByDay).toEqual([3, 0, 0])
  })

  it('is empty for a fresh database', async () => {
    expect(await loadDailyStatsData(db, { sinceDay: '2026-01-01', dayEnds: [T0, T0 + DAY] })).toEqual({ daily: [], dueByDay: [0, 0], totalReviews: 0 })
  })
})

describe('countDueBetween', () => {
  it('counts overdue cards in the first span and each later card in the span that holds its due time', async () => {
    const dues = [T0 - 5 * DAY, T0 - 1, T0, T0 + DAY - 1, T0 + DAY, T0 + 2 * DAY + HOUR, T0 + 3 * DAY, T0 + 40 * DAY]
    await db.cards.bulkPut(dues.map((due, i) => makeCard({ questionId: `c${i}`, due })))
    const ends = [T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY]
    expect(await countDueBetween(db, ends)).toEqual([2, 2, 1, 1])
    // The same as counting each card by hand.
    const byHand = ends.map((end, i) => dues.filter((d) => d < end && (i === 0 || d >= ends[i - 1]!)).length)
    expect(await countDueBetween(db, ends)).toEqual(byHand)
    expect(await countDueBetween(db, [])).toEqual([])
  })

  it('reads the cards due per quarter hour for quarter-hour ends, and the due index for any other instant', async () => {
    await db.cards.bulkPut([makeCard({ questionId: 'a', due: T0 - DAY }), makeCard({ questionId: 'b', due: T0 + HOUR })])
    const ends = [T0, T0 + DAY]
    expect(await countDueBetween(db, ends)).toEqual([1, 1])
    // A row no card stands behind shows which one was read.
    await db.dueSlots.put({ slot: T0 / DUE_SLOT_MS + 1, cards: 5 })
    expect(await countDueBetween(db, ends)).toEqual([1, 6])
    expect(await countDueBetween(db, [T0 + 1, T0 + DAY + 1])).toEqual([1, 1])
  })
})
