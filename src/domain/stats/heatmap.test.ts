import { describe, expect, it } from 'vitest'
import { dayToIso, fixedOffsetDayOf } from '@/domain/calendar/days'
import { heatLevel, heatmapLayout } from './heatmap'

const utc = fixedOffsetDayOf(0)
// 2026-03-04 is a Wednesday.
const WED = utc(Date.UTC(2026, 2, 4))

describe('heatLevel', () => {
  it('is 0 for no reviews and 1..4 by quarters of the busiest day', () => {
    expect(heatLevel(0, 8)).toBe(0)
    expect(heatLevel(1, 8)).toBe(1)
    expect(heatLevel(2, 8)).toBe(1)
    expect(heatLevel(3, 8)).toBe(2)
    expect(heatLevel(8, 8)).toBe(4)
    expect(heatLevel(0, 0)).toBe(0)
  })
})

describe('heatmapLayout', () => {
  it('puts days in week columns with Monday on top', () => {
    const days = Array.from({ length: 10 }, (_, i) => ({ day: WED + i, count: i === 4 ? 4 : i === 5 ? 1 : 0 }))
    const grid = heatmapLayout(days)
    expect(grid.cells[0]).toMatchObject({ col: 0, row: 2 }) // Wednesday
    expect(grid.cells[4]).toMatchObject({ col: 0, row: 6, level: 4 }) // Sunday
    expect(grid.cells[5]).toMatchObject({ col: 1, row: 0, level: 1 }) // Monday starts a new week
    expect(grid.weeks).toBe(2)
    expect(grid).toMatchObject({ max: 4, total: 5, active: 2 })
    expect(dayToIso(grid.best!.day)).toBe('2026-03-08')
  })

  it('labels the columns where months begin', () => {
    // From Monday 2026-01-05 for 60 days; Feb 1 and Mar 1 are Sundays (the bottom of a column).
    const start = utc(Date.UTC(2026, 0, 5))
    const grid = heatmapLayout(Array.from({ length: 60 }, (_, i) => ({ day: start + i, count: 0 })))
    expect(grid.months.map((m) => [m.year, m.month, m.col])).toEqual([
      [2026, 1, 0],
      [2026, 2, 3],
      [2026, 3, 7],
    ])
  })

  it('drops a first month label that would crowd the next one', () => {
    const start = utc(Date.UTC(2026, 0, 28))
    const grid = heatmapLayout(Array.from({ length: 20 }, (_, i) => ({ day: start + i, count: 0 })))
    expect(grid.months.map((m) => m.month)).toEqual([2])
  })

  it('is empty for no days, with no busiest day', () => {
    expect(heatmapLayout([])).toEqual({ cells: [], weeks: 0, months: [], max: 0, total: 0, active: 0, best: null })
    expect(heatmapLayout([{ day: WED, count: 0 }]).best).toBeNull()
  })
})
