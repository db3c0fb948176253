/**
 * Repositories for learning progress. Every function takes the database first, so tests (and
 * the in-memory fallback) pass their own.
 *
 * Multi-step writes run in ONE Dexie transaction with nothing async inside but IndexedDB calls,
 * and nothing is caught inside one: a caught error would let it commit half.
 */
import type { Grade, Response } from '@/domain/content/response'
import { applyGrade, rescheduleForRetention } from '@/domain/scheduling/fsrs'
import { normalizeSettings, settingsErrors } from '@/domain/scheduling/settings'
import { nextNotebookEntry } from '@/domain/session/notebook'
import { planBankSync } from '@/domain/progress/bankSync'
import { Dexie, plain, type StudyDB } from './database'
import type { Table } from 'dexie'
import { cardCountKey } from './counts'
import type {
  AttemptAnswer,
  AttemptRecord,
  CardRecord,
  NotebookEntry,
  ReviewLogRecord,
  Settings,
  StudyMode,
} from './records'
import { dailyShareOf, isFirstOfDay, updateDailyStats, writeDailyRow } from './stats'
import { dayKeyAt } from './localDays'

/** The settings-table key of the study settings; other keys hold UI prefs. */
export const SETTINGS_KEY = 'settings'

export { BANK_SIGNATURE_KEY } from './names'

/** An answer, undo or regrade that refers to something missing or out of date. */
export class ProgressError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'stale' | 'invalid',
  ) {
    super(message)
    this.name = 'ProgressError'
  }
}

// ---------------------------------------------------------------------------------------------
// Answers

export interface AnswerInput {
  /** The log entry's id, when chosen before the write (so that writing it again is refused); new by default. */
  id?: string
  questionId: string
  setId: string
  mode: StudyMode
  answer: Response
  correct: boolean
  /** The learner overrode a wrong verdict ("I was right"); counts as correct. */
  overridden?: boolean
  grade: Grade
  durationMs: number
  now: number
  /** The quiz or review session this answer belongs to; it must exist. */
  attemptId?: string | null
  /**
   * Whether to append an AttemptAnswer to the attempt (default true). False only links the log
   * entry to it, e.g. for a learning card seen a second time in the same review session.
   */
  attemptAnswer?: boolean
}

/** What a write of an answer left: its log entry, and its attempt as now stored (null: it has none). */
export interface AnswerWritten {
  log: ReviewLogRecord
  attempt: AttemptRecord | null
}

/** The notebook entry after the answer `log` (null: there is none). */
function notebookAfter(before: NotebookEntry | null, log: ReviewLogRecord, clearStreak: number): NotebookEntry | null {
  return nextNotebookEntry(
    before,
    {
      questionId: log.questionId,
      setId: log.setId,
      correct: log.correct,
      answer: log.answer,
      time: log.time,
      day: log.daily?.day ?? dayKeyAt(log.time),
      dueBefore: log.cardBefore?.due ?? null,
    },
    clearStreak,
  )
}

function withAnswers(attempt: AttemptRecord, answers: AttemptAnswer[], updatedAt: number): AttemptRecord {
  return { ...attempt, answers, correctCount: answers.filter((a) => a.correct).length, updatedAt }
}

/** Throws unless the log entry is the question's latest answer (its card has not moved on). */
function assertLatest(log: ReviewLogRecord, card: CardRecord | undefined): void {
  const expectedReps = (log.cardBefore?.reps ?? 0) + 1
  if (!card || card.reps !== expectedReps) {
    throw new ProgressError(`review ${log.id} is not the latest answer to ${log.questionId}`, 'stale')
  }
}

/** Whether the log holds an entry with this id (an answer already written). */
export async function hasReviewLog(db: StudyDB, id: string): Promise<boolean> {
  return (await db.reviews.get(id)) !== undefined
}

