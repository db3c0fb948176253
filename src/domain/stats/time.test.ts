import { describe, expect, it } from 'vitest'
import { relativeTime, splitDuration } from './time'

const NOW = Date.UTC(2026, 2, 10, 12)
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('relativeTime', () => {
  it('picks the largest unit that fits, rounding toward zero', () => {
    expect(relativeTime(NOW - 30_000, NOW)).toEqual({ value: -30, unit: 'second' })
    expect(relativeTime(NOW - 59 * MIN, NOW)).toEqual({ value: -59, unit: 'minute' })
    expect(relativeTime(NOW - 90 * MIN, NOW)).toEqual({ value: -1, unit: 'hour' })
    expect(relativeTime(NOW - DAY, NOW)).toEqual({ value: -1, unit: 'day' })
    expect(relativeTime(NOW - 13 * DAY, NOW)).toEqual({ value: -1, unit: 'week' })
    expect(relativeTime(NOW - 70 * DAY, NOW)).toEqual({ value: -2, unit: 'month' })
    expect(relativeTime(NOW - 800 * DAY, NOW)).toEqual({ value: -2, unit: 'year' })
    expect(relativeTime(NOW + 2 * HOUR, NOW)).toEqual({ value: 2, unit: 'hour' })
  })

  it('says 0 seconds for now (never -0)', () => {
    expect(Object.is(relativeTime(NOW, NOW).value, 0)).toBe(true)
    expect(Object.is(relativeTime(NOW - 500, NOW).value, 0)).toBe(true)
  })
})

describe('splitDuration', () => {
  it('splits into hours and minutes', () => {
    expect(splitDuration(0)).toEqual({ hours: 0, minutes: 0 })
    expect(splitDuration(29_999)).toEqual({ hours: 0, minutes: 0 })
    expect(splitDuration(30_000)).toEqual({ hours: 0, minutes: 1 })
    expect(splitDuration(3 * HOUR + 12 * MIN + 10_000)).toEqual({ hours: 3, minutes: 12 })
  })
})
