import { acceptHMRUpdate, defineStore } from 'pinia'
import { getCurrentScope, onScopeDispose, shallowRef } from 'vue'
import type { SetCardStats } from '@/db/progress'
import type { AttemptRecord } from '@/db/records'
import { useAppStore } from './app'
import { dbApi } from './dbApi'
import { localMidnight } from '@/db/localDays'

export interface SetProgress {
  total: number
  new: number
  learning: number
  mastered: number
}

/**
 * Per-set progress for the home, set and stats screens, kept live while one of them is shown: an
 * answer in this tab or another one updates the counts without a reload. Counting reads every
 * set's range of the card index, so it runs only while a screen that shows the counts is on
 * screen; the review and quiz screens write a card per answer and must not pay for it.
 */
export const useProgressStore = defineStore('progress', () => {
  const cardStats = shallowRef(new Map<string, SetCardStats>())
  const finished = shallowRef<AttemptRecord[]>([])
  /** Quizzes and exams in progress, most recently answered first. */
  const active = shallowRef<AttemptRecord[]>([])
  /** New questions started today (for "learn N new" on home). */
  const newToday = shallowRef(0)
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined
  /** Screens showing the counts now. */
  let watchers = 0
  let subscriptions: (() => void)[] = []

  async function subscribe(): Promise<void> {
    const db = await dbApi()
    if (watchers === 0 || subscriptions.length > 0) return
    subscriptions = [
      db.observe(() => db.cardStatsBySet(db.getDB()), (v) => (cardStats.value = v)),
      db.observe(() => db.listAttempts(db.getDB(), { status: 'finished', limit: 200 }), (v) => (finished.value = v)),
      db.observe(
        () => db.countNewReviewedToday(db.getDB(), localMidnight(Date.now())),
        (n) => (newToday.value = n),
      ),
      db.observe(
        () => db.listAttempts(db.getDB(), { status: 'active' }),
        (v) => {
          active.value = v.filter((a) => a.kind === 'quiz')
          void endExamsAtDeadline()
        },
      ),
    ]
  }

  function unsubscribe(): void {
    for (const stop of subscriptions) stop()
    subscriptions = []
    clearTimeout(deadlineTimer)
  }

  /**
   * An exam's clock runs whether or not its screen is open (another screen, offline): each one
   * is handed in at its deadline, and one whose deadline passed while the app was closed is
   * handed in at that deadline as soon as the app sees it (home, a set or stats shown, or the
   * exam's own screen).
   */
  async function endExamsAtDeadline(): Promise<void> {
    clearTimeout(deadlineTimer)
    const now = Date.now()
    const timed = active.value.filter((a) => a.deadline !== null)
    const db = await dbApi()
    for (const a of timed) if (a.deadline! <= now) await db.finishAttempt(db.getDB(), a.id, a.deadline!)
    const next = Math.min(...timed.map((a) => a.deadline!).filter((d) => d > now))
    if (Number.isFinite(next)) deadlineTimer = setTimeout(() => void endExamsAtDeadline(), Math.min(next - now, 2 ** 31 - 1))
  }

  /** The quiz or exam to continue: the most recent one still open. */
  function unfinished(now: number): AttemptRecord | undefined {
    return active.value.find((a) => a.deadline === null || a.deadline > now)
  }

  /**
   * Keeps the counts live until the returned function is called, or, when called in a
   * component's setup or lifecycle hook, until that component is unmounted. `after`: a promise
   * to wait for first (e.g. the first paint). The last value stays in the store meanwhile, so a
   * screen shown again has counts at once and fresh ones a moment later.
   */
  function watch(options: { after?: Promise<unknown> } = {}): () => void {
    let released = false
    let counted = false
    const release = (): void => {
      if (released) return
      released = true
      if (counted && --watchers === 0) unsubscribe()
    }
    if (getCurrentScope()) onScopeDispose(release)
    void (async () => {
      await options.after
      // Counts are shown once the database is open; showing them is no reason to open it (on a
      // first visit there is nothing to count: every question is new).
      await useAppStore().whenOpened()
      if (released) return
      counted = true
      watchers++
      await subscribe()
    })()
    return release
  }

  /** New / learning / mastered counts; "learning" includes young review cards. */
  function progressOf(setId: string, total: number): SetProgress {
    const s = cardStats.value.get(setId)
    const learning = (s?.learning ?? 0) + (s?.young ?? 0)
    const mastered = s?.review ?? 0
    return { total, learning, mastered, new: Math.max(0, total - learning - mastered) }
  }

  function lastAttemptOf(setId: string): AttemptRecord | undefined {
    return finished.value.find((a) => a.kind === 'quiz' && a.setIds.includes(setId))
  }

  function attemptsOf(setId: string): AttemptRecord[] {
    return finished.value.filter((a) => a.kind === 'quiz' && a.setIds.includes(setId))
  }

  return { cardStats, finished, active, newToday, watch, progressOf, lastAttemptOf, attemptsOf, unfinished }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProgressStore, import.meta.hot))
