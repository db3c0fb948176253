// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { whileReadsFail } from '@/db/test-utils'
import { freshStoresEachTest } from '@/stores/testing'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

const fake = await vi.hoisted(async () => {
  const { L, setOf } = await import('@/domain/content/testing')
  const { mockBank } = await import('@/stores/testing')
  return mockBank([
    setOf('set-a', L('甲组', 'Set A'), [
      {
        id: 'q1',
        type: 'single',
        prompt: L('谁发布了千问？', 'Who released Qwen?'),
        explanation: L('解释', 'Why'),
        choices: [
          { id: 'a', text: L('阿里巴巴', 'Alibaba') },
          { id: 'b', text: L('Meta', 'Meta') },
        ],
        answer: 'a',
        tags: ['companies'],
      },
      { id: 'q2', type: 'truefalse', prompt: L('千问是开源的。', 'Qwen is open source.'), explanation: L('解释', 'Why'), answer: true, tags: ['models'] },
    ]),
    setOf('set-b', L('乙组', 'Set B'), [
      { id: 'q3', type: 'flashcard', prompt: L('闭源', 'Closed source'), explanation: L('解释', 'Why'), back: L('不公开权重', 'Weights not published') },
    ]),
  ])
})
vi.mock('virtual:question-bank', () => fake.bank)
vi.mock('virtual:question-index', () => fake.index)

import { i18n, setLocale } from '@/i18n'
import { getDB, type StudyDB } from '@/db/database'
import { recordAnswer, type AnswerInput } from '@/db/progress'
import { DEFAULT_SETTINGS } from '@/db/records'
import { useAppStore } from '@/stores/app'
import NotebookView from './NotebookView.vue'

const HOUR = 3_600_000
let db: StudyDB
let router: Router
let wrapper: VueWrapper | null = null
// IndexedDB answers asynchronously (and slowly on a busy machine): poll instead of one flush.
const waitFor = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 20 })

freshStoresEachTest()
beforeEach(async () => {
  // As the router does before these screens: open the app's database (and load its settings).
  await useAppStore().whenReady()
  db = getDB()
  await setLocale('en')
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/notebook', component: NotebookView },
      { path: '/quiz/new', component: { template: '<p>setup</p>' } },
      { path: '/quiz/:attemptId', component: { template: '<p>quiz</p>' } },
    ],
  })
  await router.push('/notebook')
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = null
})

function answer(over: Partial<AnswerInput>): AnswerInput {
  return {
    questionId: 'q1',
    setId: 'set-a',
    mode: 'practice',
    answer: { type: 'single', choice: 'b' },
    correct: false,
    grade: 1,
    durationMs: 4000,
    now: Date.now() - 2 * HOUR,
    ...over,
  }
}

function mountView(): VueWrapper {
  wrapper = mount(NotebookView, { global: { plugins: [i18n, router] } })
  return wrapper
}

const item = (w: VueWrapper, id: string) => w.find(`[data-testid="notebook-item-${id}"]`)

