// Spaced repetition end to end, with the browser's clock moved on day by day: a wrong answer goes
// into the mistake notebook and comes back in the next day's review, right answers on later
// reviews clear it, the grade buttons show their intervals, undo takes an answer back, a backup
// survives a reset, the stats count what was done, and axe passes on the review, notebook, stats
// and settings screens in both themes.
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import type { Question } from '../src/domain/content/schema'
import { expect, expectNoSeriousA11yViolations, gotoApp, switchLocale, test } from './fixtures'
import { t } from './helpers/i18n'
import {
  DAY,
  DAY_ONE,
  expectRemaining,
  gradeLabels,
  intervalMs,
  laterBy,
  notebookItem,
  openNotebook,
  openReview,
  openStats,
  startClock,
} from './helpers/review'
import { answer, clickNext, currentId, currentQuestion, expectCorrectAnswer, expectedCorrect, questionCard, startQuiz } from './helpers/quiz'

/** New questions a review may introduce per day (the default setting). */
const NEW_PER_DAY = 20
/** Right answers in a row that clear a mistake (the default setting). */
const CLEAR_STREAK = 2

interface Answered {
  q: Question
  right: boolean
  /** The learner's answer as the feedback put it ('' when right). */
  yourAnswer: string
}

/**
 * A practice quiz on the first questions of "figures", in article order, answered as `plan`
 * says; the quiz is left unfinished. Returns each question with what the feedback called the
 * learner's answer.
 */
async function quizFigures(page: Page, plan: boolean[]): Promise<Answered[]> {
  await startQuiz(page, 'zh', { set: 'figures', order: 'article', count: 5 })
  const done: Answered[] = []
  for (const [i, right] of plan.entries()) {
    const q = await currentQuestion(page)
    await answer(page, q, right)
    await expect(page.getByTestId('verdict')).toContainText(t('zh', right ? 'quiz.correct' : 'quiz.wrong'))
    const mine = page.getByTestId('your-answer')
    done.push({ q, right, yourAnswer: right ? '' : await answerAsWritten(mine, q) })
    if (i < plan.length - 1) await clickNext(page)
  }
  return done
}

/**
 * The learner's answer as the notebook writes it. An ordering or matching answer is a list there
 * as in the feedback, item by item with its mark and its spoken verdict; read from the feedback's
 * list the same way (mark, text, verdict), without the feedback's line breaks.
 */
async function answerAsWritten(mine: Locator, q: Question): Promise<string> {
  if (q.type !== 'ordering' && q.type !== 'matching') return (await mine.innerText()).trim()
  const items = await mine.locator('li').evaluateAll((lis) =>
    lis.map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim().replace(/^([✓✗]) /, '$1')),
  )
  return items.join('')
}

/** Answers the question on screen in a review and waits for its verdict. */
async function reviewAnswer(page: Page, right: boolean): Promise<Question> {
  const q = await currentQuestion(page)
  await answer(page, q, right)
  await expect(page.getByTestId('verdict')).toContainText(t('zh', right ? 'quiz.correct' : 'quiz.wrong'))
  return q
}

