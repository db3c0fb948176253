import { afterEach, describe, expect, it, vi } from 'vitest'
import { yieldToMain } from './yieldToMain'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('yieldToMain', () => {
  it('uses scheduler.yield when the browser has it', async () => {
    const yieldFn = vi.fn(() => Promise.resolve())
    vi.stubGlobal('scheduler', { yield: yieldFn })
    await yieldToMain()
    expect(yieldFn).toHaveBeenCalledTimes(1)
  })

  it('otherwise resumes in a new task, after a zero-delay timer, not in a microtask', async () => {
    vi.stubGlobal('scheduler', undefined)
    vi.useFakeTimers()
    let resumed = false
    void yieldToMain().then(() => (resumed = true))
    await Promise.resolve()
    await Promise.resolve()
    expect(resumed).toBe(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(resumed).toBe(true)
  })
})
