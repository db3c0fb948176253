/// <reference types="vite/client" />
/**
 * The in-browser half of the benchmark: bench/run.mjs opens this page (served next to the app,
 * same origin, so the same IndexedDB) and calls window.bench to seed data and to time the
 * database and domain work against the naive baselines. Everything goes through src/db and
 * src/domain exactly as the app calls them.
 */
import { createDB, type StudyDB } from '@/db/database'
import { deleteImportedSet, saveImportedSet } from '@/db/importedSets'
import {
  getImportedQuestions,
  importedQuestionIds,
  importedSetRows,
  importedTables,
  listImportedSetInfo,
  putImportedSets,
  readImportedSets,
} from '@/db/importedQuestions'
import { observe } from '@/db/live'
import { cardStatsBySet, countDue, countNewReviewedToday, getDueCards, recordAnswer, saveSettings } from '@/db/progress'
import { cardIdsIn, countCardsOf, firstNewIds } from '@/db/queries'
import { recount } from '@/db/counts'
import { DEFAULT_SETTINGS, type CardRecord } from '@/db/records'
import { seedProgress, seedSet, type SeedOptions, type SeedResult } from '@/db/seed'
import { countDueBetween, countReviews, loadDailyStatsData } from '@/db/stats'
import { localDayEnds, localDayOf, localMidnight } from '@/db/localDays'
import { validateSet } from '@/domain/content/validate'
import { parseImport } from '@/domain/import'
import { applyGrade } from '@/domain/scheduling/fsrs'
import { DAY_MS, dayToIso } from '@/domain/calendar/days'
import { buildStatsFromDaily, FORECAST_DAYS, HEATMAP_DAYS } from '@/domain/stats/summary'
import { getDueBefore, loadStatsData } from './baseline'
import { buildStats } from './statsBaseline'

let current: StudyDB | null = null
function db(): StudyDB {
  current ??= createDB()
  return current
}

/** Median-ready samples: one untimed warm-up call, then `runs` timed ones (ms). */
async function samples(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn()
  const out: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out
}

/** Deletes the app's database (the app's pages must be closed first, or this waits for them). */
async function reset(): Promise<void> {
  const d = db()
  current = null
  await d.delete()
}

/** Closes this page's connection, so the app can upgrade or delete the database. */
function close(): void {
  current?.close()
  current = null
}

async function seed(options: SeedOptions): Promise<SeedResult & { ms: number }> {
  const t0 = performance.now()
  const result = await seedProgress(db(), options)
  return { ...result, ms: performance.now() - t0 }
}

/** An imported set with no progress (the learner journey's set of 1,000). */
async function seedJourneySet({ setId, questions, now }: { setId: string; questions: number; now: number }): Promise<number> {
  return seedSet(db(), setId, questions, now)
}

/** Due count and the first page of the review queue: the app's indexed queries vs full scans. */
async function reads({ now, runs }: { now: number; runs: number }) {
  const d = db()
  const due = await countDue(d, now)
  const scanned = await d.cards.filter((c) => c.due <= now).count()
  if (due !== scanned) throw new Error(`due count ${due} differs from the scan's ${scanned}`)
  const scanQueue = async () =>
    (await d.cards.toArray())
      .filter((c) => c.due <= now)
      .sort((a, b) => a.due - b.due)
      .slice(0, 200)
  return {
    due,
    dueIndexed: await samples(runs, () => countDue(d, now)),
    dueScan: await samples(runs, () => d.cards.filter((c) => c.due <= now).count()),
    queueIndexed: await samples(runs, () => getDueCards(d, now, { limit: 200 })),
    queueScan: await samples(runs, scanQueue),
  }
}

/** How home counted cards per set before the [setId+state+stability] index: every card read. */
async function cardStatsByCursor(d: StudyDB): Promise<Map<string, number[]>> {
  const stats = new Map<string, number[]>()
  await d.cards.each((card) => {
    let entry = stats.get(card.setId)
    if (!entry) stats.set(card.setId, (entry = [0, 0, 0]))
    entry[card.state === 2 ? (card.stability >= 21 ? 2 : 1) : 0]!++
  })
  return stats
}