test.describe('mistakes and review over several days', () => {
  test('a wrong answer goes into the notebook, returns the next day, and two right reviews clear it', async ({ page }) => {
    await startClock(page)
    const [{ q, yourAnswer }] = (await quizFigures(page, [false])) as [Answered]
    expect(yourAnswer).not.toBe('')
    expect(yourAnswer).not.toBe(expectedCorrect(q, 'zh'))

    await test.step('the notebook holds it with its miss count and the last wrong answer', async () => {
      await openNotebook(page)
      await expect(page.locator('#notebook-title + p')).toHaveText(t('zh', 'notebook.intro', { n: CLEAR_STREAK }))
      await expect(page.getByTestId('notebook-tab-active')).toHaveText(t('zh', 'notebook.active', { n: 1 }))
      const item = notebookItem(page, q.id)
      await expect(item.getByRole('heading')).toHaveText(q.prompt.zh)
      await expect(item.getByTestId('miss-count')).toHaveText(t('zh', 'notebook.missed', { n: 1 }))
      await expect(item.getByTestId('last-answer')).toHaveText(yourAnswer)
      await expectCorrectAnswer(item.getByTestId('correct-answer'), q, 'zh')
      await expect(item.getByTestId('streak')).toHaveText(t('zh', 'notebook.streak', { k: 0, n: CLEAR_STREAK }))
    })

    await test.step('the next day it is the one question due, first in the review', async () => {
      await laterBy(page, DAY)
      await openReview(page)
      await expect(page.getByTestId('nav-due')).toHaveText('1')
      await expectRemaining(page, 'zh', 1, NEW_PER_DAY)
      expect(await currentId(page)).toBe(q.id)
      await reviewAnswer(page, true)
      await expectRemaining(page, 'zh', 0, NEW_PER_DAY)
      // Answered right, it comes back later (the next learning step), not now.
      await expect(page.getByTestId('nav-due')).toHaveCount(0)
    })

    await test.step('one right answer is not enough to clear it', async () => {
      await openNotebook(page)
      const item = notebookItem(page, q.id)
      await expect(item.getByTestId('streak')).toHaveText(t('zh', 'notebook.streak', { k: 1, n: CLEAR_STREAK }))
      await expect(item.getByTestId('miss-count')).toHaveText(t('zh', 'notebook.missed', { n: 1 }))
    })

    await test.step('the day after, a second right answer clears it', async () => {
      await laterBy(page, DAY)
      await openReview(page)
      expect(await currentId(page)).toBe(q.id)
      await expectRemaining(page, 'zh', 1, NEW_PER_DAY)
      await reviewAnswer(page, true)

      await openNotebook(page)
      await expect(page.getByTestId('notebook-tab-active')).toHaveText(t('zh', 'notebook.active', { n: 0 }))
      await expect(page.getByTestId('notebook-tab-cleared')).toHaveText(t('zh', 'notebook.cleared', { n: 1 }))
      await expect(notebookItem(page, q.id)).toHaveCount(0)
      await expect(page.getByTestId('notebook-empty')).toBeVisible()

      await page.getByTestId('notebook-tab-cleared').click()
      await expect(page.getByTestId('notebook-tab-cleared')).toHaveAttribute('aria-pressed', 'true')
      const item = notebookItem(page, q.id)
      await expect(item).toContainText(t('zh', 'notebook.clearedOn', { when: '' }).trim())
      await expect(item.getByTestId('miss-count')).toHaveText(t('zh', 'notebook.missed', { n: 1 }))
      await expect(item.getByTestId('last-answer')).toHaveText(yourAnswer)
      await expect(item.getByTestId('notebook-restore')).toBeVisible()
    })
  })
})

test.describe('grade buttons', () => {
  test('the four grades show their next intervals, Again < Hard < Good < Easy, for a new and a learned card', async ({ page }) => {
    await startClock(page)
    await startQuiz(page, 'zh', { set: 'accusation', order: 'article', count: 'all', types: ['flashcard'] })
    const card = await currentQuestion(page)
    expect(card.type).toBe('flashcard')
    await page.getByTestId('reveal').click()
    await expect(page.getByTestId('flashcard-back')).toBeVisible()

    await test.step('a new card: the learning steps (1 min, 10 min) and days for Easy', async () => {
      const labels = await gradeLabels(page)
      const ms = labels.map((label) => intervalMs('zh', label))
      expect(new Set(labels).size, `labels ${labels.join(' / ')}`).toBe(4)
      expect(ms, `labels ${labels.join(' / ')}`).toEqual([...ms].sort((a, b) => a - b))
      // Again and Good follow the default learning steps; Easy skips them.
      expect(labels[0]).toBe(t('zh', 'interval.min', { n: 1 }))
      expect(labels[2]).toBe(t('zh', 'interval.min', { n: 10 }))
      expect(ms[3]).toBeGreaterThanOrEqual(DAY)
    })

    await page.getByTestId('grade-3').click()
    await expect(page.getByTestId('verdict')).toBeVisible()

    await test.step('the next day, in English: minutes for Again, days for Good and Easy', async () => {
      await laterBy(page, DAY)
      await openReview(page)
      expect(await currentId(page)).toBe(card.id)
      await switchLocale(page, 'en')
      await page.getByTestId('reveal').click()
      const labels = await gradeLabels(page)
      for (const label of labels) expect(label).toMatch(/^\d+(\.\d+)? (min|h|d|mo|y)$/)
      const ms = labels.map((label) => intervalMs('en', label))
      expect(new Set(labels).size, `labels ${labels.join(' / ')}`).toBe(4)
      expect(ms, `labels ${labels.join(' / ')}`).toEqual([...ms].sort((a, b) => a - b))
      expect(labels[0]).toBe('1 min')
      expect(ms[2]).toBeGreaterThanOrEqual(DAY)

      await page.getByTestId('grade-4').click()
      await expect(page.getByTestId('verdict')).toBeVisible()
      // Easy sends it days away: nothing is due any more.
      await expect(page.getByTestId('nav-due')).toHaveCount(0)
    })
  })
})

