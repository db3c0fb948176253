import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { getDB } from '@/db/database'
import { observe } from '@/db/live'
import { cardStatsBySet, listAttempts, type SetCardStats } from '@/db/progress'
import type { AttemptRecord } from '@/db/records'

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

  function watch(): void {
    if (watching) return
    watching = true
    observe(() => cardStatsBySet(getDB()), (v) => (cardStats.value = v))
    observe(() => listAttempts(getDB(), { status: 'finished', limit: 200 }), (v) => (finished.value = v))
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
