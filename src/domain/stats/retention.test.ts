import { describe, expect, it } from 'vitest'
import type { Grade } from '../content/response'
import { fixedOffsetDayOf } from '@/domain/calendar/days'
import { trueRetention } from './retention'

const china = fixedOffsetDayOf(480)
const at = (iso: string, hh: number, mm = 0) => Date.parse(`${iso}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`)
const log = (questionId: string, time: number, grade: Grade, isNew = false) => ({ questionId, time, grade, isNew })

describe('trueRetention', () => {
  it('counts only the first review of each question per day', () => {
    const r = trueRetention(
      [
        log('q1', at('2026-03-09', 9), 1), // first of the day: a fail
        log('q1', at('2026-03-09', 9, 10), 3), // relearning step: ignored
        log('q2', at('2026-03-09', 10), 3),
        log('q2', at('2026-03-10', 10), 4), // another day: counts
      ],
      china,
    )
    expect(r).toEqual({ passed: 2, total: 3, rate: 2 / 3 })
  })

  it('finds the first review even when the log is out of order', () => {
    const r = trueRetention([log('q1', at('2026-03-09', 12), 3), log('q1', at('2026-03-09', 8), 1)], china)
    expect(r).toEqual({ passed: 0, total: 1, rate: 0 })
  })

  it('leaves out answers to new questions, and the same-day steps after them', () => {
    const r = trueRetention([log('q1', at('2026-03-09', 9), 1, true), log('q1', at('2026-03-09', 9, 1), 3), log('q2', at('2026-03-09', 9), 2)], china)
    expect(r).toEqual({ passed: 1, total: 1, rate: 1 })
  })

  it('splits days at local midnight', () => {
    // 23:59 and 00:01 are different days in Beijing: both are first reviews.
    const logs = [log('q1', at('2026-03-09', 23, 59), 3), log('q1', at('2026-03-10', 0, 1), 1)]
    expect(trueRetention(logs, china)).toEqual({ passed: 1, total: 2, rate: 0.5 })
    // In UTC they fall on one day, so only the first counts.
    expect(trueRetention(logs, fixedOffsetDayOf(0))).toEqual({ passed: 1, total: 1, rate: 1 })
  })

  it('has no rate without data', () => {
    expect(trueRetention([], china)).toEqual({ passed: 0, total: 0, rate: null })
    expect(trueRetention([log('q1', at('2026-03-09', 9), 3, true)], china).rate).toBeNull()
  })
})
