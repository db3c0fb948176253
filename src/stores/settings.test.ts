import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { exportProgress } from '@/db/backup'
import type { StudyDB } from '@/db/database'
import type { ImportedSetRecord } from '@/db/records'
import { dumpAll, freshDB, freshDBEachTest, importedSetsOf, makeCard, T0 } from '@/db/test-utils'
import { makeImportedSet } from '@/domain/progress/testing'
import { backupFileName, useSettingsStore } from './settings'

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
vi.mock('virtual:question-index', () => ({
  default: [
    { id: 'figures', title: { zh: '数字', en: 'Figures' }, questions: ['figures-1'] },
    // The questions these tests' progress is for (a backup's progress for any other goes to the archive).
    { id: 'set-a', title: { zh: '甲', en: 'A' }, questions: ['q1', 'q9', 'mine'] },
  ],
}))

const L = (s: string) => ({ zh: s, en: s })
const importedSet = makeImportedSet()

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh), { open: true, app: true })
beforeEach(() => {
  setActivePinia(createPinia())
})

async function backupWithCard(questionId: string): Promise<string> {
  const other = freshDB()
  await other.cards.put(makeCard({ questionId }))
  const text = JSON.stringify(await exportProgress(other, T0))
  other.close()
  await other.delete()
  return text
}

describe('backupFileName', () => {
  it('names the file by the local date', () => {
    expect(backupFileName(new Date(2026, 0, 5, 23, 30).getTime())).toBe('qwen-study-backup-2026-01-05.json')
    expect(backupFileName(new Date(2026, 11, 31, 0, 1).getTime())).toBe('qwen-study-backup-2026-12-31.json')
  })
})

describe('useSettingsStore import', () => {
  it('imports at once into a database without progress, keeping the imported question sets', async () => {
    await importedSetsOf(db).add(importedSet)
    const result = await useSettingsStore().startImport(await backupWithCard('q9'))
    expect(result).toEqual({ status: 'done', notes: [] })
    expect(await db.cards.count()).toBe(1)
    expect(await importedSetsOf(db).get('mine')).toEqual(importedSet)
  })

  it('holds a valid file until the learner chooses, and forgets it on cancel', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const store = useSettingsStore()
    expect(await store.startImport(await backupWithCard('q9'))).toEqual({ status: 'choose' })
    expect(await db.cards.count()).toBe(1)
    store.cancelImport()
    expect(await store.finishImport('merge')).toBe(false)
    expect(await db.cards.count()).toBe(1)
  })

  it('changes nothing for an invalid file', async () => {
    await db.cards.put(makeCard())
    const result = await useSettingsStore().startImport('{"format":"other"}')
    expect(result.status).toBe('invalid')
    expect(await db.cards.toArray()).toEqual([makeCard()])
  })

  it('refuses hostile and damaged files at the check, each with its problem, and keeps what is saved', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const before = await dumpAll(db)
    const valid = await backupWithCard('q9')
    const data = JSON.parse(valid) as { cards: Record<string, unknown>[]; reviews: unknown[] }
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const review = { id: 'far', questionId: 'q9', setId: 'set-a', time: 1e300, mode: 'review', correct: true, overridden: false, answer: { type: 'skip' }, grade: 3, durationMs: 1, cardBefore: null, notebookBefore: null, attemptId: null }
    const cases: [string, object][] = [
      [valid.slice(0, Math.floor(valid.length * 0.6)), { code: 'incomplete' }],
      [JSON.stringify({ id: 's', title: L('t'), keyPoints: [L('k')], questions: [] }), { code: 'questionSet' }],
      [JSON.stringify({ ...data, version: 2 }), { code: 'newerVersion', version: '2', supported: 1 }],
      [valid.replace('"settings":[]', `"settings":[{"key":"x","value":${deep}}]`), { code: 'tooDeep', path: 'settings[0].value' }],
      [valid.replace('"settings":[]', `"settings":[{"key":"\\u0078","value":${deep}}]`), { code: 'tooDeep', path: 'settings[0].value' }],
      [JSON.stringify({ ...data, reviews: [review] }), { code: 'invalid', path: 'reviews[0].time', expected: 'time' }],
      [JSON.stringify({ ...data, cards: [{ ...data.cards[0], stability: -5 }] }), { code: 'invalid', path: 'cards[0].stability', expected: 'stability' }],
    ]
    for (const [text, problem] of cases) {
      const result = await useSettingsStore().startImport(text)
      expect(result).toEqual({ status: 'invalid', problems: [expect.objectContaining(problem)] })
      expect(await dumpAll(db)).toEqual(before)
    }
  })
})

describe('useSettingsStore import: the same rules as a set import', () => {
  async function backupWithSet(record: ImportedSetRecord): Promise<string> {
    const other = freshDB()
    await importedSetsOf(other).add(record)
    const text = JSON.stringify(await exportProgress(other, T0))
    other.close()
    await other.delete()
    return text
  }

  it('refuses a backup whose imported set reuses a built-in set id, and writes nothing', async () => {
    const clash = { ...importedSet, id: 'figures', set: { ...importedSet.set, id: 'figures' } }
    const result = await useSettingsStore().startImport(await backupWithSet(clash))
    expect(result).toEqual({ status: 'conflict', conflicts: [{ index: 0, id: 'figures', name: 'My set', with: 'built-in' }] })
    expect(await importedSetsOf(db).count()).toBe(0)
  })

  it('refuses to merge a different set over one imported here, and lets replace through', async () => {
    await db.cards.put(makeCard({ questionId: 'q1' }))
    await importedSetsOf(db).add(importedSet)
    const theirs = { ...importedSet, set: { ...importedSet.set, title: L('Theirs') } }
    const store = useSettingsStore()
    expect(await store.startImport(await backupWithSet(theirs))).toEqual({ status: 'choose' })
    expect(await store.finishImport('merge')).toEqual({
      status: 'conflict',
      conflicts: [{ index: 0, id: 'mine', name: 'My set', with: 'imported', ours: 'My set' }],
    })
    expect((await importedSetsOf(db).get('mine'))?.set.title).toEqual(importedSet.set.title)
    expect(await store.finishImport('replace')).toEqual({ status: 'done', notes: [] })
    expect((await importedSetsOf(db).get('mine'))?.set.title).toEqual(L('Theirs'))
  })

  it('keeps the checked file when storage is full, so Retry writes it without reading it again', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const store = useSettingsStore()
    expect(await store.startImport(await backupWithCard('q9'))).toEqual({ status: 'choose' })
    const put = db.cards.bulkPut.bind(db.cards)
    const spy = vi.spyOn(db.cards, 'bulkPut').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    await expect(store.finishImport('merge')).rejects.toMatchObject({ name: expect.stringMatching(/Quota|Abort/) })
    expect(store.failedMode).toBe('merge')
    expect(await db.cards.count()).toBe(1)
    spy.mockImplementation(put)
    expect(await store.finishImport('merge')).toEqual({ status: 'done', notes: [] })
    expect(await db.cards.count()).toBe(2)
  })
})

describe('useSettingsStore import: cancel', () => {
  it('stops a check under way and writes nothing', async () => {
    const store = useSettingsStore()
    const started = store.startImport(await backupWithCard('q9'))
    expect(store.busy).toBe(true)
    store.cancelImport()
    expect(await started).toEqual({ status: 'cancelled' })
    expect(await db.cards.count()).toBe(0)
    expect(store.busy).toBe(false)
  })
})
