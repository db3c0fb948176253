/** Study activity by local day: cards falling due per day, streaks. */
import type { DayCount } from './types'

/** `days` days from `first` on, each with count 0. */
export function emptyDays(first: number, days: number): DayCount[] {
  const out: DayCount[] = new Array<DayCount>(Math.max(0, days))
  for (let i = 0; i < out.length; i++) out[i] = { day: first + i, count: 0 }
  return out
}

/**
 * Cards falling due per local day over the next `days` days, today first, from counts already
 * made per day (slot 0: overdue and due today), e.g. by the database's due index; missing counts as 0.
 */
export function forecastFromCounts(dueByDay: readonly number[], days: number, today: number): DayCount[] {
  const out = emptyDays(today, days)
  for (let i = 0; i < out.length; i++) out[i]!.count = dueByDay[i] ?? 0
  return out
}

export interface Streaks {
  /** Study days in a row up to today; a streak that reached yesterday still counts until today ends. */
  current: number
  longest: number
}

/** Current and longest runs of consecutive study days. `dayKeys` may be unsorted and repeat. */
export function streaks(dayKeys: readonly number[], today: number): Streaks {
  const days = [...new Set(dayKeys)].filter((d) => d <= today).sort((a, b) => a - b)
  let longest = 0
  let run = 0
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i] === days[i - 1]! + 1 ? run + 1 : 1
    if (run > longest) longest = run
  }
  const last = days[days.length - 1]
  // `run` is the length of the run ending at the last study day; it is current only if that day is today or yesterday.
  const current = last !== undefined && last >= today - 1 ? run : 0
  return { current, longest }
}