test.describe('undo', () => {
  test('undo by button and by Ctrl+Z brings the question back and restores the due count and the notebook', async ({
    page,
    context,
  }) => {
    await startClock(page)
    const [{ q }] = (await quizFigures(page, [false])) as [Answered]
    await laterBy(page, DAY)
    await openReview(page)
    expect(await currentId(page)).toBe(q.id)
    await expect(page.getByTestId('nav-due')).toHaveText('1')
    await expect(page.getByTestId('undo')).toBeDisabled()

    // A second tab on the notebook, reloaded to see what the review did to the entry.
    const notebook = await context.newPage()
    const expectEntry = async (misses: number, streak: number) => {
      await openNotebook(notebook)
      const item = notebookItem(notebook, q.id)
      await expect(item.getByTestId('miss-count')).toHaveText(t('zh', 'notebook.missed', { n: misses }))
      await expect(item.getByTestId('streak')).toHaveText(t('zh', 'notebook.streak', { k: streak, n: CLEAR_STREAK }))
    }
    const expectBack = async () => {
      await expect(questionCard(page)).toHaveAttribute('data-qid', q.id)
      await expect(page.getByTestId('feedback')).toHaveCount(0)
      // Unanswered again: a check button, or for a flashcard (the quiz picks its five at random) the reveal.
      await expect(page.getByTestId('submit').or(page.getByTestId('reveal'))).toBeVisible()
      await expectRemaining(page, 'zh', 1, NEW_PER_DAY)
      await expect(page.getByTestId('nav-due')).toHaveText('1')
    }
    await expectEntry(1, 0)

    await test.step('Ctrl+Z on the next question takes back a right answer', async () => {
      await reviewAnswer(page, true)
      await expect(page.getByTestId('nav-due')).toHaveCount(0)
      await expectEntry(1, 1)
      await clickNext(page)
      expect(await currentId(page)).not.toBe(q.id)
      await expect(page.getByTestId('undo')).toBeEnabled()
      await page.keyboard.press('Control+z')
      await expectBack()
      // Only one answer was given: there is nothing more to undo.
      await expect(page.getByTestId('undo')).toBeDisabled()
      await expectEntry(1, 0)
    })

    await test.step('the Undo button during the feedback takes back a wrong answer', async () => {
      await reviewAnswer(page, false)
      await expectEntry(2, 0)
      await page.getByTestId('undo').click()
      await expectBack()
      await expect(page.getByText(t('zh', 'review.undone'))).toBeAttached()
      await expectEntry(1, 0)
    })

    // Undone answers leave no trace in the stats: only the quiz's answer counts.
    await openStats(notebook)
    await expect(notebook.getByTestId('total-reviews')).toHaveText('1')
  })
})

