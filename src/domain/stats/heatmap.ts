/**
 * Layout of the GitHub-style calendar: one column per week (Monday on top), one cell per day,
 * and an intensity level 0..4 for its colour. The component only draws what this returns.
 */
import { dayToDate, weekdayOf } from '@/domain/calendar/days'
import type { DayCount } from './types'

export interface HeatCell extends DayCount {
  col: number
  /** 0 Monday … 6 Sunday. */
  row: number
  /** 0 = no reviews; 1..4 = quarters of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4
}

export interface HeatmapLayout {
  cells: HeatCell[]
  weeks: number
  /** Columns where a new month begins, for the labels above the grid. */
  months: { col: number; year: number; month: number }[]
  max: number
  total: number
  /** Days with at least one review. */
  active: number
  /** The busiest day (the earliest of equals); null when there were no reviews. */
  best: DayCount | null
}

/** Intensity of a count relative to the busiest day. */
export function heatLevel(count: number, max: number): HeatCell['level'] {
  if (count <= 0 || max <= 0) return 0
  return Math.min(4, Math.ceil((4 * count) / max)) as HeatCell['level']
}

/** Places consecutive days (oldest first) on the calendar grid. */
export function heatmapLayout(days: readonly DayCount[]): HeatmapLayout {
  let max = 0
  let total = 0
  let active = 0
  let best: DayCount | null = null
  for (const d of days) {
    total += d.count
    if (d.count > 0) active++
    if (d.count > max) {
      max = d.count
      best = d
    }
  }
  const first = days[0]
  const lead = first ? weekdayOf(first.day) : 0
  const cells: HeatCell[] = days.map((d, i) => ({
    ...d,
    col: Math.floor((i + lead) / 7),
    row: (i + lead) % 7,
    level: heatLevel(d.count, max),
  }))
  const months: HeatmapLayout['months'] = []
  let lastMonth = -1
  for (const cell of cells) {
    const { year, month } = dayToDate(cell.day)
    if (month !== lastMonth) months.push({ col: cell.col, year, month })
    lastMonth = month
  }
  // The grid usually starts mid-month: drop that label when the next one would crowd it.
  if (months.length > 1 && months[1]!.col - months[0]!.col < 3) months.shift()
  const lastCell = cells[cells.length - 1]
  return { cells, weeks: lastCell ? lastCell.col + 1 : 0, months, max, total, active, best }
}
