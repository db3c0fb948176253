/**
 * The stats screen's data, and the per-day totals it is read from.
 *
 * Reading the review log itself is too slow for the screen (IndexedDB has no projection: every
 * entry read costs its whole record, seconds for 100,000 of them). So every write to the log
 * also updates the `daily` table (one row per local day and set) in the same transaction, and
 * the screen reads those rows, the log's total (a row of the counts table, counts.ts) and the
 * cards due per quarter hour (the dueSlots table beside it).
 */
import { addDaily, dailyCounts, dailyTally, type DailyAnswer, type DailyLog } from '@/domain/stats/daily'
import { dueBetweenFromSlots, DUE_SLOT_MS } from '@/domain/progress/counts'
import { dayKeyAt, localMidnight } from './localDays'
import type { Table } from 'dexie'
import type { StudyDB } from './database'
import { REVIEW_COUNT_KEY } from './counts'
import type { DailyStatRecord, ReviewDaily, ReviewLogRecord } from './records'

// ---------------------------------------------------------------------------------------------
// Keeping the daily totals

/**
 * True when no review of the question other than `exceptId` lies between the local midnight
 * before `time` and `time` (inclusive): the review at `time` is its first that day. Reads index
 * keys only.
 */
export async function isFirstOfDay(db: StudyDB, questionId: string, time: number, exceptId?: string): Promise<boolean> {
  const dayStart = localMidnight(time)
  const keys = await db.reviews
    .where('[questionId+time]')
    .between([questionId, dayStart], [questionId, time], true, true)
    .primaryKeys()
  return keys.every((key) => key === exceptId)
}

/**
 * What a log entry added to the daily totals. Entries written before the totals existed do not
 * say: their share is worked out as the from-scratch count (the version 3 upgrade) did.
 */
export async function dailyShareOf(db: StudyDB, log: ReviewLogRecord): Promise<ReviewDaily> {
  return log.daily ?? { day: dayKeyAt(log.time), firstOfDay: await isFirstOfDay(db, log.questionId, log.time, log.id) }
}

const answerOf = (log: ReviewLogRecord): DailyAnswer => ({
  correct: log.correct,
  grade: log.grade,
  durationMs: log.durationMs,
  isNew: log.cardBefore === null,
})

/**
 * Changes the row of `share.day` and the entry's set: takes `removed`'s share out and puts
 * `added`'s in (either may be null). Call it inside the transaction that writes the log.
 */
export async function updateDailyStats(
  db: StudyDB,
  share: ReviewDaily,
  removed: ReviewLogRecord | null,
  added: ReviewLogRecord | null,
): Promise<void> {
  const setId = (added ?? removed)?.setId
  if (setId === undefined) return
  await writeDailyRow(db, await db.daily.get([share.day, setId]), share, removed, added)
}

/** updateDailyStats for a caller that has already read the row (undefined: there is none). */
export function writeDailyRow(
  db: StudyDB,
  row: DailyStatRecord | undefined,
  share: ReviewDaily,
  removed: ReviewLogRecord | null,
  added: ReviewLogRecord | null,
): Promise<unknown> {
  const setId = (added ?? removed)?.setId
  if (setId === undefined) return Promise.resolve()
  const key = { day: share.day, setId }
  if (removed) row = addDaily(row, key, dailyCounts(answerOf(removed), share.firstOfDay), -1)
  if (added) row = addDaily(row, key, dailyCounts(answerOf(added), share.firstOfDay), 1)
  // An empty row is deleted, so an answer and its undo leave the table as it was.
  if (!row || row.reviews <= 0) return db.daily.delete([key.day, key.setId])
  return db.daily.put(row)
}

const PAGE = 5000

/**
 * Recounts the daily totals from the whole review log, replacing what the table held. Runs in
 * the caller's transaction (or the upgrade's); the log is read a page at a time, in key order.
 * Entries that say what they added but disagree with the recount (a merged backup can put an
 * earlier review of the same question on the same day) are corrected, so undo stays exact.
 */
export async function rebuildDailyIn(
  reviews: Table<ReviewLogRecord, string>,
  daily: Table<DailyStatRecord, [string, string]>,
): Promise<void> {
  await rebuildDailyFrom(
    async (add) => {
      let last: string | null = null
      for (;;) {
        const page: ReviewLogRecord[] = await (last === null ? reviews.orderBy(':id') : reviews.where(':id').above(last))
          .limit(PAGE)
          .toArray()
        if (page.length === 0) return
        last = page[page.length - 1]!.id
        add(page)
        if (page.length < PAGE) return
      }
    },
    reviews,
    daily,
  )
}

const dailyLogOf = (log: ReviewLogRecord): DailyLog => ({
  ...answerOf(log),
  id: log.id,
  time: log.time,
  questionId: log.questionId,
  setId: log.setId,
  day: log.daily?.day ?? dayKeyAt(log.time),
})

/** What a recount of the whole log found. */
export interface DailyRecount {
  /** The daily table's rows. */
  rows: DailyStatRecord[]
  /** True when the entry of this id is the first review of its question on its day. */
  isFirst(id: string): boolean
  /**
   * The entry as the recount counted it: itself, or a copy whose `daily` share is corrected where
   * it claims a first-of-day the recount disagrees with (a merged backup can put an earlier review
   * of the same question on the same day). Entries that do not say what they added stay as they are.
   */
  recounted(log: ReviewLogRecord): ReviewLogRecord
}