test.describe('backup', () => {
  test('export, reset, then import the file gives everything back', async ({ page }, testInfo) => {
    await startClock(page)
    const done = await quizFigures(page, [false, true, true])
    const missed = done[0]!

    const expectProgress = async () => {
      await openNotebook(page)
      const item = notebookItem(page, missed.q.id)
      await expect(item.getByTestId('miss-count')).toHaveText(t('zh', 'notebook.missed', { n: 1 }))
      await expect(item.getByTestId('last-answer')).toHaveText(missed.yourAnswer)
      await expect(page.locator('[data-testid^="notebook-item-"]')).toHaveCount(1)
      await openStats(page)
      await expect(page.getByTestId('total-reviews')).toHaveText(String(done.length))
      // The per-day figures are not in the file: an import must count them again from the log.
      const right = done.filter((x) => x.right).length
      await expect(page.getByTestId('set-row-figures').getByTestId('set-accuracy')).toContainText(t('zh', 'punct.count', { done: right, total: done.length }))
      const heatmap = page.getByTestId('heatmap')
      await heatmap.locator('summary').click()
      await expect(heatmap.locator('tbody td')).toHaveText([String(done.length)])
    }
    await expectProgress()

    const file = testInfo.outputPath('backup.json')
    await test.step('export', async () => {
      await gotoApp(page, '/settings')
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-progress').click()])
      // Named by the (browser clock's) local date.
      expect(download.suggestedFilename()).toBe('qwen-study-backup-2025-03-03.json')
      await download.saveAs(file)
      await expect(page.getByTestId('backup-status')).toHaveText(t('zh', 'settings.exported', { file: download.suggestedFilename() }))
      const backup = JSON.parse(await readFile(file, 'utf8')) as { format: string; reviews: unknown[]; notebook: { questionId: string }[] }
      expect(backup.format).toBe('qwen-study-backup')
      expect(backup.reviews).toHaveLength(done.length)
      expect(backup.notebook.map((e) => e.questionId)).toEqual([missed.q.id])
    })

    await test.step('reset, after confirming', async () => {
      await page.getByTestId('reset-progress').click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toBeVisible()
      await expect(dialog).toContainText(t('zh', 'settings.resetConfirm'))
      await dialog.getByTestId('confirm-ok').click()
      await expect(dialog).toBeHidden()
      await expect(page.getByTestId('backup-status')).toHaveText(t('zh', 'settings.resetDone'))
      await openNotebook(page)
      await expect(page.getByTestId('notebook-empty')).toBeVisible()
      await expect(notebookItem(page, missed.q.id)).toHaveCount(0)
      await openStats(page)
      await expect(page.getByTestId('stats-empty')).toBeVisible()
    })

    await test.step('import the file into the empty app', async () => {
      await gotoApp(page, '/settings')
      await page.getByTestId('import-progress').setInputFiles(file)
      await expect(page.getByTestId('backup-status')).toHaveText(t('zh', 'settings.imported'))
      await expectProgress()
    })

    await test.step('importing it again and merging adds nothing twice', async () => {
      await gotoApp(page, '/settings')
      await page.getByTestId('import-progress').setInputFiles(file)
      await expect(page.getByRole('dialog')).toContainText(t('zh', 'settings.importMode'))
      await page.getByTestId('import-merge').click()
      await expect(page.getByTestId('backup-status')).toHaveText(t('zh', 'settings.imported'))
      await expectProgress()
    })
  })
})

test.describe('stats', () => {
  test('the stats count the answers of each day, the retention, and what falls due', async ({ page }) => {
    await startClock(page)
    const dayOne = await quizFigures(page, [false, true, false, true, true])
    const studied = new Set(dayOne.map((x) => x.q.id))

    // The next day: review until two of yesterday's questions were answered (right, then wrong),
    // answering any new question in between right.
    await laterBy(page, DAY)
    await openReview(page)
    const plan = [true, false]
    let dayTwo = 0
    for (let seenDue = 0; seenDue < plan.length; ) {
      const id = await currentId(page)
      const due = studied.has(id)
      await reviewAnswer(page, due ? plan[seenDue++]! : true)
      studied.add(id)
      dayTwo++
      if (seenDue < plan.length) await clickNext(page)
    }

    await openStats(page)
    const total = dayOne.length + dayTwo
    await expect(page.getByTestId('total-reviews')).toHaveText(String(total))
    // Retention counts the day's first review of questions seen before: one of the two passed.
    await expect(page.getByTestId('retention')).toHaveText('50%')
    await expect(page.getByText(t('zh', 'stats.retentionOf', { passed: 1, total: 2 }))).toBeVisible()
    // figures: 3 of 5 on the first day, then one right and one wrong.
    await expect(page.getByTestId('set-row-figures').getByTestId('set-accuracy')).toContainText(t('zh', 'punct.count', { done: 4, total: 7 }))

    const heatmap = page.getByTestId('heatmap')
    await expect(heatmap.locator('svg[role="img"]')).toBeVisible()
    await heatmap.locator('summary').click()
    // Newest day first, days without reviews left out.
    await expect(heatmap.locator('tbody td')).toHaveText([String(dayTwo), String(dayOne.length)])

    const forecast = page.getByTestId('forecast')
    await expect(forecast.locator('svg[role="img"]')).toBeVisible()
    await forecast.locator('summary').click()
    // Every question studied so far comes back within the month (they are all young).
    const counts = await forecast.locator('tbody td').allInnerTexts()
    expect(counts.reduce((n, c) => n + Number(c), 0)).toBe(studied.size)
    // The one answered wrong today is due again today.
    expect(Number(counts[0])).toBeGreaterThanOrEqual(1)
  })
})