/** How home counted cards per set before the counts table (schema v7): index counts on [setId+state+stability]. */
async function cardStatsByIndex(d: StudyDB): Promise<Map<string, number[]>> {
  const setIds = (await d.cards.orderBy('setId').uniqueKeys()) as string[]
  const index = d.cards.where('[setId+state+stability]')
  const count = (setId: string, state: number, from: number, to: number, includeTo = true) =>
    index.between([setId, state, from], [setId, state, to], true, includeTo).count()
  const rows = await Promise.all(
    setIds.map(async (setId) => {
      const counts = await Promise.all([
        count(setId, 1, -Infinity, Infinity),
        count(setId, 3, -Infinity, Infinity),
        count(setId, 2, -Infinity, 21, false),
        count(setId, 2, 21, Infinity),
      ])
      return [setId, counts] as const
    }),
  )
  return new Map(rows)
}

/** How the stats screen counted its forecast before the dueSlots table (schema v7): a count on the due index per day. */
function dueIndexCounts(d: StudyDB, starts: readonly number[]): Promise<number[]> {
  return Promise.all(starts.map((end, i) => (i === 0 ? d.cards.where('due').below(end) : d.cards.where('due').between(starts[i - 1]!, end, true, false)).count()))
}

/**
 * What the stats store does on each change (the daily totals, due counts per day and the log's
 * count, then the summary), against the previous way: every log entry of the window, slim.
 */
async function stats({ now, runs }: { now: number; runs: number }) {
  const d = db()
  const dayOf = localDayOf()
  const until = now + (FORECAST_DAYS + 1) * DAY_MS
  const load = () => loadDailyStatsData(d, { sinceDay: dayToIso(dayOf(now) - HEATMAP_DAYS + 1), dayEnds: localDayEnds(now, FORECAST_DAYS) })
  const data = await load()
  const fromLog = async () =>
    buildStats({ ...(await loadStatsData(d, { since: now - (HEATMAP_DAYS + 1) * DAY_MS, until })), now, dayOf: localDayOf() })
  return {
    totalReviews: data.totalReviews,
    load: await samples(runs, load),
    build: await samples(runs, () => buildStatsFromDaily({ ...data, now, dayOf: localDayOf() })),
    both: await samples(runs, async () => buildStatsFromDaily({ ...(await load()), now, dayOf: localDayOf() })),
    fromLog: await samples(Math.min(runs, 3), fromLog),
  }
}

/** Times `count` answers to due (else any) cards through recordAnswer: card + log + notebook, one transaction each. */
async function answers({ now, count }: { now: number; count: number }): Promise<number[]> {
  let cards = await getDueCards(db(), now, { limit: count + 1 })
  if (cards.length < count + 1) cards = cards.concat(await db().cards.limit(count + 1 - cards.length).toArray())
  // One untimed answer first, as samples() does for every other figure: the first call also
  // compiles the code it runs.
  const [first, ...rest] = cards
  if (first) await answersOn([first], now - 1)
  return answersOn(rest, now)
}

/** recordAnswer on each card in turn, every fourth answer wrong (a mistake-notebook write too). */
async function answersOn(cards: CardRecord[], now: number): Promise<number[]> {
  const d = db()
  const out: number[] = []
  for (const [i, card] of cards.entries()) {
    const correct = i % 4 !== 0
    const t0 = performance.now()
    await recordAnswer(
      d,
      {
        questionId: card.questionId,
        setId: card.setId,
        mode: 'review',
        answer: correct ? { type: 'flashcard', grade: 3 } : { type: 'skip' },
        correct,
        grade: correct ? 3 : 1,
        durationMs: 5000,
        now: now + i,
      },
      DEFAULT_SETTINGS,
    )
    out.push(performance.now() - t0)
  }
  return out
}

/** A TSV of `rows` term–definition pairs (each row makes two questions). */
function tsv(rows: number): string {
  const lines: string[] = []
  for (let i = 1; i <= rows; i++) lines.push(`术语 ${i} term\t第 ${i} 个定义：千问模型的下载量 definition ${i}`)
  return lines.join('\n')
}

/**
 * The import pipeline without the screen: parse + validate (domain), then the app's write
 * (saveImportedSet: the set's info row and its question rows, one transaction), against one transaction per question.
 */
