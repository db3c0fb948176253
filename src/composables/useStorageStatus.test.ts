import { describe, expect, it, vi } from 'vitest'
import { formatBytes, useStorageStatus, type StorageManagerLike } from './useStorageStatus'

describe('formatBytes', () => {
  it('picks a readable unit', () => {
    expect(formatBytes(0, 'en')).toBe('0 B')
    expect(formatBytes(900, 'en')).toBe('900 B')
    expect(formatBytes(1536, 'en')).toBe('1.5 KB')
    expect(formatBytes(25 * 1024 * 1024, 'en')).toBe('25 MB')
    expect(formatBytes(3.25 * 1024 ** 3, 'en')).toBe('3.3 GB')
    expect(formatBytes(Number.NaN, 'en')).toBe('0 B')
  })
})

describe('useStorageStatus', () => {
  it('reports persistence and usage from the browser', async () => {
    const manager: StorageManagerLike = {
      persisted: async () => false,
      persist: async () => true,
      estimate: async () => ({ usage: 2048, quota: 1024 ** 3 }),
    }
    const status = useStorageStatus(manager)
    await status.ready
    expect(status.persisted.value).toBe(false)
    expect(status.usage.value).toBe(2048)
    expect(status.quota.value).toBe(1024 ** 3)
    expect(status.canRequest.value).toBe(true)

    expect(await status.requestPersist()).toBe(true)
    expect(status.persisted.value).toBe(true)
    expect(status.canRequest.value).toBe(false)
    expect(status.denied.value).toBe(false)
  })

  it('remembers a refusal', async () => {
    const persist = vi.fn(async () => false)
    const status = useStorageStatus({ persisted: async () => false, persist })
    await status.ready
    expect(await status.requestPersist()).toBe(false)
    expect(persist).toHaveBeenCalledOnce()
    expect(status.denied.value).toBe(true)
    expect(status.persisted.value).toBe(false)
  })

  it('leaves everything unknown when the API is missing, without throwing', async () => {
    for (const manager of [undefined, {}]) {
      const status = useStorageStatus(manager)
      await status.ready
      expect([status.persisted.value, status.usage.value, status.quota.value]).toEqual([null, null, null])
      expect(status.canRequest.value).toBe(false)
      expect(await status.requestPersist()).toBe(false)
    }
  })

  it('treats a failing call as unknown', async () => {
    const boom = async (): Promise<never> => {
      throw new DOMException('denied', 'SecurityError')
    }
    const status = useStorageStatus({ persisted: boom, estimate: boom, persist: boom })
    await status.ready
    expect(status.persisted.value).toBeNull()
    expect(status.usage.value).toBeNull()
    await expect(status.requestPersist()).resolves.toBe(false)
  })
})