/** A from-scratch count of the daily totals, fed every entry of the log in batches, in any order. */
export function dailyRecount(): { add(batch: readonly ReviewLogRecord[]): void; finish(): DailyRecount } {
  const tally = dailyTally()
  return {
    add: (batch) => tally.add(batch.map(dailyLogOf)),
    finish() {
      const { rows, firsts } = tally.finish()
      const isFirst = (id: string) => firsts.has(id)
      const recounted = (log: ReviewLogRecord): ReviewLogRecord =>
        log.daily === undefined || log.daily.firstOfDay === isFirst(log.id)
          ? log
          : { ...log, daily: { day: log.daily.day, firstOfDay: isFirst(log.id) } }
      return { rows, isFirst, recounted }
    },
  }
}

/** Replaces every daily row with `rows` (in the caller's transaction). */
export async function replaceDailyRows(daily: Table<DailyStatRecord, [string, string]>, rows: readonly DailyStatRecord[]): Promise<void> {
  await daily.clear()
  await daily.bulkAdd(rows)
}

/**
 * The recount from every entry of the log as `readAll` hands them over, in batches, for entries
 * that are already stored: the rows are replaced and each entry whose first-of-day claim is wrong
 * is read again and corrected. (A callback, not an async iterator: Dexie keeps a transaction
 * open across awaits of its own promises only.) A backup merge, which holds the entries it writes
 * in memory, uses dailyRecount() and writes them corrected instead.
 */
export async function rebuildDailyFrom(
  readAll: (add: (batch: readonly ReviewLogRecord[]) => void) => Promise<void> | void,
  reviews: Table<ReviewLogRecord, string>,
  daily: Table<DailyStatRecord, [string, string]>,
): Promise<void> {
  const recount = dailyRecount()
  const claimed = new Map<string, boolean>()
  await readAll((page) => {
    for (const log of page) if (log.daily) claimed.set(log.id, log.daily.firstOfDay)
    recount.add(page)
  })
  const { rows, isFirst, recounted } = recount.finish()
  await replaceDailyRows(daily, rows)

  const wrong = [...claimed].filter(([id, first]) => first !== isFirst(id)).map(([id]) => id)
  if (wrong.length > 0) {
    const logs = (await reviews.bulkGet(wrong)).filter((log): log is ReviewLogRecord => log !== undefined)
    await reviews.bulkPut(logs.map(recounted))
  }
}

/**
 * Recounts the daily totals from the review log, in a transaction of its own (or the caller's).
 * For code that writes log entries directly, e.g. the benchmark's bulk seed.
 */
export function rebuildDailyStats(db: StudyDB): Promise<void> {
  return db.transaction('rw', [db.reviews, db.daily], () => rebuildDailyIn(db.reviews, db.daily))
}

// ---------------------------------------------------------------------------------------------
// Reading

/** How many answers the log holds, all time (its row of the counts table: nothing is counted). */
export async function countReviews(db: StudyDB): Promise<number> {
  const row = await db.counts.get(REVIEW_COUNT_KEY)
  return row?.total ?? 0
}

/**
 * Cards due in each span between the given instants (ascending): index 0 counts those due before
 * `starts[0]` (overdue ones included), index i those from `starts[i - 1]` up to, not including,
 * `starts[i]`. Read from the cards due per quarter hour (the dueSlots table, counts.ts): a few
 * thousand small rows for 31 days, whatever the number of cards. An instant that is not a
 * quarter hour (no time zone's midnight) falls back to counts on the due index, which walk every
 * key they count.
 */
export async function countDueBetween(db: StudyDB, starts: readonly number[]): Promise<number[]> {
  if (starts.length === 0) return []
  if (starts.every((start) => start % DUE_SLOT_MS === 0)) {
    const rows = await db.dueSlots.where(':id').below(starts[starts.length - 1]! / DUE_SLOT_MS).toArray()
    const counts = dueBetweenFromSlots(rows.map((row) => [row.slot, row.cards] as const), starts)
    if (counts) return counts
  }
  return Promise.all(
    starts.map((end, i) =>
      i === 0 ? db.cards.where('due').below(end).count() : db.cards.where('due').between(starts[i - 1]!, end, true, false).count(),
    ),
  )
}

/** The daily rows from day key `sinceDay` on ('YYYY-MM-DD'), by day then set. */
export function getDailyStatsSince(db: StudyDB, sinceDay: string): Promise<DailyStatRecord[]> {
  return db.daily.where('[day+setId]').aboveOrEqual([sinceDay]).toArray()
}

export interface DailyStatsData {
  daily: DailyStatRecord[]
  /** Cards due per day of the forecast (see countDueBetween). */
  dueByDay: number[]
  totalReviews: number
}

/**
 * Everything the stats screen reads, in one go: small rows, whatever the size of the log and the
 * number of cards (the days shown, a row per set each; the quarter hours of the forecast's days,
 * and those in which the overdue cards fell due). `dayEnds`: the instants where the
 * forecast's days end (local midnights), ascending.
 */
export async function loadDailyStatsData(
  db: StudyDB,
  { sinceDay, dayEnds }: { sinceDay: string; dayEnds: readonly number[] },
): Promise<DailyStatsData> {
  const [daily, dueByDay, totalReviews] = await Promise.all([getDailyStatsSince(db, sinceDay), countDueBetween(db, dayEnds), countReviews(db)])
  return { daily, dueByDay, totalReviews }
}
