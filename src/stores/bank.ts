import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import builtInSets from 'virtual:question-bank'
import type { Question, QuestionSet } from '@/domain/content/schema'
import { observe } from '@/db/live'
import { getDB } from '@/db/database'
import type { ImportedSetRecord } from '@/db/records'

export interface BankSet {
  set: QuestionSet
  imported: boolean
  /** For imported sets: the learner's own name for it. */
  name?: string
}

/**
 * The question bank: the built-in sets (bundled at build time, so they work offline) plus the
 * sets the learner imported (kept in IndexedDB). Holds content only, never progress.
 */
export const useBankStore = defineStore('bank', () => {
  const imported = shallowRef<ImportedSetRecord[]>([])
  let unsubscribe: (() => void) | null = null

  function watchImported(): void {
    unsubscribe?.()
    unsubscribe = observe(
      () => getDB().importedSets.orderBy('importedAt').toArray(),
      (rows) => {
        imported.value = rows
      },
    )
  }

  const sets = computed<BankSet[]>(() => [
    ...builtInSets.map((set) => ({ set, imported: false })),
    ...imported.value.map((r) => ({ set: { ...r.set, id: r.id }, imported: true, name: r.name })),
  ])

  const setById = computed(() => new Map(sets.value.map((s) => [s.set.id, s])))

  /** question id → the question and its set id. */
  const questionIndex = computed(() => {
    const map = new Map<string, { question: Question; setId: string }>()
    for (const { set } of sets.value) for (const question of set.questions) map.set(question.id, { question, setId: set.id })
    return map
  })

  const allQuestionSets = computed(() => sets.value.map((s) => s.set))

  return { sets, setById, questionIndex, allQuestionSets, watchImported, builtInSets }
})
