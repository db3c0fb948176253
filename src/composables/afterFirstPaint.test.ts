import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterFirstPaint } from './afterFirstPaint'

type Callback = (list: { getEntriesByName: (name: string) => unknown[] }) => void

/** A PerformanceObserver that reports the paint entries the test hands it. */
function fakeObserver() {
  const observers: { cb: Callback; disconnected: boolean; options?: unknown }[] = []
  class FakeObserver {
    static supportedEntryTypes = ['paint', 'longtask']
    private readonly entry: (typeof observers)[number]
    constructor(cb: Callback) {
      this.entry = { cb, disconnected: false }
      observers.push(this.entry)
    }
    observe(options: unknown) {
      this.entry.options = options
    }
    disconnect() {
      this.entry.disconnected = true
    }
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver)
  const paint = (...names: string[]) => {
    for (const o of observers) if (!o.disconnected) o.cb({ getEntriesByName: (n) => names.filter((x) => x === n) })
  }
  return { observers, paint }
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('afterFirstPaint', () => {
  it('resolves when the first contentful paint is reported, not at the first paint', async () => {
    vi.useFakeTimers()
    const { observers, paint } = fakeObserver()
    let done = false
    void afterFirstPaint(1000).then(() => (done = true))
    expect(observers[0]?.options).toEqual({ type: 'paint', buffered: true })
    paint('first-paint')
    await vi.advanceTimersByTimeAsync(10)
    expect(done).toBe(false)
    paint('first-contentful-paint')
    await Promise.resolve()
    expect(done).toBe(false) // in a task of its own
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(true)
    expect(observers[0]?.disconnected).toBe(true)
  })

  it('does not wait forever where nothing is painted (a hidden tab)', async () => {
    vi.useFakeTimers()
    const { observers } = fakeObserver()
    let done = false
    void afterFirstPaint(500).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(499)
    expect(done).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done).toBe(true)
    expect(observers[0]?.disconnected).toBe(true)
  })

  it('falls back to the timer without paint timing', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('PerformanceObserver', undefined)
    let done = false
    void afterFirstPaint(100).then(() => (done = true))
    await vi.advanceTimersByTimeAsync(100)
    expect(done).toBe(true)
  })
})
