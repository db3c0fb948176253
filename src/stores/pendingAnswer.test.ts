// An answer sent and not yet stored (pendingAnswer.ts) and its replay by the next page
// (replayPendingAnswer.ts): pages are simulated in one process, each with its own Pinia and
// page id (openPage), sharing localStorage, the database and the browser's locks, as the tabs
// of one browser do. A page closed or crashed is one whose lock the browser let go (FakeLocks.drop).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, getActivePinia, setActivePinia } from 'pinia'
import type { StudyDB } from '@/db/database'
import { abandonAttempt, recordAnswer } from '@/db/progress'
import { DEFAULT_SETTINGS } from '@/db/records'
import { dumpAll, freshDBEachTest } from '@/db/test-utils'
import { i18n } from '@/i18n'
import { isStorageFullReason } from './describeError'
import { keepSentAnswer, openPage, pageLockName, sentAnswers, type SentAnswer } from './pendingAnswer'
import { replayPendingAnswers, type ReplayNote } from './replayPendingAnswer'
import { useQuizzesStore } from './quizzes'
import { useSessionStore } from './session'
import { FakeLocks, memoryStorage } from './testing'

// The demo set (its true/false and single-choice questions) as the built-in bank.
const fake = await vi.hoisted(async () => {
  const { demoSet, mockBank } = await import('./testing')
  return mockBank([{ ...demoSet, questions: demoSet.questions.slice(0, 2) }])
})
vi.mock('virtual:question-bank', () => fake.bank)
vi.mock('virtual:question-index', () => fake.index)

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh), { open: true, app: true })

