import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Grade } from '@/domain/content/response'
import { dayToIso, fixedOffsetDayOf, localDayKey } from '@/domain/calendar/days'
import { streaks } from '@/domain/stats/activity'
import { aggregateDaily } from '@/domain/stats/testing'
import { buildStatsFromDaily, FORECAST_DAYS, HEATMAP_DAYS } from '@/domain/stats/summary'
import { accuracyBySet, buildStats, dailyCounts, forecast, studyDays, trueRetention, type StatLog } from './statsBaseline'

const MIN = 60_000
const HOUR = 3_600_000
const DAY = 24 * HOUR
const china = fixedOffsetDayOf(480)
// 2026-03-10 09:00 in Beijing.
const NOW = Date.parse('2026-03-10T09:00:00+08:00')
const TODAY = china(NOW)
const at = (iso: string, hh: number, mm = 0) => Date.parse(`${iso}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`)

function log(time: number, over: Partial<StatLog> = {}): StatLog {
  return { time, questionId: 'q1', setId: 'a', correct: true, grade: 3 as Grade, durationMs: 1000, isNew: false, ...over }
}

describe('dailyCounts', () => {
  it('counts reviews per local day, oldest first, with empty days and today last', () => {
    const logs = [
      { time: at('2026-03-10', 8) },
      { time: at('2026-03-10', 0, 0) }, // local midnight: today
      { time: at('2026-03-09', 23, 59) }, // one minute earlier: yesterday
      { time: at('2026-03-08', 12) },
    ]
    const days = dailyCounts(logs, 4, NOW, china)
    expect(days.map((d) => [dayToIso(d.day), d.count])).toEqual([
      ['2026-03-07', 0],
      ['2026-03-08', 1],
      ['2026-03-09', 1],
      ['2026-03-10', 2],
    ])
  })

  it('leaves out reviews before the window and after now', () => {
    const logs = [{ time: at('2026-03-06', 23, 59) }, { time: at('2026-03-11', 1) }, { time: at('2026-03-07', 0) }]
    const days = dailyCounts(logs, 4, NOW, china)
    expect(days.reduce((n, d) => n + d.count, 0)).toBe(1)
    expect(days[0]!.count).toBe(1)
  })

  it('gives zeros for an empty log', () => {
    const days = dailyCounts([], 3, NOW, china)
    expect(days).toEqual([
      { day: TODAY - 2, count: 0 },
      { day: TODAY - 1, count: 0 },
      { day: TODAY, count: 0 },
    ])
  })
})

describe('forecast', () => {
  it('counts cards by due day, overdue ones today, later ones left out', () => {
    const cards = [
      { due: at('2026-02-01', 9) }, // long overdue
      { due: NOW - HOUR },
      { due: at('2026-03-10', 23, 59) }, // still today
      { due: at('2026-03-11', 0, 0) }, // tomorrow
      { due: at('2026-03-12', 10) },
      { due: at('2026-03-13', 10) }, // beyond a 3-day window
    ]
    expect(forecast(cards, 3, NOW, china).map((d) => d.count)).toEqual([3, 1, 1])
    expect(forecast(cards, 3, NOW, china)[0]!.day).toBe(TODAY)
  })

  it('gives zeros without cards', () => {
    expect(forecast([], 2, NOW, china)).toEqual([
      { day: TODAY, count: 0 },
      { day: TODAY + 1, count: 0 },
    ])
  })
})

describe('studyDays', () => {
  it('lists each local day once, ascending', () => {
    const logs = [{ time: at('2026-03-09', 23, 59) }, { time: at('2026-03-08', 1) }, { time: at('2026-03-09', 0, 1) }, { time: at('2026-03-10', 0) }]
    expect(studyDays(logs, china).map(dayToIso)).toEqual(['2026-03-08', '2026-03-09', '2026-03-10'])
  })
})

describe('studyDays and streaks', () => {
  it('follows the local day boundary', () => {
    // Reviews at 23:59 on the 8th and 00:01 on the 9th (Beijing) are two days in a row.
    const days = studyDays([{ time: at('2026-03-08', 23, 59) }, { time: at('2026-03-09', 0, 1) }], china)
    expect(streaks(days, TODAY - 1)).toEqual({ current: 2, longest: 2 })
    // In UTC both are on the 8th (15:59 and 16:01).
    expect(streaks(studyDays([{ time: at('2026-03-08', 23, 59) }, { time: at('2026-03-09', 0, 1) }], fixedOffsetDayOf(0)), TODAY - 1).longest).toBe(1)
  })
})

