import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * Whether a quiz or review is under way. Kept apart from the session store so that the app
 * shell (banners, update prompt) can read it without loading the quiz code.
 */
export const useActivityStore = defineStore('activity', () => {
  const studying = ref(false)
  return { studying }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useActivityStore, import.meta.hot))
