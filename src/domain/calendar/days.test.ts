import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  DAY_MS,
  dayKeyToDay,
  dayStart,
  dayToDate,
  dayToIso,
  fixedOffsetDayOf,
  localDayEnds,
  localDayKey,
  localDayOf,
  localMidnight,
  weekdayOf,
  type ZoneOffset,
} from './days'

const T = Date.UTC(2026, 2, 9, 15, 59) // 23:59 in Beijing, 11:59 in New York
const MIN = 60_000

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

describe('localDayKey', () => {
  it('takes the offset as Date#getTimezoneOffset gives it (minutes west of UTC)', () => {
    expect(localDayKey(T, -480)).toBe('2026-03-09') // Beijing
    expect(localDayKey(T + MIN, -480)).toBe('2026-03-10')
    expect(localDayKey(T, 240)).toBe('2026-03-09') // New York in summer time
    expect(localDayKey(Date.UTC(2026, 2, 10, 3, 0), 240)).toBe('2026-03-09')
    expect(localDayKey(Date.UTC(2026, 2, 10, 0, 0), 0)).toBe('2026-03-10')
  })

  it('agrees with fixedOffsetDayOf (minutes east) on every instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (time, east) => {
        expect(localDayKey(time, -east)).toBe(dayToIso(fixedOffsetDayOf(east)(time)))
      }),
    )
  })
})

describe('dayKeyToDay', () => {
  it('inverts dayToIso', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), (day) => {
        expect(dayKeyToDay(dayToIso(day))).toBe(day)
      }),
    )
  })
})

/** New York in 2026: UTC-5, and UTC-4 from 8 March 07:00 UTC (02:00 local) to 1 November 06:00 UTC. */
const newYork: ZoneOffset = (ms) => (ms >= Date.UTC(2026, 2, 8, 7) && ms < Date.UTC(2026, 10, 1, 6) ? 240 : 300)
/** A zone that moves its clocks from midnight to 01:00 on 6 September 2026 (UTC-4 to UTC-3): that day has no midnight. */
const skipsMidnight: ZoneOffset = (ms) => (ms >= Date.UTC(2026, 8, 6, 4) ? 180 : 240)
/** A zone that turns its clocks back from 01:00 to midnight on 6 September 2026 (UTC-3 to UTC-4): that midnight happens twice. */
const repeatsMidnight: ZoneOffset = (ms) => (ms >= Date.UTC(2026, 8, 6, 4) ? 240 : 180)
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS

describe('localDayOf', () => {
  it('follows the zone across daylight saving changes, in and out of order', () => {
    const dayOf = localDayOf(newYork)
    const times: number[] = []
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 20 * MIN) times.push(t)
    const wrong = [...times, ...times.reverse()].filter((t) => dayOf(t) !== Math.floor((t - newYork(t) * MIN) / DAY_MS))
    expect(wrong).toEqual([])
    expect(dayToIso(dayOf(Date.UTC(2026, 2, 8, 4, 59)))).toBe('2026-03-07')
    expect(dayToIso(dayOf(Date.UTC(2026, 2, 8, 5)))).toBe('2026-03-08')
  })
})

describe('dayStart / localMidnight / localDayEnds', () => {
  it('gives local midnights, on days of 23 and 25 hours too', () => {
    expect(dayStart(day(2026, 3, 8), newYork)).toBe(Date.UTC(2026, 2, 8, 5))
    expect(dayStart(day(2026, 3, 9), newYork)).toBe(Date.UTC(2026, 2, 9, 4))
    expect(localMidnight(Date.UTC(2026, 2, 8, 20), newYork)).toBe(Date.UTC(2026, 2, 8, 5))
    expect(localDayEnds(Date.UTC(2026, 9, 31, 12), 3, newYork)).toEqual([
      Date.UTC(2026, 10, 1, 4),
      Date.UTC(2026, 10, 2, 5),
      Date.UTC(2026, 10, 3, 5),
    ])
    expect(localDayEnds(Date.UTC(2026, 9, 31, 12), 0, newYork)).toEqual([])
  })

  it('agrees with fixed offsets everywhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4e12 }), fc.integer({ min: -14 * 60, max: 12 * 60 }), (time, west) => {
        const start = localMidnight(time, () => west)
        expect(localDayKey(start, west)).toBe(localDayKey(time, west))
        expect(localDayKey(start - 1, west)).not.toBe(localDayKey(time, west))
      }),
    )
  })

  it('starts a day without a midnight at its first instant, and a day with two at the first', () => {
    expect(dayStart(day(2026, 9, 6), skipsMidnight)).toBe(Date.UTC(2026, 8, 6, 4))
    expect(localDayKey(Date.UTC(2026, 8, 6, 4) - 1, skipsMidnight(Date.UTC(2026, 8, 6, 4) - 1))).toBe('2026-09-05')
    expect(dayStart(day(2026, 9, 6), repeatsMidnight)).toBe(Date.UTC(2026, 8, 6, 3))
    expect(localDayEnds(Date.UTC(2026, 8, 5, 12), 2, repeatsMidnight)).toEqual([Date.UTC(2026, 8, 6, 3), Date.UTC(2026, 8, 7, 4)])
  })
})
