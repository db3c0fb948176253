/**
 * Opening the app's database. When the browser refuses IndexedDB (some private modes, storage
 * blocked by policy) the app still runs on an in-memory copy of the same schema, so every
 * feature works for the session and the learner can export what they did.
 */
import { createDB, setDB, type StudyDB } from './database'

export type StorageMode = 'indexeddb' | 'memory'

export interface OpenResult {
  db: StudyDB
  mode: StorageMode
  /** Why the real database could not be used. */
  error?: string
}

export async function openStudyDB(onVersionChange: () => void): Promise<OpenResult> {
  try {
    if (typeof indexedDB === 'undefined' || indexedDB === null) throw new Error('IndexedDB is not available')
    const db = createDB(undefined, { onVersionChange })
    await db.open()
    setDB(db)
    return { db, mode: 'indexeddb' }
  } catch (e) {
    // fake-indexeddb is loaded only here, so it costs nothing when IndexedDB works.
    const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb')
    const db = createDB('qwen-study-memory', { indexedDB: new IDBFactory(), IDBKeyRange })
    await db.open()
    setDB(db)
    return { db, mode: 'memory', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }
  }
}