/** Whether the log holds an answer to this question given after `time`. */
export async function answeredSince(db: StudyDB, questionId: string, time: number): Promise<boolean> {
  return (await db.reviews.where('[questionId+time]').between([questionId, time], [questionId, Dexie.maxKey], false, true).count()) > 0
}

/** What the answer with log id `id` left, when it is written already (null: it is not). Inside a transaction. */
async function writtenAlready(db: StudyDB, id: string | undefined): Promise<AnswerWritten | null> {
  const log = id === undefined ? undefined : await db.reviews.get(id)
  return log ? { log, attempt: (log.attemptId === null ? undefined : await db.attempts.get(log.attemptId)) ?? null } : null
}

/**
 * Records an answer: the card's next FSRS state, the review log entry, its day's stats row, the
 * notebook and the attempt, all or nothing. Returns the log entry (its id undoes or regrades the
 * answer) and the attempt as written. An answer whose chosen log id is stored already (another
 * page wrote it first, or an earlier try did land) is not written again: what it left is returned.
 */
export async function recordAnswer(db: StudyDB, input: AnswerInput, settings: Settings): Promise<AnswerWritten> {
  const id = input.id ?? crypto.randomUUID()
  const answer = plain(input.answer)
  const attemptId = input.attemptId ?? null
  const { questionId, setId, now } = input
  const correct = input.correct || input.overridden === true

  const day = dayKeyAt(now)
  return db.transaction('rw', [db.cards, db.reviews, db.notebook, db.attempts, db.daily], async () => {
    const written = await writtenAlready(db, input.id)
    if (written) return written
    // The reads do not depend on each other: sent together, they share the round trips. The
    // day's first review is decided before the new entry is added (nothing may precede it).
    const [card, entry, attempt, firstOfDay, dailyRow] = await Promise.all([
      db.cards.get(questionId),
      db.notebook.get(questionId),
      attemptId === null ? undefined : db.attempts.get(attemptId),
      isFirstOfDay(db, questionId, now),
      db.daily.get([day, setId]),
    ])
    if (attemptId !== null && !attempt) throw new ProgressError(`attempt ${attemptId} does not exist`, 'not-found')
    const cardBefore = card ?? null
    const notebookBefore = entry ?? null
    const daily = { day, firstOfDay }

    const log: ReviewLogRecord = {
      id,
      questionId,
      setId,
      time: now,
      mode: input.mode,
      correct,
      overridden: input.overridden ?? false,
      answer,
      grade: input.grade,
      durationMs: input.durationMs,
      cardBefore,
      notebookBefore,
      attemptId,
      attemptUpdatedAtBefore: attempt ? attempt.updatedAt : null,
      daily,
    }
    // The writes too: IndexedDB applies a transaction's requests in the order they were made,
    // and any failure aborts all of them.
    const writes: Promise<unknown>[] = [
      db.cards.put(applyGrade(cardBefore, questionId, setId, input.grade, now, settings)),
      db.reviews.add(log),
      writeDailyRow(db, dailyRow, daily, null, log),
    ]
    const notebook = notebookAfter(notebookBefore, log, settings.notebookClearStreak)
    if (notebook) writes.push(db.notebook.put(notebook))
    let after: AttemptRecord | null = null
    if (attempt) {
      const answers =
        input.attemptAnswer === false
          ? attempt.answers
          : [
              ...attempt.answers,
              {
                questionId,
                answer,
                correct,
                overridden: log.overridden,
                grade: log.grade,
                durationMs: log.durationMs,
                reviewId: id,
              },
            ]
      after = withAnswers(attempt, answers, now)
      writes.push(db.attempts.put(after))
    }
    await Promise.all(writes)
    return { log, attempt: after }
  })
}

/**
 * Takes an answer back: card, notebook, attempt and daily stats return to exactly what they were
 * before it. Returns the log entry taken back and its attempt as written.
 */
