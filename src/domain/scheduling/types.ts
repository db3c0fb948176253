/**
 * The scheduler's own data: a card's FSRS memory state and the learner's study settings.
 * They live here (not in db/records.ts) because pure domain code may not import from db/;
 * db/records.ts re-exports them, so `import type { CardRecord } from '@/db/records'` still works.
 */

/** FSRS memory state of one question (mirrors ts-fsrs's Card, dates as ms). */
export interface CardRecord {
  questionId: string
  setId: string
  due: number
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  lapses: number
  /** 0 New, 1 Learning, 2 Review, 3 Relearning (ts-fsrs State). */
  state: 0 | 1 | 2 | 3
  lastReview: number | null
}

/**
 * Of two cards for one question, whether `a` holds the later progress: reviewed later (a card
 * never reviewed is oldest). A backup merge and a bank change both keep that one.
 */
export const reviewedLater = (a: CardRecord, b: CardRecord): boolean => (a.lastReview ?? -Infinity) > (b.lastReview ?? -Infinity)

export interface Settings {
  /** Desired retention, 0.70..0.97. */
  retention: number
  newPerDay: number
  maxIntervalDays: number
  /** Learning steps, e.g. ['1m', '10m']. */
  learningSteps: string[]
  /** Relearning steps after a lapse, e.g. ['10m']; absent = ['10m']. */
  relearningSteps?: string[]
  /** Correct answers in a row that clear a notebook entry, 1..5. */
  notebookClearStreak: number
}

export const DEFAULT_RELEARNING_STEPS: readonly string[] = ['10m']

export const DEFAULT_SETTINGS: Settings = {
  retention: 0.9,
  newPerDay: 20,
  maxIntervalDays: 365,
  learningSteps: ['1m', '10m'],
  notebookClearStreak: 2,
}
