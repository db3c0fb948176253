/**
 * Records as they are stored in IndexedDB. The shapes are the domain's (domain code may not
 * import db/): defined in domain/progress, domain/scheduling, domain/session and domain/stats,
 * re-exported here for the database code.
 */
import type { Question, QuestionSet, QuestionType } from '@/domain/content/schema'
import type { SetCounts } from '@/domain/progress/counts'
import type { ImportedSetRecord } from '@/domain/progress/records'
export type {
  ArchivedProgress,
  AttemptAnswer,
  AttemptRecord,
  ImportedSetRecord,
  QuizConfig,
  ReviewDaily,
  ReviewLogRecord,
  SettingRecord,
  StudyMode,
} from '@/domain/progress/records'
export type { CardRecord, Settings } from '@/domain/scheduling/types'
export { DEFAULT_SETTINGS } from '@/domain/scheduling/types'
// The per-day stats rows are computed in domain/stats; the db stores them as they are.
export type { DailyStat as DailyStatRecord } from '@/domain/stats/daily'
// The notebook entry and its clearing rule live in domain/session.
export type { NotebookEntry } from '@/domain/session/notebook'

/**
 * What is stored of an imported set apart from its questions (table `importedSetInfo`): all a
 * list of sets or a set's page shows, read without its questions.
 */
export interface ImportedSetInfoRecord extends Omit<ImportedSetRecord, 'set'> {
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

/** Table `counts`: how many cards one set has, and how many in each bucket (domain/progress/counts.ts). */
export type CardCountRecord = { of: 'cards'; setId: string } & SetCounts

/** Table `counts`: how many entries the review log holds. */
export interface ReviewCountRecord {
  of: 'reviews'
  setId: ''
  total: number
}

export type CountRecord = CardCountRecord | ReviewCountRecord

/** Table `dueSlots`: how many cards fall due in one quarter hour of UTC (domain/progress/counts.ts, dueSlot). */
export interface DueSlotRecord {
  slot: number
  cards: number
}
