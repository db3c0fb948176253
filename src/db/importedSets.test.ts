import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Response } from '@/domain/content/response'
import { parseImport } from '@/domain/import'
import type { QuestionSet } from '@/domain/content/schema'
import type { StudyDB } from './database'
import {
  deleteImportedSet,
  ImportedSetError,
  renameImportedSet,
  saveImportedSet,
} from './importedSets'
import { getSetQuestionIds, importedQuestionIds, readImportedSets } from './importedQuestions'
import { createAttempt, recordAnswer } from './progress'
import { DEFAULT_SETTINGS } from './records'
import { DAY, dumpAll, expectedDaily, freshDBEachTest, makeAttempt, makeCard, makeEntry, MIN, T0, importedSetsOf } from './test-utils'

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh))
afterEach(() => {
  vi.restoreAllMocks()
})

function importedSet(prefix: string, rows = 'cat\tchat\ndog\tchien\n'): QuestionSet {
  const result = parseImport(rows, { format: 'csv', idPrefix: prefix })
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.set
}

const WRONG: Response = { type: 'flashcard', grade: 1 }

async function study(setId: string, questionId: string, attemptId: string | null, now: number): Promise<void> {
  await recordAnswer(
    db,
    { questionId, setId, mode: 'practice', answer: WRONG, correct: false, grade: 1, durationMs: 1000, now, attemptId },
    DEFAULT_SETTINGS,
  )
}

describe('saveImportedSet', () => {
  it('saves the set under its id prefix and returns that id', async () => {
    const set = importedSet('imp-one')
    const id = await saveImportedSet(db, { name: '  My deck  ', set }, T0)
    expect(id).toBe('imp-one')
    expect(await importedSetsOf(db).get(id)).toEqual({ id, name: 'My deck', importedAt: T0, updatedAt: T0, set })
  })

  it('refuses a second set with the same id, an empty name and an invalid set, saving nothing', async () => {
    const set = importedSet('imp-one')
    await saveImportedSet(db, { name: 'A', set }, T0)
    const before = await dumpAll(db)
    await expect(saveImportedSet(db, { name: 'B', set }, T0 + MIN)).rejects.toMatchObject({ code: 'exists' })
    await expect(saveImportedSet(db, { name: '   ', set: importedSet('imp-two') }, T0)).rejects.toMatchObject({
      code: 'invalid',
    })
    await expect(
      saveImportedSet(db, { name: 'C', set: { ...importedSet('imp-three'), questions: [] } }, T0),
    ).rejects.toThrow(ImportedSetError)
    expect(await dumpAll(db)).toEqual(before)
  })

  it('brings back progress archived under its question ids', async () => {
    const set = importedSet('imp-one')
    const qid = set.questions[0]!.id
    await db.archive.put({
      questionId: qid,
      archivedAt: T0,
      card: makeCard({ questionId: qid, setId: 'gone' }),
      notebook: makeEntry({ questionId: qid, setId: 'gone' }),
    })
    await saveImportedSet(db, { name: 'A', set }, T0 + DAY)
    expect(await db.archive.count()).toBe(0)
    expect(await db.cards.get(qid)).toMatchObject({ setId: 'imp-one' })
    expect(await db.notebook.get(qid)).toMatchObject({ setId: 'imp-one' })
  })

  it('saves nothing when a write fails mid-transaction', async () => {
    const set = importedSet('imp-one')
    const qid = set.questions[0]!.id
    await db.archive.put({ questionId: qid, archivedAt: T0, card: makeCard({ questionId: qid }), notebook: null })
    const before = await dumpAll(db)
    const add = vi.spyOn(db.importedSetInfo, 'add')
    // The archive clean-up is the last write: the set and the restored card are already written.
    vi.spyOn(db.archive, 'bulkDelete').mockRejectedValueOnce(new Error('disk full'))
    await expect(saveImportedSet(db, { name: 'A', set }, T0)).rejects.toThrow('disk full')
    expect(add).toHaveBeenCalledTimes(1)
    expect(await dumpAll(db)).toEqual(before)
    expect(await readImportedSets(db)).toEqual([])
  })

  it('stores a plain copy (no proxies, no later mutation)', async () => {
    const set = importedSet('imp-one')
    await saveImportedSet(db, { name: 'A', set }, T0)
    set.questions.pop()
    expect((await importedSetsOf(db).get('imp-one'))?.set.questions).toHaveLength(4)
  })
})

