import { ref, watch } from 'vue'

export type ThemeMode = 'system' | 'light' | 'dark'
const STORAGE_KEY = 'qwen-study.theme'

function load(): ThemeMode {
  try {
    const v = localStorage.getItem(STORAGE_KEY)
    if (v === 'light' || v === 'dark' || v === 'system') return v
  } catch {
    // Storage blocked: follow the system.
  }
  return 'system'
}

function apply(mode: ThemeMode): void {
  const root = document.documentElement
  if (mode === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', mode)
}

// One shared mode for the whole app; the CSS follows prefers-color-scheme when it is 'system'.
const mode = ref<ThemeMode>(load())
apply(mode.value)
watch(mode, (m) => {
  apply(m)
  try {
    localStorage.setItem(STORAGE_KEY, m)
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
})

export function useTheme() {
  function cycle(): void {
    mode.value = mode.value === 'system' ? 'light' : mode.value === 'light' ? 'dark' : 'system'
  }
  return { mode, cycle }
}
