/**
 * Calendar days as plain integers, so the stats code can count, compare and subtract them.
 *
 * A day number is the count of local calendar days since 1970-01-01: consecutive days differ by
 * exactly 1. Which local day an instant falls on depends on the learner's time zone, so every
 * function that needs it takes a `DayOf` instead of reading the clock or the zone itself.
 */

export const DAY_MS = 86_400_000

/** The local day number of an instant (epoch ms). */
export type DayOf = (ms: number) => number

/**
 * Days for a fixed offset from UTC, in minutes east (480 for China, -300 for New York in winter).
 * Tests use it; the app passes one that follows daylight saving time.
 */
export function fixedOffsetDayOf(offsetMinutes: number): DayOf {
  const shift = offsetMinutes * 60_000
  return (ms) => Math.floor((ms + shift) / DAY_MS)
}

/** The day as 'YYYY-MM-DD' (the same date the learner saw on their calendar). */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** The day's calendar date: year, month 1..12, day of month. */
export function dayToDate(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() }
}

/** 0 Monday … 6 Sunday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7
}
