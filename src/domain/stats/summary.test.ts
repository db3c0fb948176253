import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Grade } from '../content/response'
import { aggregateDaily } from './daily'
import { dayToIso, fixedOffsetDayOf, localDayKey } from '@/domain/calendar/days'
import { buildStats, buildStatsFromDaily, FORECAST_DAYS, HEATMAP_DAYS } from './summary'
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

  it('counts every one of 5,000 log entries over 180 days (speed is measured by the benchmark, not here)', () => {
    const logs = Array.from({ length: 5_000 }, (_, i) =>
      log(NOW - (i % 180) * DAY - (i % 7) * HOUR, { questionId: `q${i % 500}`, setId: `s${i % 5}`, grade: ((i % 4) + 1) as Grade }),
    )
    const s = buildStats({ logs, cards: [], now: NOW, dayOf: china })
    expect(s.totalReviews).toBe(5_000)
    expect(s.daily.reduce((n, d) => n + d.count, 0)).toBe(5_000)
  })
})

describe('buildStatsFromDaily', () => {
  it('gives the same summary as buildStats over the heatmap window of random logs, in any time zone', () => {
    const entry = fc.record({
      q: fc.constantFrom('q1', 'q2', 'q3', 'q4', 'q5'),
      setId: fc.constantFrom('a', 'b', 'c'),
      // From well before the heatmap's first day to two days after now.
      offset: fc.integer({ min: -(HEATMAP_DAYS + 20) * DAY, max: 2 * DAY }),
      correct: fc.boolean(),
      grade: fc.constantFrom<Grade>(1, 2, 3, 4),
      durationMs: fc.nat(300_000),
      isNew: fc.boolean(),
    })
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 120 }),
        fc.array(fc.integer({ min: -3 * DAY, max: 40 * DAY }), { maxLength: 20 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (entries, dues, east) => {
          const dayOf = fixedOffsetDayOf(east)
          const logs = entries.map((e, i) => log(NOW + e.offset + i, { ...e, questionId: e.q }))
          const first = dayOf(NOW) - HEATMAP_DAYS + 1
          const cards = dues.map((d) => ({ due: NOW + d }))
          // What the app read before: the log from the heatmap's first local midnight on.
          const fromLog = buildStats({ logs: logs.filter((l) => dayOf(l.time) >= first), totalReviews: logs.length, cards, now: NOW, dayOf })
          const daily = aggregateDaily(logs.map((l, i) => ({ ...l, id: String(i), day: localDayKey(l.time, -east) })))
          // What the due index's counts per local day give (the db tests check those counts).
          const dueByDay = Array.from({ length: FORECAST_DAYS }, (_, i) => cards.filter((c) => Math.max(0, dayOf(c.due) - dayOf(NOW)) === i).length)
          const fromDaily = buildStatsFromDaily({ daily, totalReviews: logs.length, dueByDay, now: NOW, dayOf })
          expect(fromDaily).toEqual(fromLog)
        },
      ),
      { numRuns: 150 },
    )
  })

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
