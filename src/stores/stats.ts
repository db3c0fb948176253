import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDB } from '@/db/database'
import { observe } from '@/db/live'
import { localDayEnds, localDayOf } from '@/db/localDays'
import { loadDailyStatsData } from '@/db/stats'
import { dayToIso } from '@/domain/calendar/days'
import { buildStatsFromDaily, FORECAST_DAYS, HEATMAP_DAYS, type StatsSummary } from '@/domain/stats/summary'
import { useAppStore } from './app'
import { describeError } from './describeError'

/**
 * The stats screen's numbers, computed once per change of the data from the daily totals (a few
 * hundred rows, whatever the size of the review log). Holds only the summary.
 */
export const useStatsStore = defineStore('stats', () => {
  /** null until the first load. */
  const summary = shallowRef<StatsSummary | null>(null)
  /** Why the stats could not be read (the screen offers `retry`); null otherwise. */
  const loadError = ref<string | null>(null)

  let users = 0
  let unsubscribe: (() => void) | null = null

  /** Starts following the review log and the cards; call the returned function when the screen goes away. */
  function watch(): () => void {
    users++
    let stopped = false
    // The router opens the database before this screen; a subscription made earlier would
    // follow a connection that is about to be replaced.
    void useAppStore()
      .whenReady()
      .then(() => {
        if (!stopped && !unsubscribe) subscribe()
      })
      // A failed start-up is the app banner's to tell; the router keeps this screen closed then.
      .catch(() => {})
    return () => {
      if (stopped) return
      stopped = true
      if (--users === 0) {
        unsubscribe?.()
        unsubscribe = null
      }
    }
  }

  function subscribe(): void {
    unsubscribe?.()
    loadError.value = null
    unsubscribe = observe(
      () => {
        const now = Date.now()
        // Every windowed figure covers the heatmap's days.
        const sinceDay = dayToIso(localDayOf()(now) - HEATMAP_DAYS + 1)
        return loadDailyStatsData(getDB(), { sinceDay, dayEnds: localDayEnds(now, FORECAST_DAYS) })
      },
      (data) => {
        summary.value = buildStatsFromDaily({ ...data, now: Date.now(), dayOf: localDayOf() })
        loadError.value = null
      },
      // A live query that failed has ended: only `retry` starts it again.
      (e) => (loadError.value = describeError(e)),
    )
  }

  /** Reads the stats again after a failed read (only while a screen watches them). */
  function retry(): void {
    if (users > 0) subscribe()
  }

  return { summary, loadError, watch, retry }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useStatsStore, import.meta.hot))