describe('NotebookView', () => {
  it('says what to do when there are no mistakes', async () => {
    const w = mountView()
    await waitFor(() => expect(w.find('[data-testid="notebook-empty"]').exists()).toBe(true))
    expect(w.text()).toContain('No mistakes yet — take a quiz.')
    expect(w.find('a[href="/quiz/new"]').exists()).toBe(true)
    expect(w.find('[data-testid="notebook-redo"]').exists()).toBe(false)
  })

  it('shows a missed question with its set, type, tags, miss count and both answers', async () => {
    await recordAnswer(db, answer({}), DEFAULT_SETTINGS)
    await recordAnswer(db, answer({ now: Date.now() - 90 * 60_000 }), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(item(w, 'q1').exists()).toBe(true))
    const row = item(w, 'q1')
    expect(row.find('h2').text()).toBe('Who released Qwen?')
    expect(row.find('[data-testid="miss-count"]').text()).toBe('Missed 2×')
    expect(row.find('[data-testid="last-answer"]').text()).toBe('Meta')
    expect(row.find('[data-testid="correct-answer"]').text()).toBe('Alibaba')
    expect(row.text()).toContain('Set A')
    expect(row.text()).toContain('Single choice')
    expect(row.text()).toContain('#companies')
    expect(row.text()).toContain('1 hour ago')
    expect(row.find('[data-testid="streak"]').text()).toBe('Right on 0 of 2 days')
    expect(w.find('[data-testid="notebook-tab-active"]').text()).toBe('To fix (1)')
  })

  it('folds the explanation under "Why" with the results’ open/closed marker (the shared fold style)', async () => {
    await recordAnswer(db, answer({}), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(item(w, 'q1').exists()).toBe(true))
    const why = item(w, 'q1').get('[data-testid="notebook-why"]')
    expect(why.element.tagName).toBe('DETAILS')
    expect((why.element as HTMLDetailsElement).open).toBe(false)
    // main.css draws ▸ closed and ▾ open before the summary of a details.fold.
    expect(why.classes()).toContain('fold')
    expect(why.get('summary').text()).toBe('Why, with the evidence')
  })

  it('follows the interface language', async () => {
    await recordAnswer(db, answer({}), DEFAULT_SETTINGS)
    await setLocale('zh')
    const w = mountView()
    await waitFor(() => expect(item(w, 'q1').exists()).toBe(true))
    expect(item(w, 'q1').find('h2').text()).toBe('谁发布了千问？')
    expect(item(w, 'q1').find('[data-testid="correct-answer"]').text()).toBe('阿里巴巴')
  })

  it('updates live when an answer is recorded elsewhere', async () => {
    await recordAnswer(db, answer({}), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(item(w, 'q1').exists()).toBe(true))
    await recordAnswer(db, answer({ questionId: 'q2', answer: { type: 'truefalse', value: false } }), DEFAULT_SETTINGS)
    await recordAnswer(db, answer({ now: Date.now() - HOUR }), DEFAULT_SETTINGS)
    await waitFor(() => expect(item(w, 'q2').exists()).toBe(true))
    await waitFor(() => expect(item(w, 'q1').find('[data-testid="miss-count"]').text()).toBe('Missed 2×'))
    expect(item(w, 'q2').find('[data-testid="last-answer"]').text()).toBe('False')
  })

  it('skips entries whose question left the bank', async () => {
    await recordAnswer(db, answer({ questionId: 'gone', setId: 'set-a' }), DEFAULT_SETTINGS)
    await recordAnswer(db, answer({}), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(item(w, 'q1').exists()).toBe(true))
    expect(item(w, 'gone').exists()).toBe(false)
    expect(w.find('[data-testid="notebook-tab-active"]').text()).toBe('To fix (1)')
  })

  it('marks an entry cleared, keeps it visible as cleared, and restores it', async () => {
    await recordAnswer(db, answer({}), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(item(w, 'q1').exists()).toBe(true))
    await item(w, 'q1').find('[data-testid="notebook-clear"]').trigger('click')
    await waitFor(() => expect(item(w, 'q1').exists()).toBe(false))
    expect(w.find('[data-testid="notebook-tab-cleared"]').text()).toBe('Cleared (1)')
    expect(w.text()).toContain('Marked as cleared.')

    await w.find('[data-testid="notebook-tab-cleared"]').trigger('click')
    expect(item(w, 'q1').exists()).toBe(true)
    expect(item(w, 'q1').text()).toMatch(/Cleared /)
    await item(w, 'q1').find('[data-testid="notebook-restore"]').trigger('click')
    await waitFor(() => expect(w.find('[data-testid="notebook-tab-active"]').text()).toBe('To fix (1)'))
    expect(item(w, 'q1').exists()).toBe(false)
    expect((await db.notebook.get('q1'))?.cleared).toBe(0)
  })

  it('filters by type and sorts by misses or recency', async () => {
    await recordAnswer(db, answer({ now: Date.now() - 3 * HOUR }), DEFAULT_SETTINGS)
    await recordAnswer(db, answer({ now: Date.now() - 2 * HOUR }), DEFAULT_SETTINGS)
    await recordAnswer(db, answer({ questionId: 'q3', setId: 'set-b', answer: { type: 'flashcard', grade: 1 }, now: Date.now() - 4 * HOUR }), DEFAULT_SETTINGS)
    await recordAnswer(db, answer({ questionId: 'q2', answer: { type: 'skip' }, now: Date.now() - HOUR }), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(w.findAll('[data-testid^="notebook-item-"]')).toHaveLength(3))
    const order = () => w.findAll('[data-testid^="notebook-item-"]').map((x) => x.attributes('data-testid'))
    expect(order()).toEqual(['notebook-item-q1', 'notebook-item-q2', 'notebook-item-q3'])

    await w.find('[data-testid="notebook-sort"]').setValue('recent')
    expect(order()).toEqual(['notebook-item-q2', 'notebook-item-q1', 'notebook-item-q3'])
    expect(item(w, 'q2').find('[data-testid="last-answer"]').text()).toBe('No answer given')
    expect(item(w, 'q3').find('[data-testid="last-answer"]').text()).toBe('Again')
    // A flashcard's answer is the learner's own grade, labelled so; other answers are answers.
    expect(item(w, 'q3').find('dt').text()).toBe('✗ Your last grade')
    expect(item(w, 'q2').find('dt').text()).toBe('✗ Your last answer')

    await w.find('[data-testid="notebook-filter-type"]').setValue('flashcard')
    expect(order()).toEqual(['notebook-item-q3'])
    await w.find('[data-testid="notebook-filter-type"]').setValue('')
    await w.find('[data-testid="notebook-filter-set"]').setValue('set-a')
    expect(order()).toEqual(['notebook-item-q2', 'notebook-item-q1'])
    await w.find('[data-testid="notebook-filter-tag"]').setValue('models')
    expect(order()).toEqual(['notebook-item-q2'])
  })

  it('redoes the shown mistakes as a quiz', async () => {
    await recordAnswer(db, answer({}), DEFAULT_SETTINGS)
    await recordAnswer(db, answer({ questionId: 'q3', setId: 'set-b', answer: { type: 'flashcard', grade: 1 } }), DEFAULT_SETTINGS)
    const w = mountView()
    await waitFor(() => expect(w.findAll('[data-testid^="notebook-item-"]')).toHaveLength(2))
    await w.find('[data-testid="notebook-filter-set"]').setValue('set-b')
    await w.find('[data-testid="notebook-redo"]').trigger('click')
    await waitFor(() => expect(router.currentRoute.value.path).toMatch(/^\/quiz\/[0-9a-f-]{36}$/))
    const id = router.currentRoute.value.params.attemptId as string
    const attempt = await db.attempts.get(id)
    expect(attempt?.questionIds).toEqual(['q3'])
    expect(attempt?.config.mode).toBe('practice')
    await flushPromises()
  })

  it('says why when the notebook cannot be read, and shows it after "try again"', async () => {
    const { value: w, warnings } = await whileReadsFail(async () => {
      const mounted = mountView()
      await waitFor(() => expect(mounted.find('[data-testid="read-failed"]').exists()).toBe(true))
      return mounted
    })
    // The failed reads are logged for whoever debugs a learner's device, and only they are.
    const failedReads = warnings.filter((w) => w.startsWith('live query failed'))
    expect(failedReads.length).toBeGreaterThan(0)
    for (const warning of failedReads) expect(warning).toContain('Internal error opening backing store')
    expect(w.find('[role="alert"]').text()).toContain('Your saved progress could not be read')
    expect(w.find('[data-testid="read-failed-reason"]').text()).toBe('Details: UnknownError: Internal error opening backing store')
    await w.find('[data-testid="read-retry"]').trigger('click')
    await waitFor(() => expect(w.find('[data-testid="notebook-empty"]').exists()).toBe(true))
    expect(w.find('[data-testid="read-failed"]').exists()).toBe(false)
  })
})

