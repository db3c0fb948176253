// Learner journeys driven the way a person (or a screen reader) meets the app: only by roles,
// accessible names, labels, visible text and the keyboard. No test ids, no CSS selectors.
import type { Page } from '@playwright/test'
import type { Question } from '../src/domain/content/schema'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'
import { getSet } from './helpers/bank'
import { t, type Locale } from './helpers/i18n'
import { button, choiceText, expectHeadingOrder, expectVerdict, focused, focusRingShown, questionOnScreen, wrongChoice } from './helpers/roles'

/** Answers the question on screen right or wrong by its visible choices or its labelled text box. */
async function answerByText(page: Page, locale: Locale, q: Question, right: boolean): Promise<void> {
  const main = page.getByRole('main')
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const id = right ? String(q.answer) : wrongChoice(q)
      await main.getByRole('radio', { name: choiceText(q, id, locale) }).check()
      await button(page, t(locale, 'quiz.submit')).click()
      return
    }
    case 'multiple':
      for (const id of right ? q.answer : [wrongChoice(q)]) await main.getByRole('checkbox', { name: choiceText(q, id, locale) }).check()
      await button(page, t(locale, 'quiz.submit')).click()
      return
    case 'blank':
    case 'numeric': {
      // The text box is labelled by the question itself; Enter submits.
      const box = main.getByRole('textbox', { name: q.prompt[locale] })
      await box.fill(q.type === 'numeric' ? String(right ? q.value : q.value * 3 + 7) : right ? q.answer.zh : '完全不对的答案')
      await box.press('Enter')
      return
    }
    default:
      throw new Error(`${q.type} is not answered here`)
  }
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; every stop on the way shows its ring. */
async function tabUntil(page: Page, target: ReturnType<Page['getByRole']>, back = false, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    expect.soft(await focusRingShown(page), `focus ring on ${await focused(page)}`).toBe(true)
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
  }
  throw new Error(`Tab never reached the target; focus is on ${await focused(page)}`)
}

test.describe('a first visit in Chinese', () => {
  test('review from home, a wrong choice, its evidence, then the mistake practised from the notebook', async ({ page }) => {
    test.setTimeout(90_000)
    const locale: Locale = 'zh'
    await page.goto('/')
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'home.title'))
    await main.getByRole('link', { name: t(locale, 'home.learnNew', { n: 20 }) }).click()
    await expect(main.getByRole('heading', { level: 1, name: t(locale, 'review.title') })).toBeVisible()

    // New questions until a choice question: any other is answered "don't know".
    let q = await questionOnScreen(page, locale)
    for (let i = 0; i < 20 && q.type !== 'single'; i++) {
      await button(page, t(locale, 'quiz.dontKnow')).click()
      await button(page, t(locale, 'quiz.next')).click()
      q = await questionOnScreen(page, locale)
    }
    expect(q.type).toBe('single')
    const wrong = choiceText(q, wrongChoice(q), locale)
    // A click on the option's words picks it.
    await main.getByText(wrong, { exact: true }).click()
    await expect(main.getByRole('radio', { name: wrong })).toBeChecked()
    await button(page, t(locale, 'quiz.submit')).click()

    // The verdict, the right answer and the article's words behind it.
    await expectVerdict(page, locale, false)
    const feedback = main.getByRole('region', { name: t(locale, 'quiz.wrong') })
    const right = choiceText(q, (q as Extract<Question, { type: 'single' }>).answer, locale)
    await expect(feedback.getByRole('definition').filter({ hasText: right })).toBeVisible()
    await expect(feedback.getByRole('definition').filter({ hasText: wrong })).toBeVisible()
    const quote = [q.source!.quote].flat()[0]!
    const paragraph = t(locale, 'article.paragraph', { n: [q.source!.paragraph].flat()[0]! })
    await expect(feedback.getByRole('heading', { name: t(locale, 'quiz.evidence') })).toBeVisible()
    await expect(feedback.getByText(quote)).toBeVisible()
    await expect(feedback.getByRole('link', { name: paragraph })).toBeVisible()
    await expect(button(page, t(locale, 'quiz.next'))).toBeFocused()
    await expectNoSeriousA11yViolations(page, 'review feedback (zh)')
    await expectHeadingOrder(page, 'review feedback')

    await button(page, t(locale, 'quiz.next')).click()
    await expect(main.getByRole('region', { name: t(locale, 'quiz.wrong') })).toHaveCount(0)
    // Leaving asks first, in the review's own words.
    await main.getByRole('button', { name: t(locale, 'quiz.leave') }).click()
    const dialog = page.getByRole('dialog', { name: t(locale, 'quiz.leave') })
    await expect(dialog).toContainText(t(locale, 'review.leaveConfirm'))
    await dialog.getByRole('button', { name: t(locale, 'quiz.leave') }).click()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'home.title'))

    // The notebook holds it, with the wrong answer, the right one and the evidence.
    await page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: t(locale, 'nav.notebook') }).click()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'notebook.title'))
    const item = main.getByRole('article', { name: q.prompt[locale] })
    await expect(item.getByRole('definition').filter({ hasText: wrong })).toBeVisible()
    await expect(item.getByRole('definition').filter({ hasText: right })).toBeVisible()
    await expect(item.getByText(t(locale, 'notebook.missed', { n: 1 }))).toBeVisible()
    await item.getByText(t(locale, 'notebook.why')).click()
    await expect(item.getByText(quote)).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'notebook (zh)')
    await expectHeadingOrder(page, 'notebook')

    // Only this set's mistakes, then practise them: this question comes back and is answered right.
    await main.getByRole('combobox', { name: t(locale, 'notebook.filterSet') }).selectOption({ label: getSet('accusation').title[locale] })
    const redo = main.getByRole('button', { name: new RegExp(t(locale, 'notebook.redo')) })
    await redo.click()
    await expect(main.getByText(/第 1 \/ \d+ 题/)).toBeVisible()
    for (let i = 0; i < 30; i++) {
      const shown = await questionOnScreen(page, locale)
      if (shown.id === q.id) break
      await button(page, t(locale, 'quiz.dontKnow')).click()
      await button(page, t(locale, 'quiz.next')).click()
    }
    expect((await questionOnScreen(page, locale)).id).toBe(q.id)
    await answerByText(page, locale, q, true)
    await expectVerdict(page, locale, true)
  })
})

