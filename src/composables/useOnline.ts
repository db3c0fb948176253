import { onScopeDispose, ref } from 'vue'

/**
 * A small file of the app fetched past the service worker (its query string matches no
 * precache entry, so the request goes to the network). `cache: 'no-store'` keeps the HTTP cache
 * out of it too.
 */
const PROBE_PATH = '/favicon.svg'
/**
 * While the app thinks it is offline, how often it checks whether the network is back. A page
 * reloaded offline in some Chromium builds already says online, so no `online` event comes when
 * the network returns: this check is all that takes the banner away. A check made offline fails
 * at once without any traffic, so a short interval costs nothing.
 */
export const OFFLINE_RECHECK_MS = 5_000

/** Whether a request really reaches the server: a network error is the one sure sign of offline. */
export async function reachesNetwork(fetchFn: typeof fetch = fetch): Promise<boolean> {
  try {
    await fetchFn(`${PROBE_PATH}?online=${Date.now()}`, { method: 'HEAD', cache: 'no-store' })
    return true
  } catch {
    return false
  }
}

/**
 * Whether the device is online, as a ref. `navigator.onLine === false` is trusted at once, but
 * `true` only means "a network interface is up": some browser builds keep saying true after the
 * connection is gone (a captive portal, a dead Wi-Fi, or Chromium's own offline mode across a
 * reload). So whenever the browser says online (at start, on the `online` event, when the tab
 * comes back into view) the app asks the network itself, and while it is offline it asks again
 * every OFFLINE_RECHECK_MS, so the banner goes when the network comes back even if no event fires.
 */
export function useOnline(fetchFn: typeof fetch = (...args) => fetch(...args)) {
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)
  let timer: ReturnType<typeof setInterval> | undefined
  let disposed = false
  let check = 0

  const setOnline = (value: boolean): void => {
    online.value = value
    if (!value && timer === undefined) timer = setInterval(() => void verify(), OFFLINE_RECHECK_MS)
    if (value && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
  }

  // The latest check wins: an older answer arriving late never overrides a newer one.
  async function verify(): Promise<void> {
    if (!navigator.onLine) return setOnline(false)
    const mine = ++check
    const reached = await reachesNetwork(fetchFn)
    if (!disposed && mine === check) setOnline(reached)
  }

  const onOffline = (): void => {
    check++
    setOnline(false)
  }
  const onOnline = (): void => void verify()
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') void verify()
  }
  window.addEventListener('online', onOnline)
  window.addEventListener('offline', onOffline)
  document.addEventListener('visibilitychange', onVisible)
  void verify()

  onScopeDispose(() => {
    disposed = true
    window.removeEventListener('online', onOnline)
    window.removeEventListener('offline', onOffline)
    document.removeEventListener('visibilitychange', onVisible)
    if (timer !== undefined) clearInterval(timer)
  })
  return online
}
