/**
 * Everything the stats screen shows, computed once from plain arrays: the screen keeps the
 * result, not the 100,000 log entries it came from.
 */
import { accuracyBySet, type SetAccuracy } from './accuracy'
import { dailyCounts, forecast, forecastFromCounts, streaks, studyDays, type Streaks } from './activity'
import type { DailyStat } from './daily'
import { dayKeyToDay, type DayOf } from '@/domain/calendar/days'
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

export interface DailyStatsInput {
  /** Per-day totals (any order); days before the heatmap's first are left out. */
  daily: readonly DailyStat[]
  /** All answers ever. */
  totalReviews: number
  /**
   * Cards due per local day from today on (FORECAST_DAYS entries): index 0 counts the overdue
   * ones and today's, index i those due on the i-th day after today.
   */
  dueByDay: readonly number[]
  now: number
  dayOf: DayOf
}

/**
 * The same summary as buildStats over the heatmap's window of the log, computed from the
 * per-day totals instead (a few hundred rows rather than every answer).
 */
export function buildStatsFromDaily({ daily, dueByDay, now, dayOf, totalReviews }: DailyStatsInput): StatsSummary {
  const today = dayOf(now)
  const first = today - HEATMAP_DAYS + 1
  const heat = dailyCounts([], HEATMAP_DAYS, now, dayOf)
  const days: number[] = []
  const bySet = new Map<string, SetAccuracy>()
  let totalMs = 0
  let passed = 0
  let total = 0
  for (const row of daily) {
    const day = dayKeyToDay(row.day)
    if (day < first || row.reviews <= 0) continue
    const slot = heat[day - first]
    if (slot) slot.count += row.reviews
    days.push(day)
    totalMs += row.durationMs
    passed += row.retentionPass
    total += row.retentionTotal
    const set = bySet.get(row.setId)
    if (set) {
      set.answered += row.reviews
      set.correct += row.correct
    } else bySet.set(row.setId, { answered: row.reviews, correct: row.correct })
  }
  return {
    today,
    daily: heat,
    forecast: forecastFromCounts(dueByDay, FORECAST_DAYS, today),
    retention: { passed, total, rate: total > 0 ? passed / total : null },
    streaks: streaks(days, today),
    totalReviews,
    totalMs,
    bySet,
  }
}
