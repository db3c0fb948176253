/** The app's database name. Kept apart from database.ts so code that only needs the name does not load Dexie. */
export const DEFAULT_DB_NAME = 'qwen-study'

export { BANK_SIGNATURE_KEY } from '@/domain/progress/records'
