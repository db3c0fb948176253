/**
 * Local days in the browser's time zone: the domain's calendar (domain/calendar/days.ts) with
 * the zone filled in. `browserOffset` is the one place the app reads the time zone; every other
 * day computation is pure. Free of Dexie, like exists.ts.
 */
import * as days from '@/domain/calendar/days'

/** The browser's offset at an instant (daylight saving included): minutes west of UTC. */
export const browserOffset: days.ZoneOffset = (ms) => new Date(ms).getTimezoneOffset()

/** The local day key ('YYYY-MM-DD') of an instant. */
export const dayKeyAt = (time: number): string => days.localDayKey(time, browserOffset(time))

/** The local midnight that starts the day of an instant (epoch ms). */
export const localMidnight = (time: number): number => days.localMidnight(time, browserOffset)

/** Local day numbers that follow daylight saving time (see domain localDayOf). */
export const localDayOf = (): days.DayOf => days.localDayOf(browserOffset)

/** The local midnights that end today and the next `count - 1` days. */
export const localDayEnds = (now: number, count: number): number[] => days.localDayEnds(now, count, browserOffset)
