import { ref } from 'vue'

/**
 * Service-worker registration and the update flow. A new version waits until the learner
 * reloads; while a quiz or review is under way the reload is held back (every submitted answer
 * is already saved, but a half-typed one would be lost), and offered again when it ends.
 */
const needRefresh = ref(false)
const offlineReady = ref(false)
let update: ((reload?: boolean) => Promise<void>) | null = null

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
  const { registerSW } = await import('virtual:pwa-register')
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      needRefresh.value = true
    },
    onOfflineReady() {
      offlineReady.value = true
    },
    onRegisteredSW(_url, registration) {
      // Look for a new version every hour while the app stays open.
      if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000)
    },
  })
}

export function usePwaUpdate() {
  async function applyUpdate(): Promise<void> {
    needRefresh.value = false
    if (update) await update(true)
    else location.reload()
  }
  return { needRefresh, offlineReady, applyUpdate }
}
