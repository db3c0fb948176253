import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import builtInIndex from 'virtual:question-index'
import type { Localized, Question, QuestionSet, QuestionType } from '@/domain/content/schema'
import type { ImportedSetInfoRecord } from '@/db/records'
import { dbApi } from './dbApi'
import { liveResource } from './liveResource'

/** A set as lists and its page show it: everything but its questions. */
export type SetInfo = Omit<QuestionSet, 'questions'>

export interface BankSet {
  set: SetInfo
  imported: boolean
  /** For imported sets: the learner's own name for it. */
  name?: string
  /** How many questions it has. */
  count: number
  /** How many questions of each type (types it lacks are absent). */
  typeCounts: Partial<Record<QuestionType, number>>
}

/** What the home screen lists for a set, available before the questions are loaded. */
export interface SetSummary {
  id: string
  title: Localized
  description?: Localized
  name?: string
  count: number
  imported: boolean
}

/** A set as the review queue needs it: its size, and its questions when they are in memory. */
export interface QueueSet {
  id: string
  count: number
  questions?: readonly { id: string }[]
}

export interface BankEntry {
  question: Question
  setId: string
}

function countTypes(questions: readonly Question[]): Partial<Record<QuestionType, number>> {
  const counts: Partial<Record<QuestionType, number>> = {}
  for (const q of questions) counts[q.type] = (counts[q.type] ?? 0) + 1
  return counts
}

/**
 * The question bank: the built-in sets (bundled at build time and precached, so they work
 * offline) plus the sets the learner imported (kept in IndexedDB). Holds content only, never
 * progress. The home screen needs only titles and counts, so the built-in questions load in
 * their own chunk (ensureLoaded) while the first screen is already showing. Of the imported
 * sets only their info rows are kept (titles, counts); their questions are fetched by the
 * screens that show them (loadQuestions, loadSets), so memory and start-up do not grow with
 * the bank.
 */
export const useBankStore = defineStore('bank', () => {
  const builtInSets = shallowRef<QuestionSet[]>([])
  /** Imported questions fetched so far, by id. */
  const fetched = shallowRef(new Map<string, BankEntry>())
  let loading: Promise<void> | null = null

  function ensureLoaded(): Promise<void> {
    loading ??= import('virtual:question-bank').then((m) => {
      builtInSets.value = m.default
    })
    return loading
  }

  /** Each imported set's version as last read: questions fetched from a set that is gone or changed are dropped. */
  let versions = new Map<string, number>()
  function dropStale(rows: ImportedSetInfoRecord[]): void {
    const now = new Map(rows.map((r) => [r.id, r.updatedAt]))
    const gone = new Set([...versions].filter(([id, at]) => now.get(id) !== at).map(([id]) => id))
    versions = now
    if (gone.size > 0) fetched.value = new Map([...fetched.value].filter(([, e]) => !gone.has(e.setId)))
  }
  const live = liveResource((db) => db.listImportedSetInfo(db.getDB()), { initial: [] as ImportedSetInfoRecord[], onValue: dropStale })
  const imported = live.data

  let following: Promise<ImportedSetInfoRecord[]> | null = null
  /** Follows the imported sets' info rows for the app's lifetime; resolves with the first rows read. */
  function watchImported(): Promise<ImportedSetInfoRecord[]> {
    following ??= (() => {
      const first = live.next()
      live.watch()
      return first
    })()
    return following
  }

  const builtInSetsInfo = computed<BankSet[]>(() =>
    builtInSets.value.map((set) => ({ set, imported: false, count: set.questions.length, typeCounts: countTypes(set.questions) })),
  )

  const sets = computed<BankSet[]>(() => [
    ...builtInSetsInfo.value,
    ...imported.value.map((r) => ({ set: { ...r.set, id: r.id }, imported: true, name: r.name, count: r.count, typeCounts: r.typeCounts })),
  ])

  const summaries = computed<SetSummary[]>(() => [
    ...builtInIndex.map((s) => ({ id: s.id, title: s.title, description: s.description, count: s.questions.length, imported: false })),
    ...imported.value.map((r) => ({
      id: r.id,
      title: r.set.title,
      description: r.set.description,
      name: r.name,
      count: r.count,
      imported: true,
    })),
  ])

  /** Every question id with its set, from the index: enough to reconcile progress at start-up. */
  const builtInQuestionIds = builtInIndex.flatMap((s) => s.questions.map((id) => ({ id, setId: s.id })))

  const setById = computed(() => new Map(sets.value.map((s) => [s.set.id, s])))

  const builtInIndexMap = computed(() => {
    const map = new Map<string, BankEntry>()
    for (const set of builtInSets.value) for (const question of set.questions) map.set(question.id, { question, setId: set.id })
    return map
  })

  /** question id → the question and its set id: every built-in question, and the imported ones fetched so far. */
  const questionIndex = computed(() => {
    if (fetched.value.size === 0) return builtInIndexMap.value
    return new Map([...builtInIndexMap.value, ...fetched.value])
  })

  /**
   * Fetches the imported questions among `ids` that are not in memory yet, so that
   * questionIndex has them. An id that is in no set stays absent.
   */
  async function loadQuestions(ids: readonly string[]): Promise<void> {
    const known = questionIndex.value
    const missing = [...new Set(ids)].filter((id) => !known.has(id))
    if (missing.length === 0 || imported.value.length === 0) return
    const db = await dbApi()
    const rows = await db.getImportedQuestions(db.getDB(), missing)
    const live = new Set(imported.value.map((r) => r.id))
    const next = new Map(fetched.value)
    for (const row of rows) if (live.has(row.setId)) next.set(row.question.id, row)
    fetched.value = next
  }

  /** Sets with their questions, in bank order (for a quiz to choose from, or an export); unknown ids are left out. */
  async function loadSets(setIds: readonly string[]): Promise<QuestionSet[]> {
    const wanted = new Set(setIds)
    const db = await dbApi()
    return Promise.all(
      sets.value
        .filter((s) => wanted.has(s.set.id))
        .map(async (s) => {
          const builtIn = builtInSets.value.find((b) => b.id === s.set.id)
          return builtIn ?? { ...s.set, questions: await db.getSetQuestions(db.getDB(), s.set.id) }
        }),
    )
  }

  /** The sets a review may draw from (one, or all when `scope` is null), with the built-in questions. */
  function queueSets(scope: string | null): QueueSet[] {
    const all: QueueSet[] = [
      ...builtInSets.value.map((s) => ({ id: s.id, count: s.questions.length, questions: s.questions })),
      ...imported.value.map((r) => ({ id: r.id, count: r.count })),
    ]
    return scope === null ? all : all.filter((s) => s.id === scope)
  }

  return {
    builtInSets,
    sets,
    summaries,
    setById,
    questionIndex,
    builtInQuestionIds,
    ensureLoaded,
    watchImported,
    loadQuestions,
    loadSets,
    queueSets,
  }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBankStore, import.meta.hot))