let local: ReturnType<typeof memoryStorage>
let locks: FakeLocks
beforeEach(() => {
  local = memoryStorage()
  locks = new FakeLocks()
  vi.stubGlobal('localStorage', local)
  vi.stubGlobal('navigator', { locks })
  newPage()
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** A page of the app opens (a new tab, or the same tab reloaded): its own stores and page id. */
function newPage(): void {
  setActivePinia(createPinia())
  openPage()
}

/** The page that sent `sent` is closed (or crashed): the browser lets go of its lock. */
function closePageOf(sent: SentAnswer): void {
  locks.drop(pageLockName(sent.page))
}

/** The next page's start-up: replays what closed pages left; returns the notes for the learner. */
async function replay(): Promise<ReplayNote[]> {
  const notes: ReplayNote[] = []
  await replayPendingAnswers(() => DEFAULT_SETTINGS, (n) => notes.push(n))
  return notes
}

async function startQuiz(mode: 'practice' | 'exam' = 'practice') {
  const id = await useQuizzesStore().start({
    setIds: ['demo'], count: 'all', types: ['truefalse', 'single'], order: 'article', mode, timeLimitMin: null,
  })
  const session = useSessionStore()
  expect(await session.openQuiz(id!)).toBe('ok')
  return { id: id!, session }
}

/**
 * Answers demo-tf wrong, and leaves localStorage and the database as a page closed while that
 * answer was being written leaves them: the answer sent, nothing of it stored (IndexedDB
 * commits a transaction whole or not at all, so "mid-write" is "before the write").
 */
async function answerCutShort() {
  const { id, session } = await startQuiz()
  session.setDraft({ selected: ['false'] })
  const sending = session.submit()
  const kept = new Map(local.items)
  await sending
  expect(await session.undo()).toBe(true)
  expect(await db.reviews.count()).toBe(0)
  local.items.clear()
  for (const [k, v] of kept) local.items.set(k, v)
  const [sent] = sentAnswers()
  expect(sent).toBeDefined()
  // The page still writing it holds its lock, until it is closed (closePageOf).
  void locks.request(pageLockName(sent!.page), () => new Promise<never>(() => {}))
  return { id, session, sent: sent! }
}

/** IndexedDB answers every write as a full disk does, until `room()`. */
function diskFull(): { room: () => void } {
  const full = () => {
    throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError')
  }
  const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(full)
  const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(full)
  return {
    room: () => {
      put.mockRestore()
      add.mockRestore()
    },
  }
}

describe('an answer sent', () => {
  it('is kept in localStorage (every page of the app sees it) from the moment it is sent until it is stored', async () => {
    const { session } = await startQuiz()
    session.setDraft({ selected: ['false'] })
    const sending = session.submit()
    expect(sentAnswers()).toHaveLength(1)
    expect(sentAnswers()[0]).toMatchObject({ where: expect.stringMatching(/^quiz:/), input: { questionId: 'demo-tf', answer: { type: 'truefalse', value: false } } })
    expect([...local.items.keys()].some((k) => k.startsWith('qwen-study.pending-answer'))).toBe(true)
    await sending
    expect(session.phase).toBe('feedback')
    expect(sentAnswers()).toEqual([])
  })

  it('holds its page’s lock from the moment it is sent until it is stored, and only then', async () => {
    const { session } = await startQuiz()
    session.setDraft({ selected: ['false'] })
    const sending = session.submit()
    const lock = pageLockName(sentAnswers()[0]!.page)
    expect(locks.isHeld(lock)).toBe(true)
    await sending
    await vi.waitFor(() => expect(locks.isHeld(lock)).toBe(false))
  })

  it('is written by the next page when its page was closed before the write, once', async () => {
    const { id, sent } = await answerCutShort()
    closePageOf(sent)
    newPage()
    expect(await replay()).toEqual([])
    expect(await db.reviews.count()).toBe(1)
    expect((await db.reviews.get(sent.input.id))?.attemptId).toBe(id)
    expect((await db.attempts.get(id))?.answers).toHaveLength(1)
    expect((await db.notebook.get('demo-tf'))?.missCount).toBe(1)
    expect(sentAnswers()).toEqual([])
    // Another start-up, or another page, finds nothing left to write.
    newPage()
    await replay()
    expect(await db.reviews.count()).toBe(1)
  })

  it('is not written again when its page went after its write', async () => {
    const { session } = await startQuiz()
    session.setDraft({ selected: ['false'] })
    const sending = session.submit()
    const kept = new Map(local.items)
    await sending
    for (const [k, v] of kept) local.items.set(k, v)
    const before = await dumpAll(db)
    closePageOf(sentAnswers()[0]!)
    newPage()
    await replay()
    expect(await dumpAll(db)).toEqual(before)
    expect(sentAnswers()).toEqual([])
  })

  it('is left to its page while that page is open, and written by the next page to start once it is closed', async () => {
    const { id, sent } = await answerCutShort()
    // A second tab starts while the first is still writing: it does not write the answer too.
    newPage()
    expect(await replay()).toEqual([])
    expect(await db.reviews.count()).toBe(0)
    expect(sentAnswers()).toHaveLength(1)
    // The first tab is closed before its write landed: the next page to start writes it.
    closePageOf(sent)
    newPage()
    await replay()
    expect(await db.reviews.count()).toBe(1)
    expect(sentAnswers()).toEqual([])
    expect((await db.attempts.get(id))?.answers.map((a) => a.reviewId)).toEqual([sent.input.id])
  })

  it('is written once when two pages replay it at the same time', async () => {
    const { sent } = await answerCutShort()
    closePageOf(sent)
    newPage()
    const first = replay()
    newPage()
    const second = replay()
    await Promise.all([first, second])
    await vi.waitFor(() => expect(sentAnswers()).toEqual([]))
    expect(await db.reviews.count()).toBe(1)
  })

  it('is written once without the Web Locks API too (an older browser): by the next page', async () => {
    vi.stubGlobal('navigator', {})
    const { sent } = await answerCutShort()
    newPage()
    await replay()
    await replay()
    expect(await db.reviews.count()).toBe(1)
    expect(await db.reviews.get(sent.input.id)).toBeDefined()
    expect(sentAnswers()).toEqual([])
  })
})

describe('an answer replayed after things changed', () => {
  it('whose question left the bank is dropped with a note naming it; nothing is written, nothing else is lost', async () => {
    await answerCutShort()
    const before = await dumpAll(db)
    keepSentAnswer({
      where: 'review',
      input: { id: 'gone-1', questionId: 'demo-removed', setId: 'demo', mode: 'review', answer: { type: 'skip' }, durationMs: 1_000, now: Date.now(), attemptId: null },
    })
    for (const sent of sentAnswers()) closePageOf(sent)
    newPage()
    expect(await replay()).toEqual([{ kind: 'gone', questionId: 'demo-removed' }])
    expect(await db.reviews.get('gone-1')).toBeUndefined()
    // The other answer the closed page left is written as usual.
    expect(await db.reviews.count()).toBe(1)
    expect(before.reviews).toEqual([])
    expect(sentAnswers()).toEqual([])
  })

  it('that a later answer to the same question superseded is dropped', async () => {
    const { sent } = await answerCutShort()
    closePageOf(sent)
    // The learner answered the question again elsewhere before this answer was written.
    await recordAnswer(db, { questionId: 'demo-tf', setId: 'demo', mode: 'review', answer: { type: 'skip' }, correct: false, grade: 1, durationMs: 0, now: sent.input.now + 1 }, DEFAULT_SETTINGS)
    newPage()
    expect(await replay()).toEqual([])
    expect(await db.reviews.count()).toBe(1)
    expect(await db.reviews.get(sent.input.id)).toBeUndefined()
    expect(sentAnswers()).toEqual([])
  })

  it('whose quiz was dropped since is recorded without it, as the dropped quiz’s other answers are kept', async () => {
    const { id, sent } = await answerCutShort()
    closePageOf(sent)
    expect(await abandonAttempt(db, id)).toBe(true)
    newPage()
    expect(await replay()).toEqual([])
    expect((await db.reviews.get(sent.input.id))?.attemptId).toBeNull()
  })

  it('when the disk is full: a note in the learner’s language, the answer kept, nothing stored changed; written once there is room', async () => {
    const { id, sent } = await answerCutShort()
    closePageOf(sent)
    const before = await dumpAll(db)
    const disk = diskFull()
    newPage()
    i18n.global.locale.value = 'zh'
    const notes = await replay()
    disk.room()
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ kind: 'failed' })
    expect(isStorageFullReason((notes[0] as Extract<ReplayNote, { kind: 'failed' }>).reason)).toBe(true)
    expect((notes[0] as Extract<ReplayNote, { kind: 'failed' }>).reason).toBe(i18n.global.t('storageFull.reason', {}, { locale: 'zh' }))
    expect(await dumpAll(db)).toEqual(before)
    expect(sentAnswers()).toHaveLength(1)
    newPage()
    expect(await replay()).toEqual([])
    expect((await db.attempts.get(id))?.answers).toHaveLength(1)
    expect(await db.reviews.count()).toBe(1)
  })
})

