import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import builtInIndex from 'virtual:question-index'
import type { Localized, Question, QuestionSet } from '@/domain/content/schema'
import type { ImportedSetRecord } from '@/db/records'
import { dbApi } from './dbApi'

export interface BankSet {
  set: QuestionSet
  imported: boolean
  /** For imported sets: the learner's own name for it. */
  name?: string
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

/**
 * The question bank: the built-in sets (bundled at build time and precached, so they work
 * offline) plus the sets the learner imported (kept in IndexedDB). Holds content only, never
 * progress. The home screen needs only titles and counts, so the questions themselves load in
 * their own chunk (ensureLoaded) while the first screen is already showing.
 */
export const useBankStore = defineStore('bank', () => {
  const builtInSets = shallowRef<QuestionSet[]>([])
  const imported = shallowRef<ImportedSetRecord[]>([])
  let loading: Promise<void> | null = null
  let unsubscribe: (() => void) | null = null

  function ensureLoaded(): Promise<void> {
    loading ??= import('virtual:question-bank').then((m) => {
      builtInSets.value = m.default
    })
    return loading
  }

  async function watchImported(): Promise<void> {
    const db = await dbApi()
    unsubscribe?.()
    unsubscribe = db.observe(
      () => db.getDB().importedSets.orderBy('importedAt').toArray(),
      (rows) => {
        imported.value = rows
      },
    )
  }

  const sets = computed<BankSet[]>(() => [
    ...builtInSets.value.map((set) => ({ set, imported: false })),
    ...imported.value.map((r) => ({ set: { ...r.set, id: r.id }, imported: true, name: r.name })),
  ])

  const summaries = computed<SetSummary[]>(() => [
    ...builtInIndex.map((s) => ({ id: s.id, title: s.title, description: s.description, count: s.questions.length, imported: false })),
    ...imported.value.map((r) => ({
      id: r.id,
      title: r.set.title,
      description: r.set.description,
      name: r.name,
      count: r.set.questions.length,
      imported: true,
    })),
  ])

  /** Every question id with its set, from the index: enough to reconcile progress at start-up. */
  const builtInQuestionIds = builtInIndex.flatMap((s) => s.questions.map((id) => ({ id, setId: s.id })))

  const setById = computed(() => new Map(sets.value.map((s) => [s.set.id, s])))

  /** question id → the question and its set id. */
  const questionIndex = computed(() => {
    const map = new Map<string, { question: Question; setId: string }>()
    for (const { set } of sets.value) for (const question of set.questions) map.set(question.id, { question, setId: set.id })
    return map
  })

  const allQuestionSets = computed(() => sets.value.map((s) => s.set))

  return { sets, summaries, setById, questionIndex, allQuestionSets, builtInQuestionIds, ensureLoaded, watchImported }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBankStore, import.meta.hot))
