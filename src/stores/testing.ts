/** For store tests (imported by tests only): each test starts with a fresh Pinia and ends by deleting the app's database. */
import { afterEach, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDB } from '@/db/database'

export function freshStoresEachTest(): void {
  beforeEach(() => {
    setActivePinia(createPinia())
  })
  afterEach(async () => {
    const db = getDB()
    db.close()
    await db.delete()
  })
}

/** A Storage in memory (localStorage or sessionStorage for a test); `refuse.on` makes every call throw, as a full or blocked storage does. */
export function memoryStorage(refuse: { on: boolean } = { on: false }): Storage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  const guard = () => {
    if (refuse.on) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
  }
  return {
    items,
    get length() {
      return items.size
    },
    key: (i: number) => [...items.keys()][i] ?? null,
    getItem: (k: string) => (guard(), items.get(k) ?? null),
    setItem: (k: string, v: string) => void (guard(), items.set(k, String(v))),
    removeItem: (k: string) => void (guard(), items.delete(k)),
    clear: () => items.clear(),
  }
}

/**
 * The Web Locks API of one browser, in memory: exclusive locks by name, `ifAvailable`, waiters
 * granted in turn. `drop(name)` lets go of a lock as the browser does when the page holding it
 * is closed or crashes.
 */
export class FakeLocks {
  private readonly held = new Map<string, () => void>()
  private readonly queues = new Map<string, (() => void)[]>()

  isHeld(name: string): boolean {
    return this.held.has(name)
  }

  drop(name: string): void {
    this.held.get(name)?.()
  }

  /** Marks `name` held (at once, so no other request slips in) and returns its release. */
  private grant(name: string): () => void {
    let released = false
    const release = () => {
      if (released) return
      released = true
      this.held.delete(name)
      this.queues.get(name)?.shift()?.()
    }
    this.held.set(name, release)
    return release
  }

  async request<T>(
    name: string,
    a: { ifAvailable?: boolean } | ((lock: { name: string } | null) => T | Promise<T>),
    b?: (lock: { name: string } | null) => T | Promise<T>,
  ): Promise<T> {
    const [options, callback] = typeof a === 'function' ? [{}, a] : [a, b!]
    let release: () => void
    if (!this.held.has(name)) release = this.grant(name)
    else if (options.ifAvailable) return callback(null)
    else {
      const queue = this.queues.get(name) ?? []
      this.queues.set(name, queue)
      release = await new Promise<() => void>((granted) => queue.push(() => granted(this.grant(name))))
    }
    try {
      return await callback({ name })
    } finally {
      release()
    }
  }
}
