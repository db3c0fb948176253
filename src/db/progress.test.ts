import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { applyGrade } from '@/domain/scheduling/fsrs'
import type { Grade, Response } from '@/domain/content/response'
import type { StudyDB } from './database'
import {
  abandonAttempt,
  answeredSince,
  cardStatsBySet,
  clearNotebookEntry,
  countDue,
  countNewReviewedToday,
  createAttempt,
  finishAttempt,
  getCards,
  getDueCards,
  getSetting,
  getSettings,
  hasReviewLog,
  listAttempts,
  listNotebook,
  MATURE_DAYS,
  ProgressError,
  recordAnswer,
  regradeAnswer,
  replaceAnswer,
  replaceSetting,
  restoreNotebookEntry,
  saveSettings,
  setFlag,
  setSetting,
  SETTINGS_KEY,
  syncBank,
  undoAnswer,
  type AnswerInput,
} from './progress'
import { getAttempt } from './queries'
import { DEFAULT_SETTINGS, type CardRecord, type Settings } from './records'
import { bruteDaily, DAY, dumpAll, expectedDaily, freshDB, freshDBEachTest, HOUR, makeAttempt, makeCard, makeEntry, MIN, T0 } from './test-utils'

// Property tests against a real (in-memory) database: well under a second when idle, several
// seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 30_000 })

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh))
afterEach(() => {
  vi.restoreAllMocks()
})

const S: Settings = DEFAULT_SETTINGS
const WRONG: Response = { type: 'single', choice: 'b' }
const RIGHT: Response = { type: 'single', choice: 'a' }

function answer(overrides: Partial<AnswerInput> = {}): AnswerInput {
  const correct = overrides.correct ?? false
  return {
    questionId: 'q1',
    setId: 'set-a',
    mode: 'practice',
    answer: correct ? RIGHT : WRONG,
    correct,
    grade: correct ? 3 : 1,
    durationMs: 5000,
    now: T0,
    ...overrides,
  }
}

describe('recordAnswer', () => {
  it('writes the card, the log entry, the notebook entry and the attempt answer together', async () => {
    await createAttempt(db, makeAttempt())
    const { log } = await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)

    expect(log).toMatchObject({
      questionId: 'q1',
      setId: 'set-a',
      time: T0,
      correct: false,
      overridden: false,
      grade: 1,
      cardBefore: null,
      notebookBefore: null,
      attemptId: 'attempt-1',
      attemptUpdatedAtBefore: T0,
    })
    expect(log.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await db.reviews.get(log.id)).toEqual(log)
    expect(await db.cards.get('q1')).toEqual(applyGrade(null, 'q1', 'set-a', 1, T0, S))
    expect(await db.notebook.get('q1')).toEqual(makeEntry({ lastWrongAnswer: WRONG, lastWrongAt: T0 }))
    const attempt = await db.attempts.get('attempt-1')
    expect(attempt?.answers).toEqual([
      { questionId: 'q1', answer: WRONG, correct: false, overridden: false, grade: 1, durationMs: 5000, reviewId: log.id },
    ])
    expect(attempt).toMatchObject({ correctCount: 0, updatedAt: T0 })
  })

  it('continues from the stored card and counts correct answers in the attempt', async () => {
    await createAttempt(db, makeAttempt())
    await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    const card1 = await db.cards.get('q1')
    const { log } = await recordAnswer(db, answer({ correct: true, now: T0 + 2 * MIN, attemptId: 'attempt-1' }), S)
    expect(log.cardBefore).toEqual(card1)
    expect(await db.cards.get('q1')).toEqual(applyGrade(card1!, 'q1', 'set-a', 3, T0 + 2 * MIN, S))
    expect(await db.attempts.get('attempt-1')).toMatchObject({ correctCount: 1, updatedAt: T0 + 2 * MIN })
  })

  it('links the log to the attempt without adding an answer when attemptAnswer is false', async () => {
    await createAttempt(db, makeAttempt())
    const { log } = await recordAnswer(db, answer({ attemptId: 'attempt-1', attemptAnswer: false, now: T0 + MIN }), S)
    expect(log.attemptId).toBe('attempt-1')
    expect(await db.attempts.get('attempt-1')).toMatchObject({ answers: [], updatedAt: T0 + MIN })
  })

  it('counts an overridden answer ("I was right") as correct', async () => {
    const { log } = await recordAnswer(db, answer({ correct: false, overridden: true, grade: 3 }), S)
    expect(log).toMatchObject({ correct: true, overridden: true })
    expect(await db.notebook.count()).toBe(0)
  })

  it('stores a plain copy of the answer', async () => {
    const choices = ['a', 'b']
    const { log } = await recordAnswer(db, answer({ answer: { type: 'multiple', choices } }), S)
    choices.push('c')
    expect((await db.reviews.get(log.id))?.answer).toEqual({ type: 'multiple', choices: ['a', 'b'] })
  })

  it('writes an answer with a chosen log id once: a second write of that id changes nothing and returns what the first wrote', async () => {
    await createAttempt(db, makeAttempt())
    expect(await hasReviewLog(db, 'sent-1')).toBe(false)
    const first = await recordAnswer(db, answer({ id: 'sent-1', attemptId: 'attempt-1' }), S)
    expect(first.log.id).toBe('sent-1')
    expect(await hasReviewLog(db, 'sent-1')).toBe(true)
    const before = await dumpAll(db)
    // Another page wrote it first (a replay), or a retry after a write that did land.
    const again = await recordAnswer(db, answer({ id: 'sent-1', attemptId: 'attempt-1', now: T0 + MIN }), S)
    expect(await dumpAll(db)).toEqual(before)
    expect(again).toEqual(first)
  })

  it('tells whether the log holds a later answer to a question', async () => {
    await recordAnswer(db, answer({ now: T0 }), S)
    await recordAnswer(db, answer({ questionId: 'q2', now: T0 + HOUR }), S)
    expect(await answeredSince(db, 'q1', T0 - 1)).toBe(true)
    expect(await answeredSince(db, 'q1', T0)).toBe(false)
    expect(await answeredSince(db, 'q2', T0)).toBe(true)
    expect(await answeredSince(db, 'q3', 0)).toBe(false)
  })

  it('writes nothing when the attempt does not exist', async () => {
    await recordAnswer(db, answer(), S)
    const before = await dumpAll(db)
    await expect(recordAnswer(db, answer({ now: T0 + MIN, attemptId: 'missing' }), S)).rejects.toThrow(ProgressError)
    expect(await dumpAll(db)).toEqual(before)
  })

  it('leaves card, log and notebook unchanged when a write fails after the card was written', async () => {
    await createAttempt(db, makeAttempt())
    await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    const before = await dumpAll(db)
    const cardPut = vi.spyOn(db.cards, 'put')
    // The attempt is the last write: the card, the log entry and the notebook are already written.
    vi.spyOn(db.attempts, 'put').mockRejectedValueOnce(new Error('disk full'))
    await expect(recordAnswer(db, answer({ now: T0 + MIN, attemptId: 'attempt-1' }), S)).rejects.toThrow('disk full')
    expect(cardPut).toHaveBeenCalledTimes(1)
    expect(await dumpAll(db)).toEqual(before)
  })

  it('leaves nothing half-written when a hook throws on the notebook write', async () => {
    await recordAnswer(db, answer({ correct: true, questionId: 'q9' }), S)
    const before = await dumpAll(db)
    db.notebook.hook('creating', () => {
      throw new Error('hook failed')
    })
    await expect(recordAnswer(db, answer({ now: T0 + MIN }), S)).rejects.toThrow('hook failed')
    expect(await dumpAll(db)).toEqual(before)
  })
})

