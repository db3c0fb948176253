import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDB } from '@/db/database'
import { observe } from '@/db/live'
import { clearNotebookEntry, listNotebook, restoreNotebookEntry } from '@/db/progress'
import type { NotebookEntry } from '@/db/records'
import { useAppStore } from './app'
import { describeError } from './describeError'

/**
 * The mistake notebook (错题本), kept live: an answer in this tab or another one moves entries
 * between "to fix" and "cleared" without a reload.
 */
export const useNotebookStore = defineStore('notebook', () => {
  const active = shallowRef<NotebookEntry[]>([])
  const cleared = shallowRef<NotebookEntry[]>([])
  const loaded = ref(false)
  /** Why the notebook could not be read (the screen offers `retry`); null otherwise. */
  const loadError = ref<string | null>(null)

  let users = 0
  let unsubscribe: (() => void) | null = null

  /** Starts following the notebook; call the returned function when the screen goes away. */
  function watch(): () => void {
    users++
    let stopped = false
    // The router opens the database before this screen; a subscription made earlier would
    // follow a connection that is about to be replaced.
    void useAppStore()
      .whenReady()
      .then(() => {
        if (!stopped && !unsubscribe) subscribe()
      })
      // A failed start-up is the app banner's to tell; the router keeps this screen closed then.
      .catch(() => {})
    return () => {
      if (stopped) return
      stopped = true
      // Several screens may watch at once: the subscription ends with the last of them.
      if (--users === 0) {
        unsubscribe?.()
        unsubscribe = null
      }
    }
  }

  function subscribe(): void {
    unsubscribe?.()
    loadError.value = null
    unsubscribe = observe(
      () => Promise.all([listNotebook(getDB(), { cleared: false, sort: 'recent' }), listNotebook(getDB(), { cleared: true, sort: 'recent' })]),
      ([a, c]) => {
        active.value = a
        cleared.value = c
        loaded.value = true
        loadError.value = null
      },
      // A live query that failed has ended: only `retry` starts it again.
      (e) => (loadError.value = describeError(e)),
    )
  }

  /** Reads the notebook again after a failed read (only while a screen watches it). */
  function retry(): void {
    if (users > 0) subscribe()
  }

  async function clear(questionId: string): Promise<boolean> {
    return clearNotebookEntry(getDB(), questionId, Date.now())
  }

  async function restore(questionId: string): Promise<boolean> {
    return restoreNotebookEntry(getDB(), questionId)
  }

  return { active, cleared, loaded, loadError, watch, retry, clear, restore }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNotebookStore, import.meta.hot))
