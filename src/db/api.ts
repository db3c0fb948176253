/**
 * The database functions the app shell and the home screen need, as one module that those load
 * with `import()`: Dexie (about 33 KB gzipped) then arrives in its own chunk right after the
 * first screen is drawn, instead of delaying it. Everything else imports src/db directly.
 */
export { openStudyDB } from './boot'
export { getDB } from './database'
export { observe } from './live'
export { getImportedQuestions, getSetQuestions, idsHash, importedQuestionIds, listImportedSetInfo } from './importedQuestions'
export {
  BANK_SIGNATURE_KEY,
  cardStatsBySet,
  countDue,
  countNewReviewedToday,
  getSetting,
  getSettings,
  listAttempts,
  replaceSetting,
  saveSettings,
  setSetting,
  syncBank,
} from './progress'

export type DbApi = typeof import('./api')