for (const theme of ['light', 'dark'] as const) {
  test.describe(`review screens in the ${theme} theme`, () => {
    test.use({ appTheme: theme, colorScheme: theme })

    test('review, notebook, stats and settings have no serious axe violations', async ({ page }) => {
      test.setTimeout(120_000)
      await startClock(page, DAY_ONE)

      await test.step('empty', async () => {
        await openNotebook(page)
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
        await expect(page.getByTestId('notebook-empty')).toBeVisible()
        await expectNoSeriousA11yViolations(page, `empty notebook (${theme})`)
        await openStats(page)
        await expect(page.getByTestId('stats-empty')).toBeVisible()
        await expectNoSeriousA11yViolations(page, `empty stats (${theme})`)
      })

      await quizFigures(page, [false, true])
      await laterBy(page, DAY)

      await test.step('review', async () => {
        await openReview(page)
        await expectNoSeriousA11yViolations(page, `review, answering (${theme})`)
        await reviewAnswer(page, false)
        await expectNoSeriousA11yViolations(page, `review, feedback (${theme})`)
      })

      await test.step('notebook', async () => {
        await openNotebook(page)
        await expect(page.locator('[data-testid^="notebook-item-"]')).not.toHaveCount(0)
        await expectNoSeriousA11yViolations(page, `notebook (${theme})`)
        await page.locator('[data-testid^="notebook-item-"]').first().getByTestId('notebook-clear').click()
        await page.getByTestId('notebook-tab-cleared').click()
        await expect(page.getByTestId('notebook-restore').first()).toBeVisible()
        await expectNoSeriousA11yViolations(page, `notebook, cleared (${theme})`)
      })

      await test.step('stats', async () => {
        await openStats(page)
        await expect(page.getByTestId('total-reviews')).toBeVisible()
        for (const summary of await page.locator('details summary').all()) await summary.click()
        await expectNoSeriousA11yViolations(page, `stats (${theme})`)
      })

      await test.step('settings', async () => {
        await gotoApp(page, '/settings')
        await expect(page.getByTestId('export-progress')).toBeVisible()
        await expectNoSeriousA11yViolations(page, `settings (${theme})`)
        await page.getByTestId('reset-progress').click()
        await expect(page.getByRole('dialog')).toBeVisible()
        await expectNoSeriousA11yViolations(page, `settings, reset dialog (${theme})`)
        await page.getByRole('dialog').getByTestId('confirm-cancel').click()
        await expect(page.getByRole('dialog')).toBeHidden()
      })
    })
  })
}

test.describe('end of a review', () => {
  test('with no new questions allowed, the review ends, says when the next is due, and can still undo', async ({ page }) => {
    await startClock(page)
    const [{ q }] = (await quizFigures(page, [false])) as [Answered]

    await gotoApp(page, '/settings')
    await page.getByTestId('settings-new-per-day').fill('0')
    await page.getByTestId('settings-save').click()
    await expect(page.getByTestId('settings-status')).toHaveText(t('zh', 'settings.saved'))

    await laterBy(page, DAY)
    await openReview(page)
    await expectRemaining(page, 'zh', 1, 0)
    expect(await currentId(page)).toBe(q.id)
    await reviewAnswer(page, true)
    await page.getByTestId('next').click()

    const done = page.getByTestId('review-done')
    await expect(done).toBeVisible()
    // The mistake answered right comes back after its relearning step, later today: done for now.
    await expect(done.getByRole('heading', { level: 2 })).toContainText(t('zh', 'review.doneForNow'))
    const [before] = t('zh', 'review.doneNext', { when: '\u0000' }).split('\u0000') as [string]
    await expect(page.getByTestId('next-review')).toContainText(before)
    await expectNoSeriousA11yViolations(page, 'review, done')

    await done.getByTestId('undo').click()
    await expect(questionCard(page)).toHaveAttribute('data-qid', q.id)
    await expectRemaining(page, 'zh', 1, 0)
    await expect(page.getByTestId('nav-due')).toHaveText('1')
  })
})

