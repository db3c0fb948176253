import { describe, expect, it } from 'vitest'
import { dailyCounts, forecast, streaks, studyDays } from './activity'
import { DAY_MS, dayToIso, fixedOffsetDayOf } from '@/domain/calendar/days'

const HOUR = 3_600_000
const china = fixedOffsetDayOf(480)
// 2026-03-10 09:00 in Beijing.
const NOW = Date.UTC(2026, 2, 10, 1, 0)
const TODAY = china(NOW)
const at = (iso: string, hh: number, mm = 0) => Date.parse(`${iso}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`)

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

describe('streaks', () => {
  it('counts the run ending today and the longest run', () => {
    const days = [TODAY, TODAY - 1, TODAY - 2, TODAY - 5, TODAY - 6, TODAY - 7, TODAY - 8, TODAY - 20]
    expect(streaks(days, TODAY)).toEqual({ current: 3, longest: 4 })
  })

  it('keeps a streak that reached yesterday alive until today ends', () => {
    expect(streaks([TODAY - 1, TODAY - 2], TODAY)).toEqual({ current: 2, longest: 2 })
  })

  it('breaks the streak after a missed day', () => {
    expect(streaks([TODAY - 2, TODAY - 3, TODAY - 4], TODAY)).toEqual({ current: 0, longest: 3 })
  })

  it('ignores repeats, order and future days', () => {
    expect(streaks([TODAY, TODAY + 1, TODAY - 1, TODAY, TODAY - 1], TODAY)).toEqual({ current: 2, longest: 2 })
  })

  it('is zero without study days', () => {
    expect(streaks([], TODAY)).toEqual({ current: 0, longest: 0 })
  })

  it('follows the local day boundary', () => {
    // Reviews at 23:59 on the 8th and 00:01 on the 9th (Beijing) are two days in a row.
    const days = studyDays([{ time: at('2026-03-08', 23, 59) }, { time: at('2026-03-09', 0, 1) }], china)
    expect(streaks(days, TODAY - 1)).toEqual({ current: 2, longest: 2 })
    // In UTC both are on the 8th (15:59 and 16:01).
    expect(streaks(studyDays([{ time: at('2026-03-08', 23, 59) }, { time: at('2026-03-09', 0, 1) }], fixedOffsetDayOf(0)), TODAY - 1).longest).toBe(1)
  })

  it('handles a long history', () => {
    const days = Array.from({ length: 400 }, (_, i) => TODAY - i)
    expect(streaks(days, TODAY)).toEqual({ current: 400, longest: 400 })
    expect(DAY_MS).toBe(24 * HOUR)
  })
})
