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

/**
 * Where storage is blocked, merely reading `indexedDB` can throw. Dexie reads it (with
 * IDBKeyRange) once as it loads, and after a throw its range logic stays broken even for the
 * in-memory fallback (live queries over compound keys fail). So, before Dexie loads (start-up
 * calls this before it loads the database layer), an unreadable `indexedDB` is made plainly
 * absent; boot.ts then opens the in-memory copy.
 */
export function settleUnreadableIndexedDB(): void {
  try {
    void globalThis.indexedDB
  } catch {
    try {
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true, writable: true })
    } catch {
      // Not redefinable: the app still opens in memory, with fewer live updates.
    }
  }
}