describe('trueRetention', () => {
  const log = (questionId: string, time: number, grade: Grade, isNew = false) => ({ questionId, time, grade, isNew })
  it('counts only the first review of each question per day', () => {
    const r = trueRetention(
      [
        log('q1', at('2026-03-09', 9), 1), // first of the day: a fail
        log('q1', at('2026-03-09', 9, 10), 3), // relearning step: ignored
        log('q2', at('2026-03-09', 10), 3),
        log('q2', at('2026-03-10', 10), 4), // another day: counts
      ],
      china,
    )
    expect(r).toEqual({ passed: 2, total: 3, rate: 2 / 3 })
  })

  it('finds the first review even when the log is out of order', () => {
    const r = trueRetention([log('q1', at('2026-03-09', 12), 3), log('q1', at('2026-03-09', 8), 1)], china)
    expect(r).toEqual({ passed: 0, total: 1, rate: 0 })
  })

  it('leaves out answers to new questions, and the same-day steps after them', () => {
    const r = trueRetention([log('q1', at('2026-03-09', 9), 1, true), log('q1', at('2026-03-09', 9, 1), 3), log('q2', at('2026-03-09', 9), 2)], china)
    expect(r).toEqual({ passed: 1, total: 1, rate: 1 })
  })

  it('splits days at local midnight', () => {
    // 23:59 and 00:01 are different days in Beijing: both are first reviews.
    const logs = [log('q1', at('2026-03-09', 23, 59), 3), log('q1', at('2026-03-10', 0, 1), 1)]
    expect(trueRetention(logs, china)).toEqual({ passed: 1, total: 2, rate: 0.5 })
    // In UTC they fall on one day, so only the first counts.
    expect(trueRetention(logs, fixedOffsetDayOf(0))).toEqual({ passed: 1, total: 1, rate: 1 })
  })

  it('has no rate without data', () => {
    expect(trueRetention([], china)).toEqual({ passed: 0, total: 0, rate: null })
    expect(trueRetention([log('q1', at('2026-03-09', 9), 3, true)], china).rate).toBeNull()
  })
})

describe('accuracyBySet', () => {
  it('counts answers and right answers per set', () => {
    const stats = accuracyBySet([
      { setId: 'a', correct: true },
      { setId: 'b', correct: false },
      { setId: 'a', correct: false },
      { setId: 'a', correct: true },
    ])
    expect(Object.fromEntries(stats)).toEqual({ a: { answered: 3, correct: 2 }, b: { answered: 1, correct: 0 } })
  })

  it('is empty without answers', () => {
    expect(accuracyBySet([]).size).toBe(0)
  })
})

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
})

const randomLogs = fc.array(
  fc.record({
    q: fc.constantFrom('q1', 'q2', 'q3', 'q4'),
    setId: fc.constantFrom('a', 'b', 'c'),
    // Minutes over two weeks, so there are same-day repeats and equal times.
    minute: fc.integer({ min: 0, max: 14 * 24 * 60 }),
    correct: fc.boolean(),
    grade: fc.constantFrom<Grade>(1, 2, 3, 4),
    durationMs: fc.nat(100_000),
    isNew: fc.boolean(),
  }),
  { maxLength: 80 },
)

describe('aggregateDaily and trueRetention', () => {
  it('agree on random logs in any time zone: same passed and total', () => {
    fc.assert(
      fc.property(randomLogs, fc.integer({ min: -12 * 60, max: 14 * 60 }), (specs, east) => {
        const start = at('2026-03-01', 0)
        // Distinct times: trueRetention takes equal times in the order given, the tally by id.
        const logs = specs.map((s, i) => {
          const time = start + s.minute * MIN + i
          return { id: `l${String(i).padStart(3, '0')}`, questionId: s.q, setId: s.setId, time, day: localDayKey(time, -east), correct: s.correct, grade: s.grade, durationMs: s.durationMs, isNew: s.isNew }
        })
        const rows = aggregateDaily(logs)
        const expected = trueRetention(logs, fixedOffsetDayOf(east))
        expect(rows.reduce((n, r) => n + r.retentionTotal, 0)).toBe(expected.total)
        expect(rows.reduce((n, r) => n + r.retentionPass, 0)).toBe(expected.passed)
        expect(rows.reduce((n, r) => n + r.reviews, 0)).toBe(logs.length)
      }),
      { numRuns: 200 },
    )
  })
})
