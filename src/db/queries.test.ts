import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import type { StudyDB } from './database'
import { cardIdsIn, countCardsOf, firstNewIds, getAttempt, latestActiveQuiz, nextDueAfter, readReviewQueue } from './queries'
import { dayKeyAt } from './localDays'
import type { AttemptRecord, CardRecord } from './records'
import { putImportedSets } from './importedQuestions'
import { freshDBEachTest } from './test-utils'

const DAY = 86_400_000

// Property tests against a real (in-memory) database: well under a second when idle, several
// seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 })

const T0 = Date.UTC(2026, 0, 1)
let db: StudyDB

function card(questionId: string, setId: string, due: number): CardRecord {
  return {
    questionId, setId, due, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1,
    learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: T0,
  }
}
function attempt(id: string, status: AttemptRecord['status'], updatedAt: number, kind: AttemptRecord['kind'] = 'quiz'): AttemptRecord {
  return {
    id, kind, status, setIds: ['a'], questionIds: ['a-1'], seed: 1, answers: [], startedAt: T0, updatedAt,
    finishedAt: null, deadline: null, correctCount: 0, total: 1,
    config: { setIds: ['a'], count: 'all', types: [], order: 'article', mode: 'practice', timeLimitMin: null },
  }
}

freshDBEachTest((fresh) => (db = fresh), { open: true })

describe('cardIdsIn', () => {
  it('lists only cards of the given sets', async () => {
    await db.cards.bulkPut([card('a-1', 'a', T0), card('a-2', 'a', T0), card('b-1', 'b', T0)])
    expect([...(await cardIdsIn(db, ['a']))].sort()).toEqual(['a-1', 'a-2'])
    expect([...(await cardIdsIn(db, ['b', 'a', 'c', 'b']))].sort()).toEqual(['a-1', 'a-2', 'b-1'])
    expect(await cardIdsIn(db, [])).toEqual(new Set())
  })
})

describe('countCardsOf', () => {
  it('counts the cards of each set, in the order asked', async () => {
    await db.cards.bulkPut([card('a-1', 'a', T0), card('a-2', 'a', T0), card('b-1', 'b', T0)])
    expect(await countCardsOf(db, ['a', 'b', 'c'])).toEqual([2, 1, 0])
  })
})

describe('nextDueAfter', () => {
  it('finds the earliest due strictly after now, overall and per set', async () => {
    await db.cards.bulkPut([card('a-1', 'a', T0 - 1), card('a-2', 'a', T0 + 500), card('b-1', 'b', T0 + 100)])
    expect(await nextDueAfter(db, T0, null)).toBe(T0 + 100)
    expect(await nextDueAfter(db, T0, 'a')).toBe(T0 + 500)
    expect(await nextDueAfter(db, T0 + 1000, 'a')).toBeNull()
  })
})

describe('getAttempt and latestActiveQuiz', () => {
  it('returns finished attempts too, and the newest active quiz only', async () => {
    await db.attempts.bulkPut([
      attempt('old', 'active', T0),
      attempt('new', 'active', T0 + 10),
      attempt('done', 'finished', T0 + 20),
      attempt('rev', 'active', T0 + 30, 'review'),
    ])
    expect((await getAttempt(db, 'done'))?.status).toBe('finished')
    expect(await getAttempt(db, 'nope')).toBeUndefined()
    expect((await latestActiveQuiz(db))?.id).toBe('new')
  })
})

describe('firstNewIds', () => {
  it('returns the first ids without a card, in the given order, up to the limit, across chunks', async () => {
    await db.cards.bulkPut([card('q1', 'a', T0), card('q2', 'a', T0), card('q4', 'a', T0)])
    const ids = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']
    expect(await firstNewIds(db, ids, 2, 2)).toEqual(['q3', 'q5'])
    expect(await firstNewIds(db, ids, 10, 4)).toEqual(['q3', 'q5', 'q6'])
    expect(await firstNewIds(db, ids, 0)).toEqual([])
    expect(await firstNewIds(db, ['q1', 'q2'], 5)).toEqual([])
  })

  it('agrees with checking every id, whatever the limit and chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { maxLength: 120 }),
        fc.nat(40),
        fc.integer({ min: 1, max: 50 }),
        async (started, limit, maxChunk) => {
          await db.cards.clear()
          const ids = started.map((_, i) => `q${i}`)
          await db.cards.bulkPut(ids.filter((_, i) => started[i]).map((id) => card(id, 'a', T0)))
          const expected = ids.filter((_, i) => !started[i]).slice(0, limit)
          expect(await firstNewIds(db, ids, limit, maxChunk)).toEqual(expected)
        },
      ),
      { numRuns: 40 },
    )
  })
})