test.describe('in English', () => {
  test.use({ appLocale: 'en' })

  test('a quiz built by its labelled controls, answered by choice and by typing, scored, and the misses retried', async ({ page }) => {
    test.setTimeout(90_000)
    const locale: Locale = 'en'
    const set = getSet('figures')
    await page.goto('/')
    const main = page.getByRole('main')
    await main.getByRole('link', { name: t(locale, 'home.quizAll') }).click()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'setup.title'))

    // One set, five questions of four types, in article order, practice mode.
    await main.getByRole('checkbox', { name: t(locale, 'setup.allSets'), exact: true }).uncheck()
    await main.getByRole('checkbox', { name: set.title[locale] }).check()
    await main.getByRole('group', { name: t(locale, 'setup.count') }).getByRole('radio', { name: '5', exact: true }).check()
    const types = main.getByRole('group', { name: t(locale, 'setup.types') })
    for (const type of ['multiple', 'ordering', 'matching', 'flashcard'] as const) await types.getByRole('checkbox', { name: t(locale, `types.${type}`) }).uncheck()
    await main.getByRole('radio', { name: t(locale, 'setup.articleOrder') }).check()
    await main.getByRole('radio', { name: new RegExp(`^${t(locale, 'setup.practice')}`) }).check()
    await expect(main.getByRole('status').filter({ hasText: /\d+/ })).toBeVisible()
    await expectHeadingOrder(page, 'quiz setup')
    await main.getByRole('button', { name: t(locale, 'setup.start') }).click()

    const plan = [false, true, true, false, true]
    const seen: Question[] = []
    for (const [i, right] of plan.entries()) {
      await expect(main.getByText(t(locale, 'quiz.progress', { k: i + 1, n: 5 }))).toBeVisible()
      const q = await questionOnScreen(page, locale)
      expect(['single', 'truefalse', 'blank', 'numeric']).toContain(q.type)
      seen.push(q)
      await answerByText(page, locale, q, right)
      await expectVerdict(page, locale, right)
      // The last question's button says where it leads.
      await button(page, t(locale, i === plan.length - 1 ? 'quiz.finish' : 'quiz.next')).click()
    }
    expect(new Set(seen.map((q) => q.type)).size, 'several types answered').toBeGreaterThanOrEqual(2)
    expect(seen.some((q) => q.type === 'blank' || q.type === 'numeric'), 'a typed answer').toBe(true)

    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'results.title'))
    await expect(main.getByText(t(locale, 'results.score', { correct: 3, total: 5 }))).toBeVisible()
    for (const q of seen) await expect(main.getByRole('heading', { level: 2, name: q.prompt[locale] })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'results (en)')
    await expectHeadingOrder(page, 'results')

    await main.getByRole('button', { name: new RegExp(`^${t(locale, 'results.retryMissed')}`) }).click()
    await expect(main.getByText(t(locale, 'quiz.progress', { k: 1, n: 2 }))).toBeVisible()
    const missed = seen.filter((_, i) => !plan[i]).map((q) => q.id)
    for (let k = 1; k <= 2; k++) {
      const q = await questionOnScreen(page, locale)
      expect(missed).toContain(q.id)
      await answerByText(page, locale, q, true)
      await expectVerdict(page, locale, true)
      await button(page, t(locale, k === 2 ? 'quiz.finish' : 'quiz.next')).click()
    }
    await expect(main.getByText(t(locale, 'results.score', { correct: 2, total: 2 }))).toBeVisible()
  })
})