describe('notebook updates', () => {
  it('counts misses, remembers the last wrong answer and resets the streak', async () => {
    await recordAnswer(db, answer({ correct: true, questionId: 'q2' }), S)
    expect(await db.notebook.get('q2')).toBeUndefined() // right first time: no entry
    await recordAnswer(db, answer(), S)
    await recordAnswer(db, answer({ correct: true, now: T0 + MIN }), S)
    const other: Response = { type: 'single', choice: 'c' }
    await recordAnswer(db, answer({ answer: other, now: T0 + 2 * MIN }), S)
    expect(await db.notebook.get('q1')).toEqual(
      makeEntry({ missCount: 2, lastWrongAnswer: other, lastWrongAt: T0 + 2 * MIN, correctStreak: 0 }),
    )
  })

  it.each([1, 2, 3])('clears an entry after right answers on %i days, each once its review is due (from the settings)', async (streak) => {
    const settings = { ...S, notebookClearStreak: streak }
    // A month apart: each review is due by then.
    const at = (i: number) => T0 + i * 30 * DAY
    await recordAnswer(db, answer(), settings)
    for (let i = 1; i < streak; i++) {
      await recordAnswer(db, answer({ correct: true, now: at(i) }), settings)
      expect(await db.notebook.get('q1')).toMatchObject({ cleared: 0, correctStreak: i })
    }
    await recordAnswer(db, answer({ correct: true, now: at(streak) }), settings)
    expect(await db.notebook.get('q1')).toMatchObject({ cleared: 1, clearedAt: at(streak), correctStreak: streak })
  })

  it('keeps an entry answered right twice the same day, and before its review is due', async () => {
    await recordAnswer(db, answer(), S)
    await recordAnswer(db, answer({ correct: true, now: T0 + 3000 }), S)
    await recordAnswer(db, answer({ correct: true, now: T0 + 6000 }), S)
    expect(await db.notebook.get('q1')).toMatchObject({ cleared: 0, correctStreak: 1 })
    const due = (await db.cards.get('q1'))!.due
    expect(due).toBeGreaterThan(T0 + DAY)
    await recordAnswer(db, answer({ correct: true, now: due - 1 }), S)
    expect(await db.notebook.get('q1')).toMatchObject({ cleared: 0, correctStreak: 1 })
    const later = (await db.cards.get('q1'))!.due
    await recordAnswer(db, answer({ correct: true, now: later }), S)
    expect(await db.notebook.get('q1')).toMatchObject({ cleared: 1, correctStreak: 2 })
  })

  it('brings a cleared entry back on the next miss', async () => {
    await recordAnswer(db, answer(), S)
    await recordAnswer(db, answer({ correct: true, now: T0 + DAY }), S)
    await recordAnswer(db, answer({ correct: true, now: T0 + 2 * DAY }), S)
    expect(await db.notebook.get('q1')).toMatchObject({ cleared: 1 })
    await recordAnswer(db, answer({ now: T0 + 3 * DAY }), S)
    expect(await db.notebook.get('q1')).toMatchObject({ cleared: 0, clearedAt: null, missCount: 2, correctStreak: 0 })
  })
})

describe('undoAnswer', () => {
  it('restores card, notebook and attempt exactly and deletes the log entry', async () => {
    await createAttempt(db, makeAttempt())
    await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    const before = await dumpAll(db)
    const { log } = await recordAnswer(db, answer({ correct: true, now: T0 + HOUR, attemptId: 'attempt-1' }), S)
    await undoAnswer(db, log.id)
    expect(await dumpAll(db)).toEqual(before)
  })

  it('deletes the card and the notebook entry of a question that was new', async () => {
    const { log } = await recordAnswer(db, answer(), S)
    await undoAnswer(db, log.id)
    expect(await dumpAll(db)).toEqual(await dumpAll(freshDBOpen()))
  })

  it('refuses to undo an answer that is not the latest for its question', async () => {
    const { log: first } = await recordAnswer(db, answer(), S)
    await recordAnswer(db, answer({ now: T0 + MIN }), S)
    const before = await dumpAll(db)
    await expect(undoAnswer(db, first.id)).rejects.toMatchObject({ code: 'stale' })
    await expect(undoAnswer(db, 'nope')).rejects.toMatchObject({ code: 'not-found' })
    expect(await dumpAll(db)).toEqual(before)
  })

  it('undoes the last of any sequence of answers exactly (property)', async () => {
    const step = fc.record({
      q: fc.constantFrom('q1', 'q2', 'q3'),
      correct: fc.boolean(),
      grade: fc.constantFrom<Grade>(1, 2, 3, 4),
      gapMin: fc.nat(3 * 24 * 60),
      inAttempt: fc.boolean(),
      attemptAnswer: fc.boolean(),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 3 }), async (steps, streak) => {
        const local = freshDB()
        try {
          const settings = { ...S, notebookClearStreak: streak }
          await createAttempt(local, makeAttempt())
          let now = T0
          let before: Record<string, unknown[]> = {}
          let lastId = ''
          for (const [i, s] of steps.entries()) {
            now += s.gapMin * MIN
            if (i === steps.length - 1) before = await dumpAll(local)
            const { log } = await recordAnswer(
              local,
              answer({
                questionId: s.q,
                correct: s.correct,
                grade: s.grade,
                now,
                attemptId: s.inAttempt ? 'attempt-1' : null,
                attemptAnswer: s.attemptAnswer,
              }),
              settings,
            )
            lastId = log.id
          }
          await undoAnswer(local, lastId)
          expect(await dumpAll(local)).toEqual(before)
        } finally {
          local.close()
        }
      }),
      { numRuns: 40 },
    )
    // 40 random sequences against a real (in-memory) database: seconds on a busy machine.
  }, 30_000)

  it('takes every answer back in reverse order to an empty database', async () => {
    const ids: string[] = []
    for (let i = 0; i < 6; i++) {
      ids.push((await recordAnswer(db, answer({ questionId: `q${i % 2}`, correct: i % 3 === 0, now: T0 + i * HOUR }), S)).log.id)
    }
    for (const id of ids.reverse()) await undoAnswer(db, id)
    expect(await dumpAll(db)).toEqual(await dumpAll(freshDBOpen()))
  })
})

