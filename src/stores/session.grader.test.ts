import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { StudyDB } from '@/db/database'
import { freshDBEachTest } from '@/db/test-utils'
import { useSessionStore } from './session'
import { useQuizzesStore } from './quizzes'

// The typed-answer grader is a chunk of its own, and its download can fail (offline on a first
// visit): `gradeAnswer` then rejects for a typed answer, as this stand-in does until `online` is set.
const net = vi.hoisted(() => ({ online: false }))
vi.mock('@/domain/content/grade', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/domain/content/grade')>()
  return {
    ...real,
    gradeAnswer: async (...args: Parameters<typeof real.gradeAnswer>) => {
      if (!net.online && real.isTypedAnswer(args[0])) throw new TypeError('Failed to fetch dynamically imported module')
      return real.gradeAnswer(...args)
    },
  }
})

const fake = await vi.hoisted(async () => {
  const { mockBank } = await import('./testing')
  const L = (s: string) => ({ zh: s, en: s })
  const question = { id: 'typed-blank', type: 'blank' as const, prompt: L('Name ____'), explanation: L('e'), answer: { zh: '千问', en: 'Qwen' } }
  return mockBank([{ id: 'typed', title: L('Typed'), keyPoints: [L('k')], questions: [question] }])
})
vi.mock('virtual:question-bank', () => fake.bank)
vi.mock('virtual:question-index', () => fake.index)

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh), { open: true, app: true })
beforeEach(async () => {
  net.online = false
  setActivePinia(createPinia())
})

describe('a typed answer while its grader cannot be downloaded', () => {
  it('is neither graded nor written, says why, keeps the typed text, and is graded once the grader arrives', async () => {
    const id = await useQuizzesStore().start({
      setIds: ['typed'], count: 'all', types: ['blank'], order: 'article', mode: 'practice', timeLimitMin: null,
    })
    const session = useSessionStore()
    expect(await session.openQuiz(id!)).toBe('ok')
    session.setDraft({ text: 'Qwen' })
    await session.submit()
    expect(session.gradeError).toBe(true)
    expect(session.phase).toBe('answering')
    expect(session.draft).toMatchObject({ text: 'Qwen' })
    expect(await db.reviews.count()).toBe(0)

    net.online = true
    await session.submit()
    expect(session.gradeError).toBe(false)
    expect(session.phase).toBe('feedback')
    expect(session.result?.correct).toBe(true)
    expect(await db.reviews.count()).toBe(1)
  })
})
