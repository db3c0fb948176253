import type { DayOf } from './days'
import type { StatLog } from './types'

export interface Retention {
  /** First reviews of the day not graded Again. */
  passed: number
  total: number
  /** passed / total; null without data. */
  rate: number | null
}

/**
 * True retention, as Anki measures it: among the first review of each question on each local
 * day, the share not graded Again. A question's very first answer (no card yet) is learning, not
 * recall, so it is left out; so are later answers on the same day (learning steps, relearning).
 */
export function trueRetention(
  logs: readonly Pick<StatLog, 'time' | 'questionId' | 'grade' | 'isNew'>[],
  dayOf: DayOf,
): Retention {
  const firsts = new Map<string, Pick<StatLog, 'time' | 'grade' | 'isNew'>>()
  for (const log of logs) {
    const key = `${dayOf(log.time)}|${log.questionId}`
    const seen = firsts.get(key)
    if (!seen || log.time < seen.time) firsts.set(key, log)
  }
  let passed = 0
  let total = 0
  for (const log of firsts.values()) {
    if (log.isNew) continue
    total++
    if (log.grade !== 1) passed++
  }
  return { passed, total, rate: total > 0 ? passed / total : null }
}
