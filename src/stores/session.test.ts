import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { StudyDB } from '@/db/database'
import { freshDBEachTest } from '@/db/test-utils'
import type { CardRecord } from '@/db/records'
import { reviewScopeOf, useSessionStore } from './session'
import { useQuizzesStore } from './quizzes'
import { isStorageFullReason } from './describeError'

// The demo set as the built-in bank.
const fake = await vi.hoisted(async () => {
  const { demoSet, mockBank } = await import('./testing')
  return mockBank([demoSet])
})
vi.mock('virtual:question-bank', () => fake.bank)
vi.mock('virtual:question-index', () => fake.index)

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh), { open: true, app: true })
beforeEach(async () => {
  setActivePinia(createPinia())
})

async function startQuiz(mode: 'practice' | 'exam' = 'practice') {
  const id = await useQuizzesStore().start({
    setIds: ['demo'], count: 'all', types: ['truefalse', 'single', 'blank', 'flashcard'], order: 'article', mode, timeLimitMin: null,
  })
  const session = useSessionStore()
  expect(await session.openQuiz(id!)).toBe('ok')
  return { id: id!, session }
}

describe('a practice quiz', () => {
  it('records each answer (card, log, attempt) before showing feedback', async () => {
    const { id, session } = await startQuiz()
    expect(session.question?.id).toBe('demo-tf')
    session.setDraft({ selected: ['false'] })
    await session.submit()
    expect(session.phase).toBe('feedback')
    expect(session.result?.correct).toBe(false)
    expect(await db.reviews.count()).toBe(1)
    expect(await db.cards.get('demo-tf')).toBeDefined()
    expect((await db.notebook.get('demo-tf'))?.missCount).toBe(1)
    expect((await db.attempts.get(id))?.answers).toHaveLength(1)
  })

  it('resumes where it was after a reload (a new store on the same database)', async () => {
    const { id, session } = await startQuiz()
    session.setDraft({ selected: ['true'] })
    await session.submit()
    await session.next()
    setActivePinia(createPinia())
      const again = useSessionStore()
    await again.openQuiz(id)
    expect(again.question?.id).toBe('demo-single')
    expect(again.answeredCount).toBe(1)
    expect(again.correctCount).toBe(1)
  })

  it('"I was right" turns a wrong typed answer into a right one, logged as overridden', async () => {
    const { session } = await startQuiz()
    session.setDraft({ selected: ['true'] })
    await session.submit()
    await session.next()
    session.setDraft({ selected: ['a'] })
    await session.submit()
    await session.next()
    session.setDraft({ text: 'Tongyi Qianwen' })
    await session.submit()
    expect(session.result?.correct).toBe(false)
    await session.override()
    expect(session.result?.correct).toBe(true)
    const log = await db.reviews.where('questionId').equals('demo-blank').first()
    expect(log?.overridden).toBe(true)
    expect(log?.grade).toBe(3)
    expect(await db.notebook.get('demo-blank')).toBeUndefined()
  })

  it('finishes the attempt after the last question', async () => {
    const { id, session } = await startQuiz()
    for (let i = 0; i < 3; i++) {
      await session.dontKnow()
      await session.next()
    }
    session.setDraft({ revealed: true })
    await session.gradeFlashcard(4)
    await session.next()
    expect(session.phase).toBe('done')
    const a = await db.attempts.get(id)
    expect(a?.status).toBe('finished')
    expect(a?.answers.map((x) => x.correct)).toEqual([false, false, false, true])
  })

  it('keeps an answer that could not be saved, and saves it on retry', async () => {
    const { session } = await startQuiz()
    const put = db.cards.put.bind(db.cards)
    const spy = vi.spyOn(db.cards, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    session.setDraft({ selected: ['true'] })
    await session.submit()
    expect(session.phase).toBe('answering')
    expect(isStorageFullReason(session.saveError)).toBe(true)
    expect(session.unsaved).not.toBeNull()
    expect(await db.reviews.count()).toBe(0)
    spy.mockImplementation(put)
    await session.retrySave()
    expect(session.phase).toBe('feedback')
    expect(await db.reviews.count()).toBe(1)
  })
})

describe('an exam', () => {
  it('gives no feedback and moves straight on', async () => {
    const { session } = await startQuiz('exam')
    session.setDraft({ selected: ['true'] })
    await session.submit()
    expect(session.phase).toBe('answering')
    expect(session.question?.id).toBe('demo-single')
    expect(await db.reviews.count()).toBe(1)
  })

  it('goes back to an answered question, shows its answer, and a change replaces it', async () => {
    const { id, session } = await startQuiz('exam')
    session.setDraft({ selected: ['false'] })
    await session.submit()
    await session.examGo(0)
    expect(session.question?.id).toBe('demo-tf')
    expect(session.draft.selected).toEqual(['false'])
    session.setDraft({ selected: ['true'] })
    await session.submit()
    const a = (await db.attempts.get(id))!
    expect(a.answers).toEqual([expect.objectContaining({ questionId: 'demo-tf', correct: true })])
    expect(await db.reviews.count()).toBe(1)
    expect(await db.notebook.get('demo-tf')).toBeUndefined()
  })

  it('stays open with every question answered until it is handed in; unanswered ones are named', async () => {
    const { id, session } = await startQuiz('exam')
    session.setDraft({ selected: ['true'] })
    await session.submit()
    expect(session.unanswered).toEqual([1, 2, 3])
    await session.toggleFlag()
    expect(session.flagged.has('demo-single')).toBe(true)
    await session.examGo(3)
    await session.handIn()
    expect(session.phase).toBe('done')
    expect((await db.attempts.get(id))?.status).toBe('finished')
  })
})

describe('the answer being made', () => {
  // The page's localStorage, which node does not have.
  beforeEach(() => {
    const items = new Map<string, string>()
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('survives a reload (a new store on the same database) until it is submitted', async () => {
    const { id, session } = await startQuiz()
    session.setDraft({ selected: ['true'] })
    await session.submit()
    await session.next()
    session.setDraft({ selected: ['b'] })
    setActivePinia(createPinia())
      const again = useSessionStore()
    await again.openQuiz(id)
    expect(again.question?.id).toBe('demo-single')
    expect(again.draft.selected).toEqual(['b'])
    // The answer already given can still be taken back after the reload.
    expect(again.canUndo).toBe(true)
    await again.undo()
    expect(again.question?.id).toBe('demo-tf')
  })
})

describe('a review session', () => {
  it('undo puts the card, log and notebook back and returns the question', async () => {
    const session = useSessionStore()
    await session.openReview(null)
    expect(session.queue.length).toBeGreaterThan(0)
    const first = session.question!.id
    await session.dontKnow()
    expect(await db.reviews.count()).toBe(1)
    expect(await session.undo()).toBe(true)
    expect(await db.reviews.count()).toBe(0)
    expect(await db.cards.count()).toBe(0)
    expect(await db.notebook.count()).toBe(0)
    expect(session.question?.id).toBe(first)
    expect(session.phase).toBe('answering')
  })

  it('offers the questions without a card as new, and none once every question has one', async () => {
    const card = (questionId: string): CardRecord => ({
      questionId, setId: 'demo', due: Date.now() + 86_400_000 * 5, stability: 5, difficulty: 5, elapsedDays: 0,
      scheduledDays: 5, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: Date.now(),
    })
    await db.cards.bulkPut([card('demo-tf'), card('demo-blank')])
    const session = useSessionStore()
    await session.openReview(null)
    expect([...session.queue].sort()).toEqual(['demo-card', 'demo-single'])
    await db.cards.bulkPut([card('demo-single'), card('demo-card')])
    await session.openReview(null)
    expect(session.queue).toEqual([])
    expect(session.phase).toBe('done')
  })

  it('shows the review asked for last when two open at once, though the first finishes later', async () => {
    // The reads of the first (every set) are held back until the second has been shown.
    const withTransaction = db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }
    const transaction = withTransaction.transaction.bind(db)
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let calls = 0
    withTransaction.transaction = (...args) => (++calls === 1 ? held.then(() => transaction(...args)) : transaction(...args))
    const session = useSessionStore()
    const everySet = session.openReview(null)
    // A set the bank does not have: nothing to review.
    await session.openReview('gone')
    expect(session.phase).toBe('done')
    release()
    await everySet
    expect(session.phase).toBe('done')
    expect(session.queue).toEqual([])
  })
})

describe('a session that cannot be read', () => {
  /** The next `times` transactions fail as a broken IndexedDB fails them. */
  function failTransactions(times: number): void {
    const withTransaction = db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }
    const transaction = withTransaction.transaction.bind(db)
    let left = times
    withTransaction.transaction = (...args) =>
      left-- > 0 ? Promise.reject(new DOMException('Internal error opening backing store', 'UnknownError')) : transaction(...args)
  }

  it('says why a review could not be read, changes nothing, and opens on retry', async () => {
    await db.cards.put({
      questionId: 'demo-tf', setId: 'demo', due: Date.now() - 1000, stability: 5, difficulty: 5, elapsedDays: 0,
      scheduledDays: 5, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: Date.now() - 86_400_000,
    })
    const session = useSessionStore()
    failTransactions(1)
    await session.openReview(null)
    expect(session.phase).toBe('unreadable')
    expect(session.loadError).toBe('UnknownError: Internal error opening backing store')
    expect(session.queue).toEqual([])
    expect(await db.cards.count()).toBe(1)
    await session.openReview(null)
    expect(session.phase).toBe('answering')
    expect(session.loadError).toBeNull()
    expect(session.queue[0]).toBe('demo-tf')
  })

  it('says why a quiz could not be read, and opens it on retry', async () => {
    const { id, session } = await startQuiz()
    vi.spyOn(db.attempts, 'get').mockRejectedValueOnce(new DOMException('Internal error opening backing store', 'UnknownError'))
    expect(await session.openQuiz(id)).toBe('unreadable')
    expect(session.phase).toBe('unreadable')
    expect(session.loadError).toContain('UnknownError')
    expect(await session.openQuiz(id)).toBe('ok')
    expect(session.phase).toBe('answering')
  })
})

describe('the results of an attempt', () => {
  it('are read for the results screen; a missing attempt is null, and a failed read says why until it is opened again', async () => {
    const { id } = await startQuiz()
    const quizzes = useQuizzesStore()
    await quizzes.openResults(id)
    expect(quizzes.results?.id).toBe(id)
    await quizzes.openResults('gone')
    expect(quizzes.results).toBeNull()
    vi.spyOn(db.attempts, 'get').mockRejectedValueOnce(new DOMException('Internal error opening backing store', 'UnknownError'))
    await quizzes.openResults(id)
    expect(quizzes.results).toBeUndefined()
    expect(quizzes.resultsError).toContain('UnknownError')
    await quizzes.openResults(id)
    expect(quizzes.resultsError).toBeNull()
    expect(quizzes.results?.id).toBe(id)
  })
})

describe('reviewScopeOf', () => {
  it('keeps a set the bank has and falls back to every set otherwise', () => {
    const has = new Set(['demo'])
    expect(reviewScopeOf({ set: 'demo' }, has)).toBe('demo')
    expect(reviewScopeOf({ set: 'other' }, has)).toBeNull()
    expect(reviewScopeOf({ set: ['demo'] }, has)).toBeNull()
    expect(reviewScopeOf({}, has)).toBeNull()
  })
})
