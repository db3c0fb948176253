import { describe, expect, it } from 'vitest'
import type { Grade } from '../content/response'
import type { DailyLog } from './daily'
import { aggregateDaily } from './testing'
import { dayToIso, fixedOffsetDayOf, localDayKey } from '@/domain/calendar/days'
import { buildStatsFromDaily, FORECAST_DAYS, HEATMAP_DAYS } from './summary'

const china = fixedOffsetDayOf(480)
const NOW = Date.parse('2026-03-10T09:00:00+08:00')
const HOUR = 3_600_000
const DAY = 24 * HOUR

type Log = Omit<DailyLog, 'id' | 'day'>

function log(time: number, over: Partial<Log> = {}): Log {
  return { time, questionId: 'q1', setId: 'a', correct: true, grade: 3 as Grade, durationMs: 1000, isNew: false, ...over }
}

describe('buildStatsFromDaily', () => {
  it('leaves out rows before the heatmap and empty rows', () => {
    const row = { setId: 'a', reviews: 2, correct: 1, durationMs: 500, retentionTotal: 1, retentionPass: 1, newCards: 0 }
    const firstIso = dayToIso(china(NOW) - HEATMAP_DAYS + 1)
    const s = buildStatsFromDaily({
      daily: [
        { ...row, day: dayToIso(china(NOW) - HEATMAP_DAYS) },
        { ...row, day: firstIso },
        { ...row, day: '2026-03-10', setId: 'b', reviews: 0, correct: 0, durationMs: 0, retentionTotal: 0, retentionPass: 0, newCards: 0 },
      ],
      totalReviews: 7,
      dueByDay: [3, 0, 2],
      now: NOW,
      dayOf: china,
    })
    expect(s.daily[0]).toEqual({ day: china(NOW) - HEATMAP_DAYS + 1, count: 2 })
    // Missing days of the forecast count 0.
    expect(s.forecast).toHaveLength(FORECAST_DAYS)
    expect(s.forecast.slice(0, 4)).toEqual([3, 0, 2, 0].map((count, i) => ({ day: china(NOW) + i, count })))
    expect(s).toMatchObject({ totalReviews: 7, totalMs: 500, retention: { passed: 1, total: 1, rate: 1 }, streaks: { current: 0, longest: 1 } })
    expect([...s.bySet.keys()]).toEqual(['a'])
  })

  it('turns 5,000 answers into at most one row per day and set, losing none', () => {
    const logs = Array.from({ length: 5_000 }, (_, i) => {
      const time = NOW - (i % 180) * DAY - (i % 7) * HOUR
      return { ...log(time, { questionId: `q${i % 500}`, setId: `s${i % 5}`, grade: ((i % 4) + 1) as Grade }), id: String(i), day: localDayKey(time, -480) }
    })
    const daily = aggregateDaily(logs)
    const s = buildStatsFromDaily({ daily, totalReviews: logs.length, dueByDay: [], now: NOW, dayOf: china })
    expect(daily.length).toBeLessThanOrEqual(180 * 5)
    expect(s.daily.reduce((n, d) => n + d.count, 0)).toBe(5_000)
  })
})