// An empty database to compare dumps with (closed after the test).
const extra: StudyDB[] = []
function freshDBOpen(): StudyDB {
  const other = freshDB()
  extra.push(other)
  return other
}
afterEach(() => {
  for (const other of extra.splice(0)) other.close()
})

describe('replaceAnswer and setFlag (exams)', () => {
  it('takes the earlier answer back and records the new one, leaving one answer in the attempt', async () => {
    await createAttempt(db, makeAttempt())
    const { log: first } = await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    await replaceAnswer(db, first.id, answer({ attemptId: 'attempt-1', correct: true, now: T0 + MIN }), S)
    const a = (await db.attempts.get('attempt-1'))!
    expect(a.answers).toHaveLength(1)
    expect(a.answers[0]).toMatchObject({ correct: true })
    expect(await db.reviews.get(first.id)).toBeUndefined()
    expect(await db.reviews.count()).toBe(1)
    // The miss is gone with the answer it came from.
    expect(await db.notebook.get('q1')).toBeUndefined()
    expect((await db.cards.get('q1'))!.reps).toBe(1)
  })
  it('replaces once: a second write of the new answer changes nothing and returns what the first wrote', async () => {
    await createAttempt(db, makeAttempt())
    const { log: first } = await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    const change = answer({ id: 'change-1', attemptId: 'attempt-1', correct: true, now: T0 + MIN })
    const replaced = await replaceAnswer(db, first.id, change, S)
    const before = await dumpAll(db)
    expect(await replaceAnswer(db, first.id, change, S)).toEqual(replaced)
    expect(await dumpAll(db)).toEqual(before)
  })
  it('each write returns its log entry and the attempt as it now is, for the screen to show without a read', async () => {
    await createAttempt(db, makeAttempt())
    const stored = () => db.attempts.get('attempt-1')
    const first = await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    expect(first.attempt).toEqual(await stored())
    const replaced = await replaceAnswer(db, first.log.id, answer({ attemptId: 'attempt-1', correct: true, now: T0 + MIN }), S)
    expect(replaced.attempt).toEqual(await stored())
    const regraded = await regradeAnswer(db, replaced.log.id, 4, T0 + 2 * MIN, S)
    expect(regraded.attempt).toEqual(await stored())
    expect(regraded.attempt?.answers[0]?.grade).toBe(4)
    const undone = await undoAnswer(db, replaced.log.id)
    expect(undone.log.id).toBe(replaced.log.id)
    expect(undone.attempt).toEqual(await stored())
    expect(undone.attempt?.answers).toEqual([])
    expect((await recordAnswer(db, answer({ now: T0 + 3 * MIN }), S)).attempt).toBeNull()
  })
  it('flags and unflags a question of an active attempt only', async () => {
    await createAttempt(db, makeAttempt())
    const stored = () => db.attempts.get('attempt-1')
    const flagged = await setFlag(db, 'attempt-1', 'q1', true)
    expect(flagged.changed).toBe(true)
    expect((await stored())!.flagged).toEqual(['q1'])
    expect(flagged.attempt).toEqual(await stored())
    const unflagged = await setFlag(db, 'attempt-1', 'q1', false)
    expect(unflagged.changed).toBe(true)
    expect((await stored())!.flagged).toEqual([])
    expect(unflagged.attempt).toEqual(await stored())
    await finishAttempt(db, 'attempt-1', T0)
    const finished = await setFlag(db, 'attempt-1', 'q1', true)
    expect(finished.changed).toBe(false)
    expect(finished.attempt).toEqual(await stored())
  })
})

describe('regradeAnswer', () => {
  it('recomputes the card from the state before the answer with the new grade', async () => {
    await recordAnswer(db, answer({ correct: true }), S)
    const cardBefore = await db.cards.get('q1')
    const { log } = await recordAnswer(db, answer({ correct: true, now: T0 + 10 * MIN }), S)
    const { log: regraded } = await regradeAnswer(db, log.id, 4, T0 + 11 * MIN, S)
    expect(regraded).toMatchObject({ id: log.id, grade: 4, correct: true, time: T0 + 10 * MIN })
    expect(await db.cards.get('q1')).toEqual(applyGrade(cardBefore!, 'q1', 'set-a', 4, T0 + 10 * MIN, S))
    expect(await db.reviews.get(log.id)).toEqual(regraded)
    expect(await db.reviews.count()).toBe(2)
  })

  it('gives the same database as answering with that grade in the first place', async () => {
    const other = freshDBOpen()
    for (const target of [db, other]) await createAttempt(target, makeAttempt())
    const { log } = await recordAnswer(db, answer({ correct: true, grade: 3, attemptId: 'attempt-1' }), S)
    await regradeAnswer(db, log.id, 2, T0, S)
    const { log: direct } = await recordAnswer(other, answer({ correct: true, grade: 2, attemptId: 'attempt-1' }), S)
    const strip = async (d: StudyDB) => {
      const dump = await dumpAll(d)
      return JSON.parse(JSON.stringify(dump).replaceAll(log.id, 'ID').replaceAll(direct.id, 'ID')) as unknown
    }
    expect(await strip(db)).toEqual(await strip(other))
  })

  it('flips a typed answer to correct ("I was right"): notebook, log and attempt agree', async () => {
    await createAttempt(db, makeAttempt())
    const { log } = await recordAnswer(db, answer({ answer: { type: 'blank', text: 'Qwen 3' }, attemptId: 'attempt-1' }), S)
    expect(await db.notebook.count()).toBe(1)
    const { log: fixed } = await regradeAnswer(db, log.id, 3, T0 + MIN, S, { correct: true, overridden: true })
    expect(fixed).toMatchObject({ correct: true, overridden: true, grade: 3 })
    expect(await db.notebook.count()).toBe(0) // the entry was created by this answer alone
    expect(await db.attempts.get('attempt-1')).toMatchObject({
      correctCount: 1,
      updatedAt: T0 + MIN,
      answers: [{ reviewId: log.id, correct: true, overridden: true, grade: 3 }],
    })
    // Undo after the regrade still restores the database before the answer.
    await undoAnswer(db, log.id)
    expect(await db.attempts.get('attempt-1')).toEqual(makeAttempt())
    expect(await db.cards.count()).toBe(0)
  })

  it('restores the earlier notebook entry when a miss on a known mistake becomes right', async () => {
    await recordAnswer(db, answer(), S)
    const entry = await db.notebook.get('q1')
    const { log } = await recordAnswer(db, answer({ now: T0 + DAY }), S)
    expect(await db.notebook.get('q1')).toMatchObject({ missCount: 2 })
    await regradeAnswer(db, log.id, 3, T0 + DAY, S, { correct: true, overridden: true })
    expect(await db.notebook.get('q1')).toEqual({ ...entry, correctStreak: 1, streakDay: expect.any(String) })
  })

  it('refuses a stale or missing review and writes nothing', async () => {
    const { log: first } = await recordAnswer(db, answer(), S)
    await recordAnswer(db, answer({ now: T0 + MIN }), S)
    const before = await dumpAll(db)
    await expect(regradeAnswer(db, first.id, 4, T0, S)).rejects.toMatchObject({ code: 'stale' })
    await expect(regradeAnswer(db, 'nope', 4, T0, S)).rejects.toMatchObject({ code: 'not-found' })
    expect(await dumpAll(db)).toEqual(before)
  })
})

