import { describe, expect, it } from 'vitest'
import { dayToDate, dayToIso, fixedOffsetDayOf, weekdayOf } from './days'

describe('fixedOffsetDayOf', () => {
  const china = fixedOffsetDayOf(480)
  const newYork = fixedOffsetDayOf(-300)

  it('turns the local midnight into the next day', () => {
    // 2026-01-01 23:59 and 2026-01-02 00:00 in Beijing (UTC+8).
    const before = Date.UTC(2026, 0, 1, 15, 59)
    const after = Date.UTC(2026, 0, 1, 16, 0)
    expect(dayToIso(china(before))).toBe('2026-01-01')
    expect(dayToIso(china(after))).toBe('2026-01-02')
    expect(china(after) - china(before)).toBe(1)
  })

  it('puts an instant on different days in different zones', () => {
    const t = Date.UTC(2026, 0, 2, 3, 0) // 11:00 in Beijing, 22:00 the day before in New York
    expect(dayToIso(china(t))).toBe('2026-01-02')
    expect(dayToIso(newYork(t))).toBe('2026-01-01')
  })
})

describe('day numbers', () => {
  it('give the calendar date and the weekday (Monday = 0)', () => {
    const day = fixedOffsetDayOf(0)(Date.UTC(2026, 1, 28, 12))
    expect(dayToDate(day)).toEqual({ year: 2026, month: 2, date: 28 })
    expect(weekdayOf(day)).toBe(5) // 2026-02-28 is a Saturday
    expect(weekdayOf(day + 2)).toBe(0)
    expect(weekdayOf(0)).toBe(3) // 1970-01-01 was a Thursday
    expect(weekdayOf(-1)).toBe(2)
  })
})
