import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { SetCardStats } from '@/db/progress'
import type { AttemptRecord } from '@/db/records'
import { useAppStore } from './app'
import { dbApi } from './dbApi'

export interface SetProgress {
  total: number
  new: number
  learning: number
  mastered: number
}

/**
 * Per-set progress for the home and set screens, kept live: an answer in this tab or another
 * one updates the counts without a reload.
 */
export const useProgressStore = defineStore('progress', () => {
  const cardStats = shallowRef(new Map<string, SetCardStats>())
  const finished = shallowRef<AttemptRecord[]>([])
  let watching = false

  async function watch(): Promise<void> {
    if (watching) return
    watching = true
    // Counts are shown once the database is open; showing them is no reason to open it (on a
    // first visit there is nothing to count: every question is new).
    await useAppStore().whenOpened()
    const db = await dbApi()
    db.observe(() => db.cardStatsBySet(db.getDB()), (v) => (cardStats.value = v))
    db.observe(() => db.listAttempts(db.getDB(), { status: 'finished', limit: 200 }), (v) => (finished.value = v))
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

  return { cardStats, finished, watch, progressOf, lastAttemptOf, attemptsOf }
})
