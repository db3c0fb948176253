import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDB } from '@/db/database'
import { useAppStore } from './app'
import { bankSignature, useBankStore } from './bank'
import { deleteImportedSet, saveImportedSet } from '@/db/importedSets'
import { parseImport } from '@/domain/import'
import { FakeLocks, freshStoresEachTest, memoryStorage } from './testing'

// Live queries that end are counted.
const ended = vi.hoisted(() => ({ count: 0 }))
vi.mock('@/db/live', async (original) => {
  const live = await original<typeof import('@/db/live')>()
  return {
    observe: ((query, next, error) => {
      const stop = live.observe(query, next, error)
      return () => {
        ended.count++
        stop()
      }
    }) satisfies typeof live.observe,
  }
})

// Reconciles with the bank are counted.
const reconciles = vi.hoisted(() => ({ count: 0 }))
const reconciled = vi.hoisted(() => ({ unchanged: null as ReadonlySet<string> | null }))
vi.mock('@/db/progress', async (original) => {
  const progress = await original<typeof import('@/db/progress')>()
  return {
    ...progress,
    syncBank: ((...args) => {
      reconciles.count++
      reconciled.unchanged = args[3] ?? new Set()
      return progress.syncBank(...args)
    }) satisfies typeof progress.syncBank,
  }
})

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
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

describe('the bank changed while the app runs', () => {
  function importedSet(prefix: string) {
    const result = parseImport('cat\tchat\ndog\tchien\n', { format: 'csv', idPrefix: prefix })
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    return result.set
  }
  const stored = async () => (await getDB().settings.get('bankSignature'))?.value

  it('an imported set saved or deleted keeps the bank reconciled: the next start-up reads no card for it', async () => {
    const app = useAppStore()
    await app.whenReady()
    const bank = useBankStore()
    reconciles.count = 0
    await saveImportedSet(getDB(), { name: 'Deck', set: importedSet('imp-a') }, Date.now())
    await vi.waitFor(() => expect(bank.signature).toContain('imp-a='), { timeout: 5000 })
    await vi.waitFor(async () => expect(await stored()).toBe(bank.signature), { timeout: 5000 })
    setActivePinia(createPinia())
    await useAppStore().whenReady()
    expect(reconciles.count).toBe(0)

    await deleteImportedSet(getDB(), 'imp-a')
    const after = useBankStore()
    await vi.waitFor(() => expect(after.signature).not.toContain('imp-a='), { timeout: 5000 })
    await vi.waitFor(async () => expect(await stored()).toBe(after.signature), { timeout: 5000 })
    setActivePinia(createPinia())
    await useAppStore().whenReady()
    expect(reconciles.count).toBe(0)
  })

  it('after the built-in sets change, an imported set unchanged since the last reconcile keeps its cards unread', async () => {
    await useAppStore().whenReady()
    await saveImportedSet(getDB(), { name: 'Deck', set: importedSet('imp-c') }, Date.now())
    await vi.waitFor(async () => expect(await stored()).toContain('imp-c='), { timeout: 5000 })
    const [questionId] = await getDB().importedQuestions.toCollection().primaryKeys()
    const card = {
      questionId: String(questionId), setId: 'imp-c', due: 0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1,
      learningSteps: 0, reps: 1, lapses: 0, state: 2 as const, lastReview: 0,
    }
    await getDB().cards.put(card)
    await getDB().cards.put({ ...card, questionId: 'gone-2', setId: 'demo' })
    // A new version of the built-in sets: the built-in part of the signature differs.
    const signature = String(await stored())
    await getDB().settings.put({ key: 'bankSignature', value: signature.replace(/^\S+/, '0:0') })
    reconciled.unchanged = null
    setActivePinia(createPinia())
    await useAppStore().whenReady()
    expect(reconciled.unchanged).toEqual(new Set(['imp-c']))
    expect(await getDB().cards.get(card.questionId)).toEqual(card)
    expect(await getDB().cards.get('gone-2')).toBeUndefined()
    expect(await getDB().archive.get('gone-2')).toBeDefined()
  })

  it('a signature changed by anything else (a backup import forgets it) is left for the next start-up to reconcile', async () => {
    await useAppStore().whenReady()
    await getDB().settings.delete('bankSignature')
    await saveImportedSet(getDB(), { name: 'Deck', set: importedSet('imp-b') }, Date.now())
    await vi.waitFor(() => expect(useBankStore().signature).toContain('imp-b='), { timeout: 5000 })
    await new Promise((r) => setTimeout(r, 50))
    expect(await stored()).toBeUndefined()
    reconciles.count = 0
    setActivePinia(createPinia())
    await useAppStore().whenReady()
    expect(reconciles.count).toBe(1)
  })
})

