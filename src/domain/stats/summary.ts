/**
 * Everything the stats screen shows, computed once from plain arrays: the screen keeps the
 * result, not the 100,000 log entries it came from.
 */
import { accuracyBySet, type SetAccuracy } from './accuracy'
import { dailyCounts, forecast, streaks, studyDays, type Streaks } from './activity'
import type { DayOf } from './days'
import { trueRetention, type Retention } from './retention'
import type { DayCount, StatLog } from './types'

/** About six months: 26 weeks. */
export const HEATMAP_DAYS = 26 * 7
export const FORECAST_DAYS = 30

export interface StatsSummary {
  today: number
  /** All time (the other figures cover the logs given, normally the last six months). */
  totalReviews: number
  daily: DayCount[]
  forecast: DayCount[]
  retention: Retention
  streaks: Streaks
  totalMs: number
  bySet: Map<string, SetAccuracy>
}

export interface StatsInput {
  /** The review log entries to count (any order), normally the last six months. */
  logs: readonly StatLog[]
  /** All answers ever; defaults to the number of logs. */
  totalReviews?: number
  /** Cards due before the end of the forecast window (overdue ones included). */
  cards: readonly { due: number }[]
  now: number
  dayOf: DayOf
}

export function buildStats({ logs, cards, now, dayOf, totalReviews }: StatsInput): StatsSummary {
  const today = dayOf(now)
  let totalMs = 0
  for (const log of logs) totalMs += log.durationMs
  return {
    today,
    daily: dailyCounts(logs, HEATMAP_DAYS, now, dayOf),
    forecast: forecast(cards, FORECAST_DAYS, now, dayOf),
    retention: trueRetention(logs, dayOf),
    streaks: streaks(studyDays(logs, dayOf), today),
    totalReviews: totalReviews ?? logs.length,
    totalMs,
    bySet: accuracyBySet(logs),
  }
}
