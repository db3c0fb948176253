/**
 * Read-only queries the screens need beyond the repositories in progress.ts.
 */
import type { StudyDB } from './database'
import { cardCountKey } from './counts'
import { getSetQuestionIds } from './importedQuestions'
import { countNewReviewedToday, getDueCards } from './progress'
import type { AttemptRecord, CardRecord } from './records'

/** An attempt, in progress or finished. */
export function getAttempt(db: StudyDB, id: string): Promise<AttemptRecord | undefined> {
  return db.attempts.get(id)
}

/**
 * Ids of the questions in these sets that already have a card (the rest are new). One key range
 * per set, keys only (one getAllKeys each): `anyOf` would walk a cursor over every card instead.
 */
export async function cardIdsIn(db: StudyDB, setIds: readonly string[]): Promise<Set<string>> {
  const keys = await Promise.all([...new Set(setIds)].map((id) => db.cards.where('setId').equals(id).primaryKeys()))
  return new Set(keys.flat())
}

/** How many cards each of these sets has, in the order given (one read of the counts table). */
export async function countCardsOf(db: StudyDB, setIds: readonly string[]): Promise<number[]> {
  const rows = await db.counts.bulkGet(setIds.map(cardCountKey))
  return rows.map((row) => (row?.of === 'cards' ? row.total : 0))
}

/**
 * The first `limit` of these question ids (in the order given) that have no card yet. Looks the
 * ids up in chunks and stops as soon as it has enough, so a review with a daily limit of 20 new
 * questions never walks every card of a 100,000-question bank. The first chunk is just a little
 * larger than the limit (usually enough on its own); each further one doubles, up to `maxChunk`.
 */
export async function firstNewIds(db: StudyDB, ids: readonly string[], limit: number, maxChunk = 2000): Promise<string[]> {
  const found: string[] = []
  let chunk = Math.min(maxChunk, Math.max(16, limit * 2))
  for (let i = 0; i < ids.length && found.length < limit; i += chunk, chunk = Math.min(maxChunk, chunk * 2)) {
    const slice = ids.slice(i, i + chunk)
    const cards = await db.cards.bulkGet(slice)
    for (let k = 0; k < slice.length && found.length < limit; k++) if (!cards[k]) found.push(slice[k]!)
  }
  return found
}

/** When the next card falls due after `now` (in one set, or in all); null when none is scheduled. */
export async function nextDueAfter(db: StudyDB, now: number, setId: string | null): Promise<number | null> {
  if (setId === null) {
    const card = await db.cards.where('due').above(now).first()
    return card?.due ?? null
  }
  const card = await db.cards.where('[setId+due]').between([setId, now], [setId, Infinity], false, true).first()
  return card?.due ?? null
}

/** The newest active quiz, to offer "resume" on the setup screen. */
export async function latestActiveQuiz(db: StudyDB): Promise<AttemptRecord | undefined> {
  const active = await db.attempts.where('status').equals('active').toArray()
  return active.filter((a) => a.kind === 'quiz').sort((a, b) => b.updatedAt - a.updatedAt)[0]
}

export interface ReviewQueueInput {
  now: number
  /** Start of the learner's day: new questions started since then count against the limit. */
  dayStart: number
  /** Due cards of this set only; all sets when undefined. */
  setId?: string
  /**
   * The sets whose questions may be new, each with its questions in bank order, or with its
   * size alone for an imported set (whose question ids are then read, keys only, when it may
   * still have new questions).
   */
  sets: readonly ({ id: string; questions: readonly { id: string }[] } | { id: string; count: number; questions?: undefined })[]
  newPerDay: number
  /** At most this many due cards, most overdue first. */
  duePage: number
}

export interface ReviewQueueReads {
  due: CardRecord[]
  /** Questions with no card yet, in bank order, at most `newLimit`. */
  newIds: string[]
  /** New questions still allowed today. */
  newLimit: number
}

/**
 * What a review session starts from, read in one transaction: the due cards, today's count of
 * new questions started, and the first new questions. One transaction rather than one per query
 * spares the set-up and commit of each; the independent reads are sent together.
 *
 * A set with as many cards as questions has no new ones left (the bank sync at start-up keeps
 * each set's cards among its own questions): its row of the counts table says so without looking
 * up each of its questions, which at 100,000 questions would walk them all.
 */
export function readReviewQueue(db: StudyDB, input: ReviewQueueInput): Promise<ReviewQueueReads> {
  const { now, dayStart, setId, sets, newPerDay, duePage } = input
  return db.transaction('r', [db.cards, db.daily, db.counts, db.importedQuestions], async () => {
    const [due, seenToday] = await Promise.all([getDueCards(db, now, { setId, limit: duePage }), countNewReviewedToday(db, dayStart)])
    const newLimit = Math.max(0, newPerDay - seenToday)
    // Today's new questions all taken: no set is looked at.
    if (newLimit === 0) return { due, newIds: [], newLimit }
    const started = await countCardsOf(db, sets.map((set) => set.id))
    const open = sets.filter((set, i) => started[i]! < (set.questions ? set.questions.length : set.count))
    const candidates = (await Promise.all(open.map((set) => (set.questions ? set.questions.map((q) => q.id) : getSetQuestionIds(db, set.id))))).flat()
    const newIds = candidates.length > 0 ? await firstNewIds(db, candidates, newLimit) : []
    return { due, newIds, newLimit }
  })
}