test.describe('the keyboard alone', () => {
  test('home to a question, an answer, the feedback and the next question, focus always somewhere sensible and visible', async ({ page }) => {
    test.setTimeout(90_000)
    const locale: Locale = 'zh'
    await page.goto('/')
    const main = page.getByRole('main')
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'home.title'))

    // Tab to the first set's quiz link, Shift+Tab back past it and forward again, then Enter.
    const set = getSet('accusation')
    const card = main.getByRole('article', { name: set.title[locale] })
    const quizLink = card.getByRole('link', { name: t(locale, 'home.quiz'), exact: true })
    await tabUntil(page, quizLink)
    await tabUntil(page, card.getByRole('link', { name: t(locale, 'home.keyPoints') }), true)
    await tabUntil(page, quizLink)
    await page.keyboard.press('Enter')

    // The new screen's heading has the focus, not the page's body.
    await expect(main.getByRole('heading', { level: 1, name: t(locale, 'setup.title') })).toBeFocused()
    const start = main.getByRole('button', { name: t(locale, 'setup.start') })
    const articleOrder = main.getByRole('radio', { name: t(locale, 'setup.articleOrder') })
    // Choice questions only: Space on each other type's box.
    const types = main.getByRole('group', { name: t(locale, 'setup.types') })
    for (const type of ['blank', 'numeric', 'ordering', 'matching', 'flashcard'] as const) {
      const box = types.getByRole('checkbox', { name: t(locale, `types.${type}`) })
      await tabUntil(page, box)
      await page.keyboard.press('Space')
      await expect(box).not.toBeChecked()
    }
    await tabUntil(page, main.getByRole('radio', { name: t(locale, 'setup.shuffled') }))
    await page.keyboard.press('ArrowRight')
    await expect(articleOrder).toBeChecked()
    await tabUntil(page, start)
    await page.keyboard.press('Enter')

    // The first question in article order: its prompt is where the keyboard is.
    const first = await questionOnScreen(page, locale)
    // Ten of the set's choice questions, drawn at random, in article order: a single choice or a true / false one.
    if (first.type !== 'single' && first.type !== 'truefalse') throw new Error(`${first.id} is a ${first.type} question`)
    const prompt = main.getByRole('heading', { level: 2, name: first.prompt[locale] })
    await expect(prompt).toBeFocused()
    await expect.poll(() => focusRingShown(page), 'the focused question shows a ring').toBe(true)

    // Into the options; arrows move the choice; Space picks; Enter checks it.
    const radios = main.getByRole('group', { name: first.prompt[locale] }).getByRole('radio')
    await page.keyboard.press('Tab')
    await expect(radios.first()).toBeFocused()
    expect(await focusRingShown(page)).toBe(true)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Space')
    await expect(radios.first()).toBeChecked()
    await page.keyboard.press('Enter')

    // Feedback: the verdict is announced and Next has the focus, with a visible ring.
    const correctNow = (await radios.first().getAttribute('value')) === String(first.answer)
    await expectVerdict(page, locale, correctNow)
    const next = button(page, t(locale, 'quiz.next'))
    await expect(next).toBeFocused()
    expect(await focusRingShown(page)).toBe(true)
    // Shift+Tab reaches the evidence link in the feedback, Tab comes back to Next.
    await tabUntil(page, main.getByRole('link', { name: /^第 \d+ 段$/ }), true)
    await tabUntil(page, next)
    await page.keyboard.press('Enter')

    // The next question's heading has the focus.
    const second = await questionOnScreen(page, locale)
    expect(second.id).not.toBe(first.id)
    await expect(main.getByRole('heading', { level: 2, name: second.prompt[locale] })).toBeFocused()
    await expect.poll(() => focusRingShown(page)).toBe(true)

    // Home, then back to the open quiz: the keyboard is at its question again, not at the page's title.
    await page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: t(locale, 'nav.home') }).click()
    await expect(main.getByRole('heading', { level: 1 })).toBeFocused()
    const resume = t(locale, 'home.continue', { set: set.title[locale], k: 1, n: 1 }).replace(/ 1\/1$/, '')
    await main.getByRole('link', { name: new RegExp(`^${resume}`) }).click()
    await expect(main.getByRole('heading', { level: 2, name: second.prompt[locale] })).toBeFocused()
  })
})

