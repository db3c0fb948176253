/**
 * The benchmark's baselines: the straightforward way the stats screen once read its data (every
 * log entry of the window, read and slimmed; every due key of the forecast window), timed
 * against what the app does now (db/stats.ts loadDailyStatsData). Not part of the app.
 */
import type { StudyDB } from '@/db/database'
import type { ReviewLogRecord } from '@/db/records'
import type { StatLog } from './statsBaseline'

/** The due times of the cards due before `until`, overdue ones included, earliest first. */
export async function getDueBefore(db: StudyDB, until: number): Promise<{ due: number }[]> {
  // Index keys only: the cards themselves are never read.
  const dues = (await db.cards.where('due').below(until).keys()) as number[]
  return dues.map((due) => ({ due }))
}

function slim(log: ReviewLogRecord): StatLog {
  return {
    time: log.time,
    questionId: log.questionId,
    setId: log.setId,
    correct: log.correct,
    grade: log.grade,
    durationMs: log.durationMs,
    isNew: log.cardBefore === null,
  }
}

/**
 * Log entries from `since` on, oldest first, slim: every entry read and filtered (the log has had
 * no index on time since version 8 of the database; none of the app's screens reads it by time).
 */
export async function getStatLogsSince(db: StudyDB, since: number): Promise<StatLog[]> {
  const logs = await db.reviews.filter((r) => r.time >= since).toArray()
  return logs.sort((a, b) => a.time - b.time).map(slim)
}

export interface StatsData {
  /** The log since `since`, slim, oldest first. */
  logs: StatLog[]
  cards: { due: number }[]
  totalReviews: number
}

/** The log-based data of the stats screen (reads every entry in the window: slow). */
export async function loadStatsData(db: StudyDB, { since, until }: { since: number; until: number }): Promise<StatsData> {
  // The log's total as a count of its keys (the app reads it from the counts table).
  const [logs, cards, totalReviews] = await Promise.all([getStatLogsSince(db, since), getDueBefore(db, until), db.reviews.count()])
  return { logs, cards, totalReviews }
}
