import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { getDB } from '@/db/database'
import { importedSetRows } from '@/db/importedQuestions'
import { observe } from '@/db/live'
import { cardStatsBySet } from '@/db/progress'
import { useAppStore } from './app'
import { freshStoresEachTest } from './testing'
import { useProgressStore } from './progress'

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
vi.mock('virtual:question-index', () => ({
  default: [
    { id: 'demo', title: { zh: '示例', en: 'Demo' }, questions: ['demo-1', 'demo-2', 'demo-3'] },
    { id: 'other', title: { zh: '另一组', en: 'Other' }, questions: ['other-1', 'other-2'] },
  ],
}))

const card = (questionId: string) => ({
  questionId, setId: 'demo', due: 0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1,
  learningSteps: 0, reps: 1, lapses: 0, state: 1 as const, lastReview: 0,
})

/** Resolves once the database's own live query of the per-set counts sees `learning` cards: the write has been announced. */
function announced(learning: number): Promise<void> {
  return new Promise((resolve) => {
    const stop = observe(
      () => cardStatsBySet(getDB()),
      (stats) => {
        if ((stats.get('demo')?.learning ?? 0) === learning) {
          stop()
          resolve()
        }
      },
    )
  })
}

freshStoresEachTest()

describe('per-set progress', () => {
  it('follows writes while a screen shows it, and stops reading when the last screen goes', async () => {
    await useAppStore().whenReady()
    const progress = useProgressStore()
    const home = effectScope()
    const set = effectScope()
    home.run(() => progress.watch())
    set.run(() => progress.watch())

    await getDB().cards.put(card('demo-1'))
    await vi.waitFor(() => expect(progress.progressOf('demo', 3).learning).toBe(1))

    // One of two screens gone: still live.
    home.stop()
    await getDB().cards.put(card('demo-2'))
    await vi.waitFor(() => expect(progress.progressOf('demo', 3).learning).toBe(2))

    // Both gone (e.g. a review opened from home): a write is not counted again...
    set.stop()
    const seen = announced(3)
    await getDB().cards.put(card('demo-3'))
    await seen
    await new Promise((r) => setTimeout(r, 50))
    expect(progress.progressOf('demo', 3).learning).toBe(2)

    // ...until a screen shows the counts again.
    const release = progress.watch()
    await vi.waitFor(() => expect(progress.progressOf('demo', 3).learning).toBe(3))
    release()
  })

  it("counts only the shown set's cards on its page, keeping the others' last counts", async () => {
    await useAppStore().whenReady()
    const progress = useProgressStore()
    await getDB().cards.bulkPut([card('demo-1'), { ...card('other-1'), setId: 'other' }])
    const home = progress.watch()
    await vi.waitFor(() => expect(progress.progressOf('other', 2).learning).toBe(1))
    home()

    await getDB().cards.bulkPut([card('demo-2'), { ...card('other-2'), setId: 'other' }])
    const page = effectScope()
    page.run(() => progress.watch(undefined, ['demo']))
    await vi.waitFor(() => expect(progress.progressOf('demo', 3).learning).toBe(2))
    // The other set was not counted again: its page or home will.
    expect(progress.progressOf('other', 2).learning).toBe(1)
    page.stop()

    const again = progress.watch()
    await vi.waitFor(() => expect(progress.progressOf('other', 2).learning).toBe(2))
    expect(progress.progressOf('demo', 3).learning).toBe(2)
    again()
  })

  it("counts an imported set's cards on home (the sets come from the bank, not from the cards)", async () => {
    await useAppStore().whenReady()
    const progress = useProgressStore()
    const title = { zh: '我的', en: 'Mine' }
    const rows = importedSetRows({ id: 'mine', name: 'Mine', importedAt: 0, updatedAt: 0, set: { id: 'mine', title, keyPoints: [title], questions: [] } })
    await getDB().importedSetInfo.put(rows.info)
    await getDB().cards.put({ ...card('mine-1'), setId: 'mine' })
    const home = progress.watch()
    await vi.waitFor(() => expect(progress.progressOf('mine', 4)).toEqual({ total: 4, new: 3, learning: 1, mastered: 0 }))
    home()
  })

  it('never starts reading for a screen that left before the database opened', async () => {
    const progress = useProgressStore()
    const release = progress.watch()
    release()
    await useAppStore().whenReady()
    await getDB().cards.put(card('demo-1'))
    await announced(1)
    await new Promise((r) => setTimeout(r, 50))
    expect(progress.progressOf('demo', 3).learning).toBe(0)
  })
})