async function importPipeline({ rows, runs, now }: { rows: number; runs: number; now: number }) {
  const d = db()
  const text = tsv(rows)
  const name = `Bench ${rows}`
  const options = { format: 'csv' as const, separator: 'tab', header: false, name, idPrefix: 'bench-import' }
  const first = parseImport(text, options)
  if (!first.ok) throw new Error(`the benchmark TSV does not import: ${first.errors[0]?.message ?? '?'}`)
  const set = first.set
  const perQuestion = async () => {
    for (const q of set.questions) {
      const { info, questions } = importedSetRows({ id: q.id, name: q.id, importedAt: now, updatedAt: now, set: { ...set, id: q.id, questions: [q] } })
      await d.transaction('rw', importedTables(d), async () => {
        await d.importedSetInfo.put(info)
        await d.importedQuestions.bulkPut(questions)
      })
    }
    await d.importedSetInfo.bulkDelete(set.questions.map((q) => q.id))
    await d.importedQuestions.bulkDelete(set.questions.map((q) => q.id))
  }
  // The write is timed without the delete that makes room for the next run.
  const writes: number[] = []
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now()
    await saveImportedSet(d, { name, set }, now)
    if (i > 0) writes.push(performance.now() - t0)
    await deleteImportedSet(d, set.id)
  }
  // The parts of saveImportedSet, one by one.
  const ids = set.questions.map((q) => q.id)
  const parts = {
    'validateSet again': await samples(runs, () => validateSet(set, { file: 'import' })),
    'plain() JSON copy': await samples(runs, () => JSON.parse(JSON.stringify(set)) as unknown),
    'archive.bulkGet(every question id)': await samples(runs, () => d.archive.bulkGet(ids)),
    'archive.count (is there anything to restore?)': await samples(runs, () => d.archive.count()),
    'the set written (info row + question rows)': await samples(runs, () => putImportedSets(d, [{ id: set.id, name, importedAt: now, updatedAt: now, set }])),
  }
  await d.importedSetInfo.delete(set.id)
  await d.importedQuestions.bulkDelete(set.questions.map((q) => q.id))
  return {
    questions: set.questions.length,
    parts,
    parse: await samples(runs, () => parseImport(text, options)),
    write: writes,
    // Slow: a couple of timed runs are enough to see the order of magnitude.
    perQuestion: await samples(Math.min(runs, 2), perQuestion),
  }
}

/** Time from subscribing a live query to its first result (Dexie records every key it reads). */
function firstLive<T>(query: () => Promise<T>): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    let stop: (() => void) | null = null
    let done = false
    stop = observe(query, () => {
      if (done) return
      done = true
      const ms = performance.now() - t0
      queueMicrotask(() => stop?.())
      resolve(ms)
    }, reject)
    if (done) stop()
  })
}

/** Raw IndexedDB (no Dexie): every value of a store, to see what structured clone alone costs. */
function rawGetAll(store: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('qwen-study')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const conn = open.result
      const t0 = performance.now()
      const req = conn.transaction(store, 'readonly').objectStore(store).getAll()
      req.onsuccess = () => {
        const ms = performance.now() - t0
        conn.close()
        resolve(ms)
      }
      req.onerror = () => reject(req.error)
    }
  })
}

/**
 * Raw IndexedDB (no Dexie): `count` transactions one after another on one connection, each
 * made by `begin` and timed from its creation until it completes (ms each).
 */
function timeRawTransactions(count: number, begin: (conn: IDBDatabase, i: number) => IDBTransaction): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('qwen-study')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const conn = open.result
      const out: number[] = []
      const next = (i: number): void => {
        if (i === count) {
          conn.close()
          resolve(out)
          return
        }
        const t0 = performance.now()
        const tx = begin(conn, i)
        tx.oncomplete = () => {
          out.push(performance.now() - t0)
          next(i + 1)
        }
        tx.onerror = () => reject(tx.error)
      }
      next(0)
    }
  })
}

/** `count` raw put transactions on the settings store with the given durability (ms each). */
function rawCommits(durability: IDBTransactionDurability, count: number): Promise<number[]> {
  return timeRawTransactions(count, (conn, i) => {
    const tx = conn.transaction('settings', 'readwrite', { durability })
    tx.objectStore('settings').put({ key: 'bench-probe', value: i })
    return tx
  })
}

/**
 * recordAnswer's IndexedDB work without Dexie or the scheduler: read card and notebook entry,
 * write card, log entry and notebook entry, one transaction each (ms each).
 */
