/**
 * When a mistake leaves the notebook (错题本). A right answer straight after a miss shows the
 * learner has seen the answer; remembering it is shown by right answers on later days. So after
 * the first right answer, a right answer counts only on a local day of its own and at or after the
 * question's scheduled review. A wrong answer starts over.
 */
import type { Response } from '../content/response'

/** 错题本 entry, keyed by question id. */
export interface NotebookEntry {
  questionId: string
  setId: string
  missCount: number
  lastWrongAnswer: Response
  lastWrongAt: number
  /** Right answers that counted since the last miss. */
  correctStreak: number
  /** 0 active, 1 cleared (IndexedDB cannot index booleans). */
  cleared: 0 | 1
  clearedAt: number | null
  /** Local day ('YYYY-MM-DD') of the last right answer that counted; absent before the first. */
  streakDay?: string
}

export interface NotebookAnswer {
  questionId: string
  setId: string
  correct: boolean
  answer: Response
  time: number
  /** The answer's local day, 'YYYY-MM-DD'. */
  day: string
  /** When the question's review was due before this answer (null: it had no card). */
  dueBefore: number | null
}

/** Whether a right answer moves the entry towards clearing (see the module comment). */
export function countsTowardClearing(before: NotebookEntry, answer: Pick<NotebookAnswer, 'time' | 'day' | 'dueBefore'>): boolean {
  if (before.correctStreak === 0) return true
  if (before.streakDay !== undefined && before.streakDay === answer.day) return false
  return answer.dueBefore === null || answer.time >= answer.dueBefore
}

/** The notebook entry after an answer (null: there is none). */
export function nextNotebookEntry(before: NotebookEntry | null, answer: NotebookAnswer, clearStreak: number): NotebookEntry | null {
  if (!answer.correct) {
    return {
      questionId: answer.questionId,
      setId: answer.setId,
      missCount: (before?.missCount ?? 0) + 1,
      lastWrongAnswer: answer.answer,
      lastWrongAt: answer.time,
      correctStreak: 0,
      cleared: 0,
      clearedAt: null,
    }
  }
  if (!before) return null
  if (before.cleared === 1) return { ...before, correctStreak: before.correctStreak + 1 }
  if (!countsTowardClearing(before, answer)) return before
  const correctStreak = before.correctStreak + 1
  const clears = correctStreak >= clearStreak
  return { ...before, correctStreak, streakDay: answer.day, cleared: clears ? 1 : 0, clearedAt: clears ? answer.time : null }
}
