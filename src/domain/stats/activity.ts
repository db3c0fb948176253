/**
 * Counting study activity by local day: reviews per day, cards falling due per day, streaks.
 * Pure: `now` and the time zone (`dayOf`) come in as arguments.
 */
import type { DayOf } from '@/domain/calendar/days'
import type { DayCount } from './types'

function emptyDays(first: number, days: number): DayCount[] {
  const out: DayCount[] = new Array<DayCount>(Math.max(0, days))
  for (let i = 0; i < out.length; i++) out[i] = { day: first + i, count: 0 }
  return out
}

/**
 * Reviews per local day over the last `days` days, oldest first; the last entry is today.
 * Days without reviews are present with count 0 (the heatmap draws every day).
 */
export function dailyCounts(logs: readonly { time: number }[], days: number, now: number, dayOf: DayOf): DayCount[] {
  const first = dayOf(now) - days + 1
  const out = emptyDays(first, days)
  for (const log of logs) {
    const slot = out[dayOf(log.time) - first]
    if (slot) slot.count++
  }
  return out
}

/**
 * Cards falling due per local day over the next `days` days, today first. Overdue cards count
 * for today: they are what the learner has to review now.
 */
export function forecast(cards: readonly { due: number }[], days: number, now: number, dayOf: DayOf): DayCount[] {
  const today = dayOf(now)
  const out = emptyDays(today, days)
  for (const card of cards) {
    const slot = out[Math.max(0, dayOf(card.due) - today)]
    if (slot) slot.count++
  }
  return out
}

/**
 * The same forecast from counts already made per day (slot 0: overdue and due today), e.g. by
 * the database's due index: `days` entries from today, missing counts as 0.
 */
export function forecastFromCounts(dueByDay: readonly number[], days: number, today: number): DayCount[] {
  const out = emptyDays(today, days)
  for (let i = 0; i < out.length; i++) out[i]!.count = dueByDay[i] ?? 0
  return out
}

/** The distinct local days with at least one review, ascending. */
export function studyDays(logs: readonly { time: number }[], dayOf: DayOf): number[] {
  const days = new Set<number>()
  for (const log of logs) days.add(dayOf(log.time))
  return [...days].sort((a, b) => a - b)
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