test.describe('settings', () => {
  test('language and theme chosen by their labels hold after a reload', async ({ page }) => {
    const main = page.getByRole('main')
    await page.goto('/')
    await page.getByRole('navigation', { name: t('zh', 'nav.main') }).getByRole('link', { name: t('zh', 'nav.settings') }).click()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'settings.title'))

    await main.getByRole('group', { name: t('zh', 'lang.label') }).getByRole('radio', { name: 'English' }).check()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t('en', 'settings.title'))
    const theme = main.getByRole('group', { name: t('en', 'theme.label') })
    await theme.getByRole('radio', { name: t('en', 'theme.dark') }).check()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)

    await page.reload()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t('en', 'settings.title'))
    await expect(main.getByRole('group', { name: t('en', 'lang.label') }).getByRole('radio', { name: 'English' })).toBeChecked()
    await expect(main.getByRole('group', { name: t('en', 'theme.label') }).getByRole('radio', { name: t('en', 'theme.dark') })).toBeChecked()
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark)
    await expect(page.getByRole('button', { name: t('en', 'theme.toggle', { mode: t('en', 'theme.dark') }) })).toBeVisible()

    // And back to Chinese and light, by the same labels.
    await main.getByRole('group', { name: t('en', 'lang.label') }).getByRole('radio', { name: '中文' }).check()
    await main.getByRole('group', { name: t('zh', 'theme.label') }).getByRole('radio', { name: t('zh', 'theme.light') }).check()
    await page.reload()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'settings.title'))
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    await expectNoSeriousA11yViolations(page, 'settings (zh, light)')
    await expectHeadingOrder(page, 'settings')
  })
})

