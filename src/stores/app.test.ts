import { describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDB } from '@/db/database'
import { bankSignature, useAppStore } from './app'
import { freshStoresEachTest } from './testing'

vi.mock('virtual:question-bank', () => ({ default: [] }))
vi.mock('virtual:question-index', () => ({
  default: [{ id: 'demo', title: { zh: '示例', en: 'Demo' }, questions: ['demo-1', 'demo-2'] }],
}))

freshStoresEachTest()

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

describe('opening the database after the first screen', () => {
  /** An action the test performs by hand. */
  function manualAction() {
    let act: () => void = () => {}
    const action = () => new Promise<void>((resolve) => (act = resolve))
    return { action, act: () => act() }
  }
  const tick = () => new Promise((r) => setTimeout(r, 20))

  it('on a first visit, waits for the learner’s first action and creates nothing before it', async () => {
    const app = useAppStore()
    const { action, act } = manualAction()
    let opened = false
    void app.whenOpened().then(() => (opened = true))
    const opening = app.openWhenNeeded(action)
    await tick()
    expect(app.ready).toBe(false)
    expect(opened).toBe(false)
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('qwen-study')

    act()
    await opening
    expect(app.ready).toBe(true)
    expect(opened).toBe(true)
    expect((await indexedDB.databases()).map((d) => d.name)).toContain('qwen-study')
  })

  it('with a database stored, opens at once', async () => {
    await getDB().open()
    getDB().close()
    const app = useAppStore()
    await app.openWhenNeeded(() => new Promise<void>(() => {}))
    expect(app.ready).toBe(true)
  })

  it('a screen that needs the database opens it before the first action; whenOpened follows it', async () => {
    const app = useAppStore()
    const { action } = manualAction()
    void app.openWhenNeeded(action)
    await tick()
    expect(app.ready).toBe(false)
    await app.whenReady()
    await app.whenOpened()
    expect(app.ready).toBe(true)
  })
})

describe('a start-up that cannot read the saved progress', () => {
  it('keeps the reason for the banner, rejects every screen that needs the database, and writes nothing', async () => {
    // The database opens; reading its records fails as a broken backing store does.
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(() => {
      throw new DOMException('Internal error opening backing store', 'UnknownError')
    })
    const app = useAppStore()
    expect(app.startError).toBeNull()
    await expect(app.whenReady()).rejects.toThrow()
    expect(app.startError).toBe('UnknownError: Internal error opening backing store')
    expect(app.ready).toBe(false)
    // Not retried behind the learner's back: the next screen gets the same answer.
    await expect(app.whenReady()).rejects.toThrow()
    getAll.mockRestore()
    expect(await getDB().settings.count()).toBe(0)
  })
})
