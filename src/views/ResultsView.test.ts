// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { freshStoresEachTest } from '@/stores/testing'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { AttemptAnswer, AttemptRecord } from '@/domain/progress/records'
import type { Response } from '@/domain/content/response'

const fake = await vi.hoisted(async () => {
  const { L, matchingOf, orderingOf, setOf } = await import('@/domain/content/testing')
  const { mockBank } = await import('@/stores/testing')
  return mockBank([
    setOf('set-a', L('甲组', 'Set A'), [
      orderingOf('ord', L('按时间排序。', 'Put them in order.'), L('解释', 'Why'), [
        ['a', '第一', 'First'],
        ['b', '第二', 'Second'],
        ['c', '第三', 'Third'],
      ]),
      matchingOf('match', L('配对。', 'Match them.'), L('解释', 'Why'), [
        ['p', L('左一', 'Left one'), L('右一', 'Right one')],
        ['q', L('左二', 'Left two'), L('右二', 'Right two')],
      ]),
      { id: 'fc', type: 'flashcard', prompt: L('闭源', 'Closed source'), explanation: L('解释', 'Why'), back: L('不公开权重', 'Weights not published') },
      { id: 'tf', type: 'truefalse', prompt: L('千问是开源的。', 'Qwen is open source.'), explanation: L('解释', 'Why'), answer: true },
    ]),
  ])
})
vi.mock('virtual:question-bank', () => fake.bank)
vi.mock('virtual:question-index', () => fake.index)

import { i18n, setLocale } from '@/i18n'
import { useBankStore } from '@/stores/bank'
import { useQuizzesStore } from '@/stores/quizzes'
import ResultsView from './ResultsView.vue'

let router: Router
let wrapper: VueWrapper | null = null

freshStoresEachTest()
beforeEach(async () => {
  await setLocale('en')
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/quiz/new', component: { template: '<p>setup</p>' } },
      { path: '/quiz/:attemptId/results', component: ResultsView, props: true },
    ],
  })
  await router.push('/quiz/x/results')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function given(questionId: string, answer: Response, correct: boolean): AttemptAnswer {
  return { questionId, answer, correct, overridden: false, grade: correct ? 3 : 1, durationMs: 3000, reviewId: `r-${questionId}` }
}

async function showResults(answers: AttemptAnswer[]): Promise<VueWrapper> {
  await useBankStore().loadQuestions(['ord', 'match', 'fc', 'tf'])
  const attempt: AttemptRecord = {
    id: 'x',
    kind: 'quiz',
    status: 'finished',
    config: { setIds: ['set-a'], count: 'all', types: [], order: 'article', mode: 'practice', timeLimitMin: null },
    setIds: ['set-a'],
    questionIds: answers.map((a) => a.questionId),
    seed: 1,
    answers,
    startedAt: 0,
    updatedAt: 60_000,
    finishedAt: 60_000,
    deadline: null,
    correctCount: answers.filter((a) => a.correct).length,
    total: answers.length,
  }
  useQuizzesStore().results = attempt
  wrapper = mount(ResultsView, { props: { attemptId: 'x' }, global: { plugins: [i18n, router] } })
  return wrapper
}

const row = (w: VueWrapper, id: string) => w.find(`[data-testid="result-${id}"]`)
/** Each list item's text, with its mark and its spoken verdict. */
const items = (w: VueWrapper, id: string, which: 'your-answer' | 'correct-answer') =>
  row(w, id).findAll(`[data-testid="${which}"] li`).map((li) => li.text())

