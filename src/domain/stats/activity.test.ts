import { describe, expect, it } from 'vitest'
import { streaks } from './activity'
import { DAY_MS, fixedOffsetDayOf } from '@/domain/calendar/days'

const HOUR = 3_600_000
const china = fixedOffsetDayOf(480)
// 2026-03-10 09:00 in Beijing.
const NOW = Date.UTC(2026, 2, 10, 1, 0)
const TODAY = china(NOW)

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


  it('handles a long history', () => {
    const days = Array.from({ length: 400 }, (_, i) => TODAY - i)
    expect(streaks(days, TODAY)).toEqual({ current: 400, longest: 400 })
    expect(DAY_MS).toBe(24 * HOUR)
  })
})
