import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { exportProgress } from '@/db/backup'
import { setDB, type StudyDB } from '@/db/database'
import type { ImportedSetRecord } from '@/db/records'
import { freshDB, makeCard, T0 } from '@/db/test-utils'
import { backupFileName, useSettingsStore } from './settings'

vi.mock('virtual:question-bank', () => ({ default: [] }))
vi.mock('virtual:question-index', () => ({ default: [] }))

const L = (s: string) => ({ zh: s, en: s })
const importedSet: ImportedSetRecord = {
  id: 'mine',
  name: 'My set',
  importedAt: T0,
  updatedAt: T0,
  set: {
    id: 'mine',
    title: L('Mine'),
    keyPoints: [L('Point')],
    questions: [{ id: 'm1', type: 'flashcard', prompt: L('Front'), explanation: L('Why'), back: L('Back') }],
  },
}

let db: StudyDB
beforeEach(async () => {
  db = freshDB()
  await db.open()
  setDB(db)
  setActivePinia(createPinia())
})
afterEach(async () => {
  db.close()
  await db.delete()
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
    await db.importedSets.add(importedSet)
    const result = await useSettingsStore().startImport(await backupWithCard('q9'))
    expect(result).toEqual({ status: 'done' })
    expect(await db.cards.count()).toBe(1)
    expect(await db.importedSets.get('mine')).toEqual(importedSet)
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
})