test.describe('import by paste', () => {
  test.use({ appLocale: 'en' })

  test('a pasted TSV becomes a set on home, and a quiz on it', async ({ page }) => {
    test.setTimeout(90_000)
    const locale: Locale = 'en'
    const main = page.getByRole('main')
    const rows = [
      ['Tongyi Qianwen', 'Alibaba’s family of large language models'],
      ['Open weights', 'Model parameters anyone may download'],
      ['Memo', 'A note that accused Alibaba of helping the military'],
    ]
    await page.goto('/')
    await main.getByRole('link', { name: t(locale, 'home.importCta') }).click()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'import.title'))
    await main.getByRole('textbox', { name: t(locale, 'import.paste') }).fill(rows.map((r) => r.join('\t')).join('\n') + '\n')
    await main.getByRole('textbox', { name: t(locale, 'import.name') }).fill('Journey words')
    await expect(main.getByText(t(locale, 'import.total', { n: 6 }))).toBeVisible()
    await expectHeadingOrder(page, 'import preview')
    await main.getByRole('button', { name: t(locale, 'import.save') }).click()
    await expect(main.getByRole('status').filter({ hasText: t(locale, 'import.saved', { name: 'Journey words', n: 6 }) })).toBeVisible()

    await page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: t(locale, 'nav.home') }).click()
    const card = main.getByRole('article', { name: 'Journey words' })
    await expect(card.getByText(t(locale, 'home.questions', { n: 6 }))).toBeVisible()
    await expectHeadingOrder(page, 'home')
    await card.getByRole('link', { name: t(locale, 'home.quiz'), exact: true }).click()
    await expect(main.getByRole('checkbox', { name: /^Journey words/ })).toBeChecked()
    await main.getByRole('group', { name: t(locale, 'setup.count') }).getByRole('radio', { name: t(locale, 'setup.all') }).check()
    await main.getByRole('radio', { name: t(locale, 'setup.articleOrder') }).check()
    await main.getByRole('button', { name: t(locale, 'setup.start') }).click()

    // Flashcards by Reveal and a grade; blanks by typing the term.
    for (let k = 1; k <= 6; k++) {
      await expect(main.getByText(t(locale, 'quiz.progress', { k, n: 6 }))).toBeVisible()
      const heading = (await main.getByRole('heading', { level: 2 }).first().innerText()).trim()
      const byTerm = rows.find((r) => r[0] === heading)
      const byDefinition = rows.find((r) => r[1] === heading)
      if (byTerm) {
        await main.getByRole('button', { name: new RegExp(`^${t(locale, 'quiz.reveal')}`) }).click()
        await expect(main.getByText(byTerm[1]!)).toBeVisible()
        await main.getByRole('button', { name: new RegExp(`^${t(locale, 'grade.3')}`) }).click()
      } else {
        expect(byDefinition, `a prompt from the pasted rows: ${heading}`).toBeDefined()
        const box = main.getByRole('textbox', { name: heading })
        await box.fill(byDefinition![0]!)
        await box.press('Enter')
        await expectVerdict(page, locale, true)
      }
      await button(page, t(locale, k === 6 ? 'quiz.finish' : 'quiz.next')).click()
    }
    await expect(main.getByText(t(locale, 'results.score', { correct: 6, total: 6 }))).toBeVisible()
  })
})

test.describe('stats and the map', () => {
  test('after a few answers: the stats headings and figures, the map paragraphs and a question’s mastery', async ({ page }) => {
    test.setTimeout(90_000)
    const locale: Locale = 'zh'
    const main = page.getByRole('main')
    await page.goto('/review')
    const answered: Question[] = []
    for (const right of [false, true]) {
      const q = await questionOnScreen(page, locale)
      if (q.type === 'single' || q.type === 'truefalse' || q.type === 'multiple' || q.type === 'blank' || q.type === 'numeric') await answerByText(page, locale, q, right)
      else await button(page, t(locale, 'quiz.dontKnow')).click()
      answered.push(q)
      await button(page, t(locale, 'quiz.next')).click()
    }

    await page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: t(locale, 'nav.stats') }).click()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'stats.title'))
    for (const key of ['stats.overview', 'stats.heatmap', 'stats.forecast', 'stats.perSet']) {
      await expect(main.getByRole('heading', { level: 2, name: t(locale, key) })).toBeVisible()
    }
    const reviews = main.getByRole('term').filter({ hasText: t(locale, 'stats.reviews') })
    await expect(reviews).toBeVisible()
    await expect(main.getByRole('definition').first()).toHaveText('2')
    // The per-set table, by its column headers and a row header.
    const table = main.getByRole('table').filter({ has: page.getByRole('columnheader', { name: t(locale, 'stats.accuracy') }) })
    await expect(table.getByRole('rowheader', { name: getSet('accusation').title[locale] })).toBeVisible()
    await expect(table.getByRole('row', { name: new RegExp(getSet('accusation').title[locale]) })).toContainText(t(locale, 'punct.count', { done: 1, total: 2 }))
    await expectNoSeriousA11yViolations(page, 'stats (zh)')
    await expectHeadingOrder(page, 'stats')

    await page.goto('/')
    await main.getByRole('link', { name: t(locale, 'map.open') }).click()
    await expect(main.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'map.title'))
    const missed = answered[0]!
    const para = [missed.source!.paragraph].flat()[0]!
    const article = main.getByRole('article', { name: t(locale, 'article.paragraph', { n: para }) })
    await expect(article.getByRole('heading', { level: 3 })).toBeVisible()
    await expect(article.getByRole('button', { name: new RegExp(missed.prompt[locale].slice(0, 10)) })).toContainText(t(locale, 'map.mastery.notebook'))
    await expectNoSeriousA11yViolations(page, 'map (zh)')
    await expectHeadingOrder(page, 'map')
  })
})
