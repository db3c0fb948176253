/**
 * Everything the stats screen shows, computed once from the per-day totals: the screen keeps the
 * result, not the log entries it came from.
 */
import { emptyDays, forecastFromCounts, streaks, type Streaks } from './activity'
import type { DailyStat } from './daily'
import type { Retention } from './retention'
import { dayKeyToDay, type DayOf } from '@/domain/calendar/days'
import type { DayCount } from './types'

/** About six months: 26 weeks. */
export const HEATMAP_DAYS = 26 * 7
export const FORECAST_DAYS = 30

export interface SetAccuracy {
  answered: number
  correct: number
}

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
 * The summary over the heatmap's window, from the per-day totals (a few hundred rows rather than
 * every answer).
 */
export function buildStatsFromDaily({ daily, dueByDay, now, dayOf, totalReviews }: DailyStatsInput): StatsSummary {
  const today = dayOf(now)
  const first = today - HEATMAP_DAYS + 1
  const heat = emptyDays(first, HEATMAP_DAYS)
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
