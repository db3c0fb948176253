import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import mapJson from '../../questions/map/article-map.json'
import builtInIndex from 'virtual:question-index'
import { ARTICLE } from '@/domain/content/article'
import { buildMap, parseArticleMap, type MapSection, type Progress } from '@/domain/map/articleMap'
import type { QuestionSet } from '@/domain/content/schema'
import { getDB } from '@/db/database'
import { getCards, listNotebook, MATURE_DAYS } from '@/db/progress'
import { useAppStore } from './app'
import { useBankStore } from './bank'
import { liveResource } from './liveResource'

// Checked by a unit test at build time; checked again here so a broken file says so on screen.
const parsed = parseArticleMap(mapJson, ARTICLE.paragraphCount)

/**
 * The article map's data: the paragraph summaries (bundled with this screen's chunk, so they are
 * precached like it), the built-in questions on each paragraph, and the learner's mastery of
 * each, kept live.
 */
export const useArticleMapStore = defineStore('articleMap', () => {
  const bank = useBankStore()
  const mapErrors = parsed.errors

  /** Built-in questions only: the learner's imported sets are not about this article. */
  const builtInSets = shallowRef<QuestionSet[]>([])
  const entries = computed(() =>
    builtInSets.value.flatMap((set) => set.questions.map((question) => ({ question, setId: set.id }))),
  )
  const builtInSetIds = builtInIndex.map((s) => s.id)
  const live = liveResource<Progress>(
    async () => {
      const ids = bank.builtInQuestionIds.map((q) => q.id)
      const [cards, notebook] = await Promise.all([getCards(getDB(), ids), listNotebook(getDB(), { cleared: false, sort: 'recent' })])
      return { cards, notebook: new Set(notebook.map((e) => e.questionId)), matureDays: MATURE_DAYS }
    },
    {
      initial: { cards: new Map(), notebook: new Set(), matureDays: MATURE_DAYS },
      ready: async () => {
        const [sets] = await Promise.all([bank.loadSets(builtInSetIds), useAppStore().whenReady()])
        builtInSets.value = sets
      },
    },
  )
  const sections = computed<MapSection[]>(() => (parsed.map ? buildMap(parsed.map, entries.value, live.data.value) : []))

  return { sections, loaded: live.loaded, loadError: live.loadError, mapErrors, watch: live.watch, retry: live.retry }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useArticleMapStore, import.meta.hot))
