/**
 * Records as they are stored in IndexedDB. Plain objects only; dates are epoch milliseconds.
 * A question's id is its key forever: progress survives edits of the bank.
 */
import type { Grade, Response } from '@/domain/content/response'
import type { Question, QuestionSet, QuestionType } from '@/domain/content/schema'
import type { CardRecord } from '@/domain/scheduling/types'
import type { NotebookEntry } from '@/domain/session/notebook'

// The scheduler's types live in domain/scheduling (domain code may not import db/); re-exported here.
export type { CardRecord, Settings } from '@/domain/scheduling/types'
export { DEFAULT_SETTINGS } from '@/domain/scheduling/types'
// The per-day stats rows are computed in domain/stats; the db stores them as they are.
export type { DailyStat as DailyStatRecord } from '@/domain/stats/daily'

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

// The notebook entry and its clearing rule live in domain/session.
export type { NotebookEntry } from '@/domain/session/notebook'

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

/**
 * What is stored of an imported set apart from its questions (table `importedSetInfo`): all a
 * list of sets or a set's page shows, read without its questions.
 */
export interface ImportedSetInfoRecord {
  id: string
  name: string
  importedAt: number
  updatedAt: number
  /** The set as imported with its questions left out (an empty list keeps the fields' order). */
  set: Omit<QuestionSet, 'questions'> & { questions: [] }
  /** How many questions it has. */
  count: number
  /** How many questions of each type (types it lacks are absent). */
  typeCounts: Partial<Record<QuestionType, number>>
  /** A fingerprint of its question ids in order: start-up compares the bank without reading them. */
  questionsHash: string
}

/** One question of an imported set (table `importedQuestions`), found by id or by set and position. */
export interface ImportedQuestionRecord {
  /** The question's id (unique across every set). */
  id: string
  setId: string
  /** Its place in the set, from 0. */
  pos: number
  question: Question
}