describe('an answer the page could not store', () => {
  it('says why in the learner’s language, loses nothing stored, and is written by the next page once there is room', async () => {
    const { id, session } = await startQuiz()
    session.setDraft({ selected: ['true'] })
    await session.submit()
    await session.next()
    const before = await dumpAll(db)
    const disk = diskFull()
    session.setDraft({ selected: ['b'] })
    await session.submit()
    expect(isStorageFullReason(session.saveError)).toBe(true)
    expect(session.unsaved).not.toBeNull()
    expect(await dumpAll(db)).toEqual(before)
    // Kept beyond the page: closed now, the answer is not lost.
    const [sent] = sentAnswers()
    expect(sent?.input.questionId).toBe('demo-single')
    closePageOf(sent!)
    disk.room()
    newPage()
    await replay()
    expect((await db.attempts.get(id))?.answers.map((a) => a.questionId)).toEqual(['demo-tf', 'demo-single'])
    expect(await db.reviews.count()).toBe(2)
  })

  it('is kept when the learner goes on to another question; answered again, only the new answer is kept', async () => {
    const { session } = await startQuiz()
    const disk = diskFull()
    session.setDraft({ selected: ['false'] })
    await session.submit()
    // Answered again (the first never stored): only the new answer stands.
    session.setDraft({ selected: ['true'] })
    await session.submit()
    expect(sentAnswers().map((a) => [a.input.questionId, a.input.answer])).toEqual([['demo-tf', { type: 'truefalse', value: true }]])
    expect(locks.isHeld(pageLockName(sentAnswers()[0]!.page))).toBe(true)
    // Left for a review, where a question is answered: the quiz's answer is still kept.
    await session.openReview(null)
    await session.dontKnow()
    expect(sentAnswers().map((a) => [a.where.split(':')[0], a.input.answer.type])).toEqual([['quiz', 'truefalse'], ['review', 'skip']])
    closePageOf(sentAnswers()[0]!)
    disk.room()
    newPage()
    await replay()
    expect((await db.reviews.toArray()).map((r) => [r.mode, r.answer.type]).sort()).toEqual([['practice', 'truefalse'], ['review', 'skip']])
  })

  it('is written once when the page retries after another page wrote it', async () => {
    const { id, session } = await startQuiz()
    const disk = diskFull()
    session.setDraft({ selected: ['false'] })
    await session.submit()
    expect(session.unsaved).not.toBeNull()
    disk.room()
    // Without locks, another page's start-up cannot tell this page is open, and writes it.
    vi.stubGlobal('navigator', {})
    const sessionPinia = getActivePinia()!
    newPage()
    await replay()
    expect(await db.reviews.count()).toBe(1)
    setActivePinia(sessionPinia)
    await session.retrySave()
    expect(session.phase).toBe('feedback')
    expect(session.result?.correct).toBe(false)
    expect(await db.reviews.count()).toBe(1)
    expect((await db.attempts.get(id))?.answers).toHaveLength(1)
  })

  it('an exam answer changed and cut short replaces the earlier one when replayed', async () => {
    const { id, session } = await startQuiz('exam')
    session.setDraft({ selected: ['false'] })
    await session.submit()
    await session.examGo(0)
    const disk = diskFull()
    session.setDraft({ selected: ['true'] })
    await session.submit()
    expect(session.saveError).not.toBeNull()
    const [sent] = sentAnswers()
    expect(sent?.replaces).toBeDefined()
    closePageOf(sent!)
    disk.room()
    newPage()
    await replay()
    const answers = (await db.attempts.get(id))?.answers ?? []
    expect(answers.map((a) => [a.questionId, a.answer])).toEqual([['demo-tf', { type: 'truefalse', value: true }]])
    expect(await db.reviews.count()).toBe(1)
  })
})
