import { useStorage } from '@vueuse/core'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { useBankStore } from './bank'

/** Display preferences that must be known before the database opens (kept in localStorage). */
export const useUiPrefs = defineStore('uiPrefs', () => {
  // Stored as '1' / '0'; where storage is blocked the choice lasts for this page only.
  const showBoth = useStorage('qwen-study.showBoth', false, undefined, {
    serializer: { read: (v) => v === '1', write: (v) => (v ? '1' : '0') },
    writeDefaults: false,
    onError: () => {},
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
