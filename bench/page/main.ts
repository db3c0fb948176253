/// <reference types="vite/client" />
/**
 * The in-browser half of the benchmark: bench/run.mjs opens this page (served next to the app,
 * same origin, so the same IndexedDB) and calls window.bench to seed data and to time the
 * database and domain work against the naive baselines. Everything goes through src/db and
 * src/domain exactly as the app calls them.
 */
import { createDB, type StudyDB } from '@/db/database'
import { countDue, countNewReviewedToday, getDueCards, recordAnswer } from '@/db/progress'
import { cardIdsIn } from '@/db/queries'
import { DEFAULT_SETTINGS } from '@/db/records'
import { seedProgress, type SeedOptions, type SeedResult } from '@/db/seed'
import { loadStatsData } from '@/db/stats'
import { parseImport } from '@/domain/import'
import { DAY_MS } from '@/domain/stats/days'
import { buildStats, FORECAST_DAYS, HEATMAP_DAYS } from '@/domain/stats/summary'
import { localDayOf } from '@/stores/stats'

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

/** The reads a review session makes before its first question, one by one: where the time goes. */
async function reviewBreakdown({ now, runs }: { now: number; runs: number }) {
  const d = db()
  const dayStart = new Date(now).setHours(0, 0, 0, 0)
  const setIds = (await d.importedSets.toCollection().primaryKeys()) as string[]
  return {
    'getDueCards(limit 200)': await samples(runs, () => getDueCards(d, now, { limit: 200 })),
    'cardIdsIn(all sets)': await samples(runs, () => cardIdsIn(d, setIds)),
    countNewReviewedToday: await samples(runs, () => countNewReviewedToday(d, dayStart)),
    'importedSets.toArray (bank store)': await samples(runs, () => d.importedSets.toArray()),
  }
}

/** What the stats store does on each change: the slim log and due times, then the summary. */
async function stats({ now, runs }: { now: number; runs: number }) {
  const d = db()
  const load = () =>
    loadStatsData(d, { since: now - (HEATMAP_DAYS + 1) * DAY_MS, until: now + (FORECAST_DAYS + 1) * DAY_MS })
  const data = await load()
  return {
    totalReviews: data.logs.length,
    load: await samples(runs, load),
    build: await samples(runs, () => buildStats({ ...data, now, dayOf: localDayOf() })),
    both: await samples(runs, async () => buildStats({ ...(await load()), now, dayOf: localDayOf() })),
  }
}

/** Times `count` answers to due (else any) cards through recordAnswer: card + log + notebook, one transaction each. */
async function answers({ now, count }: { now: number; count: number }): Promise<number[]> {
  const d = db()
  let cards = await getDueCards(d, now, { limit: count })
  if (cards.length < count) cards = cards.concat(await d.cards.limit(count - cards.length).toArray())
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
 * The import pipeline without the screen: parse + validate (domain), then the write the app
 * makes (one importedSets row, one transaction), against one transaction per question.
 */
async function importPipeline({ rows, runs, now }: { rows: number; runs: number; now: number }) {
  const d = db()
  const text = tsv(rows)
  const options = { format: 'csv' as const, separator: 'tab', header: false, name: `Bench ${rows}`, idPrefix: 'bench-import' }
  const first = parseImport(text, options)
  if (!first.ok) throw new Error(`the benchmark TSV does not import: ${first.errors[0]?.message ?? '?'}`)
  const set = first.set
  const write = async () => {
    await d.importedSets.put({ id: set.id, name: options.name, importedAt: now, updatedAt: now, set })
  }
  const perQuestion = async () => {
    for (const q of set.questions) {
      await d.importedSets.put({ id: q.id, name: q.id, importedAt: now, updatedAt: now, set: { ...set, id: q.id, questions: [q] } })
    }
  }
  const result = {
    questions: set.questions.length,
    parse: await samples(runs, () => parseImport(text, options)),
    write: await samples(runs, write),
    // Slow: a couple of timed runs are enough to see the order of magnitude.
    perQuestion: await samples(Math.min(runs, 2), perQuestion),
  }
  await d.importedSets.bulkDelete([set.id, ...set.questions.map((q) => q.id)])
  return result
}

const api = { reset, close, seed, reads, reviewBreakdown, stats, answers, importPipeline, tsv }
export type BenchApi = typeof api
;(window as unknown as { bench: BenchApi }).bench = api
document.getElementById('status')!.textContent = 'ready'
