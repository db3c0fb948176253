import { afterEach, describe, expect, it, vi } from 'vitest'
import { Dexie } from './database'
import { openStudyDB } from './boot'

const realFactory = Dexie.dependencies.indexedDB
const realKeyRange = Dexie.dependencies.IDBKeyRange

afterEach(() => {
  vi.unstubAllGlobals()
  // The fallback hands Dexie its in-memory factory: give the next test the usual one back.
  Dexie.dependencies.indexedDB = realFactory
  Dexie.dependencies.IDBKeyRange = realKeyRange
})

describe('openStudyDB', () => {
  it('opens the real database when IndexedDB works', async () => {
    const { db, mode, error } = await openStudyDB(() => {})
    expect(mode).toBe('indexeddb')
    expect(error).toBeUndefined()
    await db.settings.put({ key: 'probe', value: 1 })
    expect((await db.settings.get('probe'))?.value).toBe(1)
    db.close()
    await db.delete()
  })

  it('falls back to an in-memory database, with the reason, when IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const { db, mode, error } = await openStudyDB(() => {})
    expect(mode).toBe('memory')
    expect(error).toMatch(/IndexedDB is not available/)
    await db.cards.put({
      questionId: 'q', setId: 's', due: 1, stability: 1, difficulty: 1, elapsedDays: 0, scheduledDays: 0,
      learningSteps: 0, reps: 1, lapses: 0, state: 1, lastReview: 0,
    })
    expect(await db.cards.count()).toBe(1)
    db.close()
  })

  it('falls back when opening fails (storage blocked), keeping the error for the banner', async () => {
    const failing = {
      open: () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError')
      },
    }
    // Dexie reads the factory it found at load time, so the refusal goes there.
    Dexie.dependencies.indexedDB = {
      open: failing.open,
      deleteDatabase: realFactory.deleteDatabase.bind(realFactory),
      cmp: realFactory.cmp.bind(realFactory),
      databases: realFactory.databases.bind(realFactory),
    } as IDBFactory
    const { mode, error, db } = await openStudyDB(() => {})
    expect(mode).toBe('memory')
    expect(error).toMatch(/SecurityError|denied|Missing API/)
    db.close()
  })
})