describe('importedQuestionIds', () => {
  it('lists every imported question with its set, set by set, in each set’s order', async () => {
    expect(await importedQuestionIds(db)).toEqual([])
    await saveImportedSet(db, { name: 'B', set: importedSet('imp-b', 'one\ttwo\n') }, T0)
    await saveImportedSet(db, { name: 'A', set: importedSet('imp-a') }, T0)
    const a = (await getSetQuestionIds(db, 'imp-a')).map((id) => ({ id, setId: 'imp-a' }))
    const b = (await getSetQuestionIds(db, 'imp-b')).map((id) => ({ id, setId: 'imp-b' }))
    expect(a).toHaveLength(4)
    expect(b).toHaveLength(2)
    expect(await importedQuestionIds(db)).toEqual([...a, ...b])
  })
})

describe('renameImportedSet', () => {
  it('renames and stamps updatedAt', async () => {
    await saveImportedSet(db, { name: 'A', set: importedSet('imp-one') }, T0)
    expect(await renameImportedSet(db, 'imp-one', ' New name ', T0 + DAY)).toBe(true)
    expect(await importedSetsOf(db).get('imp-one')).toMatchObject({ name: 'New name', importedAt: T0, updatedAt: T0 + DAY })
  })

  it('returns false for a set that does not exist and refuses an empty or overlong name', async () => {
    expect(await renameImportedSet(db, 'missing', 'X', T0)).toBe(false)
    await saveImportedSet(db, { name: 'A', set: importedSet('imp-one') }, T0)
    await expect(renameImportedSet(db, 'imp-one', ' ', T0)).rejects.toMatchObject({ code: 'invalid' })
    await expect(renameImportedSet(db, 'imp-one', 'x'.repeat(201), T0)).rejects.toMatchObject({ code: 'invalid' })
    expect((await importedSetsOf(db).get('imp-one'))?.name).toBe('A')
  })
})