describe('daily stats', () => {
  // The tests run in UTC (T0 is 08:00): a day key is the UTC date.
  const row = (over: Partial<Record<string, unknown>>) => ({
    day: '2026-01-01',
    setId: 'set-a',
    reviews: 1,
    correct: 0,
    durationMs: 5000,
    retentionTotal: 0,
    retentionPass: 0,
    newCards: 1, // most rows here hold one first-ever answer
    ...over,
  })

  it("adds each answer to its day's row: reviews, correct, time, and retention on the first review of the day", async () => {
    await recordAnswer(db, answer(), S) // new: no retention
    await recordAnswer(db, answer({ now: T0 + DAY, correct: true }), S) // first of the day: passed
    await recordAnswer(db, answer({ now: T0 + DAY + MIN, grade: 1 }), S) // second that day: not counted
    await recordAnswer(db, answer({ questionId: 'q2', setId: 'set-b', now: T0 + DAY, durationMs: 700 }), S)
    expect(await db.daily.toArray()).toEqual([
      row({}),
      row({ day: '2026-01-02', reviews: 2, correct: 1, durationMs: 10_000, retentionTotal: 1, retentionPass: 1, newCards: 0 }),
      row({ day: '2026-01-02', setId: 'set-b', durationMs: 700 }),
    ])
  })

  it('remembers on the log entry what the answer added', async () => {
    const { log: first } = await recordAnswer(db, answer({ now: T0 + 15 * HOUR + 59 * MIN }), S)
    const { log: second } = await recordAnswer(db, answer({ now: T0 + 15 * HOUR + 59 * MIN }), S) // same instant: not first
    const { log: next } = await recordAnswer(db, answer({ now: T0 + 16 * HOUR }), S) // 00:00 the next day
    expect([first.daily, second.daily, next.daily]).toEqual([
      { day: '2026-01-01', firstOfDay: true },
      { day: '2026-01-01', firstOfDay: false },
      { day: '2026-01-02', firstOfDay: true },
    ])
    expect((await db.reviews.get(next.id))?.daily).toEqual(next.daily)
  })

  it('stays equal to a brute-force count of the log through answers, undos and regrades (property)', async () => {
    const answerOp = fc.record({
      kind: fc.constant('answer' as const),
      q: fc.constantFrom('q1', 'q2', 'q3'),
      set: fc.constantFrom('set-a', 'set-b'),
      correct: fc.boolean(),
      grade: fc.constantFrom<Grade>(1, 2, 3, 4),
      // 1 minute to 30 hours: several answers a day, and days apart (T0 is 08:00 UTC).
      gapMin: fc.integer({ min: 1, max: 30 * 60 }),
      durationMs: fc.nat(120_000),
      inAttempt: fc.boolean(),
    })
    const undoOp = fc.record({ kind: fc.constant('undo' as const) })
    const regradeOp = fc.record({
      kind: fc.constant('regrade' as const),
      grade: fc.constantFrom<Grade>(1, 2, 3, 4),
      correct: fc.option(fc.boolean(), { nil: undefined }),
    })
    const op = fc.oneof({ weight: 5, arbitrary: answerOp }, { weight: 1, arbitrary: undoOp }, { weight: 2, arbitrary: regradeOp })
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const local = freshDB()
        try {
          await createAttempt(local, makeAttempt())
          let now = T0
          const ids: string[] = []
          for (const o of ops) {
            if (o.kind === 'answer') {
              now += o.gapMin * MIN
              const input = answer({
                questionId: o.q,
                setId: o.set,
                correct: o.correct,
                grade: o.grade,
                durationMs: o.durationMs,
                now,
                attemptId: o.inAttempt ? 'attempt-1' : null,
              })
              ids.push((await recordAnswer(local, input, S)).log.id)
            } else if (o.kind === 'undo') {
              const id = ids.pop()
              if (id !== undefined) await undoAnswer(local, id)
            } else if (ids.length > 0) {
              await regradeAnswer(local, ids.at(-1)!, o.grade, now, S, { correct: o.correct })
            }
            expect(await local.daily.toArray()).toEqual(await expectedDaily(local))
          }
        } finally {
          local.close()
        }
      }),
      { numRuns: 40 },
    )
  })

  it('undoes and regrades entries written before the daily stats existed (no record of their share)', async () => {
    await recordAnswer(db, answer({ correct: true }), S)
    await recordAnswer(db, answer({ now: T0 + DAY, correct: true }), S)
    await recordAnswer(db, answer({ questionId: 'q2', now: T0 + DAY + HOUR, correct: true }), S)
    const { log: last } = await recordAnswer(db, answer({ now: T0 + DAY + 2 * HOUR }), S) // second of the day
    // As the version 3 upgrade leaves them: counted in the table, the entries themselves silent.
    await db.reviews.toCollection().modify((log) => {
      delete log.daily
    })
    const first = (await db.reviews.toArray()).find((l) => l.time === T0 + DAY)!
    expect(first.daily).toBeUndefined()

    await regradeAnswer(db, last.id, 3, T0 + DAY + 3 * HOUR, S, { correct: true })
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
    expect((await db.reviews.get(last.id))?.daily).toEqual({ day: '2026-01-02', firstOfDay: false })
    await undoAnswer(db, last.id)
    await regradeAnswer(db, first.id, 1, T0 + DAY + 4 * HOUR, S) // the first of its day: retention follows
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
    expect((await db.daily.get(['2026-01-02', 'set-a']))?.retentionPass).toBe(0)
    await undoAnswer(db, first.id)
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
  })

  it('leaves the daily rows untouched when a later write of the answer fails', async () => {
    await createAttempt(db, makeAttempt())
    await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    const before = await db.daily.toArray()
    const dailyPut = vi.spyOn(db.daily, 'put')
    vi.spyOn(db.attempts, 'put').mockRejectedValueOnce(new Error('disk full'))
    await expect(recordAnswer(db, answer({ now: T0 + MIN, attemptId: 'attempt-1' }), S)).rejects.toThrow('disk full')
    expect(dailyPut).toHaveBeenCalledTimes(1) // written, then rolled back
    expect(await db.daily.toArray()).toEqual(before)
  })

  it('leaves the daily rows untouched when undo or regrade fails after updating them', async () => {
    await createAttempt(db, makeAttempt())
    const { log } = await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    const before = await dumpAll(db)
    const dailyDelete = vi.spyOn(db.daily, 'delete')
    const dailyPut = vi.spyOn(db.daily, 'put')
    vi.spyOn(db.attempts, 'put').mockRejectedValue(new Error('disk full'))
    await expect(undoAnswer(db, log.id)).rejects.toThrow('disk full')
    expect(dailyDelete).toHaveBeenCalledTimes(1)
    await expect(regradeAnswer(db, log.id, 4, T0, S, { correct: true })).rejects.toThrow('disk full')
    expect(dailyPut).toHaveBeenCalledTimes(1)
    expect(await dumpAll(db)).toEqual(before)
    expect(before.daily).toEqual([row({})])
  })

  it('writes nothing to the daily rows when the daily write itself fails', async () => {
    await recordAnswer(db, answer(), S)
    const before = await dumpAll(db)
    vi.spyOn(db.daily, 'put').mockRejectedValueOnce(new Error('quota'))
    await expect(recordAnswer(db, answer({ now: T0 + MIN }), S)).rejects.toThrow('quota')
    expect(await dumpAll(db)).toEqual(before)
  })

  it('matches the brute-force count used by the other tests', async () => {
    // The reference itself: two answers to q1 on one day, the second not the first of the day.
    const { log: a } = await recordAnswer(db, answer({ correct: true }), S)
    const { log: b } = await recordAnswer(db, answer({ now: T0 + DAY }), S)
    expect(bruteDaily([b, a])).toEqual([
      row({ correct: 1 }),
      row({ day: '2026-01-02', retentionTotal: 1, newCards: 0 }),
    ])
  })
})

