import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { StorageManagerLike } from './useStorageStatus'

// The "once" is per page (module state): each test loads a fresh copy of the module.
async function load() {
  vi.resetModules()
  return (await import('./usePersistAfterFirstAnswer')).requestPersistenceOnce
}

describe('requestPersistenceOnce', () => {
  let requestPersistenceOnce: Awaited<ReturnType<typeof load>>
  beforeEach(async () => {
    requestPersistenceOnce = await load()
  })

  it('asks the browser once per page, however often it is called', async () => {
    const persist = vi.fn(async () => true)
    const manager: StorageManagerLike = { persisted: async () => false, persist }
    const answers = await Promise.all([requestPersistenceOnce(manager), requestPersistenceOnce(manager)])
    expect(await requestPersistenceOnce(manager)).toBe(true)
    expect(answers).toEqual([true, true])
    expect(persist).toHaveBeenCalledOnce()
  })

  it('does not ask when the data is already kept', async () => {
    const persist = vi.fn(async () => true)
    expect(await requestPersistenceOnce({ persisted: async () => true, persist })).toBe(true)
    expect(persist).not.toHaveBeenCalled()
  })

  it('gives null when the API is missing or fails, and never throws', async () => {
    expect(await requestPersistenceOnce(undefined)).toBeNull()
    const again = await load()
    expect(await again({})).toBeNull()
    const third = await load()
    await expect(
      third({
        persist: async () => {
          throw new Error('nope')
        },
      }),
    ).resolves.toBeNull()
  })
})
