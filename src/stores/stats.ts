import { acceptHMRUpdate, defineStore } from 'pinia'
import { getDB } from '@/db/database'
import { localDayEnds, localDayOf } from '@/db/localDays'
import { loadDailyStatsData } from '@/db/stats'
import { dayToIso } from '@/domain/calendar/days'
import { buildStatsFromDaily, FORECAST_DAYS, HEATMAP_DAYS, type StatsSummary } from '@/domain/stats/summary'
import { useAppStore } from './app'
import { liveResource } from './liveResource'

/**
 * The stats screen's numbers, computed once per change of the data from the daily totals (a few
 * hundred rows, whatever the size of the review log). Holds only the summary.
 */
export const useStatsStore = defineStore('stats', () => {
  const live = liveResource(
    async () => {
      const now = Date.now()
      // Every windowed figure covers the heatmap's days.
      const sinceDay = dayToIso(localDayOf()(now) - HEATMAP_DAYS + 1)
      const data = await loadDailyStatsData(getDB(), { sinceDay, dayEnds: localDayEnds(now, FORECAST_DAYS) })
      return buildStatsFromDaily({ ...data, now, dayOf: localDayOf() })
    },
    { initial: null as StatsSummary | null, ready: () => useAppStore().whenReady() },
  )
  /** null until the first load. */
  return { summary: live.data, loadError: live.loadError, watch: live.watch, retry: live.retry }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStatsStore, import.meta.hot))