function rawAnswers(cards: CardRecord[], now: number): Promise<number[]> {
  return timeRawTransactions(cards.length, (conn, i) => {
    const card = cards[i]!
    const tx = conn.transaction(['cards', 'reviews', 'notebook'], 'readwrite')
    const cardStore = tx.objectStore('cards')
    cardStore.get(card.questionId).onsuccess = (e) => {
      const before = (e.target as IDBRequest<CardRecord | undefined>).result ?? null
      tx.objectStore('notebook').get(card.questionId).onsuccess = () => {
        cardStore.put({ ...card, due: now + 86_400_000, reps: card.reps + 1, lastReview: now })
        tx.objectStore('reviews').add({
          id: `raw-${now}-${i}`, questionId: card.questionId, setId: card.setId, time: now + i, mode: 'review', correct: true,
          overridden: false, answer: { type: 'flashcard', grade: 3 }, grade: 3, durationMs: 5000, cardBefore: before, notebookBefore: null, attemptId: null,
        })
      }
    }
    return tx
  })
}

/** The same reads and writes through Dexie, one transaction each, without the scheduler (ms each). */
async function dexieAnswers(d: StudyDB, cards: CardRecord[], now: number): Promise<number[]> {
  const out: number[] = []
  for (const [i, card] of cards.entries()) {
    const t0 = performance.now()
    await d.transaction('rw', [d.cards, d.reviews, d.notebook, d.attempts], async () => {
      const before = (await d.cards.get(card.questionId)) ?? null
      await d.notebook.get(card.questionId)
      await d.cards.put({ ...card, due: now + 86_400_000, reps: card.reps + 1, lastReview: now })
      await d.reviews.add({
        id: `raw-dexie-${now}-${i}`, questionId: card.questionId, setId: card.setId, time: now + i, mode: 'review', correct: true,
        overridden: false, answer: { type: 'flashcard', grade: 3 }, grade: 3, durationMs: 5000, cardBefore: before, notebookBefore: null, attemptId: null,
      })
    })
    out.push(performance.now() - t0)
  }
  return out
}

/**
 * A retention change as the settings screen saves it: the settings and every review card
 * rescheduled in one transaction, each card's counts kept by the middleware (ms each). Twice,
 * there and back: the settings end as they began.
 */
async function retentionChanges(d: StudyDB, now: number): Promise<number[]> {
  const out: number[] = []
  for (const retention of [DEFAULT_SETTINGS.retention - 0.05, DEFAULT_SETTINGS.retention]) {
    const t0 = performance.now()
    await saveSettings(d, { retention }, now)
    out.push(performance.now() - t0)
  }
  return out
}

/**
 * Where the time of the slow screens goes at this size: each query they run, plain and as a
 * live query, and the alternatives a fix would use.
 */
