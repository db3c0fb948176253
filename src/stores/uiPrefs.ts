import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { useBankStore } from './bank'

const SHOW_BOTH = 'qwen-study.showBoth'

function readShowBoth(): boolean {
  try {
    return localStorage.getItem(SHOW_BOTH) === '1'
  } catch {
    return false
  }
}

/**
 * Display preferences that must be known before the database opens (kept in localStorage).
 * Hand-written, as the app shell's theme and online status are: the quiz and review screens
 * read them, and VueUse's `useStorage` would put its chunks (2.8 KB gzip) on the first answer's path.
 */
export const useUiPrefs = defineStore('uiPrefs', () => {
  // Stored as '1' / '0', written only when changed; where storage is blocked the choice lasts
  // for this page only. Another tab's change shows here too.
  const showBoth = ref(readShowBoth())
  watch(showBoth, (v) => {
    try {
      localStorage.setItem(SHOW_BOTH, v ? '1' : '0')
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
  })
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (e) => {
      if (e.key === SHOW_BOTH || e.key === null) showBoth.value = readShowBoth()
    })
  }

  /** The citation's source: the article's publisher for built-in sets (undefined), the set's name for imported ones. */
  function sourceNameFor(setId: string): string | undefined {
    const entry = useBankStore().setById.get(setId)
    return entry?.imported ? entry.name : undefined
  }

  return { showBoth, sourceNameFor }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useUiPrefs, import.meta.hot))