export async function undoAnswer(db: StudyDB, reviewId: string): Promise<AnswerWritten> {
  return db.transaction('rw', [db.cards, db.reviews, db.notebook, db.attempts, db.daily], async () => {
    const log = await db.reviews.get(reviewId)
    if (!log) throw new ProgressError(`review ${reviewId} does not exist`, 'not-found')
    assertLatest(log, await db.cards.get(log.questionId))

    if (log.cardBefore) await db.cards.put(log.cardBefore)
    else await db.cards.delete(log.questionId)
    if (log.notebookBefore) await db.notebook.put(log.notebookBefore)
    else await db.notebook.delete(log.questionId)
    await updateDailyStats(db, await dailyShareOf(db, log), log, null)
    await db.reviews.delete(reviewId)

    const attempt = log.attemptId === null ? undefined : await db.attempts.get(log.attemptId)
    if (!attempt) return { log, attempt: null }
    const answers = attempt.answers.filter((a) => a.reviewId !== reviewId)
    const after = withAnswers(attempt, answers, log.attemptUpdatedAtBefore ?? attempt.updatedAt)
    await db.attempts.put(after)
    return { log, attempt: after }
  })
}

/**
 * Changes an answer (an exam question answered again before handing in): the earlier answer is
 * taken back exactly and the new one recorded, in one transaction; once only, as recordAnswer.
 */
export async function replaceAnswer(db: StudyDB, reviewId: string, input: AnswerInput, settings: Settings): Promise<AnswerWritten> {
  return db.transaction('rw', [db.cards, db.reviews, db.notebook, db.attempts, db.daily], async () => {
    const written = await writtenAlready(db, input.id)
    if (written) return written
    await undoAnswer(db, reviewId)
    return recordAnswer(db, input, settings)
  })
}

export interface RegradeChange {
  /** Flip the verdict, e.g. true for "I was right" on a typed answer. */
  correct?: boolean
  overridden?: boolean
}

/**
 * Changes the grade (and optionally the verdict) of the latest answer to a question: the card is
 * recomputed from the state before that answer, at the answer's time; notebook, log entry, daily
 * stats and attempt follow. Returns the updated log entry and its attempt as written.
 */
export async function regradeAnswer(
  db: StudyDB,
  reviewId: string,
  grade: Grade,
  now: number,
  settings: Settings,
  change: RegradeChange = {},
): Promise<AnswerWritten> {
  return db.transaction('rw', [db.cards, db.reviews, db.notebook, db.attempts, db.daily], async () => {
    const before = await db.reviews.get(reviewId)
    if (!before) throw new ProgressError(`review ${reviewId} does not exist`, 'not-found')
    assertLatest(before, await db.cards.get(before.questionId))

    const overridden = change.overridden ?? before.overridden
    const daily = await dailyShareOf(db, before)
    const log: ReviewLogRecord = {
      ...before,
      grade,
      overridden,
      correct: (change.correct ?? before.correct) || overridden,
      daily,
    }
    await db.cards.put(applyGrade(log.cardBefore, log.questionId, log.setId, grade, log.time, settings))
    await db.reviews.put(log)
    await updateDailyStats(db, daily, before, log)

    const notebook = notebookAfter(log.notebookBefore, log, settings.notebookClearStreak)
    if (notebook) await db.notebook.put(notebook)
    else await db.notebook.delete(log.questionId)

    let attempt = (log.attemptId === null ? undefined : await db.attempts.get(log.attemptId)) ?? null
    if (attempt && attempt.answers.some((a) => a.reviewId === reviewId)) {
      const answers = attempt.answers.map((a) =>
        a.reviewId === reviewId ? { ...a, grade, correct: log.correct, overridden } : a,
      )
      attempt = withAnswers(attempt, answers, now)
      await db.attempts.put(attempt)
    }
    return { log, attempt }
  })
}

// ---------------------------------------------------------------------------------------------
// Cards and the review log

/** How many cards are due at `now` (in one set, or in all). */
export function countDue(db: StudyDB, now: number, setId?: string): Promise<number> {
  if (setId === undefined) return db.cards.where('due').belowOrEqual(now).count()
  return db.cards.where('[setId+due]').between([setId, Dexie.minKey], [setId, now], true, true).count()
}

