/**
 * Local calendar days: the one module that says which local day an instant falls on, where a
 * local day starts and ends, and how a day is written ('YYYY-MM-DD'). Stats, the notebook's
 * streak day, the daily new-card limit and the daily totals all count days through it.
 *
 * A day number is the count of local calendar days since 1970-01-01: consecutive days differ by
 * exactly 1. Which local day an instant falls on depends on the learner's time zone, so every
 * function that needs it takes the zone (a `ZoneOffset`, or an offset) instead of reading it:
 * db/localDays.ts is the one place that reads the browser's.
 */

export const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000
const MINUTE_MS = 60_000

/** The local day number of an instant (epoch ms). */
export type DayOf = (ms: number) => number

/**
 * The zone's offset in effect at an instant, as `Date#getTimezoneOffset()` gives it: minutes
 * WEST of UTC (-480 in China, 300 in New York in winter), so daylight saving is the zone's business.
 */
export type ZoneOffset = (ms: number) => number

/** A day key: 'YYYY-MM-DD', the learner's local calendar date (sorts like the dates). */
export type DayKey = string

/**
 * Days for a fixed offset from UTC, in minutes east (480 for China, -300 for New York in winter).
 * Tests use it; the app passes one that follows daylight saving time.
 */
export function fixedOffsetDayOf(offsetMinutes: number): DayOf {
  const shift = offsetMinutes * MINUTE_MS
  return (ms) => Math.floor((ms + shift) / DAY_MS)
}

/**
 * Local day numbers in a zone that may change its offset (daylight saving). The offset is looked
 * up once per hour of time, not once per instant: for 100,000 log entries the lookups would cost
 * more than all the counting.
 */
export function localDayOf(offsetAt: ZoneOffset): DayOf {
  const offsets = new Map<number, number>()
  // A log is read in time order, so most calls hit the same hour as the one before.
  let lastHour = Number.NaN
  let lastShift = 0
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS)
    if (hour !== lastHour) {
      let shift = offsets.get(hour)
      if (shift === undefined) {
        shift = -offsetAt(ms) * MINUTE_MS
        offsets.set(hour, shift)
      }
      lastHour = hour
      lastShift = shift
    }
    return Math.floor((ms + lastShift) / DAY_MS)
  }
}

/** The local day key of an instant; `timezoneOffset` is the zone's offset at that instant (see ZoneOffset). */
export function localDayKey(time: number, timezoneOffset: number): DayKey {
  const day = Math.floor((time - timezoneOffset * MINUTE_MS) / DAY_MS)
  // Formatting a date costs more than all the counting of a recount; a log spans few days.
  let key = keys.get(day)
  if (key === undefined) keys.set(day, (key = dayToIso(day)))
  return key
}
const keys = new Map<number, DayKey>()

/** The day number of a day key. */
export function dayKeyToDay(key: DayKey): number {
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / DAY_MS
}

/** The day as 'YYYY-MM-DD' (the same date the learner saw on their calendar). */
export function dayToIso(day: number): DayKey {
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

/**
 * The instant local day `day` starts: its midnight, read the way a calendar does (as
 * `new Date(y, m, d)` does). Where the zone changes its offset at midnight, a midnight that
 * happens twice is the first one, and a midnight that is skipped is read with the offset before
 * the change (the first instant of the day).
 */
export function dayStart(day: number, offsetAt: ZoneOffset): number {
  const wall = day * DAY_MS
  // The instant lies within 14 hours of the wall-clock time read as UTC: the offsets on both
  // sides of it are the only candidates.
  const before = offsetAt(wall - 14 * HOUR_MS)
  const after = offsetAt(wall + 14 * HOUR_MS)
  const fits = [before, after].map((offset) => wall + offset * MINUTE_MS).filter((t) => offsetAt(t) * MINUTE_MS === t - wall)
  return fits.length > 0 ? Math.min(...fits) : wall + before * MINUTE_MS
}

/** The local midnight that starts the day of an instant. */
export function localMidnight(time: number, offsetAt: ZoneOffset): number {
  return dayStart(Math.floor((time - offsetAt(time) * MINUTE_MS) / DAY_MS), offsetAt)
}

/**
 * The local midnights that end the day of `now` and the next `days - 1` days: where a forecast's
 * days split. A day of 23 or 25 hours (daylight saving) ends where it should.
 */
export function localDayEnds(now: number, days: number, offsetAt: ZoneOffset): number[] {
  const today = Math.floor((now - offsetAt(now) * MINUTE_MS) / DAY_MS)
  return Array.from({ length: Math.max(0, days) }, (_, i) => dayStart(today + i + 1, offsetAt))
}