describe('app start-up on a first visit', () => {
  it('records the bank as reconciled without reading for it: a database created just now holds no progress', async () => {
    reconciles.count = 0
    await useAppStore().whenReady()
    expect(reconciles.count).toBe(0)
    expect((await getDB().settings.get('bankSignature'))?.value).toBe(bankSignature([{ id: 'demo-1', setId: 'demo' }, { id: 'demo-2', setId: 'demo' }]))
    // The next start finds the database: a changed bank is reconciled then.
    await getDB().settings.delete('bankSignature')
    setActivePinia(createPinia())
    await useAppStore().whenReady()
    expect(reconciles.count).toBe(1)
  })
})

describe('the due count', () => {
  const card = (questionId: string, due: number) => ({
    questionId, setId: 'demo', due, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1,
    learningSteps: 0, reps: 1, lapses: 0, state: 2 as const, lastReview: 0,
  })

  it('follows writes and the clock without ending its subscription', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval'] })
    try {
      const start = Date.UTC(2026, 0, 1, 8, 0)
      vi.setSystemTime(start)
      await getDB().open()
      await getDB().cards.put(card('demo-1', start + 30_000))
      const app = useAppStore()
      await app.whenReady()
      expect(app.dueCount).toBe(0)
      const endedBefore = ended.count

      // A minute on, the card is due: counted without subscribing again.
      vi.advanceTimersByTime(60_000)
      await vi.waitFor(() => expect(app.dueCount).toBe(1), { timeout: 5000 })
      expect(app.now).toBeGreaterThanOrEqual(start + 60_000)

      // And a write still counts at once.
      await getDB().cards.put(card('demo-2', start))
      await vi.waitFor(() => expect(app.dueCount).toBe(2), { timeout: 5000 })
      expect(ended.count).toBe(endedBefore)
    } finally {
      vi.useRealTimers()
    }
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
    // A returning learner's database opens; reading its records fails as a broken backing store does.
    await getDB().open()
    getDB().close()
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

describe('answers a page closed before storing them', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('are replayed at start-up, before any screen may read progress; the learner is told of each one dropped or kept', async () => {
    const local = memoryStorage()
    vi.stubGlobal('localStorage', local)
    vi.stubGlobal('navigator', { locks: new FakeLocks() })
    const left = (id: string, questionId: string) =>
      local.setItem(
        `qwen-study.pending-answer:${id}`,
        JSON.stringify({ where: 'review', page: 'a-closed-page', input: { id, questionId, setId: 'demo', mode: 'review', answer: { type: 'skip' }, durationMs: 0, now: Date.now(), attemptId: null } }),
      )
    left('gone-1', 'no-longer-in-the-bank')
    // This bank's set files cannot be fetched (see the mock above): the answer waits for the next start-up.
    left('later-1', 'demo-1')
    const app = useAppStore()
    await app.whenReady()
    expect(app.replayNotes).toEqual([
      { kind: 'gone', questionId: 'no-longer-in-the-bank' },
      { kind: 'failed', reason: 'Error: no set demo' },
    ])
    expect([...local.items.keys()]).toEqual(['qwen-study.pending-answer:later-1'])
    expect(await getDB().reviews.count()).toBe(0)
    // Read and retried: only what is still kept is said again.
    await app.replayAnswers()
    expect(app.replayNotes).toEqual([{ kind: 'failed', reason: 'Error: no set demo' }])
  })
})
