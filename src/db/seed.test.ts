import { afterEach, describe, expect, it } from 'vitest'
import { safeParse } from 'valibot'
import { QuestionSetSchema } from '@/domain/content/schema'
import type { StudyDB } from './database'
import { countDue, getDueCards } from './progress'
import { seedProgress, seedQuestionId, seedQuestionSet, seedSet } from './seed'
import { DAY, dumpAll, expectedDaily, freshDB, T0, importedSetsOf } from './test-utils'

const open: StudyDB[] = []
function db(): StudyDB {
  const d = freshDB()
  open.push(d)
  return d
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete()
})

describe('seedQuestionSet', () => {
  it('builds a set the question-set schema accepts', () => {
    const set = seedQuestionSet('bench', 9)
    expect(safeParse(QuestionSetSchema, set).success).toBe(true)
    expect(set.questions.map((q) => q.type)).toEqual(['single', 'truefalse', 'flashcard', 'single', 'truefalse', 'flashcard', 'single', 'truefalse', 'flashcard'])
    expect(set.questions[4]!.id).toBe(seedQuestionId('bench', 4))
  })
})

describe('seedSet', () => {
  it('writes a set with no progress, as a fresh import stores it', async () => {
    const d = db()
    expect(await seedSet(d, 'journey', 30, T0)).toBe(30)
    expect((await importedSetsOf(d).get('journey'))?.set).toEqual(seedQuestionSet('journey', 30))
    expect(await d.cards.count()).toBe(0)
  })
})

describe('seedProgress (bulk)', () => {
  it('writes the imported set, one card per answered question and every log entry', async () => {
    const d = db()
    const result = await seedProgress(d, { questions: 300, logs: 600, now: T0, dueFraction: 0.1 })
    expect(result).toMatchObject({ setId: 'bench', questions: 300, cards: 300, logs: 600 })
    const row = await importedSetsOf(d).get('bench')
    expect(row?.set.questions).toHaveLength(300)
    expect(await d.reviews.count()).toBe(600)
    // The due figure the benchmark reports is what the app's own query counts.
    expect(result.due).toBe(await countDue(d, T0))
    expect(result.due).toBeGreaterThan(10)
    expect(result.due).toBeLessThan(60)
    expect(result.notebook).toBe(await d.notebook.count())
    // The stats screen reads the daily totals: they match the log written.
    expect(await d.daily.toArray()).toEqual(await expectedDaily(d))
  })

  it('spreads the log over the last `days` days, oldest first, with the card before each answer', async () => {
    const d = db()
    await seedProgress(d, { questions: 50, logs: 100, now: T0, days: 10 })
    const logs = (await d.reviews.toArray()).sort((a, b) => a.time - b.time)
    expect(logs[0]!.time).toBeGreaterThanOrEqual(T0 - 10 * DAY)
    expect(logs[99]!.time).toBeLessThan(T0)
    expect(logs[0]!.cardBefore).toBeNull()
    expect(logs[50]!.questionId).toBe(logs[0]!.questionId)
    expect(logs[50]!.cardBefore).not.toBeNull()
  })

  it('leaves questions without a log entry new (no card)', async () => {
    const d = db()
    const result = await seedProgress(d, { questions: 40, logs: 10, now: T0 })
    expect(result.cards).toBe(10)
    expect(await d.cards.get(seedQuestionId('bench', 39))).toBeUndefined()
  })

  it('writes the same rows for the same options', async () => {
    const a = db()
    const b = db()
    await seedProgress(a, { questions: 30, logs: 45, now: T0, chunk: 7 })
    await seedProgress(b, { questions: 30, logs: 45, now: T0 })
    expect(await dumpAll(a)).toEqual(await dumpAll(b))
  })

  it('keeps due cards in the due index, earliest first', async () => {
    const d = db()
    await seedProgress(d, { questions: 200, logs: 200, now: T0, dueFraction: 0.2 })
    const due = await getDueCards(d, T0, { limit: 500 })
    expect(due.length).toBe(await countDue(d, T0))
    expect(due.every((c) => c.due <= T0)).toBe(true)
    expect(due.map((c) => c.due)).toEqual([...due.map((c) => c.due)].sort((x, y) => x - y))
  })

  it('reports progress up to the number of log entries', async () => {
    const d = db()
    const seen: number[] = []
    await seedProgress(d, { questions: 10, logs: 25, now: T0, chunk: 10, onProgress: (done) => seen.push(done) })
    expect(seen).toEqual([10, 20, 25, 25])
  })
})

describe('seedProgress (answers)', () => {
  it('records every log entry through recordAnswer, with real FSRS cards', async () => {
    const d = db()
    const result = await seedProgress(d, { questions: 5, logs: 12, now: T0, days: 3, via: 'answers' })
    expect(result).toMatchObject({ questions: 5, cards: 5, logs: 12 })
    const cards = await d.cards.toArray()
    // Two or three answers each: no card is new any more.
    expect(cards.every((c) => c.reps >= 2 && c.state !== 0)).toBe(true)
    const logs = (await d.reviews.toArray()).sort((a, b) => a.time - b.time)
    expect(logs.filter((l) => l.cardBefore === null)).toHaveLength(5)
  })
})