/** Due cards, earliest due first (read in index order, so `limit` is cheap). */
export function getDueCards(
  db: StudyDB,
  now: number,
  { setId, limit }: { setId?: string; limit?: number } = {},
): Promise<CardRecord[]> {
  const collection =
    setId === undefined
      ? db.cards.where('due').belowOrEqual(now)
      : db.cards.where('[setId+due]').between([setId, Dexie.minKey], [setId, now], true, true)
  return (limit === undefined ? collection : collection.limit(limit)).toArray()
}

/** The cards of these questions, by question id (questions without a card are absent). */
export async function getCards(db: StudyDB, ids: readonly string[]): Promise<Map<string, CardRecord>> {
  const cards = await db.cards.bulkGet([...ids])
  const byId = new Map<string, CardRecord>()
  for (const card of cards) if (card) byId.set(card.questionId, card)
  return byId
}

export interface SetCardStats {
  /** Learning or relearning (minute steps). */
  learning: number
  /** In review, with a memory stability under 21 days. */
  young: number
  /** Mature: in review, with a stability of 21 days or more. */
  review: number
}

export { MATURE_DAYS } from '@/domain/progress/counts'

/**
 * Card counts per set id (sets without cards are absent), read from the counts table: one small
 * row per set, whatever the number of cards. `only`: these sets alone, each one present (zeros
 * for a set without cards), e.g. a set's page reads its own set.
 */
export async function cardStatsBySet(db: StudyDB, only?: readonly string[]): Promise<Map<string, SetCardStats>> {
  const rows = only
    ? await db.counts.bulkGet([...new Set(only)].map(cardCountKey))
    : await db.counts.where(':id').between(cardCountKey(''), ['cards', Dexie.maxKey], true, true).toArray()
  const stats = new Map<string, SetCardStats>()
  if (only) for (const setId of only) stats.set(setId, { learning: 0, young: 0, review: 0 })
  for (const row of rows) if (row?.of === 'cards') stats.set(row.setId, { learning: row.learning, young: row.young, review: row.mature })
  return stats
}

/**
 * New questions answered on the local day that starts at `dayStart` (for the daily new-card
 * limit). Read from that day's daily rows (one per set), not from the day's log entries.
 */
export async function countNewReviewedToday(db: StudyDB, dayStart: number): Promise<number> {
  const rows = await db.daily.where('day').equals(dayKeyAt(dayStart)).toArray()
  return rows.reduce((n, row) => n + row.newCards, 0)
}

// ---------------------------------------------------------------------------------------------
// Notebook (错题本)

export interface NotebookQuery {
  cleared: boolean
  setId?: string
  /** 'missed': most misses first; 'recent': latest miss first. */
  sort: 'missed' | 'recent'
}

export async function listNotebook(db: StudyDB, { cleared, setId, sort }: NotebookQuery): Promise<NotebookEntry[]> {
  const flag = cleared ? 1 : 0
  let entries = await db.notebook
    .where('[cleared+lastWrongAt]')
    .between([flag, Dexie.minKey], [flag, Dexie.maxKey], true, true)
    .reverse()
    .toArray()
  if (setId !== undefined) entries = entries.filter((e) => e.setId === setId)
  if (sort === 'missed') {
    // Stable sort: equal miss counts keep the latest miss first.
    entries.sort((a, b) => b.missCount - a.missCount)
  }
  return entries
}

/** Marks an entry as mastered by hand. False when there is no entry. */
export function clearNotebookEntry(db: StudyDB, questionId: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.notebook, async () => {
    const entry = await db.notebook.get(questionId)
    if (!entry) return false
    if (entry.cleared === 0) await db.notebook.put({ ...entry, cleared: 1, clearedAt: now })
    return true
  })
}

