import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDB } from '@/db/database'
import { observe } from '@/db/live'
import { loadDailyStatsData, localMidnight } from '@/db/stats'
import { DAY_MS, dayToIso, type DayOf } from '@/domain/stats/days'
import { buildStatsFromDaily, FORECAST_DAYS, HEATMAP_DAYS, type StatsSummary } from '@/domain/stats/summary'
import { useAppStore } from './app'
import { describeError } from './describeError'

const HOUR = 3_600_000

/**
 * Local day numbers that follow daylight saving time. The zone offset is looked up once per
 * hour of time, not once per log entry: `new Date()` for 100,000 entries would cost more than
 * all the counting.
 */
export function localDayOf(): DayOf {
  const offsets = new Map<number, number>()
  // The log is read in time order, so most calls hit the same hour as the one before.
  let lastHour = Number.NaN
  let lastOffset = 0
  return (ms) => {
    const hour = Math.floor(ms / HOUR)
    if (hour !== lastHour) {
      let offset = offsets.get(hour)
      if (offset === undefined) {
        offset = -new Date(ms).getTimezoneOffset() * 60_000
        offsets.set(hour, offset)
      }
      lastHour = hour
      lastOffset = offset
    }
    return Math.floor((ms + lastOffset) / DAY_MS)
  }
}

/**
 * The local midnights that end today and the next `days - 1` days: where the forecast's days
 * split. Built with the calendar, so a day of 23 or 25 hours (daylight saving) ends where it should.
 */
export function localDayEnds(now: number, days: number): number[] {
  const midnight = new Date(localMidnight(now))
  return Array.from({ length: days }, (_, i) => new Date(midnight.getFullYear(), midnight.getMonth(), midnight.getDate() + i + 1).getTime())
}

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
