import { getCurrentScope, onScopeDispose, ref, shallowRef, type ShallowRef } from 'vue'
import type { DbApi } from '@/db/api'
import { dbApi } from './dbApi'
import { describeError } from './describeError'

export interface LiveOptions<T> {
  /** The value before the first read. */
  initial: T
  /** What to wait for before the first read (the database being open). */
  ready?: () => Promise<unknown>
  /** Whether a new value is the one already held (then the held one stays, and no watcher runs). */
  same?: (held: T, next: T) => boolean
  /** Called with every value read. */
  onValue?: (value: T) => void
}

/**
 * The one way a store follows data in the database: a Dexie live query (`observe` in db/live.ts,
 * loaded with the database chunk) re-read on every change, in this tab or another, while at
 * least one screen watches it, and dropped when the last one leaves. `data` holds the last value
 * read (writable so a test can set the scene). A failed read is logged, its reason kept in
 * `loadError`, and reading stops until `retry`.
 */
export function liveResource<T>(query: (db: DbApi) => Promise<T>, options: LiveOptions<T>) {
  const data = shallowRef(options.initial) as ShallowRef<T>
  const loaded = ref(false)
  const loadError = ref<string | null>(null)
  let users = 0
  let unsubscribe: (() => void) | null = null
  // Reads are numbered as they start: a `refresh` that ends after a newer live read is dropped.
  let started = 0
  let shown = 0
  const waiting: { resolve: (value: T) => void; reject: (e: unknown) => void }[] = []

  async function read(db: DbApi): Promise<{ seq: number; value: T }> {
    const seq = ++started
    return { seq, value: await query(db) }
  }

  function deliver({ seq, value }: { seq: number; value: T }): void {
    if (seq < shown) return
    shown = seq
    if (!loaded.value || !options.same?.(data.value, value)) data.value = value
    loaded.value = true
    loadError.value = null
    options.onValue?.(value)
    for (const w of waiting.splice(0)) w.resolve(value)
  }

  function fail(e: unknown): void {
    // A failing read must not break the screen: whoever debugs a learner's device finds it logged.
    console.warn('live query failed', e)
    loadError.value = describeError(e)
    for (const w of waiting.splice(0)) w.reject(e)
  }

  async function subscribe(): Promise<void> {
    const db = await dbApi()
    if (users === 0 || unsubscribe) return
    loadError.value = null
    unsubscribe = db.observe(() => read(db), deliver, fail)
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  /**
   * Follows the query until the returned function is called, or, when called in a component's
   * setup or lifecycle hook, until that component is unmounted. `after`: a promise to wait for
   * first (the first paint). Several screens may watch at once; reading stops with the last.
   */
  function watch(after?: Promise<unknown>): () => void {
    users++
    let released = false
    void Promise.all([after, options.ready?.()])
      .then(() => {
        if (!released) return subscribe()
      })
      // A failed start-up is the app banner's to tell; the router keeps the screens closed then.
      .catch(() => {})
    const release = (): void => {
      if (released) return
      released = true
      if (--users === 0) stop()
    }
    if (getCurrentScope()) onScopeDispose(release)
    return release
  }

  /** Starts reading again after a failed read (only while someone watches). */
  function retry(): void {
    stop()
    void subscribe()
  }

  /**
   * Reads now, keeping the subscription, and resolves once the value is shown: for a query that
   * also depends on the clock, and for a write that reports done only when its result is on screen.
   */
  async function refresh(): Promise<void> {
    const db = await dbApi()
    await read(db).then(deliver, fail)
  }

  /** The next value read (rejects if that read fails). */
  function next(): Promise<T> {
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }))
  }

  return { data, loaded, loadError, watch, retry, refresh, next }
}