describe('deleteImportedSet', () => {
  async function twoStudiedSets(): Promise<{ one: QuestionSet; two: QuestionSet }> {
    const one = importedSet('imp-one')
    const two = importedSet('imp-two')
    await saveImportedSet(db, { name: 'One', set: one }, T0)
    await saveImportedSet(db, { name: 'Two', set: two }, T0 + 1)
    await createAttempt(db, makeAttempt({ id: 'only-one', setIds: ['imp-one'], questionIds: [one.questions[0]!.id] }))
    await createAttempt(db, makeAttempt({ id: 'only-two', setIds: ['imp-two'], questionIds: [two.questions[0]!.id] }))
    await createAttempt(
      db,
      makeAttempt({ id: 'both', setIds: ['imp-one', 'imp-two'], questionIds: [one.questions[1]!.id, two.questions[1]!.id] }),
    )
    await study('imp-one', one.questions[0]!.id, 'only-one', T0 + MIN)
    await study('imp-one', one.questions[1]!.id, 'both', T0 + 2 * MIN)
    await study('imp-two', two.questions[0]!.id, 'only-two', T0 + 3 * MIN)
    await study('imp-two', two.questions[1]!.id, 'both', T0 + 4 * MIN)
    const gone = one.questions[2]!.id
    await db.archive.put({ questionId: gone, archivedAt: T0, card: makeCard({ questionId: gone, setId: 'imp-one' }), notebook: null })
    await db.archive.put({ questionId: 'elsewhere', archivedAt: T0, card: null, notebook: makeEntry({ questionId: 'elsewhere', setId: 'imp-one' }) })
    return { one, two }
  }

  it('deletes the set with its cards, log, notebook, archive rows and its own attempts', async () => {
    await twoStudiedSets()
    const summary = await deleteImportedSet(db, 'imp-one')
    expect(summary).toEqual({ cards: 2, reviews: 2, notebook: 2, archive: 2, attempts: 1, daily: 1 })
    expect(await importedSetsOf(db).get('imp-one')).toBeUndefined()
    expect(await db.cards.where('setId').equals('imp-one').count()).toBe(0)
    expect(await db.reviews.where('setId').equals('imp-one').count()).toBe(0)
    expect(await db.notebook.where('setId').equals('imp-one').count()).toBe(0)
    expect(await db.archive.count()).toBe(0)
    expect((await db.attempts.toArray()).map((a) => a.id).sort()).toEqual(['both', 'only-two'])
    expect(await db.daily.where('setId').equals('imp-one').count()).toBe(0)
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
    expect((await db.daily.toArray()).map((r) => r.setId)).toEqual(['imp-two'])
  })

  it('recounts the daily stats when entries of the set were filed under another set id, or the other way round', async () => {
    const { one } = await twoStudiedSets()
    const q = one.questions[3]!.id
    // One of its questions answered under another set (e.g. before it moved here)...
    await study('elsewhere', q, null, T0 + 5 * MIN)
    // ...and a question of another set answered under this one, then under its own set that day.
    await study('imp-one', 'stray', null, T0 + DAY)
    await study('elsewhere', 'stray', null, T0 + DAY + MIN)
    expect(await db.daily.get(['2026-01-02', 'elsewhere'])).toMatchObject({ reviews: 1, retentionTotal: 0 })

    await deleteImportedSet(db, 'imp-one')
    expect(await db.reviews.where('questionId').equals(q).count()).toBe(0)
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
    expect(await db.daily.get(['2026-01-01', 'elsewhere'])).toBeUndefined()
    // The remaining review of 'stray' is now its first that day: it counts for retention.
    expect(await db.daily.get(['2026-01-02', 'elsewhere'])).toMatchObject({ reviews: 1, retentionTotal: 1, retentionPass: 0 })
    expect((await db.reviews.where('questionId').equals('stray').first())?.daily).toEqual({ day: '2026-01-02', firstOfDay: true })
  })

  it("leaves other sets' progress untouched", async () => {
    await twoStudiedSets()
    const otherRows = async () => ({
      set: await importedSetsOf(db).get('imp-two'),
      cards: await db.cards.where('setId').equals('imp-two').toArray(),
      reviews: await db.reviews.where('setId').equals('imp-two').toArray(),
      notebook: await db.notebook.where('setId').equals('imp-two').toArray(),
      attempts: await db.attempts.where('setIds').equals('imp-two').toArray(),
      daily: await db.daily.where('setId').equals('imp-two').toArray(),
    })
    const before = await otherRows()
    expect(before.cards).toHaveLength(2)
    await deleteImportedSet(db, 'imp-one')
    expect(await otherRows()).toEqual(before)
  })

  it('returns null and changes nothing for an unknown id', async () => {
    await twoStudiedSets()
    const before = await dumpAll(db)
    expect(await deleteImportedSet(db, 'missing')).toBeNull()
    expect(await dumpAll(db)).toEqual(before)
  })

  it('deletes nothing when a write fails mid-transaction', async () => {
    await twoStudiedSets()
    const before = await dumpAll(db)
    vi.spyOn(db.attempts, 'bulkDelete').mockRejectedValueOnce(new Error('disk full'))
    await expect(deleteImportedSet(db, 'imp-one')).rejects.toThrow('disk full')
    expect(await dumpAll(db)).toEqual(before)
  })
})

