import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, getCurrentScope, onScopeDispose } from 'vue'
import builtInIndex from 'virtual:question-index'
import type { SetCardStats } from '@/db/progress'
import type { AttemptRecord } from '@/db/records'
import { useAppStore } from './app'
import { liveResource } from './liveResource'
import { localMidnight } from '@/db/localDays'

export interface SetProgress {
  total: number
  new: number
  learning: number
  mastered: number
}

/**
 * Per-set progress for the home, set and stats screens, kept live while one of them is shown: an
 * answer in this tab or another one updates the counts without a reload. The counts are a row
 * per set (db/counts.ts); they are read only while a screen that shows them is on screen, and
 * only for the sets it shows; the review and quiz screens write a card per answer and do not
 * re-read them.
 */
export const useProgressStore = defineStore('progress', () => {
  /** What each watching screen shows: some sets' counts (a set's page), or every set's (null). */
  const scopes = new Set<{ sets: readonly string[] | null }>()
  /** The sets to count: undefined for every set. */
  function counted(): string[] | undefined {
    const all = [...scopes]
    if (all.length === 0 || all.some((x) => x.sets === null)) return undefined
    return [...new Set(all.flatMap((x) => x.sets ?? []))]
  }
  /** Every set's counts as last read: a read of some sets replaces theirs and keeps the rest. */
  let counts = new Map<string, SetCardStats>()

  // Counts are shown once the database is open; showing them is no reason to open it (on a first
  // visit there is nothing to count: every question is new).
  const live = liveResource(
    async (db) => {
      const only = counted()
      // Every set of the bank by id (the imported ones from their info rows): an index walk for
      // the sets that have cards would read every card's key.
      const sets = only ?? [...builtInIndex.map((s) => s.id), ...(await db.listImportedSetInfo(db.getDB())).map((r) => r.id)]
      const [read, finished, active, newToday] = await Promise.all([
        db.cardStatsBySet(db.getDB(), sets),
        db.listAttempts(db.getDB(), { status: 'finished', limit: 200 }),
        db.listAttempts(db.getDB(), { status: 'active' }),
        db.countNewReviewedToday(db.getDB(), localMidnight(Date.now())),
      ])
      counts = only ? new Map([...counts, ...read]) : read
      return { cardStats: counts, finished, active: active.filter((a) => a.kind === 'quiz'), newToday }
    },
    {
      initial: { cardStats: new Map<string, SetCardStats>(), finished: [] as AttemptRecord[], active: [] as AttemptRecord[], newToday: 0 },
      ready: () => useAppStore().whenOpened(),
    },
  )
  const quizzes = (setId: string) => live.data.value.finished.filter((a) => a.kind === 'quiz' && a.setIds.includes(setId))

  /** The quiz or exam to continue: the most recent one still open (in progress: most recently answered first). */
  function unfinished(now: number): AttemptRecord | undefined {
    return live.data.value.active.find((a) => a.deadline === null || a.deadline > now)
  }

  function watch(after?: Promise<unknown>, sets: readonly string[] | null = null): () => void {
    const before = counted()
    const scope = { sets }
    scopes.add(scope)
    const stop = live.watch(after)
    // Another screen is reading already, for fewer sets: read this one's too.
    if (before && (sets === null || sets.some((id) => !before.includes(id)))) void Promise.resolve(after).then(live.refresh)
    let released = false
    const release = (): void => {
      if (released) return
      released = true
      scopes.delete(scope)
      stop()
    }
    if (getCurrentScope()) onScopeDispose(release)
    return release
  }

  /** New / learning / mastered counts; "learning" includes young review cards. */
  function progressOf(setId: string, total: number): SetProgress {
    const s = live.data.value.cardStats.get(setId)
    const learning = (s?.learning ?? 0) + (s?.young ?? 0)
    const mastered = s?.review ?? 0
    return { total, learning, mastered, new: Math.max(0, total - learning - mastered) }
  }

  return {
    /** New questions started today (for "learn N new" on home). */
    newToday: computed(() => live.data.value.newToday),
    /**
     * Keeps the counts live while a screen shows them (see liveResource's watch): of the sets
     * `sets` only (a set's page), or of every set. The last value stays in the store meanwhile, so
     * a screen shown again has counts at once, fresh ones a moment later.
     */
    watch,
    progressOf,
    lastAttemptOf: (setId: string): AttemptRecord | undefined => quizzes(setId)[0],
    attemptsOf: quizzes,
    unfinished,
  }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useProgressStore, import.meta.hot))
