import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { getDB, type StudyDB } from '@/db/database'
import { observe } from '@/db/live'
import { freshDBEachTest, makeCard, whileReadsFail } from '@/db/test-utils'
import { liveResource } from './liveResource'

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh), { open: true, app: true })

/** A live count of the cards that counts its own reads. */
function cardCount(ready?: () => Promise<unknown>) {
  const counter = { reads: 0 }
  const live = liveResource(
    async (api) => {
      counter.reads++
      return api.getDB().cards.count()
    },
    { initial: -1, ready },
  )
  return Object.assign(counter, live)
}

/** Writes a card and resolves once the database's own live query has seen it: every subscriber has been told. */
async function writeCard(questionId: string): Promise<void> {
  await db.cards.put(makeCard({ questionId }))
  await new Promise<void>((resolve) => {
    const stop = observe(
      () => getDB().cards.get(questionId),
      (card) => {
        if (card) {
          stop()
          resolve()
        }
      },
    )
  })
  // The subscribers' own reads, if any, come back within a few tasks.
  await new Promise((r) => setTimeout(r, 50))
}

function manualPromise() {
  let resolve: () => void = () => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('liveResource', () => {
  it('reads once watched and follows every write', async () => {
    const live = cardCount()
    expect(live.data.value).toBe(-1)
    expect(live.loaded.value).toBe(false)
    const release = live.watch()
    await vi.waitFor(() => expect(live.data.value).toBe(0))
    expect(live.loaded.value).toBe(true)
    await writeCard('q1')
    expect(live.data.value).toBe(1)
    release()
  })

  it('shares one subscription between users, and stops reading when the last one leaves', async () => {
    const live = cardCount()
    const first = live.watch()
    const second = live.watch()
    await vi.waitFor(() => expect(live.loaded.value).toBe(true))
    expect(live.reads).toBe(1)

    first()
    first() // releasing twice counts once
    await writeCard('q1')
    expect(live.data.value).toBe(1)

    second()
    const reads = live.reads
    await writeCard('q2')
    expect(live.reads).toBe(reads)
    expect(live.data.value).toBe(1)

    // A new user starts reading again.
    const again = live.watch()
    await vi.waitFor(() => expect(live.data.value).toBe(2))
    again()
  })

  it('ends with the component (or scope) that watched it', async () => {
    const live = cardCount()
    const screen = effectScope()
    screen.run(() => live.watch())
    await vi.waitFor(() => expect(live.loaded.value).toBe(true))
    screen.stop()
    const reads = live.reads
    await writeCard('q1')
    expect(live.reads).toBe(reads)
  })

  it('keeps why a read failed, logs it, and reads again on retry', async () => {
    const live = cardCount()
    const { value: release, warnings } = await whileReadsFail(async () => {
      const release = live.watch()
      await vi.waitFor(() => expect(live.loadError.value).toBe('UnknownError: Internal error opening backing store'))
      return release
    })
    expect(live.loaded.value).toBe(false)
    expect(warnings.some((w) => w.startsWith('live query failed') && w.includes('Internal error opening backing store'))).toBe(true)

    live.retry()
    await vi.waitFor(() => expect(live.loaded.value).toBe(true))
    expect(live.loadError.value).toBeNull()
    expect(live.data.value).toBe(0)
    // And it is live again.
    await writeCard('q1')
    expect(live.data.value).toBe(1)
    release()
  })

  it('retries nothing when no one watches', async () => {
    const live = cardCount()
    live.retry()
    await writeCard('q1')
    expect(live.reads).toBe(0)
  })

  it('waits for `ready`, and never reads for a user who left before it', async () => {
    const ready = manualPromise()
    const live = cardCount(() => ready.promise)
    const release = live.watch()
    await new Promise((r) => setTimeout(r, 20))
    expect(live.reads).toBe(0)
    release()
    ready.resolve()
    await writeCard('q1')
    expect(live.reads).toBe(0)
    expect(live.loaded.value).toBe(false)

    // Once ready, a new user reads at once.
    const again = live.watch()
    await vi.waitFor(() => expect(live.data.value).toBe(1))
    again()
  })

  it('waits for `after` too (the first paint)', async () => {
    const paint = manualPromise()
    const live = cardCount()
    const release = live.watch(paint.promise)
    await new Promise((r) => setTimeout(r, 20))
    expect(live.reads).toBe(0)
    release()
    // Another screen, still waiting for its own paint, is not started by the first one's.
    const nextPaint = manualPromise()
    const other = live.watch(nextPaint.promise)
    paint.resolve()
    await new Promise((r) => setTimeout(r, 20))
    expect(live.reads).toBe(0)
    nextPaint.resolve()
    await vi.waitFor(() => expect(live.data.value).toBe(0))
    other()
  })

  it('refresh reads now, keeps the subscription, and an older read never replaces a newer one', async () => {
    // A query answered by hand: the live read and the refresh finish in the opposite order.
    const answers: { value: number; answer: () => void }[] = []
    const live = liveResource(
      () =>
        new Promise<number>((resolve) => {
          const value = answers.length + 1
          answers.push({ value, answer: () => resolve(value) })
        }),
      { initial: 0 },
    )
    const release = live.watch()
    await vi.waitFor(() => expect(answers).toHaveLength(1))
    const refreshed = live.refresh()
    await vi.waitFor(() => expect(answers).toHaveLength(2))
    answers[1]!.answer()
    await refreshed
    expect(live.data.value).toBe(2)
    answers[0]!.answer()
    await new Promise((r) => setTimeout(r, 20))
    expect(live.data.value).toBe(2)
    release()
  })

  it('keeps the value it holds when a read brings the same one, and tells onValue of every read', async () => {
    const seen: object[] = []
    const live = liveResource((api) => api.getDB().cards.count().then((n) => ({ n })), {
      initial: { n: -1 },
      same: (a, b) => a.n === b.n,
      onValue: (v) => seen.push(v),
    })
    const release = live.watch()
    await vi.waitFor(() => expect(live.data.value).toEqual({ n: 0 }))
    const held = live.data.value
    await live.refresh()
    expect(seen).toHaveLength(2)
    expect(live.data.value).toBe(held)
    release()
  })

  it('next resolves with the next value read', async () => {
    const live = cardCount()
    const first = live.next()
    const release = live.watch()
    expect(await first).toBe(0)
    const after = live.next()
    await db.cards.put(makeCard({ questionId: 'q1' }))
    expect(await after).toBe(1)
    release()
  })
})
