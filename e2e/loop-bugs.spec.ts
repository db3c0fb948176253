// The learner's loop where it used to go wrong: article order, the exam clock while away, a
// matching click, the notebook's two days, the time studied, chart labels on a phone, and the
// quiz/results redirect after the last answer and a reload.
import type { Page } from '@playwright/test'
import { expect, gotoApp, test } from './fixtures'
import { articleOrder } from './helpers/bank'
import { t } from './helpers/i18n'
import { answer, currentId, currentQuestion, questionCard, startQuiz, waitForNext } from './helpers/quiz'
import { waitForServiceWorker } from './helpers/offline'
import { DAY, laterBy, notebookItem, openNotebook, startClock } from './helpers/review'

/** Passes on the question on screen ("don't know"), then moves on. */
async function skip(page: Page): Promise<void> {
  const id = await currentId(page)
  await page.getByTestId('dont-know').click()
  await page.getByTestId('next').click()
  await waitForNext(page, id)
}

async function goHome(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: t('zh', 'nav.home') }).click()
  await expect(page.getByRole('heading', { level: 1, name: t('zh', 'home.title') })).toBeVisible()
}

test('article order follows the paragraphs the questions cite', async ({ page }) => {
  const expected = articleOrder('accusation')
  await startQuiz(page, 'zh', { set: 'accusation', order: 'article', count: 'all' })
  const seen: string[] = []
  for (let i = 0; i < expected.length; i++) {
    seen.push(await currentId(page))
    await skip(page)
  }
  expect(seen).toEqual(expected)
})

test.describe('a timed exam', () => {
  test('its clock runs while the learner is away; at the deadline it is submitted, and time used stops at the limit', async ({ page }) => {
    await startClock(page)
    const attemptId = await startQuiz(page, 'zh', { set: 'accusation', order: 'article', count: 5, mode: 'exam', timeLimit: 5 })
    const q = await currentQuestion(page)
    await answer(page, q, true)
    await waitForNext(page, q.id)
    await goHome(page)
    await laterBy(page, 10 * 60_000)

    await page.goto(`/quiz/${attemptId}`)
    await page.waitForURL(new RegExp(`/quiz/${attemptId}/results`))
    await expect(page.getByText(t('zh', 'quiz.timeUp'))).toBeVisible()
    await expect(page.getByText(t('zh', 'results.time', { time: '5:00' }))).toBeVisible()
    await expect(page.getByTestId('result-score')).toHaveText(t('zh', 'results.score', { correct: 1, total: 5 }))
  })

  test('offline and on another screen, it is submitted at the deadline', async ({ page, context }) => {
    await startClock(page)
    const attemptId = await startQuiz(page, 'zh', { set: 'routes', order: 'article', count: 5, mode: 'exam', timeLimit: 5 })
    // Offline, the results screen comes from the service worker: a learner's second visit has it.
    await waitForServiceWorker(page)
    await goHome(page)
    await context.setOffline(true)
    await laterBy(page, 6 * 60_000)
    // Home no longer offers to continue it: it is over.
    await expect(page.getByTestId('continue')).toHaveCount(0)
    await page.goto(`/quiz/${attemptId}/results`)
    await expect(page.getByText(t('zh', 'results.time', { time: '5:00' }))).toBeVisible()
    await expect(page.getByText(t('zh', 'quiz.timeUp'))).toBeVisible()
  })
})

test('matching: a click on a left item always selects it', async ({ page }) => {
  await startQuiz(page, 'zh', { set: 'accusation', order: 'article', count: 'all', types: ['matching'] })
  const q = await currentQuestion(page)
  if (q.type !== 'matching') throw new Error('expected a matching question')
  const [a, b] = q.pairs
  await page.getByTestId(`left-${a!.id}`).click()
  await page.getByTestId(`right-${a!.id}`).click()
  // Whatever is selected now, clicking the next item, as the hint says, selects it.
  const next = page.getByTestId(`left-${b!.id}`)
  await next.click()
  await expect(next).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId(`right-${b!.id}`)).toBeEnabled()
  await next.click()
  await expect(next).toHaveAttribute('aria-pressed', 'true')
})

