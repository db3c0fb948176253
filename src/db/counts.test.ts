import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import type { Grade, Response } from '@/domain/content/response'
import { addCounts, countAll, DUE_SLOT_MS } from '@/domain/progress/counts'
import type { StudyDB } from './database'
import { recount } from './counts'
import { exportProgress, importProgress, resetProgress } from './backup'
import { deleteImportedSet, ImportedSetError, saveImportedSet } from './importedSets'
import { cardStatsBySet, ProgressError, recordAnswer, regradeAnswer, replaceAnswer, saveSettings, syncBank, undoAnswer, type AnswerInput } from './progress'
import { DEFAULT_SETTINGS, type CardRecord, type CountRecord, type DueSlotRecord, type ReviewLogRecord } from './records'
import { seedProgress, seedQuestionSet } from './seed'
import { countReviews, rebuildDailyStats } from './stats'
import { countCards, DAY, freshDB, freshDBEachTest, HOUR, makeCard, makeLog, MIN, T0 } from './test-utils'

// Property tests against a real (in-memory) database: a few seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 60_000 })

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh))

const S = DEFAULT_SETTINGS
const WRONG: Response = { type: 'single', choice: 'b' }

/** The counts table as it should be: every card and log entry counted afresh (no index involved). */
async function recounted(target: StudyDB): Promise<CountRecord[]> {
  const sets = countAll(await target.cards.toArray()).sets
  const rows: CountRecord[] = [...sets].flatMap(([setId, change]) => {
    const row = addCounts(undefined, change)
    return row ? [{ of: 'cards' as const, setId, ...row }] : []
  })
  const reviews = (await target.reviews.toArray()).length
  if (reviews > 0) rows.push({ of: 'reviews', setId: '', total: reviews })
  const key = (r: CountRecord) => `${r.of}\u0000${r.setId}`
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : 1))
}

/** The cards due per quarter hour, counted afresh. */
async function recountedDue(target: StudyDB): Promise<DueSlotRecord[]> {
  const slots = new Map<number, number>()
  for (const card of await target.cards.toArray()) {
    const slot = Math.floor(card.due / DUE_SLOT_MS)
    slots.set(slot, (slots.get(slot) ?? 0) + 1)
  }
  return [...slots].sort(([a], [b]) => a - b).map(([slot, cards]) => ({ slot, cards }))
}

async function expectCountsRight(target: StudyDB = db): Promise<void> {
  expect(await target.counts.toArray()).toEqual(await recounted(target))
  expect(await target.dueSlots.toArray()).toEqual(await recountedDue(target))
}

function answer(overrides: Partial<AnswerInput> = {}): AnswerInput {
  return { questionId: 'q1', setId: 'set-a', mode: 'review', answer: WRONG, correct: false, grade: 1, durationMs: 3000, now: T0, ...overrides }
}

