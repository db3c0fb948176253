import { describe, expect, it } from 'vitest'
import { accuracyBySet } from './accuracy'

describe('accuracyBySet', () => {
  it('counts answers and right answers per set', () => {
    const stats = accuracyBySet([
      { setId: 'a', correct: true },
      { setId: 'b', correct: false },
      { setId: 'a', correct: false },
      { setId: 'a', correct: true },
    ])
    expect(Object.fromEntries(stats)).toEqual({ a: { answered: 3, correct: 2 }, b: { answered: 1, correct: 0 } })
  })

  it('is empty without answers', () => {
    expect(accuracyBySet([]).size).toBe(0)
  })
})
