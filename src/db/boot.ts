/**
 * Opening the app's database. When the browser refuses IndexedDB (some private modes, storage
 * blocked by policy) the app still runs on an in-memory copy of the same schema, so every
 * feature works for the session and the learner can export what they did.
 */
import { createDB, Dexie, setDB, type StudyDB } from './database'
import { nativeIndexedDB } from './exists'

export type StorageMode = 'indexeddb' | 'memory'

export interface OpenResult {
  db: StudyDB
  mode: StorageMode
  /** The database was created just now (nothing stored yet, so nothing to reconcile). */
  created: boolean
  /** Why the real database could not be used. */
  error?: string
}

export async function openStudyDB(onVersionChange: () => void): Promise<OpenResult> {
  try {
    if (!nativeIndexedDB()) throw new Error('IndexedDB is not available')
    const db = createDB(undefined, { onVersionChange })
    await db.open()
    setDB(db)
    return { db, mode: 'indexeddb', created: db.created }
  } catch (e) {
    // fake-indexeddb is loaded only here, so it costs nothing when IndexedDB works.
    const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb')
    const factory = new IDBFactory()
    if (!nativeIndexedDB()) adoptInMemory(factory, IDBKeyRange)
    const db = createDB('qwen-study-memory', { indexedDB: factory, IDBKeyRange })
    await db.open()
    setDB(db)
    return { db, mode: 'memory', created: db.created, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
  }
}

/**
 * Without a usable browser IndexedDB, Dexie's live queries do nothing: they check the factory
 * Dexie found when it loaded, not the database's own. Hand Dexie the in-memory one instead.
 * (An `indexedDB` that throws when read is made absent before Dexie loads: see exists.ts.)
 */
function adoptInMemory(factory: IDBFactory, keyRange: typeof IDBKeyRange): void {
  Dexie.dependencies.indexedDB = factory
  Dexie.dependencies.IDBKeyRange = keyRange
}
