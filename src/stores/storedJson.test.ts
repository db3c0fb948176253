import { describe, expect, it } from 'vitest'
import { storedJson } from './storedJson'
import { memoryStorage } from './testing'

describe('storedJson', () => {
  it('keeps a value as JSON under its key, and removes it for null', () => {
    const storage = memoryStorage()
    const stored = storedJson<{ a: number[] }>(() => storage, 'k')
    expect(stored.read()).toBeNull()
    expect(stored.write({ a: [1, 2] })).toBe(true)
    expect(storage.getItem('k')).toBe('{"a":[1,2]}')
    expect(stored.read()).toEqual({ a: [1, 2] })
    expect(stored.write(null)).toBe(true)
    expect(storage.getItem('k')).toBeNull()
  })

  it('reads what is not JSON as nothing', () => {
    const storage = memoryStorage()
    storage.setItem('k', '{not json')
    expect(storedJson(() => storage, 'k').read()).toBeNull()
  })

  it('reads nothing and refuses the write when the storage throws, or cannot even be named', () => {
    const refuse = { on: false }
    const storage = memoryStorage(refuse)
    const stored = storedJson<number>(() => storage, 'k')
    stored.write(1)
    refuse.on = true
    expect(stored.read()).toBeNull()
    expect(stored.write(2)).toBe(false)
    const blocked = storedJson<number>(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError')
    }, 'k')
    expect(blocked.read()).toBeNull()
    expect(blocked.write(3)).toBe(false)
  })
})
