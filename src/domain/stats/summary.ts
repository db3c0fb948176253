/**
 * Everything the stats screen shows, computed once from plain arrays: the screen keeps the
 * result, not the 100,000 log entries it came from.
 */
import { accuracyBySet, type SetAccuracy } from './accuracy'
import { dailyCounts, forecast, streaks, studyDays, type Streaks } from './activity'
import type { DayOf } from './days'
import { trueRetention, type Retention } from './retention'
import type { DayCount, StatLog } from './types'

/** About six months, in whole weeks so the calendar ends on a full grid. */
export const HEATMAP_DAYS = 26 * 7
export const FORECAST_DAYS = 30

export interface StatsSummary {
  today: number
  daily: DayCount[]
  forecast: DayCount[]
  retention: Retention
  streaks: Streaks
  totalReviews: number
  totalMs: number
  bySet: Map<string, SetAccuracy>
}

export interface StatsInput {
  /** Every review log entry to count (any order). */
  logs: readonly StatLog[]
  /** Cards due before the end of the forecast window (overdue ones included). */
  cards: readonly { due: number }[]
  now: number
  dayOf: DayOf
}

export function buildStats({ logs, cards, now, dayOf }: StatsInput): StatsSummary {
  const today = dayOf(now)
  let totalMs = 0
  for (const log of logs) totalMs += log.durationMs
  return {
    today,
    daily: dailyCounts(logs, HEATMAP_DAYS, now, dayOf),
    forecast: forecast(cards, FORECAST_DAYS, now, dayOf),
    retention: trueRetention(logs, dayOf),
    streaks: streaks(studyDays(logs, dayOf), today),
    totalReviews: logs.length,
    totalMs,
    bySet: accuracyBySet(logs),
  }
}
