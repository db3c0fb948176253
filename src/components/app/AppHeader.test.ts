// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
vi.mock('virtual:question-index', () => ({ default: [] }))

import { i18n } from '@/i18n'
import { useAppStore } from '@/stores/app'
import AppHeader from './AppHeader.vue'

let wrapper: VueWrapper | null = null

beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'en'
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountHeader(): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<p />' } }] })
  await router.push('/')
  wrapper = mount(AppHeader, { global: { plugins: [i18n, router] } })
  return wrapper
}

describe('AppHeader', () => {
  it('shows no due badge when nothing is due, the count when some are, and 99+ past 99', async () => {
    const app = useAppStore()
    const w = await mountHeader()
    const badge = () => w.find('[data-testid="nav-due"]')
    expect(badge().exists()).toBe(false)
    app.dueCount = 7
    await w.vm.$nextTick()
    expect(badge().text()).toBe('7')
    app.dueCount = 99
    await w.vm.$nextTick()
    expect(badge().text()).toBe('99')
    app.dueCount = 150
    await w.vm.$nextTick()
    expect(badge().text()).toBe('99+')
  })
})
