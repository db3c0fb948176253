import { describe, expect, it } from 'vitest'
import { IDBFactory } from 'fake-indexeddb'
import { createDB } from './database'
import { databaseExists, nativeIndexedDB, settleUnreadableIndexedDB } from './exists'

describe('databaseExists', () => {
  it('is false before the database is first opened and true after, without opening it itself', async () => {
    const factory = new IDBFactory()
    expect(await databaseExists('study', factory)).toBe(false)
    // Asking must not create it.
    expect(await databaseExists('study', factory)).toBe(false)
    const db = createDB('study', { indexedDB: factory, IDBKeyRange })
    await db.open()
    db.close()
    expect(await databaseExists('study', factory)).toBe(true)
    expect(await databaseExists('other', factory)).toBe(false)
  })

  it('cannot tell (undefined) without indexedDB, without databases(), or when asking throws', async () => {
    expect(await databaseExists('study', null)).toBeUndefined()
    const old = { open: () => null } as unknown as IDBFactory
    expect(await databaseExists('study', old)).toBeUndefined()
    const refusing = {
      databases: () => Promise.reject(new DOMException('blocked', 'SecurityError')),
    } as unknown as IDBFactory
    expect(await databaseExists('study', refusing)).toBeUndefined()
  })
})

describe('settleUnreadableIndexedDB', () => {
  it('makes an indexedDB that throws when read plainly absent, and leaves a readable one alone', () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')!
    const readable = globalThis.indexedDB
    try {
      settleUnreadableIndexedDB()
      expect(globalThis.indexedDB).toBe(readable)
      Object.defineProperty(globalThis, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('blocked', 'SecurityError')
        },
      })
      expect(nativeIndexedDB()).toBeNull()
      settleUnreadableIndexedDB()
      expect(globalThis.indexedDB).toBeUndefined()
      expect(nativeIndexedDB()).toBeNull()
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', original)
    }
  })
})