async function diagnose({ now, runs }: { now: number; runs: number }) {
  const d = db()
  const setIds = (await d.importedSetInfo.toCollection().primaryKeys()) as string[]
  const statsRange = { since: now - (HEATMAP_DAYS + 1) * DAY_MS, until: now + (FORECAST_DAYS + 1) * DAY_MS }
  const dailyRange = { sinceDay: dayToIso(localDayOf()(now) - HEATMAP_DAYS + 1), dayEnds: localDayEnds(now, FORECAST_DAYS) }
  // Queries that read every row take seconds at 100k: three timed runs of those are enough.
  const slow = Math.min(runs, 3)
  const live = async (q: () => Promise<unknown>) => {
    const out: number[] = []
    for (let i = 0; i < slow; i++) out.push(await firstLive(q))
    return out
  }
  const dayStart = localMidnight(now)
  const toAnswer = (await d.cards.limit(200).toArray()).slice(100)
  const seededIds = (await importedQuestionIds(d)).map((q) => q.id)
  const notebookBefore = (await d.notebook.bulkGet(toAnswer.map((c) => c.questionId))).filter((e) => e !== undefined)
  const reviewCards = await d.cards.where('state').equals(2).toArray()
  const result = {
    'cardIdsIn (per set: where setId equals → primaryKeys, one getAllKeys each)': await samples(slow, () => cardIdsIn(d, setIds)),
    'countNewReviewedToday (review start: new cards seen today)': await samples(runs, () => countNewReviewedToday(d, dayStart)),
    'firstNewIds(20) when every question of the set has a card (walks them all)': await samples(slow, () => firstNewIds(d, seededIds, 20)),
    'countCardsOf (review start: any new questions? rows of the counts table)': await samples(runs, () => countCardsOf(d, setIds)),
    'the same by index counts (per set: where setId equals → count), before the counts table': await samples(runs, () => Promise.all(setIds.map((id) => d.cards.where('setId').equals(id).count()))),
    'forecast: cards due per day from the quarter-hour rows (countDueBetween, what the stats store runs)': await samples(runs, () => countDueBetween(d, dailyRange.dayEnds)),
    'forecast by due-index counts per day, before the quarter-hour rows': await samples(runs, () => dueIndexCounts(d, dailyRange.dayEnds)),
    'cardStatsBySet (rows of the counts table)': await samples(runs, () => cardStatsBySet(d)),
    'per-set card counts by index counts on [setId+state+stability], before the counts table': await samples(runs, () => cardStatsByIndex(d)),
    'cardStatsBySet as a live query (how home keeps it)': await live(() => cardStatsBySet(d)),
    'per-set card counts before any index or counts table (cards.each: a cursor over every card)': await samples(slow, () => cardStatsByCursor(d)),
    'cards.toArray (getAll)': await samples(slow, () => d.cards.toArray()),
    'raw IndexedDB getAll(cards)': await samples(slow, () => rawGetAll('cards')),
    'stats read, daily totals (loadDailyStatsData)': await samples(runs, () => loadDailyStatsData(d, dailyRange)),
    'stats read, daily totals as a live query (how the stats store runs it)': await live(() => loadDailyStatsData(d, dailyRange)),
    'getDueBefore (forecast the previous way: every due key up to 31 days, a key cursor)': await samples(runs, () => getDueBefore(d, statsRange.until)),
    'stats read from the log (loadStatsData, the previous way)': await samples(slow, () => loadStatsData(d, statsRange)),
    'the same as a live query': await live(() => loadStatsData(d, statsRange)),
    'reviews.toArray (getAll)': await samples(slow, () => d.reviews.toArray()),
    'raw IndexedDB getAll(reviews)': await samples(slow, () => rawGetAll('reviews')),
    'countReviews (the log total: a row of the counts table)': await samples(runs, () => countReviews(d)),
    'reviews.count (how the log total was counted before the counts table)': await samples(runs, () => d.reviews.count()),
    'imported sets, info rows (start-up)': await samples(runs, () => listImportedSetInfo(d)),
    'imported sets, every question id (keys only: start-up when the bank changed)': await samples(slow, () => importedQuestionIds(d)),
    'imported sets, every question read (what start-up read before v6)': await samples(slow, () => readImportedSets(d)),
    '20 imported questions by id (what a quiz or a review page reads)': await samples(runs, () => getImportedQuestions(d, seededIds.slice(0, 20))),
    'raw put transaction, durability default': await rawCommits('default', 40),
    'raw put transaction, durability relaxed': await rawCommits('relaxed', 40),
    'raw put transaction, durability strict': await rawCommits('strict', 40),
    "recordAnswer's reads and writes in raw IndexedDB (100 answers)": await rawAnswers(toAnswer, now),
    "the same through Dexie, no scheduler (100 answers)": await dexieAnswers(d, toAnswer, now),
    'recordAnswer on the same cards (100 answers)': await answersOn(toAnswer, now),
    'applyGrade alone (ts-fsrs, 100 calls)': await samples(100, () => applyGrade(toAnswer[0] ?? null, 'q', 's', 3, now, DEFAULT_SETTINGS)),
    [`retention change: saveSettings reschedules every review card (${reviewCards.length} here), one transaction`]: await retentionChanges(d, now),
  }
  // Leave the data as seeded: the screens measured next count the log entries.
  await d.reviews.where(':id').startsWith('raw-').delete()
  await d.reviews.filter((r) => r.time >= now).delete()
  await d.notebook.bulkDelete(toAnswer.map((c) => c.questionId))
  await d.notebook.bulkPut(notebookBefore)
  await d.cards.bulkPut(toAnswer)
  // The retention changes rescheduled the review cards from their stability: put them back as seeded.
  await d.cards.bulkPut(reviewCards)
  // The raw IndexedDB answers went around Dexie, so around the running counts: count afresh.
  await recount(d)
  return result
}

const api = { reset, close, seed, seedJourneySet, reads, stats, answers, importPipeline, diagnose, tsv }
export type BenchApi = typeof api
;(window as unknown as { bench: BenchApi }).bench = api
document.getElementById('status')!.textContent = 'ready'
