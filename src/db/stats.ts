/**
 * Read queries for the stats screen. They return only the fields the stats need, so the screen
 * never holds 100,000 full log entries (each carries an answer and two record snapshots).
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

/** Log entries before `before`, oldest first: the rest of the history, for all-time totals. */
export async function getStatLogsBefore(db: StudyDB, before: number): Promise<StatLog[]> {
  const logs = await db.reviews.where('time').below(before).toArray()
  return logs.map(slim)
}

/** The due times of the cards due before `until`, overdue ones included, earliest first. */
export async function getDueBefore(db: StudyDB, until: number): Promise<{ due: number }[]> {
  // Index keys only: the cards themselves are never read.
  const dues = (await db.cards.where('due').below(until).keys()) as number[]
  return dues.map((due) => ({ due }))
}

export interface StatsData {
  /** The whole review log, slim, oldest first. */
  logs: StatLog[]
  cards: { due: number }[]
}

/**
 * What the stats screen reads, in one go. The last months (the heatmap's window) come through
 * the time index as their own range, so they can be read on their own later; older entries
 * still count for the all-time totals.
 */
export async function loadStatsData(db: StudyDB, { since, until }: { since: number; until: number }): Promise<StatsData> {
  const [older, recent, cards] = await Promise.all([
    getStatLogsBefore(db, since),
    getStatLogsSince(db, since),
    getDueBefore(db, until),
  ])
  return { logs: older.length ? older.concat(recent) : recent, cards }
}
