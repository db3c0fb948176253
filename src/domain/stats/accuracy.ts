import type { StatLog } from './types'

export interface SetAccuracy {
  answered: number
  correct: number
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
