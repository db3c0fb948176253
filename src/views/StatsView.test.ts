// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { whileReadsFail } from '@/db/test-utils'
import { freshStoresEachTest } from '@/stores/testing'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

const fake = await vi.hoisted(async () => {
  const { L, setOf } = await import('@/domain/content/testing')
  const { mockBank } = await import('@/stores/testing')
  const tf = (id: string) => ({ id, type: 'truefalse' as const, prompt: L(id, id), explanation: L('解释', 'Why'), answer: true })
  return mockBank([setOf('set-a', L('甲组', 'Set A'), [tf('q1'), tf('q2'), tf('q3')]), setOf('set-b', L('乙组', 'Set B'), [tf('q4')])])
})
vi.mock('virtual:question-bank', () => fake.bank)
vi.mock('virtual:question-index', () => fake.index)

import { i18n, setLocale } from '@/i18n'
import { getDB, type StudyDB } from '@/db/database'
import { recordAnswer, regradeAnswer, undoAnswer, type AnswerInput } from '@/db/progress'
import { DEFAULT_SETTINGS } from '@/db/records'
import { useAppStore } from '@/stores/app'
import StatsView from './StatsView.vue'

const HOUR = 3_600_000
const DAY = 24 * HOUR
// Local noon, so the seeded days are the same calendar days in any time zone.
const NOW = new Date(2026, 2, 10, 12, 0).getTime()

let db: StudyDB
let router: Router
let wrapper: VueWrapper | null = null
// IndexedDB answers asynchronously (and slowly on a busy machine): poll instead of one flush.
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 20 })

freshStoresEachTest()
beforeEach(async () => {
  // Only Date is faked: IndexedDB and vi.waitFor keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  // As the router does before these screens: open the app's database (and load its settings).
  await useAppStore().whenReady()
  db = getDB()
  await setLocale('en')
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/stats', component: StatsView },
      { path: '/:rest(.*)*', component: { template: '<p>elsewhere</p>' } },
    ],
  })
  await router.push('/stats')
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = null
  vi.useRealTimers()
})

function answer(over: Partial<AnswerInput>): AnswerInput {
  return { questionId: 'q1', setId: 'set-a', mode: 'review', answer: { type: 'truefalse', value: true }, correct: true, grade: 3, durationMs: 60_000, now: NOW, ...over }
}