/** Puts a cleared entry back among the active ones (its streak starts over). False when there is none. */
export function restoreNotebookEntry(db: StudyDB, questionId: string): Promise<boolean> {
  return db.transaction('rw', db.notebook, async () => {
    const entry = await db.notebook.get(questionId)
    if (!entry) return false
    const { streakDay: _, ...rest } = entry
    await db.notebook.put({ ...rest, cleared: 0, clearedAt: null, correctStreak: 0 })
    return true
  })
}

// ---------------------------------------------------------------------------------------------
// Attempts

/** Stores a new attempt (a plain copy of it); returns its id. */
export async function createAttempt(db: StudyDB, attempt: AttemptRecord): Promise<string> {
  return db.attempts.add(plain(attempt))
}

export interface AttemptQuery {
  setId?: string
  status?: AttemptRecord['status']
  limit?: number
}

/** Attempts, most recently updated first. */
export async function listAttempts(db: StudyDB, { setId, status, limit }: AttemptQuery = {}): Promise<AttemptRecord[]> {
  let attempts =
    setId !== undefined
      ? await db.attempts.where('setIds').equals(setId).toArray()
      : status !== undefined
        ? await db.attempts.where('status').equals(status).toArray()
        : await db.attempts.toArray()
  if (status !== undefined) attempts = attempts.filter((a) => a.status === status)
  attempts.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return limit === undefined ? attempts : attempts.slice(0, Math.max(0, limit))
}

/** Ends an active attempt. False when it does not exist or is already finished. */
export function finishAttempt(db: StudyDB, id: string, now: number): Promise<boolean> {
  return db.transaction('rw', db.attempts, async () => {
    const attempt = await db.attempts.get(id)
    if (attempt?.status !== 'active') return false
    await db.attempts.put({ ...attempt, status: 'finished', finishedAt: now, updatedAt: now })
    return true
  })
}

/** Flags or unflags a question of an active attempt; `changed` is false when it is missing or finished. */
export function setFlag(db: StudyDB, attemptId: string, questionId: string, flagged: boolean): Promise<{ changed: boolean; attempt?: AttemptRecord }> {
  return db.transaction('rw', db.attempts, async () => {
    const attempt = await db.attempts.get(attemptId)
    if (attempt?.status !== 'active') return { changed: false, attempt }
    const rest = (attempt.flagged ?? []).filter((id) => id !== questionId)
    const next = { ...attempt, flagged: flagged ? [...rest, questionId] : rest }
    await db.attempts.put(next)
    return { changed: true, attempt: next }
  })
}

/**
 * Drops an attempt that is still in progress. Its answers stay in the review log (the cards
 * learned from them). False when it does not exist or is finished (finished ones are kept).
 */
export function abandonAttempt(db: StudyDB, id: string): Promise<boolean> {
  return db.transaction('rw', db.attempts, async () => {
    const attempt = await db.attempts.get(id)
    if (attempt?.status !== 'active') return false
    await db.attempts.delete(id)
    return true
  })
}

// ---------------------------------------------------------------------------------------------
// Settings

/** The study settings, defaults filled in for anything missing or invalid. */
export async function getSettings(db: StudyDB): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY)
  return normalizeSettings(row?.value)
}

/**
 * Saves a change to the study settings. When the retention or the maximum interval changes,
 * every reviewed card is rescheduled in the same transaction. Throws on an invalid value.
 */
export async function saveSettings(db: StudyDB, patch: Partial<Settings>, now: number): Promise<Settings> {
  const clean = plain(patch)
  const errors = settingsErrors(clean)
  if (errors.length > 0) throw new ProgressError(`invalid settings: ${errors.join('; ')}`, 'invalid')

  return db.transaction('rw', [db.settings, db.cards], async () => {
    const current = normalizeSettings((await db.settings.get(SETTINGS_KEY))?.value)
    const next: Settings = { ...current, ...clean }
    await db.settings.put({ key: SETTINGS_KEY, value: next, updatedAt: now })
    if (next.retention !== current.retention || next.maxIntervalDays !== current.maxIntervalDays) {
      // Read in one request and written back in one bulk put: a cursor (Dexie's modify) costs a
      // round trip per card, seconds for 10,000.
      const reviewed = await db.cards.where('state').equals(2).toArray()
      await db.cards.bulkPut(reviewed.map((card) => rescheduleForRetention(card, next)))
    }
    return next
  })
}

