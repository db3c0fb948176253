// The loop in both languages: exams that behave like exams, resuming from home with the answer
// being made kept across a reload, undo on the quiz screen after a reload, and home's first
// button. Axe on each new screen and state.
import { expect, expectNoSeriousA11yViolations, gotoApp, test } from './fixtures'
import { getSet } from './helpers/bank'
import { LOCALES, t } from './helpers/i18n'
import { answer, clickNext, currentId, currentQuestion, questionCard, startQuiz, waitForNext } from './helpers/quiz'
import { laterBy, MINUTE, startClock } from './helpers/review'

for (const locale of LOCALES) {
  test.describe(`in ${locale === 'zh' ? 'Chinese' : 'English'}`, () => {
    test.use({ appLocale: locale })

    test('an exam: go back, change an answer, flag, overview, submit early naming the unanswered, and the report', async ({ page }) => {
      await startClock(page)
      await startQuiz(page, locale, { set: 'accusation', order: 'article', count: 5, mode: 'exam', timeLimit: 10, types: ['single'] })
      await expect(page.getByTestId('quiz-title')).toHaveText(t(locale, 'exam.limit', { n: 10 }))
      await expect(page.getByTestId('countdown')).toContainText(t(locale, 'quiz.timeLeft'))
      await expect(page.getByTestId('exam-prev')).toBeDisabled()
      await expectNoSeriousA11yViolations(page, `${locale}: exam question`)

      // 1 wrong, 2 flagged and left, 3 right.
      const q1 = await currentQuestion(page)
      await answer(page, q1, false)
      await waitForNext(page, q1.id)
      await expect(page.getByTestId('feedback')).toHaveCount(0)
      const q2 = await currentId(page)
      await page.getByTestId('exam-flag').click()
      await expect(page.getByTestId('exam-flag')).toHaveAttribute('aria-pressed', 'true')
      await page.getByTestId('submit').click()
      await waitForNext(page, q2)
      const q3 = await currentQuestion(page)
      await answer(page, q3, true)
      await waitForNext(page, q3.id)
      await expect(page.getByTestId('exam-summary')).toHaveText(t(locale, 'exam.summary', { answered: 2, open: 3, flagged: 1 }))
      await expect(page.getByTestId('exam-cell-2')).toHaveAccessibleName(
        t(locale, 'exam.cell', { n: 2, state: `${t(locale, 'exam.open')} · ${t(locale, 'exam.flagged')}` }),
      )

      // Back to question 1 by the overview: its answer is there, and it can be changed.
      await page.getByTestId('exam-cell-1').click()
      expect(await currentId(page)).toBe(q1.id)
      if (q1.type !== 'single') throw new Error('expected a single-choice question')
      const wrong = q1.choices.find((c) => c.id !== q1.answer)!.id
      await expect(page.getByTestId(`choice-${wrong}`).locator('input')).toBeChecked()
      await answer(page, q1, true)
      await waitForNext(page, q1.id)
      expect(await currentId(page)).toBe(q2)
      await expectNoSeriousA11yViolations(page, `${locale}: exam overview, answered, unanswered and flagged`)

      // Submit early: the confirmation names the unanswered questions.
      await page.getByTestId('hand-in-early').click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toContainText(t(locale, 'exam.confirmSome', { n: 3, list: [2, 4, 5].join(t(locale, 'exam.listSep')) }))
      await expectNoSeriousA11yViolations(page, `${locale}: exam submit confirmation`)
      await dialog.getByTestId('confirm-cancel').click()
      await expect(dialog).toBeHidden()
      await page.getByTestId('hand-in-early').click()
      await page.getByRole('dialog').getByTestId('confirm-ok').click()

      await page.waitForURL(/\/results$/)
      await expect(page.getByTestId('result-score')).toHaveText(t(locale, 'results.score', { correct: 2, total: 5 }))
      await expect(page.getByTestId('result-time')).toBeVisible()
      await expect(page.getByTestId('time-up')).toHaveCount(0)
      const row = page.getByTestId(`result-${q1.id}`)
      await expect(row).toContainText(t(locale, 'quiz.correct'))
      const missed = page.getByTestId(`result-${q2}`)
      await expect(missed).toContainText(t(locale, 'quiz.empty'))
      await expect(missed.getByTestId('evidence')).toBeVisible()
      await expect(page.getByTestId('retry-missed')).toContainText(t(locale, 'punct.paren', { n: 3 }).trim())
      await expectNoSeriousA11yViolations(page, `${locale}: exam report`)
    })

    test('an exam without a time limit shows the time used; the last button submits', async ({ page }) => {
      await startQuiz(page, locale, { set: 'history', order: 'article', count: 5, mode: 'exam', types: ['single', 'truefalse'] })
      await expect(page.getByTestId('quiz-title')).toHaveText(t(locale, 'exam.noLimit'))
      await expect(page.getByTestId('countdown')).toContainText(t(locale, 'exam.elapsed'))
      for (let i = 0; i < 4; i++) {
        const q = await currentQuestion(page)
        await answer(page, q, true)
        await waitForNext(page, q.id)
      }
      const last = await currentQuestion(page)
      if (last.type === 'single') await page.getByTestId(`choice-${last.answer}`).click()
      else if (last.type === 'truefalse') await page.getByTestId(`choice-${String(last.answer)}`).click()
      await page.getByTestId('hand-in').click()
      await expect(page.getByRole('dialog')).toContainText(t(locale, 'exam.confirmAll', { n: 5 }))
      await page.getByRole('dialog').getByTestId('confirm-ok').click()
      await page.waitForURL(/\/results$/)
      await expect(page.getByTestId('result-score')).toHaveText(t(locale, 'results.score', { correct: 5, total: 5 }))
    })

    test('home offers the unfinished quiz; the picked choice survives a reload; undo works after it', async ({ page }) => {
      const attemptId = await startQuiz(page, locale, { set: 'routes', order: 'article', count: 5, types: ['single'] })
      const q1 = await currentQuestion(page)
      await answer(page, q1, true)
      await clickNext(page)
      const q2 = await currentQuestion(page)
      if (q2.type !== 'single') throw new Error('expected a single-choice question')
      await page.getByTestId(`choice-${q2.answer}`).click()
      await page.reload()
      await expect(questionCard(page)).toBeVisible()
      await expect(page.getByTestId(`choice-${q2.answer}`).locator('input')).toBeChecked()

      await gotoApp(page, '/')
      const title = getSet('routes').title[locale]
      await expect(page.getByTestId('continue')).toContainText(t(locale, 'home.continue', { set: title, k: 1, n: 5 }))
      await expectNoSeriousA11yViolations(page, `${locale}: home with an unfinished quiz`)
      await page.getByTestId('continue').click()
      await expect(page).toHaveURL(new RegExp(`/quiz/${attemptId}$`))
      await expect(page.getByTestId(`choice-${q2.answer}`).locator('input')).toBeChecked()

      // The last answer can still be taken back after the reload, by a button.
      await page.getByTestId('undo').click()
      await expect(page.getByTestId('progress-label')).toHaveText(t(locale, 'quiz.progress', { k: 1, n: 5 }))
      expect(await currentId(page)).toBe(q1.id)
      await expect(page.getByTestId('undo')).toBeDisabled()
      await expectNoSeriousA11yViolations(page, `${locale}: quiz after undo`)
    })

    test('typed text not yet submitted survives a reload', async ({ page }) => {
      await startQuiz(page, locale, { set: 'accusation', order: 'article', count: 5, types: ['blank'] })
      await page.getByTestId('typed-answer').fill('半句答案')
      await page.reload()
      await expect(page.getByTestId('typed-answer')).toHaveValue('半句答案')
      await page.getByTestId('submit').click()
      await expect(page.getByTestId('feedback')).toBeVisible()
      await page.reload()
      // Once submitted the draft is gone: the next question starts empty.
      await expect(page.getByTestId('typed-answer')).toHaveValue('')
    })

    test('the notebook card opens to the explanation and the evidence; tags in the interface language', async ({ page }) => {
      await startQuiz(page, locale, { set: 'argument', order: 'article', count: 5, types: ['single'] })
      const q = await currentQuestion(page)
      await answer(page, q, false)
      await expect(page.getByTestId('feedback')).toBeVisible()
      await gotoApp(page, '/notebook')
      const item = page.getByTestId(`notebook-item-${q.id}`)
      for (const tag of q.tags ?? []) await expect(item).toContainText(`#${t(locale, `tags.${tag}`)}`)
      await item.getByText(t(locale, 'notebook.why')).click()
      await expect(item.getByTestId('notebook-explanation')).toHaveText(q.explanation[locale])
      await expect(item.getByTestId('evidence')).toBeVisible()
      await expectNoSeriousA11yViolations(page, `${locale}: notebook card opened`)
    })

    test.describe('on a 360px phone', () => {
      test.use({ viewport: { width: 360, height: 640 } })

      test('feedback first: the verdict shows without scrolling and Next stays in reach; matching feedback marks the wrong pairs', async ({ page }) => {
        await startQuiz(page, locale, { set: 'routes', order: 'article', count: 5, types: ['matching'] })
        const q = await currentQuestion(page)
        await answer(page, q, false)
        await expect(page.getByTestId('verdict')).toBeInViewport()
        await expect(page.getByTestId('next')).toBeInViewport()
        await expect(page.getByTestId('next')).toBeFocused()
        await expect(page.getByTestId('your-answer').locator('li.bad')).toHaveCount(2)
        await expectNoSeriousA11yViolations(page, `${locale}: feedback on a phone`)
      })
    })

    test("home's first button says what it will do", async ({ page }) => {
      await startClock(page)
      await gotoApp(page, '/')
      await expect(page.getByTestId('start-review')).toHaveText(t(locale, 'home.learnNew', { n: 20 }))
      await expect(page.getByTestId('continue')).toHaveCount(0)
      await expectNoSeriousA11yViolations(page, `${locale}: home, nothing due`)

      // One question missed in a quiz: a few minutes later it is due.
      await startQuiz(page, locale, { set: 'figures', order: 'article', count: 5 })
      await answer(page, await currentQuestion(page), false)
      await expect(page.getByTestId('feedback')).toBeVisible()
      await page.getByTestId('leave').click()
      await page.getByRole('dialog').getByTestId('confirm-ok').click()
      await laterBy(page, 15 * MINUTE)
      await gotoApp(page, '/')
      await expect(page.getByTestId('start-review')).toHaveText(t(locale, 'home.reviewN', { n: 1 }))
      await expect(page.getByTestId('continue')).toBeVisible()
    })
  })
}
