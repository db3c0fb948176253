import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import builtInIndex from 'virtual:question-index'
import { loadSet } from 'virtual:question-bank'
import type { Localized, Question, QuestionSet, QuestionType } from '@/domain/content/schema'
import type { ImportedSetInfoRecord } from '@/db/records'
import { bankSignatureOf } from '@/domain/progress/bankSync'
import { hashSeed } from '@/domain/random'
import { dbApi } from './dbApi'
import { liveResource } from './liveResource'

/** A fingerprint of which questions are in which set (the one string hash over the id list). */
export function bankSignature(ids: readonly { id: string; setId: string }[]): string {
  return `${ids.length}:${hashSeed(ids.map(({ id, setId }) => `${setId}/${id};`).join('')).toString(16)}`
}

/**
 * A set as lists and its page show it: everything but its questions. A built-in set's key
 * points come with its questions (loadSets), so they are absent until it has loaded.
 */
export type SetInfo = Omit<QuestionSet, 'questions' | 'keyPoints'> & { keyPoints?: QuestionSet['keyPoints'] }

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

/**
 * The question bank: the built-in sets (one JSON file each, precached, so they work offline)
 * plus the sets the learner imported (kept in IndexedDB). Holds content only, never progress.
 * Lists (titles, counts, question ids) come from the built-in index and the imported sets' info
 * rows; questions are fetched by the screens that show them (loadQuestions, loadSets), a built-in
 * set's file at its first use, so memory and start-up do not grow with the bank and a first
 * question waits for one set, not all of them.
 */
export const useBankStore = defineStore('bank', () => {
  /** Built-in sets loaded so far, by id. */
  const builtIn = shallowRef(new Map<string, QuestionSet>())
  const builtInLoads = new Map<string, Promise<QuestionSet>>()
  /** Imported questions fetched so far, by id. */
  const fetched = shallowRef(new Map<string, BankEntry>())

  const builtInIds = new Set(builtInIndex.map((s) => s.id))
  /** Built-in question id → its set's id, from the index. */
  const builtInSetOf = new Map(builtInIndex.flatMap((s) => s.questions.map((id) => [id, s.id] as const)))

  /** Fetches the built-in sets among `setIds` not loaded yet (each once; a failed fetch is tried again next time). */
  function loadBuiltIn(setIds: readonly string[]): Promise<QuestionSet[]> {
    return Promise.all(
      setIds.map((id) => {
        let load = builtInLoads.get(id)
        if (!load) {
          load = loadSet(id).then((set) => {
            builtIn.value = new Map(builtIn.value).set(id, set)
            return set
          })
          load.catch(() => builtInLoads.delete(id))
          builtInLoads.set(id, load)
        }
        return load
      }),
    )
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
    builtInIndex.map((s) => {
      const keyPoints = builtIn.value.get(s.id)?.keyPoints
      const set: SetInfo = { id: s.id, title: s.title, ...(s.description ? { description: s.description } : {}), ...(keyPoints ? { keyPoints } : {}) }
      return { set, imported: false, count: s.questions.length, typeCounts: s.typeCounts }
    }),
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
  const builtInSignature = bankSignature(builtInQuestionIds)
  /**
   * Which questions are in which set, as start-up compares it with the bank last reconciled (the
   * built-in index's fingerprint and each imported set's fingerprint of its ids).
   */
  const signature = computed(() => bankSignatureOf(builtInSignature, imported.value))

  const setById = computed(() => new Map(sets.value.map((s) => [s.set.id, s])))

  const builtInIndexMap = computed(() => {
    const map = new Map<string, BankEntry>()
    for (const set of builtIn.value.values()) for (const question of set.questions) map.set(question.id, { question, setId: set.id })
    return map
  })

  /** question id → the question and its set id: the questions loaded so far, built-in and imported. */
  const questionIndex = computed(() => {
    if (fetched.value.size === 0) return builtInIndexMap.value
    return new Map([...builtInIndexMap.value, ...fetched.value])
  })

  /**
   * Starts fetching the built-in sets among `setIds` (others are left out), for a screen that
   * will most likely show their questions: their files then load beside the database. A failed
   * fetch is left to the screen, which asks again (loadQuestions, loadSets) and reports it.
   */
  function prefetch(setIds: readonly string[]): void {
    loadBuiltIn(setIds.filter((id) => builtInIds.has(id))).catch(() => {})
  }

  /**
   * Fetches the questions among `ids` that are not in memory yet (a built-in one with its set),
   * so that questionIndex has them. An id that is in no set stays absent.
   */
  async function loadQuestions(ids: readonly string[]): Promise<void> {
    const known = questionIndex.value
    const unknown = [...new Set(ids)].filter((id) => !known.has(id))
    const builtInSetIds = [...new Set(unknown.map((id) => builtInSetOf.get(id)).filter((id) => id !== undefined))]
    const missing = unknown.filter((id) => !builtInSetOf.has(id))
    const builtInLoaded = loadBuiltIn(builtInSetIds)
    if (missing.length === 0 || imported.value.length === 0) {
      await builtInLoaded
      return
    }
    const db = await dbApi()
    const rows = await db.getImportedQuestions(db.getDB(), missing)
    const live = new Set(imported.value.map((r) => r.id))
    const next = new Map(fetched.value)
    for (const row of rows) if (live.has(row.setId)) next.set(row.question.id, row)
    fetched.value = next
    await builtInLoaded
  }

  /** Sets with their questions, in bank order (for a quiz to choose from, or an export); unknown ids are left out. */
  async function loadSets(setIds: readonly string[]): Promise<QuestionSet[]> {
    const wanted = new Set(setIds)
    const chosen = sets.value.filter((s) => wanted.has(s.set.id))
    const db = chosen.some((s) => s.imported) ? await dbApi() : null
    return Promise.all(
      chosen.map(async (s) => {
        if (!s.imported) return (await loadBuiltIn([s.set.id]))[0]!
        const info = imported.value.find((r) => r.id === s.set.id)!
        return { ...info.set, id: s.set.id, questions: await db!.getSetQuestions(db!.getDB(), s.set.id) }
      }),
    )
  }

  /** The built-in sets' question ids as the review queue takes them, from the index. */
  const builtInQueueSets: QueueSet[] = builtInIndex.map((s) => ({ id: s.id, count: s.questions.length, questions: s.questions.map((id) => ({ id })) }))

  /** The sets a review may draw from (one, or all when `scope` is null), with the built-in question ids. */
  function queueSets(scope: string | null): QueueSet[] {
    const all: QueueSet[] = [
      ...builtInQueueSets,
      ...imported.value.map((r) => ({ id: r.id, count: r.count })),
    ]
    return scope === null ? all : all.filter((s) => s.id === scope)
  }

  return {
    sets,
    summaries,
    setById,
    questionIndex,
    builtInQuestionIds,
    signature,
    watchImported,
    prefetch,
    loadQuestions,
    loadSets,
    queueSets,
  }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBankStore, import.meta.hot))
