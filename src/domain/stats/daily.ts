/**
 * Per-day, per-set totals of the review log, so the stats screen reads a few hundred rows
 * instead of every log entry. The database keeps them up to date answer by answer (db/stats.ts);
 * this module says what one answer adds and how to count a whole log from scratch.
 *
 * Retention is true retention, as Anki measures it: the first review of a question on a local day
 * counts, unless the question had no card before it (a first answer is learning, not recall); it
 * passes unless graded Again.
 */
import type { Grade } from '../content/response'
import type { DayKey } from '@/domain/calendar/days'

/** What the answers of one set on one local day add up to. */
export interface DailyStat {
  day: DayKey
  setId: string
  reviews: number
  correct: number
  durationMs: number
  /** First reviews of a question that day, new questions left out. */
  retentionTotal: number
  /** Of those, the ones not graded Again. */
  retentionPass: number
  /** First-ever answers: questions that had no card before (the review's daily new limit counts these). */
  newCards: number
}

/** The counting fields of a DailyStat. */
export type DailyCounts = Omit<DailyStat, 'day' | 'setId'>

/** The fields of an answer that the daily totals count. */
export interface DailyAnswer {
  correct: boolean
  grade: Grade
  durationMs: number
  /** The question had no card before this answer. */
  isNew: boolean
}

/** What one answer adds to its day's row. `firstOfDay`: no earlier review of its question that day. */
export function dailyCounts(answer: DailyAnswer, firstOfDay: boolean): DailyCounts {
  const counted = firstOfDay && !answer.isNew
  return {
    reviews: 1,
    correct: answer.correct ? 1 : 0,
    durationMs: answer.durationMs,
    retentionTotal: counted ? 1 : 0,
    retentionPass: counted && answer.grade > 1 ? 1 : 0,
    newCards: answer.isNew ? 1 : 0,
  }
}

const COUNT_FIELDS = ['reviews', 'correct', 'durationMs', 'retentionTotal', 'retentionPass', 'newCards'] as const

/**
 * `row` plus `sign` times `counts` (a new row when there is none). A row whose `reviews` reaches
 * 0 holds nothing any more: the caller deletes it, so taking an answer back leaves no trace.
 * A missing count is 0 (rows counted before `newCards` existed lack it; the version 4 upgrade recounts them).
 */
export function addDaily(row: DailyStat | undefined, key: Pick<DailyStat, 'day' | 'setId'>, counts: DailyCounts, sign: 1 | -1 = 1): DailyStat {
  const next = { day: key.day, setId: key.setId } as DailyStat
  for (const f of COUNT_FIELDS) next[f] = (row?.[f] ?? 0) + sign * counts[f]
  return next
}

/** A log entry as the from-scratch count needs it. */
export interface DailyLog extends DailyAnswer {
  id: string
  time: number
  questionId: string
  setId: string
  day: DayKey
}

export interface DailyTally {
  /** Rows sorted by day, then set id; no empty rows. */
  rows: DailyStat[]
  /** Ids of the log entries that were the first review of their question on their day. */
  firsts: Set<string>
}

const before = (a: DailyLog, b: DailyLog): boolean => a.time < b.time || (a.time === b.time && a.id < b.id)

/**
 * Counts a whole log from scratch, fed in any order and in as many parts as wanted (so the
 * database can read it a page at a time). The first review of a question on a day is the
 * earliest one; equal times are ordered by id, so the result never depends on the feeding order.
 */
export function dailyTally(): { add(logs: Iterable<DailyLog>): void; finish(): DailyTally } {
  const rows = new Map<string, DailyStat>()
  const firstOf = new Map<string, DailyLog>()
  const rowKey = (day: DayKey, setId: string) => `${day}\u0000${setId}`
  const count = (log: DailyLog, counts: DailyCounts) => {
    const key = rowKey(log.day, log.setId)
    rows.set(key, addDaily(rows.get(key), log, counts))
  }
  return {
    add(logs) {
      for (const log of logs) {
        count(log, dailyCounts(log, false))
        const key = `${log.questionId}\u0000${log.day}`
        const first = firstOf.get(key)
        if (!first || before(log, first)) firstOf.set(key, log)
      }
    },
    finish() {
      const firsts = new Set<string>()
      for (const log of firstOf.values()) {
        firsts.add(log.id)
        // The review itself is counted already: add only its share of retention.
        const { retentionTotal, retentionPass } = dailyCounts(log, true)
        count(log, { reviews: 0, correct: 0, durationMs: 0, retentionTotal, retentionPass, newCards: 0 })
      }
      const sorted = [...rows.values()].sort((a, b) =>
        a.day < b.day ? -1 : a.day > b.day ? 1 : a.setId < b.setId ? -1 : a.setId > b.setId ? 1 : 0,
      )
      return { rows: sorted, firsts }
    },
  }
}
