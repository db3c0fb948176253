/**
 * Resolves once the first contentful paint is on screen (or after `fallbackMs`, for a tab that
 * paints nothing while hidden, or a browser without paint timing).
 *
 * Start-up work that the first screen does not need (opening the database, loading the
 * questions, registering the service worker) waits for this, so the first screen is shown
 * before those chunks are fetched and run, not after. The paint entry is reported once the
 * frame is presented, which an animation-frame callback would not tell. A one-shot promise
 * used before any component exists, so no scope-bound VueUse helper (`usePerformanceObserver`).
 */
export function afterFirstPaint(fallbackMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | null = null
    const done = (): void => {
      clearTimeout(timer)
      observer?.disconnect()
      resolve()
    }
    const timer = setTimeout(done, fallbackMs)
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return
      observer?.disconnect()
      // Every waiter is reported in the same task: a timer each spreads their work over tasks.
      setTimeout(done, 0)
    })
    // buffered: a paint that happened before this call counts too.
    observer.observe({ type: 'paint', buffered: true })
  })
}
