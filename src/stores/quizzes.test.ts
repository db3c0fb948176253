import { describe, expect, it, vi } from 'vitest'
import { getDB } from '@/db/database'
import { makeAttempt } from '@/db/test-utils'
import { useAppStore } from './app'
import { useQuizzesStore } from './quizzes'
import { freshStoresEachTest } from './testing'

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
vi.mock('virtual:question-index', () => ({ default: [] }))

freshStoresEachTest()

describe('exam deadlines', () => {
  it('hands an exam in at its deadline whatever screen is shown, one missed while away as soon as the app starts', async () => {
    const now = Date.now()
    const config = { ...makeAttempt().config, mode: 'exam' as const, timeLimitMin: 5 }
    const exam = (id: string, deadline: number) => makeAttempt({ id, startedAt: now - 60_000, updatedAt: now - 60_000, deadline, config })
    await getDB().open()
    await getDB().attempts.bulkPut([exam('missed', now - 1000), exam('running', now + 300), exam('later', now + 3_600_000)])

    // Started, with no screen shown at all.
    await useAppStore().whenReady()
    const attempt = (id: string) => getDB().attempts.get(id)
    await vi.waitFor(async () => expect((await attempt('missed'))?.status).toBe('finished'), { timeout: 5000 })
    expect((await attempt('missed'))?.finishedAt).toBe(now - 1000)

    await vi.waitFor(async () => expect((await attempt('running'))?.status).toBe('finished'), { timeout: 5000 })
    expect((await attempt('running'))?.finishedAt).toBe(now + 300)
    expect((await attempt('later'))?.status).toBe('active')
  })
})

describe('the setup screen’s quiz to resume', () => {
  it('is the latest quiz still open, and none once it is discarded', async () => {
    await getDB().open()
    await getDB().attempts.bulkPut([
      makeAttempt({ id: 'older', updatedAt: 1 }),
      makeAttempt({ id: 'newer', updatedAt: 2 }),
      makeAttempt({ id: 'done', updatedAt: 3, status: 'finished' }),
    ])
    const quizzes = useQuizzesStore()
    await quizzes.openSetup()
    expect(quizzes.resumable?.id).toBe('newer')
    await quizzes.discard('newer')
    expect(quizzes.resumable).toBeUndefined()
    expect(await getDB().attempts.get('newer')).toBeUndefined()
    await quizzes.openSetup()
    expect(quizzes.resumable?.id).toBe('older')
  })
})
