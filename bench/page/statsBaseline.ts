/**
 * The benchmark's baseline for the stats summary: every figure counted from the log entries
 * themselves, the straightforward way the stats screen once did it. The app computes the same
 * summary from the per-day totals (buildStatsFromDaily in src/domain/stats/summary.ts); the tests
 * beside this file check that both agree. Not part of the app.
 */
import type { Grade } from '@/domain/content/response'
import type { DayOf } from '@/domain/calendar/days'
import { emptyDays, streaks } from '@/domain/stats/activity'
import type { Retention } from '@/domain/stats/retention'
import { FORECAST_DAYS, HEATMAP_DAYS, type SetAccuracy, type StatsSummary } from '@/domain/stats/summary'
import type { DayCount } from '@/domain/stats/types'

/** The few fields of a review log entry that the stats need (read slim, never the whole record). */
export interface StatLog {
  time: number
  questionId: string
  setId: string
  correct: boolean
  grade: Grade
  durationMs: number
  /** The question had no card before this answer (its first answer ever). */
  isNew: boolean
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

/** The distinct local days with at least one review, ascending. */
export function studyDays(logs: readonly { time: number }[], dayOf: DayOf): number[] {
  const days = new Set<number>()
  for (const log of logs) days.add(dayOf(log.time))
  return [...days].sort((a, b) => a - b)
}

type RetentionLog = Pick<StatLog, 'time' | 'questionId' | 'grade' | 'isNew'>

function inTimeOrder(logs: readonly RetentionLog[]): readonly RetentionLog[] {
  for (let i = 1; i < logs.length; i++) {
    if (logs[i]!.time < logs[i - 1]!.time) return [...logs].sort((a, b) => a.time - b.time)
  }
  return logs
}

/**
 * True retention, as Anki measures it: among the first review of each question on each local
 * day, the share not graded Again. A question's very first answer (no card yet) is learning, not
 * recall, so it is left out; so are later answers on the same day (learning steps, relearning).
 */
export function trueRetention(logs: readonly RetentionLog[], dayOf: DayOf): Retention {
  // In time order, a review is the day's first for its question when the question's previous
  // review was on another day. (The log is read in time order already; sorting is a fallback.)
  const lastDay = new Map<string, number>()
  let passed = 0
  let total = 0
  for (const log of inTimeOrder(logs)) {
    const day = dayOf(log.time)
    if (lastDay.get(log.questionId) === day) continue
    lastDay.set(log.questionId, day)
    if (log.isNew) continue
    total++
    if (log.grade !== 1) passed++
  }
  return { passed, total, rate: total > 0 ? passed / total : null }
}

/** Answers and correct answers per set id, over every log entry given. */
export function accuracyBySet(logs: readonly Pick<StatLog, 'setId' | 'correct'>[]): Map<string, SetAccuracy> {
  const bySet = new Map<string, SetAccuracy>()
  for (const log of logs) {
    let entry = bySet.get(log.setId)
    if (!entry) bySet.set(log.setId, (entry = { answered: 0, correct: 0 }))
    entry.answered++
    if (log.correct) entry.correct++
  }
  return bySet
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

/** The stats screen's summary, counted from the log entries (and due times) given. */
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
