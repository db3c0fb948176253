import { ref } from 'vue'
import type { RouteRecordNameGeneric } from 'vue-router'

/**
 * Service-worker registration and the update flow. A new version waits until the learner
 * reloads; while a quiz or review is under way the reload is held back (every submitted answer
 * is already saved, but a half-typed one would be lost), and offered again when it ends.
 *
 * Another tab may apply the update: the new worker then takes control of this tab too, whose
 * code is the old version. This tab reloads to the new one, but never under the learner: on the
 * quiz or review screen it keeps running until they leave it (see createReloadGate).
 */
const needRefresh = ref(false)
const offlineReady = ref(false)
let skipWaiting: (() => void) | null = null

/** The screens where a reload would take the learner's work away (a half-typed answer). */
export function holdsLearner(name: RouteRecordNameGeneric | undefined): boolean {
  return name === 'quiz' || name === 'review'
}

/**
 * When to reload for a new version: now, unless a quiz or review is on screen; then as soon as
 * the learner leaves it. `reload` runs at most once.
 */
export function createReloadGate(reload: () => void) {
  let route: RouteRecordNameGeneric | undefined
  let pending = false
  let done = false
  const fire = () => {
    if (done) return
    done = true
    pending = false
    reload()
  }
  return {
    /** The new version controls this tab: reload when the learner can lose nothing. */
    request(): void {
      if (holdsLearner(route)) pending = true
      else fire()
    },
    routeChanged(name: RouteRecordNameGeneric | undefined): void {
      route = name
      if (pending && !holdsLearner(name)) fire()
    },
    waiting: () => pending,
  }
}

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
  const [{ Workbox }, { router }] = await Promise.all([import('workbox-window'), import('@/router')])
  const gate = createReloadGate(() => location.reload())
  gate.routeChanged(router.currentRoute.value.name)
  router.afterEach((to) => gate.routeChanged(to.name))

  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
  // A new version is installed and waits (found by this tab or another one).
  wb.addEventListener('waiting', () => {
    needRefresh.value = true
  })
  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate) offlineReady.value = true
  })
  // The new version took control: applied here (Reload) or in another tab.
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) gate.request()
  })
  let registration: ServiceWorkerRegistration | undefined
  try {
    registration = await wb.register({ immediate: true })
  } catch {
    // Service workers refused (a private mode, a policy): the app works as a plain page.
    return
  }
  skipWaiting = () => wb.messageSkipWaiting()
  // Look for a new version every hour while the app stays open (for the page's whole life, so a
  // plain interval: there is no component scope to tie a `useIntervalFn` to).
  if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000)
}

export function usePwaUpdate() {
  async function applyUpdate(): Promise<void> {
    needRefresh.value = false
    // The waiting worker takes over; 'controlling' then reloads this tab (and every other tab
    // that shows no quiz or review).
    if (skipWaiting) skipWaiting()
    else location.reload()
  }
  return { needRefresh, offlineReady, applyUpdate }
}