describe('readReviewQueue', () => {
  const qs = (setId: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${setId}-${i + 1}` }))
  const sets = [
    { id: 'a', questions: qs('a', 3) },
    { id: 'b', questions: qs('b', 4) },
  ]
  const base = { now: T0, dayStart: T0 - 3_600_000, sets, newPerDay: 3, duePage: 200 }

  it('reads the due cards, most overdue first, and the first new questions in bank order', async () => {
    await db.cards.bulkPut([card('a-1', 'a', T0 - 2000), card('a-2', 'a', T0 + 1), card('a-3', 'a', T0 - 5000), card('b-2', 'b', T0 - 1)])
    const reads = await readReviewQueue(db, base)
    expect(reads.due.map((c) => c.questionId)).toEqual(['a-3', 'a-1', 'b-2'])
    // Set a has a card for each question: its questions are not looked up.
    expect(reads.newIds).toEqual(['b-1', 'b-3', 'b-4'])
    expect(reads.newLimit).toBe(3)
  })

  it('reads the question ids of an imported set given by its size, in its order, only when it has new ones', async () => {
    const set = {
      id: 'imp',
      title: { zh: '导入', en: 'Imported' },
      keyPoints: [{ zh: '要点', en: 'Point' }],
      questions: ['imp-9', 'imp-2', 'imp-5'].map((id) => ({ id, type: 'truefalse' as const, prompt: { zh: '对吗', en: 'True?' }, explanation: { zh: '对', en: 'Yes' }, answer: true })),
    }
    await putImportedSets(db, [{ id: 'imp', name: 'Mine', importedAt: T0, updatedAt: T0, set }])
    await db.cards.put(card('imp-9', 'imp', T0 + DAY))
    const reads = await readReviewQueue(db, { ...base, sets: [{ id: 'imp', count: 3 }] })
    expect(reads.newIds).toEqual(['imp-2', 'imp-5'])
    await db.cards.bulkPut([card('imp-2', 'imp', T0 + DAY), card('imp-5', 'imp', T0 + DAY)])
    const read = vi.spyOn(db.importedQuestions, 'where')
    expect((await readReviewQueue(db, { ...base, sets: [{ id: 'imp', count: 3 }] })).newIds).toEqual([])
    expect(read).not.toHaveBeenCalled()
  })

  it('keeps to one set, a page of due cards, and what is left of the daily new limit', async () => {
    await db.cards.bulkPut([card('a-1', 'a', T0 - 2000), card('a-3', 'a', T0 - 5000), card('b-2', 'b', T0 - 1)])
    await db.daily.put({ day: dayKeyAt(base.dayStart), setId: 'b', reviews: 2, correct: 1, durationMs: 0, retentionTotal: 0, retentionPass: 0, newCards: 2 })
    const reads = await readReviewQueue(db, { ...base, setId: 'a', sets: [sets[0]!], duePage: 1 })
    expect(reads.due.map((c) => c.questionId)).toEqual(['a-3'])
    expect(reads.newLimit).toBe(1)
    expect(reads.newIds).toEqual(['a-2'])
  })

  it('looks for no new question once the daily limit is used up', async () => {
    await db.daily.put({ day: dayKeyAt(base.dayStart), setId: 'a', reviews: 5, correct: 5, durationMs: 0, retentionTotal: 0, retentionPass: 0, newCards: 5 })
    const where = vi.spyOn(db.cards, 'where')
    const reads = await readReviewQueue(db, base)
    expect(reads).toEqual({ due: [], newIds: [], newLimit: 0 })
    // Only the due cards were read: no set's cards were counted.
    expect(where.mock.calls.map(([index]) => index)).toEqual(['due'])
  })
})