function randomCards() {
  return fc.uniqueArray(
    fc.record({
      questionId: fc.string({ minLength: 1, maxLength: 5 }),
      setId: fc.constantFrom('set-a', 'set-b', 'set-c'),
      due: fc.integer({ min: T0 - 10 * DAY, max: T0 + 10 * DAY }),
      state: fc.constantFrom<CardRecord['state']>(1, 2, 3),
    }),
    { selector: (c) => c.questionId, maxLength: 40 },
  )
}

describe('countDue / getDueCards', () => {
  it('match a brute-force filter on random cards, in due order', async () => {
    await fc.assert(
      fc.asyncProperty(
        randomCards(),
        fc.integer({ min: T0 - 11 * DAY, max: T0 + 11 * DAY }),
        fc.option(fc.constantFrom('set-a', 'set-b', 'set-z'), { nil: undefined }),
        async (specs, now, setId) => {
          const local = freshDB()
          try {
            const cards = specs.map((s) => makeCard(s))
            await local.cards.bulkAdd(cards)
            const expected = cards.filter((c) => c.due <= now && (setId === undefined || c.setId === setId))
            expect(await countDue(local, now, setId)).toBe(expected.length)
            const due = await getDueCards(local, now, { setId })
            expect(due.map((c) => c.questionId).sort()).toEqual(expected.map((c) => c.questionId).sort())
            expect(due.map((c) => c.due)).toEqual(expected.map((c) => c.due).sort((a, b) => a - b))
          } finally {
            local.close()
          }
        },
      ),
      { numRuns: 30 },
    )
  })

  it('counts a card due exactly now, and limits to the earliest', async () => {
    await db.cards.bulkAdd([
      makeCard({ questionId: 'a', due: T0 }),
      makeCard({ questionId: 'b', due: T0 - DAY }),
      makeCard({ questionId: 'c', due: T0 - HOUR, setId: 'set-b' }),
      makeCard({ questionId: 'd', due: T0 + 1 }),
    ])
    expect(await countDue(db, T0)).toBe(3)
    expect(await countDue(db, T0, 'set-a')).toBe(2)
    expect((await getDueCards(db, T0, { limit: 2 })).map((c) => c.questionId)).toEqual(['b', 'c'])
    expect((await getDueCards(db, T0, { setId: 'set-a', limit: 1 })).map((c) => c.questionId)).toEqual(['b'])
  })
})

describe('getCards', () => {
  it('returns the cards that exist, by question id', async () => {
    await db.cards.bulkAdd([makeCard({ questionId: 'a' }), makeCard({ questionId: 'b' })])
    const cards = await getCards(db, ['b', 'missing', 'a'])
    expect([...cards.keys()].sort()).toEqual(['a', 'b'])
    expect(cards.get('a')).toEqual(makeCard({ questionId: 'a' }))
  })
})