/** A UI preference (any structured-cloneable value), or undefined. */
export async function getSetting<T = unknown>(db: StudyDB, key: string): Promise<T | undefined> {
  if (key === SETTINGS_KEY) throw new ProgressError(`use getSettings() for "${SETTINGS_KEY}"`, 'invalid')
  const row = await db.settings.get(key)
  return row?.value as T | undefined
}

/** Stores a UI preference (a plain copy of it). */
export async function setSetting(db: StudyDB, key: string, value: unknown, now?: number): Promise<void> {
  if (key === SETTINGS_KEY) throw new ProgressError(`use saveSettings() for "${SETTINGS_KEY}"`, 'invalid')
  await db.settings.put({ key, value: value === undefined ? null : plain(value), ...(now === undefined ? {} : { updatedAt: now }) })
}

/**
 * Stores `value` under `key` only while the stored value is still `expected`, in one
 * transaction: true when it did. For a record several tabs may advance.
 */
export async function replaceSetting(db: StudyDB, key: string, expected: unknown, value: unknown): Promise<boolean> {
  if (key === SETTINGS_KEY) throw new ProgressError(`use saveSettings() for "${SETTINGS_KEY}"`, 'invalid')
  return db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(key)
    if (JSON.stringify(row?.value) !== JSON.stringify(expected)) return false
    await db.settings.put({ ...row, key, value: plain(value) })
    return true
  })
}

// ---------------------------------------------------------------------------------------------
// Bank sync

export interface SyncResult {
  /** Question ids whose progress moved to the archive. */
  archived: string[]
  /** Question ids whose progress came back from the archive. */
  restored: string[]
}

/**
 * The rows whose set is none of `sets`: one key range on the setId index between each two of
 * them (Dexie's noneOf walks the excluded rows one by one, seconds for 100,000).
 */
async function outsideSets<T>(table: Table<T, string>, sets: ReadonlySet<string>): Promise<T[]> {
  if (sets.size === 0) return table.toArray()
  const sorted = [...sets].sort()
  const index = table.where('setId')
  const parts = [index.below(sorted[0]!), ...sorted.slice(1).map((id, i) => index.between(sorted[i]!, id, false, false)), index.above(sorted.at(-1)!)]
  return (await Promise.all(parts.map((part) => part.toArray()))).flat()
}

/**
 * Reconciles progress with the question bank (the rules: domain/progress/bankSync.ts): progress
 * of questions no longer in it moves to the archive, archived progress of questions that are
 * back is restored, and a question that moved to another set takes its progress along.
 * `unchanged`: sets known to be in step (their cards and entries are neither read nor touched;
 * `bank` then leaves their questions out).
 */
export function syncBank(db: StudyDB, bank: readonly { id: string; setId: string }[], now: number, unchanged: ReadonlySet<string> = new Set()): Promise<SyncResult> {
  return db.transaction('rw', [db.cards, db.notebook, db.archive], async () => {
    const cards = await outsideSets(db.cards, unchanged)
    const entries = await outsideSets(db.notebook, unchanged)
    const plan = planBankSync(bank, cards, entries, await db.archive.toArray(), now)
    await db.archive.bulkDelete(plan.restored)
    await db.archive.bulkPut(plan.archivePuts)
    await db.cards.bulkDelete(plan.cardDeletes)
    await db.notebook.bulkDelete(plan.entryDeletes)
    await db.cards.bulkPut(plan.cardPuts)
    await db.notebook.bulkPut(plan.entryPuts)
    return { archived: plan.archived, restored: plan.restored }
  })
}
