// @vitest-environment happy-dom
import { effectScope } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { OFFLINE_RECHECK_MS, reachesNetwork, useOnline } from './useOnline'

const failing = (): typeof fetch => vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
const answering = (): typeof fetch => vi.fn(async () => new Response(null, { status: 200 }))

function setNavigatorOnline(value: boolean): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => value })
}

afterEach(() => {
  vi.useRealTimers()
  setNavigatorOnline(true)
})

describe('reachesNetwork', () => {
  it('is true when the server answers (any status) and false on a network error', async () => {
    expect(await reachesNetwork(answering())).toBe(true)
    expect(await reachesNetwork(vi.fn(async () => new Response(null, { status: 404 })))).toBe(true)
    expect(await reachesNetwork(failing())).toBe(false)
  })

  it('asks past the service worker and the HTTP cache', async () => {
    const fetchFn = answering()
    await reachesNetwork(fetchFn)
    const [url, init] = vi.mocked(fetchFn).mock.calls[0] ?? []
    expect(String(url)).toMatch(/\?online=\d+$/)
    expect(init).toMatchObject({ method: 'HEAD', cache: 'no-store' })
  })
})

describe('useOnline', () => {
  it('says offline when the browser claims to be online but the network is gone', async () => {
    setNavigatorOnline(true)
    const scope = effectScope()
    const online = scope.run(() => useOnline(failing()))!
    await vi.waitFor(() => expect(online.value).toBe(false))
    scope.stop()
  })

  it('trusts the offline event at once, and comes back online once the network answers again', async () => {
    vi.useFakeTimers()
    let up = true
    const fetchFn = vi.fn(async () => (up ? new Response(null) : Promise.reject(new TypeError('offline'))))
    const scope = effectScope()
    const online = scope.run(() => useOnline(fetchFn))!
    await vi.advanceTimersByTimeAsync(0)
    expect(online.value).toBe(true)

    up = false
    window.dispatchEvent(new Event('offline'))
    expect(online.value).toBe(false)

    // The network returns without any event (as some browsers do): the periodic check sees it.
    up = true
    await vi.advanceTimersByTimeAsync(OFFLINE_RECHECK_MS)
    expect(online.value).toBe(true)
    const calls = fetchFn.mock.calls.length
    await vi.advanceTimersByTimeAsync(OFFLINE_RECHECK_MS * 3)
    expect(fetchFn.mock.calls.length, 'no polling while online').toBe(calls)
    scope.stop()
  })

  it('stops listening and checking when its scope ends', async () => {
    vi.useFakeTimers()
    const fetchFn = failing()
    const scope = effectScope()
    const online = scope.run(() => useOnline(fetchFn))!
    await vi.advanceTimersByTimeAsync(0)
    expect(online.value).toBe(false)
    scope.stop()
    const calls = vi.mocked(fetchFn).mock.calls.length
    await vi.advanceTimersByTimeAsync(OFFLINE_RECHECK_MS * 2)
    window.dispatchEvent(new Event('online'))
    expect(vi.mocked(fetchFn).mock.calls.length).toBe(calls)
  })
})
