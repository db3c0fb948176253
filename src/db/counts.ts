/**
 * The `counts` table (schema version 7): per set, how many cards it has and how many of them are
 * learning, young and mature; and how many entries the review log holds. Beside it `dueSlots`:
 * how many cards fall due in each quarter hour. Home, a set's page, the stats screen (its total
 * and forecast) and the start of a review read these rows instead of counting index keys (an
 * index count walks every key it counts: about a second for 100,000 cards).
 *
 * They stay right by construction: a DBCore middleware, installed on every StudyDB, sees every
 * write to `cards` and `reviews` whoever makes it (a repository, a backup import, the bank sync,
 * a test's bulkAdd) and adjusts the rows in the same transaction, so a write and its counts
 * commit or roll back together. It also adds both tables to the scope of every read-write
 * transaction over `cards` or `reviews`: a writer cannot forget them. The rules (a card's bucket,
 * what a change adds up to) are the domain's: domain/progress/counts.ts.
 *
 * How: before passing a write down, the middleware asks for what it replaces or deletes (the
 * cards, or whether the log entries exist), in the same breath, so IndexedDB answers in request
 * order; when both are done, the change waits on the transaction for the writes still under way,
 * and the changes of all of them, merged in the order the writes were made, are applied with one
 * read and one write of the rows they touch.
 */
import Dexie, {
  type DBCore,
  type DBCoreKeyRange,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
  type Table,
} from 'dexie'
import {
  addCounts,
  countAll,
  countCard,
  dueSlot,
  emptyDelta,
  isZero,
  mergeDelta,
  NO_CARDS,
  type CountedCard,
  type CountsDelta,
} from '@/domain/progress/counts'
import type { StudyDB } from './database'
import type { CardCountRecord, CardRecord, CountRecord, DueSlotRecord, ReviewLogRecord } from './records'

export const COUNTS_TABLE = 'counts'
export const DUE_SLOTS_TABLE = 'dueSlots'
const CARDS = 'cards'
const REVIEWS = 'reviews'

/** The row of one set's cards, and the row of the whole log. */
export const cardCountKey = (setId: string): [string, string] => ['cards', setId]
export const REVIEW_COUNT_KEY: [string, string] = ['reviews', '']

// DBCoreRangeType (a const enum, which an isolated-module build cannot inline).
const ANY = 3
const NEVER = 4
/** Every set's row of `cards` (set ids are strings; an array sorts after every string). */
const CARD_ROWS: DBCoreKeyRange = { type: 2, lower: ['cards'], upper: ['cards', []], lowerOpen: false, upperOpen: false }

// ---------------------------------------------------------------------------------------------
// The changes of one transaction, written in the order the writes were made

interface Slot {
  settled: boolean
  delta: CountsDelta | null
}

class Tally {
  private readonly queue: Slot[] = []
  private writing: PromiseLike<void> | null = null

  constructor(
    private readonly tables: CountTables,
    private readonly trans: DBCoreTransaction,
  ) {}

  /** A place in line for a write about to be made. */
  reserve(): Slot {
    const slot: Slot = { settled: false, delta: null }
    this.queue.push(slot)
    return slot
  }

  /**
   * The write of `slot` is done (null: it failed, or changed no count): once no write of the
   * transaction is under way, writes their changes, merged in the order the writes were made.
   * Resolves once they are written (or at once when another write will write them).
   */
  settle(slot: Slot, delta: CountsDelta | null): PromiseLike<void> {
    slot.settled = true
    slot.delta = delta
    return this.pump()
  }

  private pump(): PromiseLike<void> {
    if (this.writing) return this.writing
    // Writes still under way settle later, each then pumps again: their changes go out with
    // these, one read and one write of the rows for them all (an answer writes a card and a log
    // entry side by side). Every write settles, done or failed, so none waits forever.
    if (this.queue.some((slot) => !slot.settled)) return Dexie.Promise.resolve()
    let merged: CountsDelta | null = null
    for (const { delta } of this.queue.splice(0)) if (delta) merged = merged ? mergeDelta(merged, delta) : delta
    if (!merged) return Dexie.Promise.resolve()
    this.writing = writeDelta(this.tables, this.trans, merged).then(() => {
      this.writing = null
      return this.pump()
    })
    return this.writing
  }
}

function checked(res: DBCoreMutateResponse): void {
  if (res.numFailures > 0) throw Object.values(res.failures)[0] ?? new Error('the counts could not be written')
}

interface CountTables {
  counts: DBCoreTable
  dueSlots: DBCoreTable
}

