/** The app's database name. Kept apart from database.ts so code that only needs the name does not load Dexie. */
export const DEFAULT_DB_NAME = 'qwen-study'

/** The settings-table key where start-up remembers which bank it last reconciled (not progress). */
export const BANK_SIGNATURE_KEY = 'bankSignature'
