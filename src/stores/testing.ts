/**
 * For store and screen tests (imported by tests only): a fresh Pinia and database each test, the
 * built-in bank stood in by given sets, browser storage and locks in memory.
 */
import { afterEach, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { QuestionSet } from '@/domain/content/schema'
import { getDB } from '@/db/database'

/** Each test starts with a fresh Pinia and ends by deleting the app's database. */
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

/**
 * The built-in bank's two modules, holding `sets`: the sets fetched by id, and the index listing
 * each set's title and question ids. Made in `vi.hoisted` and handed to `vi.mock`:
 *
 *   const fake = await vi.hoisted(async () => (await import('@/stores/testing')).mockBank([...]))
 *   vi.mock('virtual:question-bank', () => fake.bank)
 *   vi.mock('virtual:question-index', () => fake.index)
 */
export function mockBank(sets: readonly QuestionSet[]) {
  return {
    bank: { loadSet: async (id: string) => sets.find((s) => s.id === id) },
    index: { default: sets.map((s) => ({ id: s.id, title: s.title, questions: s.questions.map((q) => q.id) })) },
  }
}

const text = (s: string) => ({ zh: s, en: s })

/** A built-in set of four questions for session tests: true/false, single choice, a blank and a flashcard. */
export const demoSet: QuestionSet = {
  id: 'demo',
  title: text('Demo'),
  keyPoints: [text('k')],
  questions: [
    { id: 'demo-tf', type: 'truefalse', prompt: text('Sky is blue?'), explanation: text('e'), answer: true },
    {
      id: 'demo-single', type: 'single', prompt: text('Who?'), explanation: text('e'), answer: 'a',
      choices: [{ id: 'a', text: text('Alibaba') }, { id: 'b', text: text('Meta') }, { id: 'c', text: text('Google') }],
    },
    { id: 'demo-blank', type: 'blank', prompt: text('Name ____'), explanation: text('e'), answer: { zh: '千问', en: 'Qwen' } },
    { id: 'demo-card', type: 'flashcard', prompt: text('Front'), explanation: text('e'), back: text('Back') },
  ],
}