describe('cardStatsBySet', () => {
  it('counts learning, young and mature (review) cards per set', async () => {
    await db.cards.bulkAdd([
      makeCard({ questionId: 'l1', state: 1 }),
      makeCard({ questionId: 'l2', state: 3 }),
      makeCard({ questionId: 'y1', state: 2, stability: 5, scheduledDays: 5 }),
      makeCard({ questionId: 'm1', state: 2, stability: 21, scheduledDays: 15 }),
      makeCard({ questionId: 'm2', state: 2, stability: 140.5, scheduledDays: 30 }),
      // Mature is decided by stability: a long interval alone (a low retention target) is not enough.
      makeCard({ questionId: 'y2', state: 2, stability: 12, scheduledDays: 21 }),
      makeCard({ questionId: 'b1', setId: 'set-b', state: 2, stability: 20.9, scheduledDays: 20 }),
      makeCard({ questionId: 'b2', setId: 'set-b', state: 0 }),
    ])
    const stats = await cardStatsBySet(db)
    expect(Object.fromEntries(stats)).toEqual({
      'set-a': { learning: 2, young: 2, review: 2 },
      'set-b': { learning: 0, young: 1, review: 0 },
    })
  })

  it('agrees with counting every card, for random cards', async () => {
    const card = fc.record({
      set: fc.constantFrom('set-a', 'set-b', 'set-c'),
      state: fc.constantFrom(0, 1, 2, 3),
      stability: fc.oneof(fc.constant(MATURE_DAYS), fc.double({ min: 0, max: 400, noNaN: true })),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(card, { maxLength: 40 }), async (cards) => {
        await db.cards.clear()
        await db.cards.bulkAdd(cards.map((c, i) => makeCard({ questionId: `c${i}`, setId: c.set, state: c.state, stability: c.stability })))
        const expected = new Map<string, { learning: number; young: number; review: number }>()
        for (const c of cards) {
          const e = expected.get(c.set) ?? { learning: 0, young: 0, review: 0 }
          expected.set(c.set, e)
          if (c.state === 1 || c.state === 3) e.learning++
          else if (c.state === 2) e[c.stability >= MATURE_DAYS ? 'review' : 'young']++
        }
        expect(Object.fromEntries(await cardStatsBySet(db))).toEqual(Object.fromEntries(expected))
        // One set alone: the same counts, zeros for a set without cards, no other set.
        const zero = { learning: 0, young: 0, review: 0 }
        expect(Object.fromEntries(await cardStatsBySet(db, ['set-b', 'set-none']))).toEqual({
          'set-b': expected.get('set-b') ?? zero,
          'set-none': zero,
        })
      }),
      { numRuns: 30 },
    )
  })
})

describe('countNewReviewedToday', () => {
  it('counts only first answers since the start of the day, and an undone answer leaves the log', async () => {
    const dayStart = Date.UTC(2026, 0, 2)
    await recordAnswer(db, answer({ questionId: 'old', now: dayStart - HOUR }), S) // yesterday
    await recordAnswer(db, answer({ questionId: 'a', now: dayStart + HOUR }), S)
    await recordAnswer(db, answer({ questionId: 'a', now: dayStart + 2 * HOUR }), S) // not new
    await recordAnswer(db, answer({ questionId: 'old', now: dayStart + 3 * HOUR }), S) // not new
    await recordAnswer(db, answer({ questionId: 'c', setId: 'set-b', now: dayStart + 3 * HOUR }), S) // new, another set
    const { log: last } = await recordAnswer(db, answer({ questionId: 'b', now: dayStart + 4 * HOUR }), S)
    expect(await countNewReviewedToday(db, dayStart)).toBe(3)
    await undoAnswer(db, last.id)
    expect(await countNewReviewedToday(db, dayStart)).toBe(2)
    const since = (await db.reviews.filter((r) => r.time >= dayStart + 2 * HOUR).toArray()).sort((a, b) => a.time - b.time)
    expect(since.map((r) => r.time)).toEqual([dayStart + 2 * HOUR, dayStart + 3 * HOUR, dayStart + 3 * HOUR])
  })
})

describe('listNotebook', () => {
  beforeEach(async () => {
    await db.notebook.bulkAdd([
      makeEntry({ questionId: 'a', missCount: 1, lastWrongAt: T0 + 3 * HOUR }),
      makeEntry({ questionId: 'b', missCount: 3, lastWrongAt: T0 + 1 * HOUR }),
      makeEntry({ questionId: 'c', missCount: 3, lastWrongAt: T0 + 2 * HOUR, setId: 'set-b' }),
      makeEntry({ questionId: 'd', missCount: 5, lastWrongAt: T0, cleared: 1, clearedAt: T0 + DAY }),
    ])
  })

  it('sorts active entries by latest miss or by most misses', async () => {
    const ids = async (q: Parameters<typeof listNotebook>[1]) => (await listNotebook(db, q)).map((e) => e.questionId)
    expect(await ids({ cleared: false, sort: 'recent' })).toEqual(['a', 'c', 'b'])
    expect(await ids({ cleared: false, sort: 'missed' })).toEqual(['c', 'b', 'a'])
    expect(await ids({ cleared: false, sort: 'missed', setId: 'set-a' })).toEqual(['b', 'a'])
    expect(await ids({ cleared: true, sort: 'recent' })).toEqual(['d'])
  })

  it('moves entries between the lists with clearNotebookEntry / restoreNotebookEntry', async () => {
    expect(await clearNotebookEntry(db, 'a', T0 + DAY)).toBe(true)
    expect(await db.notebook.get('a')).toMatchObject({ cleared: 1, clearedAt: T0 + DAY })
    expect((await listNotebook(db, { cleared: true, sort: 'recent' })).map((e) => e.questionId)).toEqual(['a', 'd'])
    expect(await restoreNotebookEntry(db, 'd')).toBe(true)
    expect(await db.notebook.get('d')).toMatchObject({ cleared: 0, clearedAt: null, correctStreak: 0, missCount: 5 })
    expect((await listNotebook(db, { cleared: false, sort: 'missed' }))[0]?.questionId).toBe('d')
    expect(await clearNotebookEntry(db, 'missing', T0)).toBe(false)
    expect(await restoreNotebookEntry(db, 'missing')).toBe(false)
  })

  it('keeps the first clearing time when an entry is cleared twice', async () => {
    await clearNotebookEntry(db, 'd', T0 + 5 * DAY)
    expect(await db.notebook.get('d')).toMatchObject({ clearedAt: T0 + DAY })
  })

  it('a restored entry needs the full streak again to clear itself', async () => {
    await db.notebook.put(makeEntry({ questionId: 'q1', correctStreak: 1 }))
    await clearNotebookEntry(db, 'q1', T0)
    await restoreNotebookEntry(db, 'q1')
    await recordAnswer(db, answer({ correct: true, now: T0 + DAY }), S)
    expect(await db.notebook.get('q1')).toMatchObject({ cleared: 0, correctStreak: 1 })
    await recordAnswer(db, answer({ correct: true, now: T0 + 2 * DAY }), S)
    expect(await db.notebook.get('q1')).toMatchObject({ cleared: 1, correctStreak: 2 })
  })
})