test.describe('a review of one set', () => {
  test('the set chosen on the screen or in the address limits the review, and "all sets" lifts the limit', async ({ page }) => {
    await startClock(page)
    const [{ q }] = (await quizFigures(page, [false])) as [Answered]
    expect(q.id.startsWith('figures-')).toBe(true)
    await laterBy(page, DAY)

    await test.step('from the address: a set with nothing due offers only its new questions', async () => {
      await openReview(page, '?set=history')
      await expect(page.getByTestId('review-scope')).toHaveValue('history')
      await expectRemaining(page, 'zh', 0, NEW_PER_DAY)
      expect(await currentId(page)).toMatch(/^history-/)
    })

    await test.step('chosen on the screen: the missed question of that set comes first', async () => {
      await page.getByTestId('review-scope').selectOption('figures')
      await expect(page).toHaveURL(/\?set=figures$/)
      await expectRemaining(page, 'zh', 1, NEW_PER_DAY)
      expect(await currentId(page)).toBe(q.id)
    })

    await test.step('all sets again, then in from home by the header link', async () => {
      await page.getByTestId('review-scope').selectOption('')
      await expect(page).toHaveURL(/\/review$/)
      await expectRemaining(page, 'zh', 1, NEW_PER_DAY)
      const nav = page.getByRole('navigation', { name: t('zh', 'nav.main') })
      await nav.getByRole('link', { name: t('zh', 'nav.home') }).click()
      await expect(page.getByTestId('set-card-figures')).toBeVisible()
      await nav.getByRole('link', { name: t('zh', 'nav.review') }).click()
      await expect(questionCard(page)).toHaveAttribute('data-qid', q.id)
      await expect(page.getByTestId('review-scope')).toHaveValue('')
    })
  })
})

for (const theme of ['light', 'dark'] as const) {
  test.describe(`a review that cannot be read, ${theme} theme`, () => {
    test.use({ appTheme: theme, colorScheme: theme })

    test('the review and the stats say why, keep what was saved, and open on "try again"', async ({ page }) => {
      // A switch the test throws: while it is on, every new IndexedDB transaction fails as a
      // broken backing store does. Installed before the app starts, since the database keeps the
      // transaction function it was opened with.
      await page.addInitScript(() => {
        const w = window as unknown as { __failIdb?: boolean }
        const transaction = IDBDatabase.prototype.transaction
        IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
          if (w.__failIdb) throw new DOMException('Internal error opening backing store', 'UnknownError')
          return transaction.apply(this, args)
        }
      })
      const failIdb = (on: boolean) => page.evaluate((v) => ((window as unknown as { __failIdb?: boolean }).__failIdb = v), on)
      await startClock(page)
      const [{ q }] = (await quizFigures(page, [false])) as [Answered]
      await laterBy(page, DAY)
      await gotoApp(page, '/')
      const nav = page.getByRole('navigation', { name: t('zh', 'nav.main') })
      await expect(page.getByTestId('nav-due')).toHaveText('1')
      await failIdb(true)
      await nav.getByRole('link', { name: t('zh', 'nav.review') }).click()

      const alert = page.getByTestId('read-failed')
      await expect(alert).toBeVisible()
      await expect(alert).toHaveAttribute('role', 'alert')
      await expect(alert.getByRole('heading', { level: 2 })).toContainText(t('zh', 'readFailed.title'))
      await expect(page.getByTestId('read-failed-reason')).toHaveText(
        t('zh', 'readFailed.reason', { reason: 'UnknownError: Internal error opening backing store' }),
      )
      await expectNoSeriousA11yViolations(page, `review, unreadable (${theme})`)

      await failIdb(false)
      await alert.getByTestId('read-retry').click()
      // The answer given before the failure is still there: its question is due first.
      await expect(questionCard(page)).toHaveAttribute('data-qid', q.id)
      await expect(alert).toBeHidden()

      // The stats screen, whose numbers come from a live query, fails and recovers the same way.
      await failIdb(true)
      await nav.getByRole('link', { name: t('zh', 'nav.stats') }).click()
      await expect(alert).toBeVisible()
      await failIdb(false)
      await alert.getByTestId('read-retry').click()
      await expect(page.getByTestId('total-reviews')).toHaveText('1')
    })
  })
}
