import type { Grade } from '../content/response'

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

/** A count on one local day. */
export interface DayCount {
  day: number
  count: number
}
