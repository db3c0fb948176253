/** Helpers to put elapsed time into words (the caller formats them with Intl in its language). */

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * `then` relative to `now` in the largest unit that fits, rounded toward zero: negative in the
 * past ("3 days ago" is { value: -3, unit: 'day' }). For Intl.RelativeTimeFormat.
 */
export function relativeTime(then: number, now: number): { value: number; unit: RelativeUnit } {
  const diff = then - now
  const abs = Math.abs(diff)
  const sign = diff < 0 ? -1 : 1
  const as = (size: number, unit: RelativeUnit) => ({ value: sign * Math.floor(abs / size) || 0, unit })
  if (abs < MINUTE) return as(SECOND, 'second')
  if (abs < HOUR) return as(MINUTE, 'minute')
  if (abs < DAY) return as(HOUR, 'hour')
  if (abs < 7 * DAY) return as(DAY, 'day')
  if (abs < 30 * DAY) return as(7 * DAY, 'week')
  if (abs < 365 * DAY) return as(30 * DAY, 'month')
  return as(365 * DAY, 'year')
}

/** A duration as whole hours and the remaining minutes (rounded to the nearest minute). */
export function splitDuration(ms: number): { hours: number; minutes: number } {
  const total = Math.max(0, Math.round(ms / MINUTE))
  return { hours: Math.floor(total / 60), minutes: total % 60 }
}
