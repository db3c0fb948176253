/**
 * The learner's progress as plain records: what the database stores and a backup file carries.
 * Plain objects only; dates are epoch milliseconds. A question's id is its key forever:
 * progress survives edits of the bank.
 */
import type { Grade, Response } from '@/domain/content/response'
import type { QuestionSet } from '@/domain/content/schema'
import type { CardRecord } from '@/domain/scheduling/types'
import type { NotebookEntry } from '@/domain/session/notebook'

export type StudyMode = 'practice' | 'exam' | 'review'

/** One answer, append-only. Holds what is needed to undo it exactly. */
export interface ReviewLogRecord {
  id: string
  questionId: string
  setId: string
  time: number
  mode: StudyMode
  correct: boolean
  /** The learner overrode a wrong typed-answer verdict ("I was right"). */
  overridden: boolean
  answer: Response
  grade: Grade
  durationMs: number
  /** The card before this answer; null when the question was new. */
  cardBefore: CardRecord | null
  /** The notebook entry before this answer; null when there was none. */
  notebookBefore: NotebookEntry | null
  attemptId: string | null
  /** The attempt's updatedAt before this answer (so undo restores it exactly); null without an attempt. */
  attemptUpdatedAtBefore?: number | null
  /**
   * What this answer added to the daily stats: its row's local day, and whether it was the
   * first review of its question that day (so undo and regrade change exactly that). Absent on
   * entries written before the daily stats existed.
   */
  daily?: ReviewDaily
}

export interface ReviewDaily {
  /** 'YYYY-MM-DD' in the learner's local time when the answer was given. */
  day: string
  firstOfDay: boolean
}

export interface AttemptAnswer {
  questionId: string
  answer: Response
  correct: boolean
  overridden: boolean
  grade: Grade
  durationMs: number
  reviewId: string
}

export interface QuizConfig {
  setIds: string[]
  count: number | 'all'
  types: string[]
  order: 'shuffled' | 'article'
  mode: 'practice' | 'exam'
  /** Exam time limit in minutes; null = none. */
  timeLimitMin: number | null
}

/** A quiz or review session: in progress (resumable) or finished (shown on its set). */
export interface AttemptRecord {
  id: string
  kind: 'quiz' | 'review'
  status: 'active' | 'finished'
  config: QuizConfig
  setIds: string[]
  questionIds: string[]
  /** Seed for the per-attempt choice shuffles, so a resumed quiz shows the same order. */
  seed: number
  answers: AttemptAnswer[]
  startedAt: number
  updatedAt: number
  finishedAt: number | null
  /** Exam deadline (ms) when a time limit is set. */
  deadline: number | null
  correctCount: number
  total: number
  /** Exam questions the learner flagged to look at again before handing in; absent when none. */
  flagged?: string[]
}

/** Progress of a question that left the bank: kept, never silently dropped. */
export interface ArchivedProgress {
  questionId: string
  archivedAt: number
  card: CardRecord | null
  notebook: NotebookEntry | null
}

/** A row of the settings table: the study settings live under key 'settings', UI prefs under their own keys. */
export interface SettingRecord {
  key: string
  value: unknown
  /** When it was last written (ms); absent on rows written before it existed. */
  updatedAt?: number
}

/** A question set imported by the learner (kept in IndexedDB, not in questions/). */
export interface ImportedSetRecord {
  id: string
  name: string
  importedAt: number
  updatedAt: number
  set: QuestionSet
}

/** The settings-table key where start-up remembers which bank it last reconciled: this device's bookkeeping, not progress. */
export const BANK_SIGNATURE_KEY = 'bankSignature'

/** The settings-table key of the study settings (one object of every field of Settings). */
export const STUDY_SETTINGS_KEY = 'settings'
