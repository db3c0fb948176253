import { describe, expect, it } from 'vitest'
import { dayToIso } from '@/domain/calendar/days'
import { dayKeyAt, localDayEnds, localDayOf } from './localDays'
import { DAY, localIso, MIN, T0 } from './test-utils'

describe('dayKeyAt', () => {
  it('is the local calendar date', () => {
    for (let t = T0 - DAY; t < T0 + 2 * DAY; t += 37 * MIN) expect(dayKeyAt(t)).toBe(localIso(t))
    const midnight = new Date(2026, 2, 10).getTime()
    expect([dayKeyAt(midnight - 1), dayKeyAt(midnight)]).toEqual(['2026-03-09', '2026-03-10'])
  })
})

describe('localDayOf', () => {
  it('gives the local calendar day, across midnights and daylight saving changes', () => {
    const dayOf = localDayOf()
    // Every 20 minutes through 2026 (both DST changes in zones that have them), in and out of order.
    const start = new Date(2026, 0, 1).getTime()
    const times: number[] = []
    for (let t = start; t < start + 366 * 86_400_000; t += 20 * 60_000) times.push(t)
    const wrong = [...times, ...times.reverse()].filter((t) => dayToIso(dayOf(t)) !== localIso(t))
    expect(wrong.map((t) => new Date(t).toString())).toEqual([])
  })

  it('puts local 23:59 and 00:00 on consecutive days', () => {
    const dayOf = localDayOf()
    const midnight = new Date(2026, 2, 10).getTime()
    expect(dayOf(midnight) - dayOf(midnight - 60_000)).toBe(1)
  })
})

describe('localDayEnds', () => {
  it('gives the local midnights that end today and the following days, daylight saving included', () => {
    const dayOf = localDayOf()
    const start = new Date(2026, 0, 1).getTime()
    const wrong: string[] = []
    for (let now = start; now < start + 366 * 86_400_000; now += 7 * 3_600_000) {
      const ends = localDayEnds(now, 3)
      ends.forEach((end, i) => {
        const ok = dayOf(end) === dayOf(now) + i + 1 && dayOf(end - 1) === dayOf(now) + i && new Date(end).getHours() === 0
        if (!ok) wrong.push(`${new Date(now).toString()} → ${new Date(end).toString()}`)
      })
    }
    expect(wrong).toEqual([])
    expect(localDayEnds(start, 0)).toEqual([])
  })
})
