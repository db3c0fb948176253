// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { i18n, setLocale } from '@/i18n'
import { useAppStore } from '@/stores/app'
import { useQuizzesStore } from '@/stores/quizzes'
import { freshStoresEachTest } from '@/stores/testing'
import MapView from './MapView.vue'

let router: Router
let wrapper: VueWrapper | null = null

freshStoresEachTest()
beforeEach(async () => {
  await useAppStore().whenReady()
  await setLocale('en')
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/map', component: MapView },
      { path: '/quiz/:attemptId', component: { template: '<p>quiz</p>' } },
    ],
  })
  await router.push('/map')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

describe('MapView', () => {
  it('while a question’s quiz is being made, its button keeps the focus and other presses do nothing', async () => {
    const quizzes = useQuizzesStore()
    let finish: (id: string) => void = () => {}
    const startWith = vi.spyOn(quizzes, 'startWith').mockImplementation(() => new Promise((resolve) => (finish = resolve)))
    wrapper = mount(MapView, { global: { plugins: [i18n, router] }, attachTo: document.body })
    await vi.waitFor(() => expect(wrapper!.findAll('button[data-testid^="map-q-"]').length).toBeGreaterThan(1), { timeout: 5000, interval: 20 })
    const [first, second] = wrapper.findAll('button[data-testid^="map-q-"]')
    const firstId = first!.attributes('data-testid')!.slice('map-q-'.length)

    ;(first!.element as HTMLButtonElement).focus()
    await first!.trigger('click')
    await flushPromises()
    expect(startWith).toHaveBeenCalledTimes(1)
    expect(startWith).toHaveBeenCalledWith([firstId])
    // Only aria-disabled while busy: a disabled button under the keyboard drops the focus to the page.
    for (const button of [first!, second!]) {
      expect(button.attributes('disabled')).toBeUndefined()
      expect(button.attributes('aria-disabled')).toBe('true')
    }
    expect(document.activeElement).toBe(first!.element)

    // A second press, on it or another question, starts nothing more.
    await first!.trigger('click')
    await second!.trigger('click')
    await flushPromises()
    expect(startWith).toHaveBeenCalledTimes(1)

    finish('attempt-1')
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/quiz/attempt-1'))
    expect(first!.attributes('aria-disabled')).toBe('false')
  })
})
