/**
 * Answers sent and not yet stored, kept in localStorage from the moment each is sent until it is
 * stored, so that a reload, a tab closed or crashed, or the browser killed between the two does
 * not drop it: the next page of the app to start writes it (`replayPendingAnswer.ts`).
 * localStorage is shared by every tab of the app and outlives them; each answer has a key of its
 * own (no tab ever rewrites another's) and its log id is chosen when it is sent, so it is written
 * once at most whoever writes it.
 *
 * While the page that sent an answer is open, that page is the one writing it: from sending an
 * answer until it is stored, the page holds a Web Lock named after it, which the browser lets go
 * when the page is closed or crashes; a replay takes that lock before writing what the page
 * left, so it never writes an answer its page is still writing, nor into another tab's running
 * session. (Only then: a page that holds a lock when the learner leaves it is not kept in the
 * browser's back-forward cache.)
 * Synchronous, like the draft: it must be there before `unload`.
 */
import type { Grade } from '@/domain/content/response'
import type { AnswerInput } from '@/db/progress'
import { storedJson } from './storedJson'

/** Each answer's key: the prefix and its log id. */
const PREFIX = 'qwen-study.pending-answer:'
const LOCK_PREFIX = 'qwen-study.page:'

export interface SentAnswer {
  /** Where it was sent ('quiz:<attempt id>' or 'review'): a new answer to its question there replaces it. */
  where: string
  /** The answer as sent, before grading: its log id chosen, a flashcard's grade if any. */
  input: Omit<AnswerInput, 'correct' | 'grade'> & { id: string; grade?: Grade }
  /** The log id of the answer it replaces (an exam question answered again). */
  replaces?: string
  /** The page that sent it (see `openPage`). */
  page: string
}

/** This page's id, named by its lock. */
let page = crypto.randomUUID()
/** The answers this page sent and has not stored yet: log id → where it was sent and its question. */
const mine = new Map<string, string>()
/** Lets go of this page's lock (held while `mine` has any). */
let letGo: (() => void) | null = null

/** The browser's Web Locks, where it has them. */
export function pageLocks(): LockManager | undefined {
  return globalThis.navigator?.locks
}

export function pageLockName(id: string): string {
  return LOCK_PREFIX + id
}

export function isThisPage(id: string): boolean {
  return id === page
}

/** Starts this page (once, at start-up): a new page id. */
export function openPage(): void {
  letGo?.()
  letGo = null
  page = crypto.randomUUID()
  mine.clear()
}

/** Holds this page's lock until `letGo()`. */
function holdPageLock(): void {
  const locks = pageLocks()
  if (letGo || !locks) return
  const held = new Promise<void>((release) => (letGo = release))
  void locks.request(pageLockName(page), () => held)
}

const answerKey = (id: string) => storedJson<SentAnswer>(() => localStorage, PREFIX + id)

/**
 * Keeps an answer just sent. One this page sent earlier to the same question in the same place
 * and never stored is dropped: the learner answered again. Storage blocked or full: the answer
 * is written as before, only without this safety net.
 */
export function keepSentAnswer(sent: Omit<SentAnswer, 'page'>): void {
  // The lock first: asked for before another tab can hear of the answer (a storage event).
  holdPageLock()
  const place = `${sent.where} ${sent.input.questionId}`
  for (const [id, at] of mine) {
    if (at !== place || id === sent.input.id) continue
    mine.delete(id)
    answerKey(id).write(null)
  }
  mine.set(sent.input.id, place)
  answerKey(sent.input.id).write({ ...sent, page })
}

/** The answer is stored, or is not to be written (dropped). */
export function forgetSentAnswer(id: string): void {
  if (mine.delete(id) && mine.size === 0) {
    letGo?.()
    letGo = null
  }
  answerKey(id).write(null)
}

/** The answer with log id `id`, while it is kept. */
export function sentAnswer(id: string): SentAnswer | null {
  return answerKey(id).read()
}

/** Every answer kept, by any page, oldest first. */
export function sentAnswers(): SentAnswer[] {
  const ids: string[] = []
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)
      if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length))
    }
  } catch {
    // Storage blocked: nothing was kept there.
  }
  return ids
    .map(sentAnswer)
    .filter((a): a is SentAnswer => typeof a?.input?.id === 'string' && typeof a.input.questionId === 'string')
    .sort((a, b) => a.input.now - b.input.now)
}
