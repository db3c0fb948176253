import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { useBankStore } from './bank'

const BOTH_KEY = 'qwen-study.showBoth'

function loadBool(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1'
  } catch {
    return false
  }
}

/** Display preferences that must be known before the database opens (kept in localStorage). */
export const useUiPrefs = defineStore('uiPrefs', () => {
  const showBoth = ref(loadBool(BOTH_KEY))
  watch(showBoth, (v) => {
    try {
      localStorage.setItem(BOTH_KEY, v ? '1' : '0')
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
  })

  /** The citation's source: the article's publisher for built-in sets (undefined), the set's name for imported ones. */
  function sourceNameFor(setId: string): string | undefined {
    const entry = useBankStore().setById.get(setId)
    return entry?.imported ? entry.name : undefined
  }

  return { showBoth, sourceNameFor }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUiPrefs, import.meta.hot))
