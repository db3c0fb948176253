import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed } from 'vue'
import { getDB } from '@/db/database'
import { clearNotebookEntry, listNotebook, restoreNotebookEntry } from '@/db/progress'
import type { NotebookEntry } from '@/db/records'
import { useAppStore } from './app'
import { liveResource } from './liveResource'

/**
 * The mistake notebook (错题本), kept live: an answer in this tab or another one moves entries
 * between "to fix" and "cleared" without a reload.
 */
export const useNotebookStore = defineStore('notebook', () => {
  const live = liveResource(
    async () => {
      const [active, cleared] = await Promise.all([
        listNotebook(getDB(), { cleared: false, sort: 'recent' }),
        listNotebook(getDB(), { cleared: true, sort: 'recent' }),
      ])
      return { active, cleared }
    },
    { initial: { active: [] as NotebookEntry[], cleared: [] as NotebookEntry[] }, ready: () => useAppStore().whenReady() },
  )

  async function clear(questionId: string): Promise<boolean> {
    return clearNotebookEntry(getDB(), questionId, Date.now())
  }

  async function restore(questionId: string): Promise<boolean> {
    return restoreNotebookEntry(getDB(), questionId)
  }

  return {
    active: computed(() => live.data.value.active),
    cleared: computed(() => live.data.value.cleared),
    loaded: live.loaded,
    loadError: live.loadError,
    watch: live.watch,
    retry: live.retry,
    clear,
    restore,
  }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNotebookStore, import.meta.hot))
