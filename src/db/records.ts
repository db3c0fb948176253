/**
 * Records as they are stored in IndexedDB. The shapes are the domain's (domain code may not
 * import db/): defined in domain/progress, domain/scheduling, domain/session and domain/stats,
 * re-exported here for the database code.
 */
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