test('the notebook clears a mistake only after right answers on two different days', async ({ page }) => {
  await startClock(page)
  await startQuiz(page, 'zh', { set: 'history', order: 'article', count: 5, types: ['single'] })
  const q = await currentQuestion(page)
  await answer(page, q, false)
  await expect(page.getByTestId('feedback')).toBeVisible()
  // Redo it right twice within seconds: remembered for a moment, not yet learned.
  for (let i = 0; i < 2; i++) {
    await openNotebook(page)
    await page.getByTestId('notebook-redo').click()
    await expect(questionCard(page)).toBeVisible()
    await answer(page, q, true)
    await expect(page.getByTestId('feedback')).toBeVisible()
  }
  await openNotebook(page)
  await expect(page.getByText(t('zh', 'notebook.intro', { n: 2 }))).toBeVisible()
  await expect(notebookItem(page, q.id)).toBeVisible()

  // Days later, when its review is due, one more right answer clears it.
  await laterBy(page, 2 * DAY)
  await openNotebook(page)
  await page.getByTestId('notebook-redo').click()
  await answer(page, q, true)
  await expect(page.getByTestId('feedback')).toBeVisible()
  await openNotebook(page)
  await expect(notebookItem(page, q.id)).toHaveCount(0)
  await expect(page.getByText(t('zh', 'notebook.allCleared', { n: 1 }))).toBeVisible()
})

test('time studied counts the time between answers, reading feedback included', async ({ page }) => {
  await startClock(page)
  await startQuiz(page, 'zh', { set: 'figures', order: 'article', count: 5 })
  for (let i = 0; i < 4; i++) {
    const q = await currentQuestion(page)
    await answer(page, q, true)
    await expect(page.getByTestId('feedback')).toBeVisible()
    // Reading the explanation and the evidence.
    await laterBy(page, 60_000)
    await page.getByTestId('next').click()
    await waitForNext(page, q.id)
  }
  await gotoApp(page, '/stats')
  await expect(page.getByTestId('time-studied')).toHaveText(t('zh', 'interval.min', { n: 3 }))
})

test.describe('on a 360px phone', () => {
  test.use({ viewport: { width: 360, height: 780 } })

  test('every chart label is at least 12px and the page is no wider than the phone', async ({ page }) => {
    await startQuiz(page, 'zh', { set: 'figures', order: 'article', count: 5 })
    await answer(page, await currentQuestion(page), true)
    await expect(page.getByTestId('feedback')).toBeVisible()
    await gotoApp(page, '/stats')
    await expect(page.getByTestId('heatmap')).toBeVisible()
    const sizes = await page.locator('[data-testid="heatmap"] svg text, [data-testid="forecast"] svg text').evaluateAll((els) =>
      els.map((el) => {
        const g = el as SVGGraphicsElement
        const scale = g.getScreenCTM()?.a ?? 1
        return { text: el.textContent, px: Math.round(parseFloat(getComputedStyle(el).fontSize) * scale * 10) / 10 }
      }),
    )
    expect(sizes.length).toBeGreaterThan(3)
    expect(sizes.filter((s) => s.px < 12)).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  })
})

test('after the last answer, a reload shows the results, not a loop', async ({ page }) => {
  const attemptId = await startQuiz(page, 'zh', { set: 'argument', order: 'article', count: 5 })
  for (let i = 0; i < 4; i++) await skip(page)
  await answer(page, await currentQuestion(page), true)
  await expect(page.getByTestId('feedback')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('result-score')).toHaveText(t('zh', 'results.score', { correct: 1, total: 5 }))
  await expect(page).toHaveURL(new RegExp(`/quiz/${attemptId}/results$`))
  // Asking for the quiz again leads to its results too.
  await page.goto(`/quiz/${attemptId}`)
  await expect(page.getByTestId('result-score')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/quiz/${attemptId}/results$`))
})
