// @vitest-environment happy-dom
import { nextTick } from 'vue'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useUiPrefs } from './uiPrefs'

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
vi.mock('virtual:question-index', () => ({ default: [] }))

const KEY = 'qwen-study.showBoth'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})
afterEach(() => vi.restoreAllMocks())

describe('uiPrefs: show both languages', () => {
  it('is off, and nothing is written, until the learner turns it on', async () => {
    const prefs = useUiPrefs()
    expect(prefs.showBoth).toBe(false)
    await nextTick()
    expect(localStorage.getItem(KEY)).toBeNull()
    prefs.showBoth = true
    await nextTick()
    expect(localStorage.getItem(KEY)).toBe('1')
    prefs.showBoth = false
    await nextTick()
    expect(localStorage.getItem(KEY)).toBe('0')
  })

  it('starts from the stored choice', () => {
    localStorage.setItem(KEY, '1')
    expect(useUiPrefs().showBoth).toBe(true)
  })

  it("follows another tab's change", () => {
    const prefs = useUiPrefs()
    localStorage.setItem(KEY, '1')
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: '1', storageArea: localStorage }))
    expect(prefs.showBoth).toBe(true)
    localStorage.clear()
    window.dispatchEvent(new StorageEvent('storage', { key: null, storageArea: localStorage }))
    expect(prefs.showBoth).toBe(false)
  })

  it('lasts for the page where storage is blocked', async () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    const prefs = useUiPrefs()
    expect(prefs.showBoth).toBe(false)
    prefs.showBoth = true
    await nextTick()
    expect(prefs.showBoth).toBe(true)
  })
})
