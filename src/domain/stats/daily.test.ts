import { describe, expect, it } from 'vitest'
import type { Grade } from '../content/response'
import { addDaily, dailyCounts, dailyTally, type DailyLog } from './daily'
import { aggregateDaily } from './testing'
import { localDayKey } from '@/domain/calendar/days'

describe('dailyCounts / addDaily', () => {
  const answer = { correct: true, grade: 3 as Grade, durationMs: 1500, isNew: false }

  it('counts retention only for the first review of the day of a question that had a card', () => {
    expect(dailyCounts(answer, true)).toEqual({ reviews: 1, correct: 1, durationMs: 1500, retentionTotal: 1, retentionPass: 1, newCards: 0 })
    expect(dailyCounts({ ...answer, grade: 1, correct: false }, true)).toMatchObject({ correct: 0, retentionTotal: 1, retentionPass: 0 })
    expect(dailyCounts(answer, false)).toMatchObject({ retentionTotal: 0, retentionPass: 0 })
    expect(dailyCounts({ ...answer, isNew: true }, true)).toMatchObject({ retentionTotal: 0, retentionPass: 0, newCards: 1 })
  })

  it('adds to a row, makes a new one, and takes an answer back to zero', () => {
    const key = { day: '2026-03-09', setId: 'a' }
    const counts = dailyCounts(answer, true)
    const row = addDaily(undefined, key, counts)
    expect(row).toEqual({ ...key, ...counts })
    expect(addDaily(row, key, counts)).toMatchObject({ reviews: 2, durationMs: 3000, retentionPass: 2 })
    expect(addDaily(row, key, counts, -1)).toEqual({ ...key, reviews: 0, correct: 0, durationMs: 0, retentionTotal: 0, retentionPass: 0, newCards: 0 })
  })
})

const at = (iso: string, hh: number, mm = 0) => Date.parse(`${iso}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`)
const china = (time: number) => localDayKey(time, -480)

function log(id: string, questionId: string, time: number, over: Partial<DailyLog> = {}): DailyLog {
  return { id, questionId, setId: 'a', time, day: china(time), correct: true, grade: 3, durationMs: 1000, isNew: false, ...over }
}

describe('aggregateDaily', () => {
  it('sums per day and set; retention from the first review of each question each day', () => {
    const rows = aggregateDaily([
      log('1', 'q1', at('2026-03-09', 9), { grade: 1, correct: false }), // first of the day: failed
      log('2', 'q1', at('2026-03-09', 9, 10)), // a relearning step: not counted
      log('3', 'q2', at('2026-03-09', 10), { setId: 'b' }),
      log('4', 'q2', at('2026-03-10', 0, 1), { setId: 'b', isNew: true }), // new: not counted
      log('5', 'q1', at('2026-03-09', 23, 59)),
    ])
    expect(rows).toEqual([
      { day: '2026-03-09', setId: 'a', reviews: 3, correct: 2, durationMs: 3000, retentionTotal: 1, retentionPass: 0, newCards: 0 },
      { day: '2026-03-09', setId: 'b', reviews: 1, correct: 1, durationMs: 1000, retentionTotal: 1, retentionPass: 1, newCards: 0 },
      { day: '2026-03-10', setId: 'b', reviews: 1, correct: 1, durationMs: 1000, retentionTotal: 0, retentionPass: 0, newCards: 1 },
    ])
  })

  it('finds the first review in any feeding order, split in any parts', () => {
    const logs = [log('b', 'q1', at('2026-03-09', 12)), log('a', 'q1', at('2026-03-09', 8), { grade: 1 }), log('c', 'q1', at('2026-03-09', 8))]
    const tally = dailyTally()
    tally.add([logs[0]!])
    tally.add(logs.slice(1))
    const { rows, firsts } = tally.finish()
    expect(rows).toEqual(aggregateDaily([...logs].reverse()))
    expect(rows[0]).toMatchObject({ retentionTotal: 1, retentionPass: 0 }) // 'a': equal times go by id
    expect([...firsts]).toEqual(['a'])
  })

  it('is empty for an empty log', () => {
    expect(aggregateDaily([])).toEqual([])
  })
})

