/**
 * Read queries for the stats screen. They return only the fields the stats need, so the screen
 * never holds the full log entries (each carries an answer and two record snapshots).
 *
 * Reads are bounded: the review log through the time index from `since` (the heatmap's window)
 * and the cards through the due index up to `until`. IndexedDB has no projection, so every entry
 * read costs its whole record; the all-time total comes from a count, which reads none.
 */
import type { StatLog } from '@/domain/stats/types'
import type { StudyDB } from './database'
import type { ReviewLogRecord } from './records'

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

/** Log entries from `since` on (read through the time index), oldest first. */
export async function getStatLogsSince(db: StudyDB, since: number): Promise<StatLog[]> {
  const logs = await db.reviews.where('time').aboveOrEqual(since).toArray()
  return logs.map(slim)
}

/** How many answers the log holds, all time. */
export function countReviews(db: StudyDB): Promise<number> {
  return db.reviews.count()
}

/** The due times of the cards due before `until`, overdue ones included, earliest first. */
export async function getDueBefore(db: StudyDB, until: number): Promise<{ due: number }[]> {
  // Index keys only: the cards themselves are never read.
  const dues = (await db.cards.where('due').below(until).keys()) as number[]
  return dues.map((due) => ({ due }))
}

export interface StatsData {
  /** The log since `since`, slim, oldest first. */
  logs: StatLog[]
  cards: { due: number }[]
  totalReviews: number
}

/** Everything the stats screen reads, in one go. */
export async function loadStatsData(db: StudyDB, { since, until }: { since: number; until: number }): Promise<StatsData> {
  const [logs, cards, totalReviews] = await Promise.all([getStatLogsSince(db, since), getDueBefore(db, until), countReviews(db)])
  return { logs, cards, totalReviews }
}
