import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDB } from '@/db/database'
import { bankSignature, useAppStore } from './app'

vi.mock('virtual:question-bank', () => ({ default: [] }))
vi.mock('virtual:question-index', () => ({
  default: [{ id: 'demo', title: { zh: '示例', en: 'Demo' }, questions: ['demo-1', 'demo-2'] }],
}))

beforeEach(() => {
  setActivePinia(createPinia())
})
afterEach(async () => {
  const db = getDB()
  db.close()
  await db.delete()
})

describe('bankSignature', () => {
  it('changes when a question moves, appears or disappears, and not otherwise', () => {
    const a = [{ id: 'q1', setId: 's' }, { id: 'q2', setId: 's' }]
    expect(bankSignature(a)).toBe(bankSignature([...a]))
    expect(bankSignature(a)).not.toBe(bankSignature([a[0]!]))
    expect(bankSignature(a)).not.toBe(bankSignature([a[0]!, { id: 'q2', setId: 't' }]))
    expect(bankSignature(a)).not.toBe(bankSignature([a[0]!, { id: 'q3', setId: 's' }]))
  })
})

describe('app start-up', () => {
  it('archives progress of questions no longer in the bank, once per bank version', async () => {
    const app = useAppStore()
    await app.whenReady()
    const db = getDB()
    const card = {
      questionId: 'gone-1', setId: 'demo', due: 0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1,
      learningSteps: 0, reps: 1, lapses: 0, state: 2 as const, lastReview: 0,
    }
    // Written after start-up: the bank has not changed since, so a restart leaves it alone...
    await db.cards.put(card)
    setActivePinia(createPinia())
    await useAppStore().whenReady()
    expect(await db.cards.get('gone-1')).toBeDefined()
    // ...until the bank changes: then the stray card is archived, not deleted.
    await db.settings.delete('bankSignature')
    setActivePinia(createPinia())
    await useAppStore().whenReady()
    expect(await db.cards.get('gone-1')).toBeUndefined()
    expect((await db.archive.get('gone-1'))?.card?.questionId).toBe('gone-1')
  })
})