function mountView(): VueWrapper {
  wrapper = mount(StatsView, { global: { plugins: [i18n, router] } })
  return wrapper
}
const text = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`).text()

describe('StatsView', () => {
  it('says why when the stats cannot be read, and shows them after "try again"', async () => {
    const { value: w, warnings } = await whileReadsFail(async () => {
      const mounted = mountView()
      await waitFor(() => expect(mounted.find('[data-testid="read-failed"]').exists()).toBe(true))
      return mounted
    })
    // The failed reads are logged for whoever debugs a learner's device, and only they are.
    const failedReads = warnings.filter((w) => w.startsWith('live query failed'))
    expect(failedReads.length).toBeGreaterThan(0)
    for (const warning of failedReads) expect(warning).toContain('Internal error opening backing store')
    expect(w.find('[data-testid="read-failed-reason"]').text()).toBe('Details: UnknownError: Internal error opening backing store')
    await w.find('[data-testid="read-retry"]').trigger('click')
    await waitFor(() => expect(w.find('[data-testid="stats-empty"]').exists()).toBe(true))
    expect(w.find('[data-testid="read-failed"]').exists()).toBe(false)
  })

  it('says what to do before the first review', async () => {
    const w = mountView()
    await waitFor(() => expect(w.find('[data-testid="stats-empty"]').exists()).toBe(true))
    expect(w.text()).toContain('No reviews yet — take a quiz and come back.')
    expect(w.find('a[href="/quiz/new"]').exists()).toBe(true)
    expect(w.find('[data-testid="heatmap"]').exists()).toBe(false)
  })

  it('shows totals, retention, streak, heatmap, forecast and per-set numbers from the review log', async () => {
    const S = DEFAULT_SETTINGS
    await recordAnswer(db, answer({ now: NOW - 2 * DAY }), S) // q1 new: not in true retention
    await recordAnswer(db, answer({ now: NOW - DAY }), S) // q1 first of the day: recalled
    await recordAnswer(db, answer({ questionId: 'q2', now: NOW - HOUR, correct: false, grade: 1 }), S) // q2 new
    await recordAnswer(db, answer({ now: NOW - 30 * 60_000, correct: false, grade: 1 }), S) // q1 first today: forgotten
    await recordAnswer(db, answer({ questionId: 'q4', setId: 'set-b', now: NOW - 10 * 60_000 }), S)

    const w = mountView()
    await waitFor(() => expect(w.find('[data-testid="total-reviews"]').exists()).toBe(true))
    expect(text(w, 'total-reviews')).toBe(String(await db.reviews.count()))
    expect(text(w, 'total-reviews')).toBe('5')
    expect(text(w, 'retention')).toBe('50%')
    expect(text(w, 'streak')).toBe('3 days')
    expect(text(w, 'time-studied')).toBe('5 min')

    const heatmap = w.find('[data-testid="heatmap"] svg[role="img"]')
    expect(heatmap.attributes('aria-label')).toContain('Reviews: 5, on 3 of 182 days.')
    expect(heatmap.find('title').text()).toBe(heatmap.attributes('aria-label'))
    expect(w.findAll('[data-testid="heatmap"] details tbody tr').map((r) => r.find('td').text())).toEqual(['3', '1', '1'])

    const forecast = w.find('[data-testid="forecast"] svg[role="img"]')
    expect(forecast.attributes('aria-label')).toMatch(/^Due in the next 30 days: 3, 3 of them today\./)
    const forecastRows = w.findAll('[data-testid="forecast"] details tbody tr')
    expect(forecastRows).toHaveLength(30)
    expect(forecastRows[0]!.text()).toBe('Today (incl. overdue)3')

    expect(w.find('[data-testid="set-row-set-a"] [data-testid="set-accuracy"]').text()).toBe('50% (2/4)')
    expect(w.find('[data-testid="set-row-set-b"] [data-testid="set-accuracy"]').text()).toBe('100% (1/1)')
    // Card counts come from their own live query, which may answer after the log's.
    await waitFor(() => expect(w.find('[data-testid="set-row-set-a"]').text()).toContain('1 new · 2 learning · 0 mature'))
    // Each figure is kept whole on one line: a narrow column breaks only between them.
    expect(w.findAll('[data-testid="set-row-set-a"] .mastery .figure').map((x) => x.text())).toEqual(['1 new', '2 learning', '0 mature'])
  })

  it('pins the heatmap’s weekday labels outside the scrolling drawing, which keeps its name and its keyboard stop', async () => {
    await recordAnswer(db, answer({ now: NOW - HOUR }), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(w.find('[data-testid="heatmap"] svg[role="img"]').exists()).toBe(true))
    const scroller = w.get('[data-testid="heatmap"] [role="group"]')
    expect(scroller.attributes('tabindex')).toBe('0')
    expect(scroller.attributes('aria-label')).toBe('Reviews per day (last 6 months)')
    const weekdays = [1, 3, 5].map((d) => new Intl.DateTimeFormat('en', { weekday: 'short' }).format(new Date(2024, 0, d)))
    // The labels stay in view at the left edge (sticky) and are for the eye: the drawing is named.
    const pinned = scroller.get('[data-testid="chart-pinned"]')
    expect(pinned.attributes('aria-hidden')).toBe('true')
    expect(pinned.findAll('text').map((x) => x.text())).toEqual(weekdays)
    expect(scroller.get('svg[role="img"]').findAll('text').map((x) => x.text().trim())).not.toContain(weekdays[0])
  })

  it('counts reviews older than six months in the total only', async () => {
    await recordAnswer(db, answer({ now: NOW - 300 * DAY, durationMs: 3_600_000 }), DEFAULT_SETTINGS)
    await recordAnswer(db, answer({ questionId: 'q2', now: NOW - HOUR }), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(text(w, 'total-reviews')).toBe('2'))
    expect(w.find('[data-testid="heatmap"] svg').attributes('aria-label')).toContain('Reviews: 1, on 1 of 182 days.')
    expect(text(w, 'time-studied')).toBe('1 min')
    expect(text(w, 'streak')).toBe('1 day')
  })

  it('follows new reviews live', async () => {
    await recordAnswer(db, answer({ now: NOW - HOUR }), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(text(w, 'total-reviews')).toBe('1'))
    await recordAnswer(db, answer({ questionId: 'q2', now: NOW }), DEFAULT_SETTINGS)
    await waitFor(() => expect(text(w, 'total-reviews')).toBe('2'))
    expect(text(w, 'retention')).toBe('—')
  })

  it('follows a regrade and an undo live: retention, accuracy, time and heatmap', async () => {
    const S = DEFAULT_SETTINGS
    await recordAnswer(db, answer({ now: NOW - DAY }), S) // q1 new
    const { log: last } = await recordAnswer(db, answer({ now: NOW - HOUR, durationMs: 120_000 }), S) // q1 first of today
    const w = mountView()
    await waitFor(() => expect(text(w, 'retention')).toBe('100%'))
    expect(text(w, 'time-studied')).toBe('3 min')
    const accuracy = () => w.find('[data-testid="set-row-set-a"] [data-testid="set-accuracy"]').text()
    expect(accuracy()).toBe('100% (2/2)')

    await regradeAnswer(db, last.id, 1, NOW, S, { correct: false })
    await waitFor(() => expect(text(w, 'retention')).toBe('0%'))
    expect(accuracy()).toBe('50% (1/2)')

    await undoAnswer(db, last.id)
    await waitFor(() => expect(text(w, 'total-reviews')).toBe('1'))
    expect(text(w, 'retention')).toBe('—')
    expect(text(w, 'time-studied')).toBe('1 min')
    expect(text(w, 'streak')).toBe('1 day') // yesterday's streak still counts today
    expect(w.find('[data-testid="heatmap"] svg').attributes('aria-label')).toContain('Reviews: 1, on 1 of 182 days.')
  })
})