describe('the counts table', () => {
  it('holds a row per set with cards and one for the log, and the reads come from it', async () => {
    await db.cards.bulkAdd([
      makeCard({ questionId: 'l1', state: 1 }),
      makeCard({ questionId: 'y1', state: 2, stability: 5 }),
      makeCard({ questionId: 'm1', state: 2, stability: 30 }),
      makeCard({ questionId: 'n1', setId: 'set-b', state: 0 }),
    ])
    await db.reviews.bulkAdd([makeLog('r1', T0), makeLog('r2', T0 + MIN)])
    expect(await db.counts.toArray()).toEqual([
      { of: 'cards', setId: 'set-a', total: 3, learning: 1, young: 1, mature: 1 },
      { of: 'cards', setId: 'set-b', total: 1, learning: 0, young: 0, mature: 0 },
      { of: 'reviews', setId: '', total: 2 },
    ])
    // makeCard's cards are all due at T0 (a quarter hour): one slot.
    expect(await db.dueSlots.toArray()).toEqual([{ slot: T0 / DUE_SLOT_MS, cards: 4 }])
    expect(await countCards(db, 'set-a')).toBe(3)
    expect(await countCards(db, 'set-none')).toBe(0)
    expect(await countReviews(db)).toBe(2)
    expect(Object.fromEntries(await cardStatsBySet(db))).toEqual({
      'set-a': { learning: 1, young: 1, review: 1 },
      'set-b': { learning: 0, young: 0, review: 0 },
    })
  })

  it('joins the scope of every read-write transaction over cards or the log, so no writer can leave it out', async () => {
    await db.transaction('rw', [db.cards], () => db.cards.bulkPut([makeCard({ questionId: 'a' }), makeCard({ questionId: 'b', state: 1 })]))
    await db.transaction('rw', [db.reviews], () => db.reviews.add(makeLog('r1', T0)))
    await db.transaction('rw', [db.cards, db.reviews], async () => {
      await db.cards.delete('a')
      await db.reviews.put(makeLog('r2', T0))
    })
    await expectCountsRight()
    expect(await db.counts.toArray()).toEqual([
      { of: 'cards', setId: 'set-a', total: 1, learning: 1, young: 0, mature: 0 },
      { of: 'reviews', setId: '', total: 2 },
    ])
  })

  it('counts writes made side by side in one transaction, and a record written twice in one call once', async () => {
    await db.transaction('rw', [db.cards, db.reviews], () =>
      Promise.all([
        db.cards.put(makeCard({ questionId: 'a', state: 1 })),
        db.cards.put(makeCard({ questionId: 'b', state: 2, stability: 40 })),
        db.reviews.add(makeLog('r1', T0)),
        db.cards.put(makeCard({ questionId: 'a', state: 2, stability: 2 })),
        db.cards.bulkPut([makeCard({ questionId: 'c' }), makeCard({ questionId: 'c', setId: 'set-b' })]),
        db.reviews.bulkPut([makeLog('r2', T0), makeLog('r2', T0 + 1)]),
        db.cards.bulkDelete(['b', 'b', 'missing']),
        db.reviews.bulkDelete(['r1', 'r1', 'missing']),
      ]),
    )
    await expectCountsRight()
    expect(await db.counts.toArray()).toEqual([
      { of: 'cards', setId: 'set-a', total: 1, learning: 0, young: 1, mature: 0 },
      { of: 'cards', setId: 'set-b', total: 1, learning: 0, young: 1, mature: 0 },
      { of: 'reviews', setId: '', total: 1 },
    ])
  })

  it('counts a write of many log entries at once, some there already, some not', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `r${String(i).padStart(5, '0')}`)
    await db.reviews.bulkAdd(ids.filter((_, i) => i % 3 === 0).map((id) => makeLog(id, T0)))
    await db.reviews.bulkPut(ids.map((id) => makeLog(id, T0 + MIN)))
    await expectCountsRight()
    await db.reviews.bulkDelete([...ids.filter((_, i) => i % 2 === 0), 'missing', 'q-after-all'])
    await expectCountsRight()
    expect(await countReviews(db)).toBe(750)
  })

  it('follows a clear, a range delete and a modify, and leaves no row for a set without cards', async () => {
    await db.cards.bulkAdd(['a1', 'a2', 'b1', 'b2'].map((id) => makeCard({ questionId: id, setId: `set-${id[0]}`, state: 1 })))
    await db.reviews.bulkAdd(['r1', 'r2', 's1'].map((id) => makeLog(id, T0)))
    await db.cards.where(':id').startsWith('b').delete()
    await db.reviews.where(':id').startsWith('r').delete()
    await expectCountsRight()
    await db.cards.toCollection().modify((card) => {
      card.state = 2
      card.stability = 50
    })
    await expectCountsRight()
    expect(await db.counts.get(['cards', 'set-a'])).toMatchObject({ total: 2, learning: 0, mature: 2 })
    await db.transaction('rw', [db.cards, db.reviews], async () => {
      await db.cards.clear()
      await db.reviews.clear()
      await db.cards.add(makeCard({ questionId: 'after', setId: 'set-c' }))
    })
    expect(await db.counts.toArray()).toEqual([{ of: 'cards', setId: 'set-c', total: 1, learning: 0, young: 1, mature: 0 }])
    await expectCountsRight()
    await db.cards.delete('after')
    expect(await db.counts.count()).toBe(0)
    expect(await db.dueSlots.count()).toBe(0)
  })

  it('rolls back with the write: a transaction that fails leaves the counts as they were', async () => {
    await db.cards.add(makeCard({ questionId: 'a' }))
    const before = await db.counts.toArray()
    await expect(
      db.transaction('rw', [db.cards, db.reviews], async () => {
        await db.cards.put(makeCard({ questionId: 'b' }))
        await db.reviews.add(makeLog('r1', T0))
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    // A failed add (the key exists) counts nothing either.
    await expect(db.cards.add(makeCard({ questionId: 'a', setId: 'set-b' }))).rejects.toThrow()
    expect(await db.counts.toArray()).toEqual(before)
  })
})

describe('recount', () => {
  it('counts everything afresh, for writes made around Dexie', async () => {
    await db.cards.bulkAdd([makeCard({ questionId: 'a', state: 1 }), makeCard({ questionId: 'b', setId: 'set-b', stability: 40 })])
    await db.reviews.add(makeLog('r1', T0))
    const right = [await db.counts.toArray(), await db.dueSlots.toArray()]
    await db.counts.clear()
    await db.counts.add({ of: 'cards', setId: 'gone', total: 3, learning: 3, young: 0, mature: 0 })
    await db.dueSlots.put({ slot: 1, cards: 9 })
    await recount(db)
    expect([await db.counts.toArray(), await db.dueSlots.toArray()]).toEqual(right)
  })
})

describe('every writer of cards and the log keeps the counts right', () => {
  it('answers, undo, regrade, "I was right", a changed answer', async () => {
    const { log: first } = await recordAnswer(db, answer({ questionId: 'q1' }), S)
    await recordAnswer(db, answer({ questionId: 'q2', setId: 'set-b', correct: true, grade: 4 }), S)
    await expectCountsRight()
    const { log: again } = await recordAnswer(db, answer({ questionId: 'q1', grade: 3, correct: true, now: T0 + DAY }), S)
    await expectCountsRight()
    await regradeAnswer(db, again.id, 4, T0 + DAY, S)
    await expectCountsRight()
    await regradeAnswer(db, again.id, 1, T0 + DAY, S, { correct: true, overridden: true })
    await expectCountsRight()
    const { log: replaced } = await replaceAnswer(db, again.id, answer({ questionId: 'q1', grade: 2, now: T0 + DAY + MIN }), S)
    await expectCountsRight()
    await undoAnswer(db, replaced.id)
    await expectCountsRight()
    await expect(undoAnswer(db, 'missing')).rejects.toThrow(ProgressError)
    await undoAnswer(db, first.id) // the latest again: q1 has no card left
    await expectCountsRight()
    expect(await countReviews(db)).toBe(1)
    expect(await countCards(db, 'set-a')).toBe(0)
  })

  it('the bank sync archiving, moving and restoring progress; a retention change', async () => {
    for (const [i, id] of ['q1', 'q2', 'q3'].entries()) await recordAnswer(db, answer({ questionId: id, now: T0 + i }), S)
    await syncBank(db, [{ id: 'q1', setId: 'set-a' }], T0 + DAY) // q2, q3 archived
    await expectCountsRight()
    await syncBank(db, [{ id: 'q1', setId: 'set-b' }, { id: 'q2', setId: 'set-a' }], T0 + DAY) // q1 moved, q2 back
    await expectCountsRight()
    expect(Object.fromEntries(await cardStatsBySet(db))).toEqual({ 'set-a': { learning: 1, young: 0, review: 0 }, 'set-b': { learning: 1, young: 0, review: 0 } })
    await saveSettings(db, { retention: 0.8 }, T0 + DAY)
    await expectCountsRight()
  })

  it('an imported set saved (its archived progress back) and deleted', async () => {
    const set = seedQuestionSet('imp', 3)
    await saveImportedSet(db, { name: 'Imp', set }, T0)
    await recordAnswer(db, answer({ questionId: 'imp-q000000', setId: 'imp' }), S)
    await recordAnswer(db, answer({ questionId: 'imp-q000001', setId: 'imp', now: T0 + MIN }), S)
    await recordAnswer(db, answer({ questionId: 'q1' }), S)
    await expectCountsRight()
    await syncBank(db, [{ id: 'q1', setId: 'set-a' }], T0 + DAY) // the set left the bank: its progress archived
    await expectCountsRight()
    await deleteImportedSet(db, 'imp')
    await saveImportedSet(db, { name: 'Imp', set }, T0 + DAY)
    await expectCountsRight()
    await recordAnswer(db, answer({ questionId: 'imp-q000002', setId: 'imp', now: T0 + DAY }), S)
    expect(await countCards(db, 'imp')).toBe(1)
    await deleteImportedSet(db, 'imp')
    await expectCountsRight()
    expect(await countCards(db, 'imp')).toBe(0)
  })

  it('a backup imported (replace and merge) and a progress reset', async () => {
    await recordAnswer(db, answer({ questionId: 'q1' }), S)
    await recordAnswer(db, answer({ questionId: 'q2', setId: 'set-b', grade: 3, correct: true }), S)
    const backup = await exportProgress(db, T0 + HOUR)
    await resetProgress(db)
    expect(await db.counts.count()).toBe(0)
    await recordAnswer(db, answer({ questionId: 'q3', now: T0 + DAY }), S)
    await importProgress(db, backup, 'merge')
    await expectCountsRight()
    expect(await countReviews(db)).toBe(3)
    await importProgress(db, backup, 'replace')
    await expectCountsRight()
    expect(await countReviews(db)).toBe(2)
  })

  it('the seed, in bulk and through answers, and a recount of the daily totals', async () => {
    await seedProgress(db, { questions: 30, logs: 60, now: T0, setId: 'bulk' })
    await seedProgress(db, { questions: 5, logs: 8, now: T0, setId: 'answered', via: 'answers' })
    await rebuildDailyStats(db)
    await expectCountsRight()
    expect(await countCards(db, 'bulk')).toBe(30)
  })
})

describe('a random sequence of writes through the app', () => {
  const bank = ['q0', 'q1', 'q2', 'q3', 'q4', 'q5'].map((id, i) => ({ id, setId: i < 3 ? 'set-a' : 'set-b' }))
  const impSet = seedQuestionSet('imp', 3)
  const setOf = (id: string) => bank.find((q) => q.id === id)?.setId ?? 'imp'
  const questionIds = [...bank.map((q) => q.id), ...impSet.questions.map((q) => q.id)]

  const op = fc.oneof(
    fc.record({ kind: fc.constant('answer' as const), q: fc.nat(questionIds.length - 1), grade: fc.constantFrom<Grade>(1, 2, 3, 4), minutes: fc.nat(60 * 24 * 40) }),
    fc.record({ kind: fc.constantFrom('undo' as const, 'regrade' as const, 'right' as const, 'replace' as const), pick: fc.nat(), grade: fc.constantFrom<Grade>(1, 2, 3, 4) }),
    fc.record({ kind: fc.constant('sync' as const), keep: fc.subarray(bank.map((q) => q.id)), move: fc.boolean() }),
    fc.record({ kind: fc.constantFrom('saveSet' as const, 'deleteSet' as const, 'reset' as const, 'retention' as const, 'backup' as const) }),
    fc.record({ kind: fc.constantFrom('restore' as const), mode: fc.constantFrom('replace' as const, 'merge' as const) }),
    fc.record({
      kind: fc.constant('raw' as const),
      puts: fc.array(fc.record({ q: fc.nat(questionIds.length - 1), state: fc.constantFrom(0, 1, 2, 3), stability: fc.double({ min: 0.1, max: 60, noNaN: true }), set: fc.constantFrom('set-a', 'set-b', 'set-c'), due: fc.integer({ min: -3 * 24 * 60, max: 0 }) }), { maxLength: 4 }),
      deletes: fc.array(fc.nat(questionIds.length - 1), { maxLength: 3 }),
      logDeletes: fc.nat(3),
    }),
  )

  it('leaves the counts table equal to a fresh recount after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        const target = freshDB()
        try {
          const logs: ReviewLogRecord[] = []
          let saved: Awaited<ReturnType<typeof exportProgress>> | null = null
          let now = T0
          for (const step of ops) {
            now += MIN
            const latest = () => (logs.length === 0 ? null : logs[logs.length - 1]!)
            const pickLog = (pick: number) => (logs.length === 0 ? null : logs[pick % logs.length]!)
            try {
              switch (step.kind) {
                case 'answer': {
                  const id = questionIds[step.q]!
                  // Time only moves forward (the scheduler refuses an answer before the card's last).
                  now += step.minutes * MIN
                  const { log } = await recordAnswer(target, answer({ questionId: id, setId: setOf(id), grade: step.grade, correct: step.grade > 1, now }), S)
                  logs.push(log)
                  break
                }
                case 'undo': {
                  const log = pickLog(step.pick)
                  if (log) await undoAnswer(target, log.id)
                  break
                }
                case 'regrade':
                case 'right': {
                  const log = pickLog(step.pick)
                  if (log) await regradeAnswer(target, log.id, step.grade, now, S, step.kind === 'right' ? { correct: true, overridden: true } : {})
                  break
                }
                case 'replace': {
                  const log = latest()
                  if (log) logs.push((await replaceAnswer(target, log.id, answer({ questionId: log.questionId, setId: log.setId, grade: step.grade, now }), S)).log)
                  break
                }
                case 'sync': {
                  const kept = bank.filter((q) => step.keep.includes(q.id)).map((q) => (step.move ? { ...q, setId: q.setId === 'set-a' ? 'set-b' : 'set-a' } : q))
                  await syncBank(target, kept, now)
                  break
                }
                case 'saveSet':
                  await saveImportedSet(target, { name: 'Imp', set: impSet }, now)
                  break
                case 'deleteSet':
                  await deleteImportedSet(target, 'imp')
                  break
                case 'reset':
                  await resetProgress(target)
                  break
                case 'retention':
                  await saveSettings(target, { retention: (await target.settings.get('settings')) ? 0.9 : 0.8 }, now)
                  break
                case 'backup':
                  saved = await exportProgress(target, now)
                  break
                case 'restore':
                  if (saved) await importProgress(target, saved, step.mode)
                  break
                case 'raw': {
                  const cards: CardRecord[] = step.puts.map((p) => makeCard({ questionId: questionIds[p.q]!, setId: p.set, state: p.state as CardRecord['state'], stability: p.stability, due: T0 + p.due * MIN }))
                  await target.transaction('rw', [target.cards, target.reviews], async () => {
                    await target.cards.bulkPut(cards)
                    await target.cards.bulkDelete(step.deletes.map((q) => questionIds[q]!))
                    const keys = await target.reviews.limit(step.logDeletes).primaryKeys()
                    await target.reviews.bulkDelete(keys)
                  })
                  break
                }
              }
            } catch (error) {
              // Refusals the app makes (an answer no longer the latest, a set that exists or
              // does not): the transaction rolls back, counts included.
              if (!(error instanceof ProgressError) && !(error instanceof ImportedSetError)) throw error
            }
            await expectCountsRight(target)
          }
        } finally {
          target.close()
        }
      }),
      { numRuns: 50 },
    )
  })
})

