import type { DayOf } from '@/domain/calendar/days'
import type { StatLog } from './types'

export interface Retention {
  /** First reviews of the day not graded Again. */
  passed: number
  total: number
  /** passed / total; null without data. */
  rate: number | null
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
