import { acceptHMRUpdate, defineStore } from 'pinia'
import { getDB } from '@/db/database'
import { loadDailyStatsData, localMidnight } from '@/db/stats'
import { DAY_MS, dayToIso, type DayOf } from '@/domain/stats/days'
import { buildStatsFromDaily, FORECAST_DAYS, HEATMAP_DAYS, type StatsSummary } from '@/domain/stats/summary'
import { useAppStore } from './app'
import { liveResource } from './liveResource'

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