/** Reads the rows `delta` changes and writes them back changed (a row left with nothing is deleted). */
function writeDelta({ counts, dueSlots }: CountTables, trans: DBCoreTransaction, delta: CountsDelta): PromiseLike<void> {
  // Requests are answered in the order they are made: the reads below see the rows cleared.
  const writes: PromiseLike<DBCoreMutateResponse>[] = []
  if (delta.cardsCleared) {
    writes.push(counts.mutate({ trans, type: 'deleteRange', range: CARD_ROWS }))
    writes.push(dueSlots.mutate({ trans, type: 'deleteRange', range: { type: ANY, lower: undefined, upper: undefined } }))
  }
  if (delta.reviewsCleared) writes.push(counts.mutate({ trans, type: 'delete', keys: [REVIEW_COUNT_KEY] }))
  // Sets whose changes cancel out (a retention change reschedules cards, moving none) are left alone.
  const setIds = [...delta.sets].flatMap(([setId, change]) => (isZero(change) ? [] : [setId]))
  const keys = setIds.map(cardCountKey)
  if (delta.reviews !== 0) keys.push(REVIEW_COUNT_KEY)
  const slots = [...delta.due].flatMap(([slot, change]) => (change === 0 ? [] : [slot]))
  // Both reads go out together: one round trip.
  const rows: PromiseLike<(CountRecord | undefined)[]> = keys.length > 0 ? counts.getMany({ trans, keys }) : Dexie.Promise.resolve([])
  const slotRows: PromiseLike<(DueSlotRecord | undefined)[]> = slots.length > 0 ? dueSlots.getMany({ trans, keys: slots }) : Dexie.Promise.resolve([])
  return rows.then((found) =>
    slotRows.then((foundSlots) => {
      const puts: CountRecord[] = []
      const deletes: [string, string][] = []
      setIds.forEach((setId, i) => {
        const row = found[i] as CardCountRecord | undefined
        const next = addCounts(row, delta.sets.get(setId)!)
        if (next) puts.push({ of: 'cards', setId, ...next })
        else if (row) deletes.push(keys[i]!)
      })
      if (delta.reviews !== 0) {
        const row = found[setIds.length]
        const total = (row?.total ?? 0) + delta.reviews
        if (total !== 0) puts.push({ of: 'reviews', setId: '', total })
        else if (row) deletes.push(REVIEW_COUNT_KEY)
      }
      const slotPuts: DueSlotRecord[] = []
      const slotDeletes: number[] = []
      slots.forEach((slot, i) => {
        const cards = (foundSlots[i]?.cards ?? 0) + delta.due.get(slot)!
        if (cards !== 0) slotPuts.push({ slot, cards })
        else if (foundSlots[i]) slotDeletes.push(slot)
      })
      if (puts.length > 0) writes.push(counts.mutate({ trans, type: 'put', values: puts }))
      if (deletes.length > 0) writes.push(counts.mutate({ trans, type: 'delete', keys: deletes }))
      if (slotPuts.length > 0) writes.push(dueSlots.mutate({ trans, type: 'put', values: slotPuts }))
      if (slotDeletes.length > 0) writes.push(dueSlots.mutate({ trans, type: 'delete', keys: slotDeletes }))
      return writes.reduce<PromiseLike<void>>((chain, write) => chain.then(() => write.then(checked)), Dexie.Promise.resolve())
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// What a write changes

type Read = PromiseLike<unknown> | null

/** Keys given, or read from the values (a put or add of inbound keys). */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] {
  if (req.type === 'deleteRange') return []
  if (req.keys) return req.keys
  if (req.type === 'delete') return []
  return req.values.map((value) => table.schema.primaryKey.extractKey!(value))
}

/** A key as a map key (cards and log entries have string keys; anything else compares as JSON). */
const keyId = (key: unknown): unknown => (typeof key === 'string' ? key : JSON.stringify(key))

/**
 * Walks a write's records in order with what each one replaced: `before[i]` as read before the
 * write, or the record an earlier item of the same write put there. Failed items are skipped.
 */
function eachReplaced<T>(
  keys: readonly unknown[],
  before: readonly (T | undefined)[],
  after: readonly (T | undefined)[] | null,
  res: DBCoreMutateResponse,
  visit: (old: T | undefined, value: T | undefined) => void,
): void {
  const seen = new Map<unknown, T | undefined>()
  keys.forEach((key, i) => {
    if (res.failures[i]) return
    const id = keyId(key)
    const old = seen.has(id) ? seen.get(id) : before[i]
    const value = after ? after[i] : undefined
    seen.set(id, value)
    visit(old, value)
  })
}

/**
 * A range delete that needs no read: the whole table (marked cleared in `delta`) or an empty
 * range (no change). Null for any other range, whose records the caller reads first.
 */
function wholeOrEmpty(
  range: DBCoreKeyRange,
  delta: CountsDelta,
  cleared: 'cardsCleared' | 'reviewsCleared',
): { read: null; delta: () => CountsDelta } | null {
  if (range.type === ANY) delta[cleared] = true
  else if (range.type !== NEVER) return null
  return { read: null, delta: () => delta }
}

/** The reads a write of cards needs first, and the change it makes once done. */
function cardWrite(table: DBCoreTable, req: DBCoreMutateRequest): { read: Read; delta: (before: unknown, res: DBCoreMutateResponse) => CountsDelta } {
  const { trans } = req
  const delta = emptyDelta()
  const keys = keysOf(table, req)
  switch (req.type) {
    case 'add':
    case 'put': {
      const values = req.values as CountedCard[]
      return {
        read: req.type === 'put' ? table.getMany({ trans, keys }) : null,
        delta: (before, res) => {
          eachReplaced(keys, (before as CountedCard[] | null) ?? [], values, res, (old, value) => {
            if (old) countCard(delta, old, -1)
            if (value) countCard(delta, value, 1)
          })
          return delta
        },
      }
    }
    case 'delete':
      return {
        read: table.getMany({ trans, keys }),
        delta: (before, res) => {
          eachReplaced(keys, before as CountedCard[], null, res, (old) => {
            if (old) countCard(delta, old, -1)
          })
          return delta
        },
      }
    case 'deleteRange': {
      const { range } = req
      const whole = wholeOrEmpty(range, delta, 'cardsCleared')
      if (whole) return whole
      return {
        read: table.query({ trans, values: true, query: { index: table.schema.primaryKey, range } }),
        delta: (before) => {
          for (const card of (before as { result: CardRecord[] }).result) countCard(delta, card, -1)
          return delta
        },
      }
    }
  }
}

/** From this many keys on, whether they exist is read from the keys between the least and greatest. */
const KEY_WALK_FROM = 1000

/**
 * For each key, something when a record has it, undefined when none does. Many string keys (a
 * set's log entries deleted, a seeded log written) are looked up among the keys of their range,
 * read keys only in one request, rather than by reading every record.
 */
function presence(table: DBCoreTable, trans: DBCoreTransaction, keys: readonly unknown[]): PromiseLike<unknown[]> {
  if (keys.length < KEY_WALK_FROM || !keys.every((key): key is string => typeof key === 'string')) return table.getMany({ trans, keys: [...keys] })
  let lower = keys[0]!
  let upper = lower
  // IndexedDB orders strings by code unit, as `<` does.
  for (const key of keys) {
    if (key < lower) lower = key
    if (key > upper) upper = key
  }
  const range: DBCoreKeyRange = { type: 2, lower, upper, lowerOpen: false, upperOpen: false }
  return table.query({ trans, values: false, query: { index: table.schema.primaryKey, range } }).then(({ result }) => {
    const held = new Set(result)
    return keys.map((key) => (held.has(key) ? true : undefined))
  })
}

/** The same for the log: only its total is kept, so what counts is whether an entry existed. */
function reviewWrite(table: DBCoreTable, req: DBCoreMutateRequest): { read: Read; delta: (before: unknown, res: DBCoreMutateResponse) => CountsDelta } {
  const { trans } = req
  const delta = emptyDelta()
  const keys = keysOf(table, req)
  const PRESENT = true
  switch (req.type) {
    case 'add':
      return {
        read: null,
        delta: (_before, res) => {
          delta.reviews = req.values.length - res.numFailures
          return delta
        },
      }
    case 'put':
    case 'delete': {
      const after = req.type === 'put' ? keys.map(() => PRESENT) : null
      return {
        read: presence(table, trans, keys),
        delta: (before, res) => {
          eachReplaced<unknown>(keys, before as unknown[], after, res, (old, value) => {
            delta.reviews += (value === undefined ? 0 : 1) - (old === undefined ? 0 : 1)
          })
          return delta
        },
      }
    }
    case 'deleteRange': {
      const { range } = req
      const whole = wholeOrEmpty(range, delta, 'reviewsCleared')
      if (whole) return whole
      return {
        read: table.count({ trans, query: { index: table.schema.primaryKey, range } }),
        delta: (before) => {
          delta.reviews = -(before as number)
          return delta
        },
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The middleware

const tallies = new WeakMap<DBCoreTransaction, Tally>()

function counted(down: DBCoreTable, tables: CountTables, change: typeof cardWrite): DBCoreTable {
  return {
    ...down,
    mutate(req) {
      let tally = tallies.get(req.trans)
      if (!tally) tallies.set(req.trans, (tally = new Tally(tables, req.trans)))
      const slot = tally.reserve()
      const { read, delta } = change(down, req)
      // Sent one after the other, without waiting: the read sees the records before the write.
      const done = down.mutate(req)
      const before = read ?? Dexie.Promise.resolve(null)
      const owner = tally
      return before.then(
        (old) =>
          done.then(
            (res) => owner.settle(slot, delta(old, res)).then(() => res),
            (error: unknown) => {
              owner.settle(slot, null).then(undefined, () => undefined)
              throw error
            },
          ),
        (error: unknown) => {
          done.then(undefined, () => undefined)
          owner.settle(slot, null).then(undefined, () => undefined)
          throw error
        },
      ) as Promise<DBCoreMutateResponse>
    },
  }
}

/**
 * Keeps the `counts` table right on every write of cards or log entries (see the top of this
 * file). Installed by StudyDB; it leaves a database without the table alone (the upgrades of
 * versions before 7 write cards and log entries before the table exists).
 */
export const countsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'Counts',
  create(down) {
    const names = down.schema.tables.map((t) => t.name)
    if (!names.includes(COUNTS_TABLE) || !names.includes(DUE_SLOTS_TABLE)) return {}
    const tables: CountTables = { counts: down.table(COUNTS_TABLE), dueSlots: down.table(DUE_SLOTS_TABLE) }
    return {
      transaction(stores, mode, options) {
        const writesCounted = mode === 'readwrite' && (stores.includes(CARDS) || stores.includes(REVIEWS))
        const missing = writesCounted ? [COUNTS_TABLE, DUE_SLOTS_TABLE].filter((name) => !stores.includes(name)) : []
        return down.transaction(missing.length > 0 ? [...stores, ...missing] : stores, mode, options)
      },
      table(name) {
        const table = down.table(name)
        if (name === CARDS) return counted(table, tables, cardWrite)
        if (name === REVIEWS) return counted(table, tables, reviewWrite)
        return table
      },
    }
  },
}

// ---------------------------------------------------------------------------------------------
// Counting from scratch

/** The tables a recount reads and writes. */
export interface RecountTables {
  cards: Table<CardRecord, string>
  reviews: Table<ReviewLogRecord, string>
  counts: Table<CountRecord, [string, string]>
  dueSlots: Table<DueSlotRecord, number>
}

/**
 * Counts every set's cards, the log and the cards due per slot from scratch into empty count
 * tables, reading index keys only (the cards' set ids, their [setId+state+stability] keys for
 * the buckets, their due times). Runs in the caller's transaction (the version 7 upgrade).
 */
export async function recountIn({ cards, reviews, counts, dueSlots }: RecountTables): Promise<void> {
  const [setIds, stateKeys, dues, total] = await Promise.all([
    cards.orderBy('setId').keys() as Promise<string[]>,
    cards.orderBy('[setId+state+stability]').keys() as Promise<unknown[]>,
    cards.orderBy('due').keys() as Promise<number[]>,
    reviews.count(),
  ])
  const totals = new Map<string, number>()
  for (const setId of setIds) totals.set(setId, (totals.get(setId) ?? 0) + 1)
  // The buckets from the state-and-stability keys; the totals from the set index (a card whose
  // stability is not a key is in no bucket, but it is one of its set's cards).
  const buckets = countAll(
    stateKeys.map((key) => {
      const [setId, state, stability] = key as [string, CardRecord['state'], number]
      return { setId, state, stability }
    }),
  ).sets
  const rows: CountRecord[] = [...totals].map(([setId, total]) => ({ of: 'cards', setId, ...(buckets.get(setId) ?? NO_CARDS), total }))
  if (total > 0) rows.push({ of: 'reviews', setId: '', total })
  const perSlot = new Map<number, number>()
  for (const due of dues) {
    const slot = dueSlot(due)
    if (slot !== null) perSlot.set(slot, (perSlot.get(slot) ?? 0) + 1)
  }
  await Promise.all([counts.clear(), dueSlots.clear()])
  await Promise.all([counts.bulkAdd(rows), dueSlots.bulkAdd([...perSlot].map(([slot, cards]) => ({ slot, cards })))])
}

/**
 * Counts everything again, in a transaction of its own: for writes made around Dexie (the
 * benchmark's raw IndexedDB answers), which the middleware never sees.
 */
export function recount(db: StudyDB): Promise<void> {
  return db.transaction('rw', [db.cards, db.reviews, db.counts, db.dueSlots], () => recountIn(db))
}
