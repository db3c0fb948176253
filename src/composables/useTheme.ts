import { useStorage } from '@vueuse/core'
import { watch } from 'vue'

export type ThemeMode = 'system' | 'light' | 'dark'
const MODES: readonly string[] = ['system', 'light', 'dark'] satisfies ThemeMode[]

/**
 * One shared mode for the whole app, kept in localStorage ('system', 'light' or 'dark'; anything
 * else reads as 'system'); where storage is blocked the choice lasts for this page only.
 *
 * Not VueUse's `useColorMode`: in 'auto' it writes the system's resolved mode to the attribute
 * and stores 'auto'. Here 'system' removes `data-theme`, so the CSS follows
 * prefers-color-scheme on its own, and the values already saved keep their meaning.
 */
const mode = useStorage<ThemeMode>('qwen-study.theme', 'system', undefined, {
  serializer: { read: (v) => (MODES.includes(v) ? (v as ThemeMode) : 'system'), write: (v) => v },
  writeDefaults: false,
  onError: () => {},
})
const root = document.documentElement
watch(mode, (m) => (m === 'system' ? root.removeAttribute('data-theme') : root.setAttribute('data-theme', m)), { immediate: true })

export function useTheme() {
  function cycle(): void {
    mode.value = mode.value === 'system' ? 'light' : mode.value === 'light' ? 'dark' : 'system'
  }
  return { mode, cycle }
}
