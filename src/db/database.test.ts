import { afterEach, describe, expect, it, vi } from 'vitest'
import Dexie from 'dexie'
import { IDBFactory as FakeIDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb'
import { createDB, DEFAULT_DB_NAME, getDB, setDB, StudyDB } from './database'
import type { ImportedSetRecord, ReviewLogRecord } from './records'
import { DAY, dumpAll, freshDB, makeAttempt, makeCard, makeEntry, T0 } from './test-utils'

const open: Dexie[] = []
function track<T extends Dexie>(db: T): T {
  open.push(db)
  return db
}
afterEach(() => {
  for (const db of open.splice(0)) db.close()
})

const review = (id: string): ReviewLogRecord => ({
  id,
  questionId: 'q1',
  setId: 'set-a',
  time: T0,
  mode: 'practice',
  correct: false,
  overridden: false,
  answer: { type: 'single', choice: 'b' },
  grade: 1,
  durationMs: 4000,
  cardBefore: null,
  notebookBefore: null,
  attemptId: 'attempt-1',
})

const importedSet: ImportedSetRecord = {
  id: 'mine',
  name: 'My set',
  importedAt: T0,
  updatedAt: T0,
  set: {
    id: 'mine',
    title: { zh: '我的', en: 'Mine' },
    keyPoints: [{ zh: '要点', en: 'Point' }],
    questions: [
      {
        id: 'm1',
        type: 'truefalse',
        prompt: { zh: '对吗', en: 'True?' },
        explanation: { zh: '对', en: 'Yes' },
        answer: true,
      },
    ],
  },
}

describe('createDB', () => {
  it('opens the current schema: every table with its indexes, at version 2', async () => {
    const db = track(freshDB())
    await db.open()
    expect(db.verno).toBe(2)
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.keyPath, ...t.schema.indexes.map((i) => i.src)]]),
    )
    expect(schema).toEqual({
      cards: ['questionId', 'due', 'setId', 'state', '[setId+due]'],
      reviews: ['id', 'time', 'questionId', 'setId', 'attemptId', '[questionId+time]'],
      attempts: ['id', 'status', 'updatedAt', '*setIds'],
      notebook: ['questionId', 'setId', 'cleared', 'lastWrongAt', 'missCount', '[cleared+lastWrongAt]'],
      settings: ['key'],
      archive: ['questionId'],
      importedSets: ['id', 'importedAt', 'name'],
    })
  })

  it('is named qwen-study by default', () => {
    const db = track(createDB())
    expect(db.name).toBe(DEFAULT_DB_NAME)
    expect(db.name).toBe('qwen-study')
    expect(db).toBeInstanceOf(StudyDB)
  })

  it('uses the IndexedDB implementation it is given', async () => {
    const factory = new FakeIDBFactory()
    const name = 'test-' + crypto.randomUUID()
    const isolated = track(createDB(name, { indexedDB: factory, IDBKeyRange: FakeIDBKeyRange }))
    await isolated.cards.put(makeCard())
    // The global IndexedDB has no such database: the record lives in the injected factory only.
    const global = track(createDB(name))
    expect(await global.cards.count()).toBe(0)
    expect(await isolated.cards.count()).toBe(1)
    expect((await factory.databases()).map((d) => d.name)).toContain(name)
  })
})

describe('getDB / setDB', () => {
  it('creates the default database once, and swaps in another one', () => {
    const first = track(getDB())
    expect(getDB()).toBe(first)
    expect(first.name).toBe('qwen-study')
    const other = track(freshDB())
    setDB(other)
    expect(getDB()).toBe(other)
  })
})

describe('schema upgrade', () => {
  it('opens a version-1 database with every record intact and adds importedSets', async () => {
    const name = 'test-' + crypto.randomUUID()
    // The v1 schema exactly as it shipped (a frozen copy: database.ts may never edit it).
    const v1 = track(new Dexie(name))
    v1.version(1).stores({
      cards: 'questionId, due, setId, state, [setId+due]',
      reviews: 'id, time, questionId, setId, attemptId, [questionId+time]',
      attempts: 'id, status, updatedAt, *setIds',
      notebook: 'questionId, setId, cleared, lastWrongAt, missCount, [cleared+lastWrongAt]',
      settings: 'key',
      archive: 'questionId',
    })
    const records = {
      cards: [makeCard(), makeCard({ questionId: 'q2', due: T0 + DAY })],
      reviews: [review('r1'), review('r2')],
      attempts: [makeAttempt()],
      notebook: [makeEntry()],
      settings: [{ key: 'locale', value: 'zh' }, { key: 'settings', value: { retention: 0.85 } }], // key order
      archive: [{ questionId: 'gone', archivedAt: T0, card: makeCard({ questionId: 'gone' }), notebook: null }],
    }
    for (const [table, rows] of Object.entries(records)) await v1.table(table).bulkAdd(rows)
    v1.close()

    const db = track(createDB(name))
    await db.open()
    expect(db.verno).toBe(2)
    const dump = await dumpAll(db)
    expect(dump).toEqual({ ...records, importedSets: [] })
    // The indexes still answer queries on the old records.
    expect(await db.cards.where('[setId+due]').between(['set-a', Dexie.minKey], ['set-a', T0], true, true).count()).toBe(1)
    expect(await db.attempts.where('setIds').equals('set-a').count()).toBe(1)
    await db.importedSets.add(importedSet)
    expect(await db.importedSets.where('name').equals('My set').count()).toBe(1)
  })
})

describe('another tab upgrading (versionchange)', () => {
  it('closes this connection and tells the app, so the upgrade is not blocked', async () => {
    const name = 'test-' + crypto.randomUUID()
    const onVersionChange = vi.fn()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const db = track(createDB(name, { onVersionChange }))
    await db.cards.put(makeCard())

    const newer = track(new Dexie(name))
    newer.version(3).stores({ cards: 'questionId' })
    await newer.open() // would hang (blocked) if the first connection stayed open

    expect(onVersionChange).toHaveBeenCalledTimes(1)
    expect(onVersionChange.mock.calls[0]![0]).toMatchObject({ oldVersion: 20, newVersion: 30 })
    expect(db.isOpen()).toBe(false)
    await expect(db.cards.count()).rejects.toThrow()
    expect(await newer.table('cards').count()).toBe(1)
    expect(warn).not.toHaveBeenCalled()
    warn.mockRestore()
  })
})

describe('durability', () => {
  it('keeps everything across a forced close and reopen', async () => {
    const db = track(freshDB())
    await db.cards.put(makeCard())
    await db.reviews.put(review('r1'))
    await db.importedSets.put(importedSet)
    const before = await dumpAll(db)
    db.close()
    await db.open()
    expect(await dumpAll(db)).toEqual(before)
    db.close()
    const again = track(createDB(db.name))
    expect(await dumpAll(again)).toEqual(before)
  })

  it('leaves nothing behind when a transaction throws after writing', async () => {
    const db = track(freshDB())
    await expect(
      db.transaction('rw', [db.cards, db.reviews], async () => {
        await db.cards.put(makeCard())
        await db.reviews.put(review('r1'))
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await db.cards.count()).toBe(0)
    expect(await db.reviews.count()).toBe(0)
  })

  it('leaves nothing behind when a transaction is aborted', async () => {
    const db = track(freshDB())
    await expect(
      db.transaction('rw', [db.cards, db.reviews], async () => {
        await db.cards.put(makeCard())
        Dexie.currentTransaction.abort()
      }),
    ).rejects.toThrow()
    expect(await db.cards.count()).toBe(0)
  })
})
