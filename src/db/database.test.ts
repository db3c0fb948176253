import { afterEach, describe, expect, it, vi } from 'vitest'
import Dexie from 'dexie'
import { IDBFactory as FakeIDBFactory, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb'
import { createDB, DEFAULT_DB_NAME, getDB, setDB, StudyDB } from './database'
import { makeImportedSet } from '@/domain/progress/testing'
import type { ImportedSetRecord, ReviewLogRecord } from './records'
import { getImportedQuestions, getSetQuestionIds, getSetQuestions, listImportedSetInfo, readImportedSets } from './importedQuestions'
import fc from 'fast-check'
import { DUE_SLOT_MS } from '@/domain/progress/counts'
import { bruteDaily, DAY, dumpAll, freshDB, HOUR, makeAttempt, makeCard, makeEntry, T0, importedSetsOf } from './test-utils'

// Property tests against a real (in-memory) database: well under a second when idle, several
// seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 })

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

const importedSet = makeImportedSet()

describe('createDB', () => {
  it('opens the current schema: every table with its indexes, at version 8', async () => {
    const db = track(freshDB())
    await db.open()
    expect(db.verno).toBe(8)
    const schema = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)]]),
    )
    expect(schema).toEqual({
      cards: ['questionId', 'due', 'setId', 'state', '[setId+due]', '[setId+state+stability]'],
      reviews: ['id', 'setId', '[questionId+time]'],
      attempts: ['id', 'status', 'updatedAt', '*setIds'],
      notebook: ['questionId', 'setId', '[cleared+lastWrongAt]'],
      settings: ['key'],
      archive: ['questionId'],
      importedSetInfo: ['id', 'importedAt'],
      importedQuestions: ['id', '[setId+pos]'],
      daily: ['[day+setId]', 'day', 'setId'],
      counts: ['[of+setId]'],
      dueSlots: ['slot'],
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
  it('says whether opening created the database: only a first visit does', async () => {
    const name = 'test-' + crypto.randomUUID()
    const first = track(createDB(name))
    await first.open()
    expect(first.created).toBe(true)
    first.close()
    const again = track(createDB(name))
    await again.open()
    expect(again.created).toBe(false)
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

// The schemas exactly as they shipped (frozen copies: database.ts may never edit them).
const V1_STORES = {
  cards: 'questionId, due, setId, state, [setId+due]',
  reviews: 'id, time, questionId, setId, attemptId, [questionId+time]',
  attempts: 'id, status, updatedAt, *setIds',
  notebook: 'questionId, setId, cleared, lastWrongAt, missCount, [cleared+lastWrongAt]',
  settings: 'key',
  archive: 'questionId',
}
const V2_STORES = { importedSets: 'id, importedAt, name' }
/** The stores each earlier version added or changed, in order (as database.ts declared them then). */
const OLD_VERSIONS: Record<string, string | null>[] = [
  V1_STORES,
  V2_STORES,
  { daily: '[day+setId], day, setId' },
  { cards: 'questionId, due, setId, state, [setId+due], [setId+state+stability]' },
  { reviews: 'id, time, setId, [questionId+time]', notebook: 'questionId, setId, [cleared+lastWrongAt]' },
  { importedSets: null, importedSetInfo: 'id, importedAt', importedQuestions: 'id, [setId+pos]' },
  { counts: '[of+setId]', dueSlots: 'slot' },
]
/** A connection (not yet open) to `name` with the schema of version `verno`. */
function olderDB(name: string, verno: number): Dexie {
  const db = track(new Dexie(name))
  OLD_VERSIONS.slice(0, verno).forEach((stores, i) => db.version(i + 1).stores(stores))
  return db
}

describe('schema upgrade', () => {
  it('opens a version-1 database with every record intact, adds importedSets and counts the daily stats', async () => {
    const name = 'test-' + crypto.randomUUID()
    const v1 = olderDB(name, 1)
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
    expect(db.verno).toBe(8)
    const dump = await dumpAll(db)
    const daily = [{ day: '2026-01-01', setId: 'set-a', reviews: 2, correct: 0, durationMs: 8000, retentionTotal: 0, retentionPass: 0, newCards: 2 }]
    expect(dump).toEqual({ ...records, importedSets: [], daily })
    // The indexes still answer queries on the old records.
    expect(await db.cards.where('[setId+due]').between(['set-a', Dexie.minKey], ['set-a', T0], true, true).count()).toBe(1)
    expect(await db.attempts.where('setIds').equals('set-a').count()).toBe(1)
    await importedSetsOf(db).add(importedSet)
    expect((await importedSetsOf(db).get('mine'))?.name).toBe('My set')
  })
})

describe('schema upgrade to version 3 (daily stats)', () => {
  /** A version-2 database as the app left it, written with raw Dexie. */
  async function writeV2(name: string, tables: Record<string, unknown[]>): Promise<void> {
    const v2 = olderDB(name, 2)
    for (const [table, rows] of Object.entries(tables)) await v2.table(table).bulkAdd(rows)
    v2.close()
  }

  it('counts the daily rows of a random log exactly as a brute-force count does, and keeps every record', async () => {
    const entry = fc.record({
      q: fc.constantFrom('q1', 'q2', 'q3', 'q4'),
      set: fc.constantFrom('set-a', 'set-b'),
      // Minutes over ten days: several reviews of a question on one day, and days apart.
      minute: fc.integer({ min: 0, max: 10 * 24 * 60 }),
      isNew: fc.boolean(),
      grade: fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4),
      correct: fc.boolean(),
      durationMs: fc.nat(600_000),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { maxLength: 60 }), async (entries) => {
        const name = 'test-' + crypto.randomUUID()
        const reviews = entries.map((e, i) => ({
          ...review(`r${String(i).padStart(3, '0')}`),
          questionId: e.q,
          setId: e.set,
          time: T0 + e.minute * 60_000,
          grade: e.grade,
          correct: e.correct,
          durationMs: e.durationMs,
          cardBefore: e.isNew ? null : makeCard({ questionId: e.q }),
        }))
        const records = { reviews, cards: [makeCard()], importedSets: [importedSet] }
        await writeV2(name, records)
        const db = track(createDB(name))
        try {
          const dump = await dumpAll(db)
          expect(db.verno).toBe(8)
          expect(dump.daily).toEqual(bruteDaily(reviews))
          expect(dump).toMatchObject(records)
        } finally {
          db.close()
          await db.delete()
        }
      }),
      { numRuns: 25 },
    )
  })

  it('reads a log of several pages (5,000 entries each)', async () => {
    const name = 'test-' + crypto.randomUUID()
    const reviews = Array.from({ length: 10_000 }, (_, i) => ({
      ...review(`r${String(i).padStart(6, '0')}`),
      questionId: `q${i % 700}`,
      time: T0 + i * 7 * 60_000,
      grade: ((i % 4) + 1) as 1 | 2 | 3 | 4,
      cardBefore: i < 700 ? null : makeCard(),
    }))
    await writeV2(name, { reviews })
    const db = track(createDB(name))
    expect(await db.daily.toArray()).toEqual(bruteDaily(reviews))
    expect((await db.daily.toArray()).reduce((n, r) => n + r.reviews, 0)).toBe(10_000)
    db.close()
    await db.delete()
    // Two pages need 10,000 rows: about a second on an idle machine, several on a busy one.
  }, 30_000)

  it('gives an empty daily table for an empty log', async () => {
    const name = 'test-' + crypto.randomUUID()
    await writeV2(name, { cards: [makeCard({ due: T0 + HOUR })] })
    const db = track(createDB(name))
    expect(await db.daily.count()).toBe(0)
    expect(await db.cards.count()).toBe(1)
  })
})

describe('schema upgrade to version 4 (per-set card counts, new questions per day)', () => {
  it('indexes the cards already stored, recounts the daily rows, and keeps every record', async () => {
    const name = 'test-' + crypto.randomUUID()
    const v3 = olderDB(name, 3)
    const cards = [
      makeCard({ questionId: 'q1', state: 2, stability: 30 }),
      makeCard({ questionId: 'q2', state: 2, stability: 3 }),
      makeCard({ questionId: 'q3', state: 1 }),
      makeCard({ questionId: 'q4', setId: 'set-b', state: 2, stability: 21 }),
    ]
    await v3.table('cards').bulkAdd(cards)
    const reviews = [review('r1'), { ...review('r2'), time: T0 + HOUR, cardBefore: makeCard() }]
    await v3.table('reviews').bulkAdd(reviews)
    // A row as version 3 counted it: no count of new questions.
    await v3.table('daily').add({ day: '2026-01-01', setId: 'set-a', reviews: 2, correct: 0, durationMs: 8000, retentionTotal: 0, retentionPass: 0 })
    v3.close()

    const db = track(createDB(name))
    await db.open()
    expect(db.verno).toBe(8)
    expect(await db.cards.toArray()).toEqual(cards)
    expect(await db.reviews.toArray()).toEqual(reviews)
    // Recounted from the log, with the new questions started that day.
    expect(await db.daily.toArray()).toEqual(bruteDaily(reviews))
    expect((await db.daily.toArray())[0]).toMatchObject({ reviews: 2, newCards: 1 })
    expect(await db.cards.where('[setId+state+stability]').between(['set-a', 2, 21], ['set-a', 2, Dexie.maxKey]).count()).toBe(1)
    expect(await db.cards.where('[setId+state+stability]').between(['set-b', 2, 21], ['set-b', 2, Dexie.maxKey], true, true).count()).toBe(1)
  })
})

describe('schema upgrade to version 5 (fewer indexes per answer)', () => {
  it('drops the unused indexes, keeps every record, and the log is still found by question', async () => {
    const name = 'test-' + crypto.randomUUID()
    const v4 = olderDB(name, 4)
    const reviews = [review('r1'), { ...review('r2'), questionId: 'q2', time: T0 + HOUR }, { ...review('r3'), time: T0 + 2 * HOUR }]
    await v4.table('reviews').bulkAdd(reviews)
    const entries = [makeEntry(), makeEntry({ questionId: 'q2', cleared: 1 })]
    await v4.table('notebook').bulkAdd(entries)
    v4.close()

    const db = track(createDB(name))
    await db.open()
    expect(db.verno).toBe(8)
    expect(await db.reviews.toArray()).toEqual(reviews)
    expect(await db.notebook.toArray()).toEqual(entries)
    const idb = db.backendDB()
    const tx = idb.transaction(['reviews', 'notebook'])
    // (The time index went too, in version 8.)
    expect([...tx.objectStore('reviews').indexNames].sort()).toEqual(['[questionId+time]', 'setId'])
    expect([...tx.objectStore('notebook').indexNames].sort()).toEqual(['[cleared+lastWrongAt]', 'setId'])
    // Queries by question alone read the front of the compound index.
    expect((await db.reviews.where('questionId').equals('q1').primaryKeys()).sort()).toEqual(['r1', 'r3'])
    expect((await db.reviews.where('questionId').anyOf(['q2', 'nope']).primaryKeys()).sort()).toEqual(['r2'])
  })
})

describe('schema upgrade to version 6 (imported sets: an info row and a row per question)', () => {
  /** A set of `n` questions as a learner's import stored it before version 6. */
  function bigSet(id: string, n: number, importedAt: number): ImportedSetRecord {
    const questions = Array.from({ length: n }, (_, i) => ({ ...importedSet.set.questions[0]!, id: `${id}-q${i}` }))
    return { ...importedSet, id, name: `Set ${id}`, importedAt, updatedAt: importedAt + 1, set: { ...importedSet.set, id, description: { zh: '说明', en: 'About' }, questions } }
  }

  it('moves every imported set over intact, drops the old table, and finds questions by id and by set', async () => {
    const name = 'test-' + crypto.randomUUID()
    const v5 = olderDB(name, 5)
    const sets = [bigSet('imp-b', 3, T0 + HOUR), bigSet('imp-a', 250, T0), importedSet]
    await v5.table('importedSets').bulkAdd(sets)
    await v5.table('cards').bulkAdd([makeCard({ questionId: 'imp-a-q7', setId: 'imp-a' })])
    v5.close()

    const db = track(createDB(name))
    await db.open()
    expect(db.verno).toBe(8)
    expect([...db.backendDB().objectStoreNames]).not.toContain('importedSets')
    // Every set comes back exactly as it was stored (by id, as the old table listed them).
    const byId = (a: ImportedSetRecord, b: ImportedSetRecord) => a.id.localeCompare(b.id)
    expect(await readImportedSets(db)).toEqual([...sets].sort(byId))
    expect((await dumpAll(db)).cards).toEqual([makeCard({ questionId: 'imp-a-q7', setId: 'imp-a' })])
    // The info rows: what a list shows, without the questions.
    const info = await listImportedSetInfo(db)
    // Oldest import first (two imported at the same time: by id).
    expect(info.map((r) => [r.id, r.count, r.name])).toEqual([
      ['imp-a', 250, 'Set imp-a'],
      ['mine', 1, 'My set'],
      ['imp-b', 3, 'Set imp-b'],
    ])
    expect(info[0]!.typeCounts).toEqual({ [importedSet.set.questions[0]!.type]: 250 })
    expect(info[0]!.set).toEqual({ ...sets[1]!.set, questions: [] })
    // Questions by id and by set, in the set's order.
    expect((await getImportedQuestions(db, ['imp-a-q42', 'nope', 'm1'])).map((e) => [e.question.id, e.setId])).toEqual([
      ['imp-a-q42', 'imp-a'],
      ['m1', 'mine'],
    ])
    expect(await getSetQuestionIds(db, 'imp-b')).toEqual(['imp-b-q0', 'imp-b-q1', 'imp-b-q2'])
    expect((await getSetQuestions(db, 'imp-a')).map((q) => q.id)).toEqual(sets[1]!.set.questions.map((q) => q.id))
  })

  it('opens a version-5 database without imported sets', async () => {
    const name = 'test-' + crypto.randomUUID()
    const v5 = olderDB(name, 5)
    await v5.table('cards').bulkAdd([makeCard()])
    v5.close()
    const db = track(createDB(name))
    expect(await dumpAll(db)).toMatchObject({ cards: [makeCard()], importedSets: [] })
    expect(await db.importedQuestions.count()).toBe(0)
  })
})

describe('schema upgrade to version 8 (the log without its time index)', () => {
  it('keeps every log entry and the queries by question and by set', async () => {
    const name = 'test-' + crypto.randomUUID()
    const v7 = olderDB(name, 7)
    const reviews = [review('r1'), { ...review('r2'), time: T0 + HOUR }, { ...review('r3'), setId: 'set-b' }]
    await v7.table('reviews').bulkAdd(reviews)
    v7.close()

    const db = track(createDB(name))
    await db.open()
    expect(db.verno).toBe(8)
    expect(db.reviews.schema.indexes.map((i) => i.src)).toEqual(['setId', '[questionId+time]'])
    expect(await db.reviews.toArray()).toEqual(reviews)
    expect(await db.reviews.where('setId').equals('set-b').primaryKeys()).toEqual(['r3'])
    expect(await db.reviews.where('[questionId+time]').between([reviews[1]!.questionId, T0 + 1], [reviews[1]!.questionId, Dexie.maxKey]).primaryKeys()).toEqual(['r2'])
  })
})

describe('schema upgrade to version 7 (running counts of cards and log entries)', () => {
  it("counts each set's cards, learning, young and mature, and the log's entries, and keeps every record", async () => {
    const name = 'test-' + crypto.randomUUID()
    const v6 = olderDB(name, 6)
    const cards = [
      makeCard({ questionId: 'q1', state: 2, stability: 30 }),
      makeCard({ questionId: 'q2', state: 2, stability: 3 }),
      makeCard({ questionId: 'q3', state: 1 }),
      makeCard({ questionId: 'q4', state: 3, stability: 0.5 }),
      makeCard({ questionId: 'q5', setId: 'set-b', state: 2, stability: 21 }),
      makeCard({ questionId: 'q6', setId: 'set-b', state: 0, due: T0 + DAY + 20 * 60_000 }),
      // Not a key in the state index: one of its set's cards, in no bucket.
      makeCard({ questionId: 'q7', setId: 'set-c', state: 2, stability: Number.NaN }),
    ]
    await v6.table('cards').bulkAdd(cards)
    const reviews = [review('r1'), { ...review('r2'), time: T0 + HOUR }, { ...review('r3'), setId: 'set-b' }]
    await v6.table('reviews').bulkAdd(reviews)
    v6.close()

    const db = track(createDB(name))
    await db.open()
    expect(db.verno).toBe(8)
    expect(await db.cards.toArray()).toEqual(cards)
    expect(await db.reviews.toArray()).toEqual(reviews)
    expect(await db.counts.toArray()).toEqual([
      { of: 'cards', setId: 'set-a', total: 4, learning: 2, young: 1, mature: 1 },
      { of: 'cards', setId: 'set-b', total: 2, learning: 0, young: 0, mature: 1 },
      { of: 'cards', setId: 'set-c', total: 1, learning: 0, young: 0, mature: 0 },
      { of: 'reviews', setId: '', total: 3 },
    ])
    // Cards due per quarter hour: all at T0 but one.
    expect(await db.dueSlots.toArray()).toEqual([
      { slot: T0 / DUE_SLOT_MS, cards: 6 },
      { slot: (T0 + DAY) / DUE_SLOT_MS + 1, cards: 1 },
    ])
    // From then on every write keeps them.
    await db.cards.delete('q1')
    expect(await db.counts.get(['cards', 'set-a'])).toEqual({ of: 'cards', setId: 'set-a', total: 3, learning: 2, young: 1, mature: 0 })
  })

  it('opens an empty version-6 database with an empty counts table', async () => {
    const name = 'test-' + crypto.randomUUID()
    const v6 = olderDB(name, 6)
    await v6.open()
    v6.close()
    const db = track(createDB(name))
    await db.open()
    expect(await db.counts.count()).toBe(0)
    expect(await db.dueSlots.count()).toBe(0)
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
    newer.version(9).stores({ cards: 'questionId' })
    await newer.open() // would hang (blocked) if the first connection stayed open

    expect(onVersionChange).toHaveBeenCalledTimes(1)
    expect(onVersionChange.mock.calls[0]![0]).toMatchObject({ oldVersion: 80, newVersion: 90 })
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
    await importedSetsOf(db).put(importedSet)
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
