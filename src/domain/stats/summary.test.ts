import { describe, expect, it } from 'vitest'
import type { Grade } from '../content/response'
import { dayToIso, fixedOffsetDayOf } from './days'
import { buildStats, FORECAST_DAYS, HEATMAP_DAYS } from './summary'
import type { StatLog } from './types'

const china = fixedOffsetDayOf(480)
const NOW = Date.parse('2026-03-10T09:00:00+08:00')
const HOUR = 3_600_000
const DAY = 24 * HOUR

function log(time: number, over: Partial<StatLog> = {}): StatLog {
  return { time, questionId: 'q1', setId: 'a', correct: true, grade: 3 as Grade, durationMs: 1000, isNew: false, ...over }
}

describe('buildStats', () => {
  it('computes every figure from the logs given, and takes the all-time total as given', () => {
    const logs = [
      log(NOW - 2 * DAY, { isNew: true, correct: false, grade: 1 }), // a first answer: not in true retention
      log(NOW - DAY, { grade: 1, correct: false, durationMs: 4000 }),
      log(NOW - HOUR, { setId: 'b', questionId: 'q2' }),
    ]
    const s = buildStats({ logs, totalReviews: 10, cards: [{ due: NOW - DAY }, { due: NOW + 2 * DAY }], now: NOW, dayOf: china })
    expect(s.daily).toHaveLength(HEATMAP_DAYS)
    expect(s.daily.reduce((n, d) => n + d.count, 0)).toBe(3)
    expect(dayToIso(s.daily.at(-1)!.day)).toBe('2026-03-10')
    expect(s.forecast).toHaveLength(FORECAST_DAYS)
    expect(s.forecast.slice(0, 3).map((d) => d.count)).toEqual([1, 0, 1])
    expect(s.totalReviews).toBe(10)
    expect(s.totalMs).toBe(6000)
    expect(s.retention).toEqual({ passed: 1, total: 2, rate: 0.5 })
    expect(s.streaks).toEqual({ current: 3, longest: 3 })
    expect(Object.fromEntries(s.bySet)).toEqual({ a: { answered: 2, correct: 0 }, b: { answered: 1, correct: 1 } })
    expect(buildStats({ logs, cards: [], now: NOW, dayOf: china }).totalReviews).toBe(3)
  })

  it('is all zeros for an empty log', () => {
    const s = buildStats({ logs: [], cards: [], now: NOW, dayOf: china })
    expect(s.totalReviews).toBe(0)
    expect(s.retention.rate).toBeNull()
    expect(s.streaks).toEqual({ current: 0, longest: 0 })
    expect(s.daily.every((d) => d.count === 0)).toBe(true)
  })

  it('stays fast with 100,000 log entries', () => {
    const logs = Array.from({ length: 100_000 }, (_, i) =>
      log(NOW - (i % 180) * DAY - (i % 7) * HOUR, { questionId: `q${i % 500}`, setId: `s${i % 5}`, grade: ((i % 4) + 1) as Grade }),
    )
    const start = performance.now()
    const s = buildStats({ logs, cards: [], now: NOW, dayOf: china })
    const ms = performance.now() - start
    expect(s.totalReviews).toBe(100_000)
    // Generous: the budget for the whole screen is 300 ms, and CI machines are slow.
    expect(ms).toBeLessThan(1000)
  })
})