describe('attempts', () => {
  it('createAttempt stores a plain copy; getAttempt returns it', async () => {
    const attempt = makeAttempt()
    expect(await createAttempt(db, attempt)).toBe('attempt-1')
    attempt.questionIds.push('changed')
    expect(await getAttempt(db, 'attempt-1')).toEqual(makeAttempt())
    await expect(createAttempt(db, makeAttempt())).rejects.toThrow() // ids are unique
    expect(await getAttempt(db, 'missing')).toBeUndefined()
  })

  it('finishAttempt ends it once', async () => {
    await createAttempt(db, makeAttempt())
    expect(await finishAttempt(db, 'attempt-1', T0 + HOUR)).toBe(true)
    expect(await db.attempts.get('attempt-1')).toMatchObject({ status: 'finished', finishedAt: T0 + HOUR, updatedAt: T0 + HOUR })
    expect((await getAttempt(db, 'attempt-1'))?.status).toBe('finished')
    expect(await finishAttempt(db, 'attempt-1', T0 + 2 * HOUR)).toBe(false)
    expect(await db.attempts.get('attempt-1')).toMatchObject({ finishedAt: T0 + HOUR })
    expect(await finishAttempt(db, 'missing', T0)).toBe(false)
  })

  it('abandonAttempt drops an active attempt but keeps its log entries; finished ones stay', async () => {
    await createAttempt(db, makeAttempt())
    await createAttempt(db, makeAttempt({ id: 'done', status: 'finished', finishedAt: T0 }))
    const { log } = await recordAnswer(db, answer({ attemptId: 'attempt-1' }), S)
    expect(await abandonAttempt(db, 'attempt-1')).toBe(true)
    expect(await db.attempts.get('attempt-1')).toBeUndefined()
    expect(await db.reviews.get(log.id)).toBeDefined()
    expect(await abandonAttempt(db, 'done')).toBe(false)
    expect(await db.attempts.get('done')).toBeDefined()
    // Undo still works on an answer of an abandoned attempt.
    await undoAnswer(db, log.id)
    expect(await db.cards.count()).toBe(0)
  })

  it('listAttempts filters by set and status, newest first, up to a limit', async () => {
    await createAttempt(db, makeAttempt({ id: 'a', status: 'finished', updatedAt: T0 + 1 }))
    await createAttempt(db, makeAttempt({ id: 'b', status: 'finished', updatedAt: T0 + 3, setIds: ['set-a', 'set-b'] }))
    await createAttempt(db, makeAttempt({ id: 'c', status: 'finished', updatedAt: T0 + 2, setIds: ['set-b'] }))
    await createAttempt(db, makeAttempt({ id: 'd', status: 'active', updatedAt: T0 + 4 }))
    const ids = async (q: Parameters<typeof listAttempts>[1]) => (await listAttempts(db, q)).map((a) => a.id)
    expect(await ids({ status: 'finished' })).toEqual(['b', 'c', 'a'])
    expect(await ids({ status: 'finished', setId: 'set-a' })).toEqual(['b', 'a'])
    expect(await ids({ status: 'active', setId: 'set-b' })).toEqual([])
    expect(await ids({ setId: 'set-b', limit: 1 })).toEqual(['b'])
    expect(await ids({})).toEqual(['d', 'b', 'c', 'a'])
  })
})

describe('settings', () => {
  it('getSettings returns the defaults, merged under what was saved', async () => {
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS)
    await db.settings.put({ key: SETTINGS_KEY, value: { newPerDay: 5, retention: 'high' } })
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 5 })
  })

  it('saveSettings stores a patch and rejects invalid values without writing', async () => {
    expect(await saveSettings(db, { notebookClearStreak: 3 }, T0)).toEqual({ ...DEFAULT_SETTINGS, notebookClearStreak: 3 })
    expect(await getSettings(db)).toMatchObject({ notebookClearStreak: 3 })
    expect(await db.settings.get(SETTINGS_KEY)).toMatchObject({ updatedAt: T0 })
    await expect(saveSettings(db, { retention: 0.5, newPerDay: 10 }, T0)).rejects.toThrow(/retention: must be/)
    expect(await getSettings(db)).toMatchObject({ newPerDay: DEFAULT_SETTINGS.newPerDay, retention: 0.9 })
  })

  it('reschedules every reviewed card when the retention changes: higher retention, sooner', async () => {
    // One card in review, one still learning.
    let review = applyGrade(null, 'r', 'set-a', 4, T0, S)
    review = applyGrade(review, 'r', 'set-a', 3, review.due, S)
    expect(review.scheduledDays).toBeLessThan(100) // well under the maximum interval
    const learning = applyGrade(null, 'l', 'set-a', 3, T0, S)
    await db.cards.bulkAdd([review, learning])

    await saveSettings(db, { retention: 0.95 }, T0)
    const sooner = await db.cards.get('r')
    expect(sooner!.due).toBeLessThan(review.due)
    expect(sooner!.due).toBe(review.lastReview! + sooner!.scheduledDays * DAY)
    expect(await db.cards.get('l')).toEqual(learning)
    expect(await countDue(db, sooner!.due)).toBeGreaterThan(0)

    await saveSettings(db, { retention: 0.8 }, T0)
    expect((await db.cards.get('r'))!.due).toBeGreaterThan(review.due)
    await saveSettings(db, { retention: 0.9 }, T0)
    expect(await db.cards.get('r')).toEqual(review)
  })

  it('reschedules the reviewed cards of every set, and only those', async () => {
    const reviewed = (id: string, setId: string) => {
      const first = applyGrade(null, id, setId, 4, T0, S)
      return applyGrade(first, id, setId, 3, first.due, S)
    }
    const cards = [reviewed('a1', 'set-a'), reviewed('b1', 'set-b'), reviewed('c1', 'imp-c'), applyGrade(null, 'b2', 'set-b', 1, T0, S)]
    await db.cards.bulkAdd(cards)

    await saveSettings(db, { retention: 0.95 }, T0)
    const after = await db.cards.bulkGet(cards.map((c) => c.questionId))
    for (const [i, card] of cards.slice(0, 3).entries()) expect(after[i]!.due).toBeLessThan(card.due)
    expect(after[3]).toEqual(cards[3])
  })

  it('does not touch cards when the retention stays the same', async () => {
    const card = makeCard({ due: T0 + 123 })
    await db.cards.add(card)
    await saveSettings(db, { newPerDay: 3 }, T0)
    expect(await db.cards.get('q1')).toEqual(card)
  })

  it('getSetting / setSetting keep UI prefs apart from the study settings', async () => {
    expect(await getSetting(db, 'locale')).toBeUndefined()
    const pref = { theme: 'dark', sizes: [1, 2] }
    await setSetting(db, 'ui', pref, T0)
    pref.sizes.push(3)
    expect(await getSetting(db, 'ui')).toEqual({ theme: 'dark', sizes: [1, 2] })
    await setSetting(db, 'locale', 'en')
    expect(await getSetting<string>(db, 'locale')).toBe('en')
    await expect(setSetting(db, SETTINGS_KEY, {})).rejects.toThrow(ProgressError)
    await expect(getSetting(db, SETTINGS_KEY)).rejects.toThrow(ProgressError)
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS)
  })

  it('replaceSetting writes only over the value it expects', async () => {
    expect(await replaceSetting(db, 'sig', 'a', 'b')).toBe(false)
    expect(await getSetting(db, 'sig')).toBeUndefined()
    expect(await replaceSetting(db, 'sig', undefined, 'a')).toBe(true)
    expect(await replaceSetting(db, 'sig', 'a', 'b')).toBe(true)
    expect(await replaceSetting(db, 'sig', 'a', 'c')).toBe(false)
    expect(await getSetting(db, 'sig')).toBe('b')
    await expect(replaceSetting(db, SETTINGS_KEY, undefined, {})).rejects.toThrow(ProgressError)
  })
})

