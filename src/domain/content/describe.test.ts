import { describe, expect, it } from 'vitest'
import { describeCorrect, describeResponse, formatNumber } from './describe'
import type { Question } from './schema'

const L = (zh: string, en: string) => ({ zh, en })
const base = { prompt: L('问', 'Q'), explanation: L('因', 'Because') }

describe('formatNumber', () => {
  it('writes large numbers in each language’s units', () => {
    expect(formatNumber(30_000_000_000, 'zh')).toBe('300亿')
    expect(formatNumber(30_000_000_000, 'en')).toBe('30 billion')
    expect(formatNumber(380_000_000_000, 'zh')).toBe('3800亿')
    expect(formatNumber(10_000_000, 'zh')).toBe('1000万')
    expect(formatNumber(0.3, 'en')).toBe('0.3')
    expect(formatNumber(119, 'zh')).toBe('119')
  })
})

describe('describeCorrect and describeResponse', () => {
  const numeric: Question = { ...base, id: 'n', type: 'numeric', value: 30_000_000_000, tolerance: 0, unit: L('美元', 'US dollars') }
  const ordering: Question = {
    ...base, id: 'o', type: 'ordering',
    items: [{ id: 'b', text: L('乙', 'B') }, { id: 'a', text: L('甲', 'A') }, { id: 'c', text: L('丙', 'C') }],
    answer: ['a', 'b', 'c'],
  }
  const matching: Question = {
    ...base, id: 'm', type: 'matching',
    pairs: [{ id: 'p', left: L('左一', 'L1'), right: L('右一', 'R1') }, { id: 'q', left: L('左二', 'L2'), right: L('右二', 'R2') }],
  }
  it('numeric answers carry their unit', () => {
    expect(describeCorrect(numeric, 'zh')).toBe('300亿美元')
    expect(describeCorrect(numeric, 'en')).toBe('30 billion US dollars')
  })

  it('a month of the year reads as a month: 11月 in Chinese, November in English (never "11 month")', () => {
    const month: Question = { ...numeric, value: 11, unit: L('月', 'month') }
    expect(describeCorrect(month, 'zh')).toBe('11月')
    expect(describeCorrect(month, 'en')).toBe('November')
    // Not a month of the year: a count of months, or a value no calendar has.
    expect(describeCorrect({ ...month, unit: L('个月', 'months'), value: 3 }, 'en')).toBe('3 months')
    expect(describeCorrect({ ...month, value: 13 }, 'en')).toBe('13 month')
  })
  it('ordering follows the answer ids, not the listed order', () => {
    expect(describeCorrect(ordering, 'en')).toBe('A → B → C')
    expect(describeResponse(ordering, { type: 'ordering', order: ['c', 'a', 'b'] }, 'zh')).toBe('丙 → 甲 → 乙')
  })
  it('matching shows each chosen partner', () => {
    expect(describeResponse(matching, { type: 'matching', pairs: { p: 'q', q: 'p' } }, 'en')).toBe('L1 → R2; L2 → R1')
    expect(describeCorrect(matching, 'zh')).toBe('左一 → 右一；左二 → 右二')
  })
  it('a skipped answer is empty', () => {
    expect(describeResponse(numeric, { type: 'skip' }, 'en')).toBe('')
  })
})
