/**
 * Asking whether the app's database exists, without opening it and without Dexie: start-up uses
 * this to tell a first visit (nothing stored, nothing for the first screen to show) from a return.
 */
import { DEFAULT_DB_NAME } from './names'

/**
 * Whether this browser holds a database called `name`. Undefined when the browser cannot say:
 * no `indexedDB.databases()` (older browsers), or storage that refuses to answer.
 */
export async function databaseExists(
  name: string = DEFAULT_DB_NAME,
  factory: IDBFactory | null | undefined = nativeIndexedDB(),
): Promise<boolean | undefined> {
  if (!factory || typeof factory.databases !== 'function') return undefined
  try {
    const found = await factory.databases()
    return found.some((info) => info.name === name)
  } catch {
    return undefined
  }
}

/** The browser's IndexedDB; null when it has none, or when even reading it throws (storage blocked). */
export function nativeIndexedDB(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null
  } catch {
    return null
  }
}
