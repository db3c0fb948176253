import { describe, expect, it, vi } from 'vitest'
import { createReloadGate, holdsLearner } from './usePwaUpdate'

describe('createReloadGate: a new version taking over from another tab', () => {
  it('reloads at once where no quiz or review is on screen', () => {
    const reload = vi.fn()
    const gate = createReloadGate(reload)
    gate.routeChanged('home')
    gate.request()
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('never reloads mid-quiz or mid-review: it waits until the learner leaves', () => {
    const reload = vi.fn()
    const gate = createReloadGate(reload)
    gate.routeChanged('quiz')
    gate.request()
    expect(reload).not.toHaveBeenCalled()
    expect(gate.waiting()).toBe(true)
    gate.routeChanged('review')
    expect(reload).not.toHaveBeenCalled()
    gate.routeChanged('results')
    expect(reload).toHaveBeenCalledTimes(1)
    gate.routeChanged('home')
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('holds the learner on the quiz and review screens only', () => {
    expect(['quiz', 'review'].every(holdsLearner)).toBe(true)
    expect(['home', 'results', 'quiz-setup', 'settings', undefined].some(holdsLearner)).toBe(false)
  })
})