describe('ResultsView', () => {
  it('lists an ordering answer item by item, each marked, with the right order below it', async () => {
    const w = await showResults([given('ord', { type: 'ordering', order: ['b', 'a', 'c'] }, false)])
    expect(items(w, 'ord', 'your-answer')).toEqual(['✗Second (wrong)', '✗First (wrong)', '✓Third (right)'])
    expect(items(w, 'ord', 'correct-answer')).toEqual(['First', 'Second', 'Third'])
    expect(row(w, 'ord').find('[data-testid="your-answer"] ol').exists()).toBe(true)
    expect(row(w, 'ord').text()).not.toContain('Second → First')
  })

  it('lists matching pairs one a line, each marked, with the right pairs', async () => {
    const w = await showResults([given('match', { type: 'matching', pairs: { p: 'q', q: 'p' } }, false)])
    expect(items(w, 'match', 'your-answer')).toEqual(['✗Left one → Right two (wrong)', '✗Left two → Right one (wrong)'])
    expect(items(w, 'match', 'correct-answer')).toEqual(['Left one → Right one', 'Left two → Right two'])
  })

  it('shows a right ordering once, every item marked right', async () => {
    const w = await showResults([given('ord', { type: 'ordering', order: ['a', 'b', 'c'] }, true)])
    expect(items(w, 'ord', 'your-answer')).toEqual(['✓First (right)', '✓Second (right)', '✓Third (right)'])
    expect(row(w, 'ord').find('[data-testid="correct-answer"]').exists()).toBe(false)
  })

  it('keeps other answers on one line, and "don\'t know" as no answer', async () => {
    const w = await showResults([given('tf', { type: 'truefalse', value: false }, false), given('ord', { type: 'skip' }, false)])
    expect(row(w, 'tf').find('[data-testid="your-answer"]').text()).toBe('False')
    expect(row(w, 'tf').find('[data-testid="correct-answer"]').text()).toBe('True')
    expect(row(w, 'ord').find('[data-testid="your-answer"]').text()).toBe('No answer given')
    expect(items(w, 'ord', 'correct-answer')).toEqual(['First', 'Second', 'Third'])
  })

  it("labels a flashcard's answer as the learner's own grade", async () => {
    const w = await showResults([given('fc', { type: 'flashcard', grade: 1 }, false)])
    expect(row(w, 'fc').findAll('dt').map((dt) => dt.text())).toEqual(['Your grade', 'Correct answer'])
    expect(row(w, 'fc').find('[data-testid="your-answer"]').text()).toBe('Again')
    expect(row(w, 'fc').find('[data-testid="correct-answer"]').text()).toBe('Weights not published')
  })

  describe('explanations', () => {
    /** The screen as wide as a phone (false) or wider (true), as the results read it when they open. */
    function screenWide(wide: boolean): void {
      vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({ matches: wide, media: query }) as MediaQueryList)
    }
    afterEach(() => vi.restoreAllMocks())
    const allWrong = () => [
      given('ord', { type: 'ordering', order: ['b', 'a', 'c'] }, false),
      given('match', { type: 'matching', pairs: { p: 'q', q: 'p' } }, false),
      given('fc', { type: 'flashcard', grade: 1 }, false),
      given('tf', { type: 'truefalse', value: false }, false),
    ]
    const opened = (w: VueWrapper) =>
      w.findAll('[data-testid="result-explanation"]').map((d) => (d.element as HTMLDetailsElement).open)

    it('on a phone with more than three misses, each explanation is closed under its summary, the answers still shown', async () => {
      screenWide(false)
      const w = await showResults(allWrong())
      expect(opened(w)).toEqual([false, false, false, false])
      expect(w.findAll('[data-testid="result-explanation"] summary').map((x) => x.text())).toEqual(Array(4).fill('Why'))
      // main.css's shared fold style draws ▸ closed and ▾ open before each summary.
      expect(w.findAll('[data-testid="result-explanation"]').every((d) => d.classes().includes('fold'))).toBe(true)
      expect(row(w, 'tf').find('[data-testid="your-answer"]').text()).toBe('False')
      expect(row(w, 'tf').find('[data-testid="correct-answer"]').text()).toBe('True')
    })

    it('on a phone with three misses or fewer, the missed ones are open and the right ones closed', async () => {
      screenWide(false)
      const w = await showResults([...allWrong().slice(0, 3), given('tf', { type: 'truefalse', value: true }, true)])
      expect(opened(w)).toEqual([true, true, true, false])
    })

    it('on a wide screen every missed explanation is open', async () => {
      screenWide(true)
      const w = await showResults(allWrong())
      expect(opened(w)).toEqual([true, true, true, true])
    })
  })

  it('follows the interface language', async () => {
    await setLocale('zh')
    const w = await showResults([given('ord', { type: 'ordering', order: ['b', 'a', 'c'] }, false)])
    expect(items(w, 'ord', 'your-answer')).toEqual(['✗第二（错）', '✗第一（错）', '✓第三（对）'])
  })
})