describe('syncBank', () => {
  it('neither reads nor touches the progress of the sets it is told are unchanged', async () => {
    await recordAnswer(db, answer({ questionId: 'imp-a-1', setId: 'imp-a' }), S)
    await recordAnswer(db, answer({ questionId: 'built-in-gone', setId: 'set-a' }), S)
    await recordAnswer(db, answer({ questionId: 'stay', setId: 'set-a' }), S)
    await recordAnswer(db, answer({ questionId: 'imp-b-1', setId: 'imp-b' }), S)
    await recordAnswer(db, answer({ questionId: 'imp-c-1', setId: 'imp-c' }), S)
    const before = await dumpAll(db)
    const bank = [{ id: 'stay', setId: 'set-a' }]
    const read = vi.spyOn(db.cards, 'toArray')

    // imp-b lies between two unchanged sets: it is read, and its questions are not in the bank.
    expect(await syncBank(db, bank, T0 + DAY, new Set(['imp-c', 'imp-a']))).toEqual({ archived: ['built-in-gone', 'imp-b-1'], restored: [] })
    expect(await db.cards.get('imp-c-1')).toBeDefined()
    expect(read).not.toHaveBeenCalled()
    expect(await db.cards.get('imp-a-1')).toEqual((before.cards as CardRecord[]).find((c) => c.questionId === 'imp-a-1'))
    expect(await db.notebook.get('imp-a-1')).toBeDefined()
    expect(await db.archive.get('imp-a-1')).toBeUndefined()
    expect(await db.archive.get('built-in-gone')).toBeDefined()

    // Told nothing, the same bank archives that set's progress too (its questions are not in it).
    expect(await syncBank(db, bank, T0 + DAY)).toEqual({ archived: ['imp-a-1', 'imp-c-1'], restored: [] })
  })

  it('archives the progress of questions that left the bank and restores it when they come back', async () => {
    await recordAnswer(db, answer({ questionId: 'stay' }), S)
    await recordAnswer(db, answer({ questionId: 'gone' }), S)
    await recordAnswer(db, answer({ questionId: 'gone-card-only', correct: true }), S)
    const original = await dumpAll(db)
    const bank = [{ id: 'stay', setId: 'set-a' }]

    expect(await syncBank(db, bank, T0 + DAY)).toEqual({ archived: ['gone', 'gone-card-only'], restored: [] })
    expect((await db.cards.toArray()).map((c) => c.questionId)).toEqual(['stay'])
    expect((await db.notebook.toArray()).map((e) => e.questionId)).toEqual(['stay'])
    expect(await db.archive.get('gone')).toEqual({
      questionId: 'gone',
      archivedAt: T0 + DAY,
      card: original.cards!.find((c) => (c as CardRecord).questionId === 'gone'),
      notebook: original.notebook!.find((e) => (e as { questionId: string }).questionId === 'gone'),
    })
    expect(await db.archive.get('gone-card-only')).toMatchObject({ notebook: null })
    expect(await db.reviews.count()).toBe(3) // the log is never touched

    // Nothing changes on a second sync with the same bank.
    const synced = await dumpAll(db)
    expect(await syncBank(db, bank, T0 + 2 * DAY)).toEqual({ archived: [], restored: [] })
    expect(await dumpAll(db)).toEqual(synced)

    const full = ['stay', 'gone', 'gone-card-only'].map((id) => ({ id, setId: 'set-a' }))
    expect(await syncBank(db, full, T0 + 3 * DAY)).toEqual({ archived: [], restored: ['gone', 'gone-card-only'] })
    expect(await dumpAll(db)).toEqual(original)
  })

  it('moves the progress of a question that changed sets', async () => {
    await recordAnswer(db, answer({ questionId: 'q1', setId: 'set-a' }), S)
    await syncBank(db, [{ id: 'q1', setId: 'set-b' }], T0)
    expect(await db.cards.get('q1')).toMatchObject({ setId: 'set-b' })
    expect(await db.notebook.get('q1')).toMatchObject({ setId: 'set-b' })
    expect(await countDue(db, T0 + DAY, 'set-b')).toBe(1)
  })

  it('restores archived progress into the set the question is in now', async () => {
    await recordAnswer(db, answer({ questionId: 'q1', setId: 'set-a' }), S)
    await syncBank(db, [], T0)
    await syncBank(db, [{ id: 'q1', setId: 'set-c' }], T0 + DAY)
    expect(await db.cards.get('q1')).toMatchObject({ setId: 'set-c' })
    expect(await db.archive.count()).toBe(0)
  })

  it('keeps the newer card when a question came back and was answered meanwhile', async () => {
    await recordAnswer(db, answer({ questionId: 'q1' }), S)
    await syncBank(db, [], T0)
    const newer = makeCard({ lastReview: T0 + DAY, reps: 1 })
    await db.cards.put(newer)
    await syncBank(db, [{ id: 'q1', setId: 'set-a' }], T0 + 2 * DAY)
    expect(await db.cards.get('q1')).toEqual(newer)
    expect(await db.notebook.get('q1')).toMatchObject({ missCount: 1 })
  })
})
