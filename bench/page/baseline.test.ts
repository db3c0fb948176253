import { describe, expect, it } from 'vitest'
import type { StudyDB } from '@/db/database'
import { recordAnswer } from '@/db/progress'
import { DEFAULT_SETTINGS } from '@/db/records'
import { DAY, freshDBEachTest, HOUR, makeCard, makeLog as log, T0 } from '@/db/test-utils'
import { getDueBefore, getStatLogsSince, loadStatsData } from './baseline'

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh))

describe('getStatLogsSince', () => {
  it('returns the entries from `since` on, oldest first, with only the stats fields', async () => {
    await db.reviews.bulkAdd([log('b', T0 + HOUR), log('a', T0 - 1), log('c', T0, { cardBefore: null, grade: 1, correct: false })])
    const logs = await getStatLogsSince(db, T0)
    expect(logs).toEqual([
      { time: T0, questionId: 'q1', setId: 'set-a', correct: false, grade: 1, durationMs: 2000, isNew: true },
      { time: T0 + HOUR, questionId: 'q1', setId: 'set-a', correct: true, grade: 3, durationMs: 2000, isNew: false },
    ])
  })

  it('is empty for an empty log', async () => {
    expect(await getStatLogsSince(db, T0)).toEqual([])
  })

  it('reads what recordAnswer wrote', async () => {
    await recordAnswer(db, { questionId: 'q9', setId: 'set-b', mode: 'practice', answer: { type: 'skip' }, correct: false, grade: 1, durationMs: 700, now: T0 }, DEFAULT_SETTINGS)
    await recordAnswer(db, { questionId: 'q9', setId: 'set-b', mode: 'practice', answer: { type: 'single', choice: 'a' }, correct: true, grade: 3, durationMs: 300, now: T0 + DAY }, DEFAULT_SETTINGS)
    const logs = await getStatLogsSince(db, T0)
    expect(logs.map((l) => [l.isNew, l.correct, l.durationMs])).toEqual([
      [true, false, 700],
      [false, true, 300],
    ])
  })
})

describe('getDueBefore', () => {
  it('returns due times before `until`, overdue included, earliest first', async () => {
    await db.cards.bulkAdd([
      makeCard({ questionId: 'late', due: T0 + 31 * DAY }),
      makeCard({ questionId: 'soon', due: T0 + 2 * DAY }),
      makeCard({ questionId: 'over', due: T0 - 3 * DAY }),
      makeCard({ questionId: 'edge', due: T0 + 30 * DAY }),
    ])
    expect(await getDueBefore(db, T0 + 30 * DAY)).toEqual([{ due: T0 - 3 * DAY }, { due: T0 + 2 * DAY }])
  })

  it('is empty without cards', async () => {
    expect(await getDueBefore(db, T0)).toEqual([])
  })
})

describe('loadStatsData', () => {
  it('reads the window of the log in time order, the all-time count and the cards due in the forecast window', async () => {
    await db.reviews.bulkAdd([log('new', T0 + HOUR), log('old', T0 - 200 * DAY), log('mid', T0 - 10 * DAY), log('edge', T0 - 182 * DAY)])
    await db.cards.bulkAdd([makeCard({ questionId: 'q1', due: T0 + DAY }), makeCard({ questionId: 'q2', due: T0 + 90 * DAY })])
    const data = await loadStatsData(db, { since: T0 - 182 * DAY, until: T0 + 31 * DAY })
    expect(data.logs.map((l) => l.time)).toEqual([T0 - 182 * DAY, T0 - 10 * DAY, T0 + HOUR])
    expect(data.totalReviews).toBe(4)
    expect(data.cards).toEqual([{ due: T0 + DAY }])
  })

  it('is empty for a fresh database', async () => {
    expect(await loadStatsData(db, { since: T0, until: T0 + DAY })).toEqual({ logs: [], cards: [], totalReviews: 0 })
  })
})
