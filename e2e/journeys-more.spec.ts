// More learner journeys, driven only by roles, accessible names, labels, visible text and the
// keyboard (no test ids, no CSS selectors), at a phone's width and a desktop's, in both
// languages: the mistake notebook from a quiz to cleared, spaced repetition across days, answers
// that survive reloads, closed pages, a second tab and going offline, every screen offline,
// settings, and a whole quiz of every question type by keyboard alone. Axe on every new screen.
import type { Page } from '@playwright/test'
import type { Question, QuestionType } from '../src/domain/content/schema'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'
import { getSet } from './helpers/bank'
import { waitForServiceWorker } from './helpers/offline'
import { t, type Locale } from './helpers/i18n'
import {
  answerQuestion,
  button,
  escapeRe,
  evidenceOf,
  expectHeadingOrder,
  expectNoMissingGlyphs,
  expectNoSidewaysScroll,
  expectVerdict,
  focusRingShown,
  navigate,
  questionOnScreen,
  rightAnswerText,
  snap,
  tabUntil,
  title,
  typedAnswer,
  homeDue,
} from './helpers/roles'
import { reviewsInStats } from './helpers/progress'

// An action that cannot happen fails in seconds, not at the test's timeout.
test.use({ actionTimeout: 15_000 })

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }
const DAY = 86_400_000
/** A Tuesday morning, local time: far from midnight, so "a day later" is always a new day. */
const DAY_ONE = new Date(2025, 3, 8, 9, 0, 0).getTime()

/** The setup for one set, reached from its card on home: `count` questions of `types`, article order, practice. */
async function setUpQuiz(page: Page, locale: Locale, setId: string, count: 5 | 10, types: QuestionType[]): Promise<void> {
  const main = page.getByRole('main')
  await expect(title(page)).toHaveText(t(locale, 'home.title'))
  await main.getByRole('article', { name: getSet(setId).title[locale] }).getByRole('link', { name: t(locale, 'home.quiz'), exact: true }).click()
  await expect(title(page)).toHaveText(t(locale, 'setup.title'))
  await main.getByRole('group', { name: t(locale, 'setup.count') }).getByRole('radio', { name: String(count), exact: true }).check()
  const boxes = main.getByRole('group', { name: t(locale, 'setup.types') })
  for (const type of ['single', 'multiple', 'truefalse', 'blank', 'numeric', 'ordering', 'matching', 'flashcard'] as const) {
    const box = boxes.getByRole('checkbox', { name: t(locale, `types.${type}`) })
    if (types.includes(type)) await box.check()
    else await box.uncheck()
  }
  await main.getByRole('radio', { name: t(locale, 'setup.articleOrder') }).check()
  await main.getByRole('radio', { name: new RegExp(`^${escapeRe(t(locale, 'setup.practice'))}`) }).check()
}

/** The notebook's switch between the mistakes to fix and the cleared ones, by its count. */
function notebookList(page: Page, locale: Locale, which: 'active' | 'cleared', n: number) {
  return page.getByRole('main').getByRole('group', { name: t(locale, 'notebook.show') }).getByRole('button', { name: t(locale, `notebook.${which}`, { n }) })
}

/** The review's "{due} due · {new} new left" line, for any number of new questions. */
function remainingLine(locale: Locale, due: number): RegExp {
  return new RegExp(`^${escapeRe(t(locale, 'review.remaining', { due, new: 999 })).replace('999', '\\d+')}$`)
}

/** Answers the questions of a running practice quiz by `plan` (right or wrong each); returns them in order. */
async function answerQuiz(page: Page, locale: Locale, plan: boolean[]): Promise<Question[]> {
  const main = page.getByRole('main')
  const seen: Question[] = []
  for (const [i, right] of plan.entries()) {
    await expect(main.getByText(t(locale, 'quiz.progress', { k: i + 1, n: plan.length }))).toBeVisible()
    const q = await questionOnScreen(page, locale)
    seen.push(q)
    await answerQuestion(page, locale, q, right)
    if (q.type !== 'flashcard') await expectVerdict(page, locale, right)
    await button(page, t(locale, i === plan.length - 1 ? 'quiz.finish' : 'quiz.next')).click()
  }
  await expect(title(page)).toHaveText(t(locale, 'results.title'))
  return seen
}

for (const [locale, viewport] of [['zh', PHONE], ['en', DESKTOP]] as const) {
  test.describe(`the mistake notebook (${locale}, ${viewport.width}px)`, () => {
    test.use({ appLocale: locale, viewport })

    test('quiz mistakes are listed with the right answer and the evidence, redone, marked cleared, and cleared on a later due day', async ({ page }) => {
      test.setTimeout(120_000)
      const main = page.getByRole('main')
      await page.clock.install({ time: DAY_ONE })
      await page.goto('/')
      await setUpQuiz(page, locale, 'accusation', 5, ['single', 'truefalse', 'blank'])
      await main.getByRole('button', { name: t(locale, 'setup.start') }).click()
      const plan = [false, true, false, true, false]
      const seen = await answerQuiz(page, locale, plan)
      await expect(main.getByText(t(locale, 'results.score', { correct: 2, total: 5 }))).toBeVisible()
      const missed = seen.filter((_, i) => !plan[i])

      // The notebook lists exactly the three misses, each with the right answer and the article's words.
      await navigate(page, locale, 'notebook')
      await expect(title(page)).toHaveText(t(locale, 'notebook.title'))
      await expect(notebookList(page, locale, 'active', 3)).toBeVisible()
      await expect(main.getByRole('article')).toHaveCount(3)
      for (const q of missed) {
        const item = main.getByRole('article', { name: q.prompt[locale] })
        await expect(item.getByRole('definition').filter({ hasText: rightAnswerText(q, locale) })).toBeVisible()
        await expect(item.getByText(t(locale, 'notebook.missed', { n: 1 }))).toBeVisible()
        await item.getByText(t(locale, 'notebook.why')).click()
        const { quote, paragraph } = evidenceOf(q, locale)
        await expect(item.getByRole('blockquote').filter({ hasText: quote })).toBeVisible()
        await expect(item.getByRole('link', { name: paragraph })).toBeVisible()
      }
      for (const q of seen.filter((_, i) => plan[i])) await expect(main.getByRole('article', { name: q.prompt[locale] })).toHaveCount(0)
      await expectNoSeriousA11yViolations(page, `notebook with three mistakes (${locale})`)
      await expectHeadingOrder(page, 'notebook')
      await expectNoSidewaysScroll(page, 'notebook')
      await snap(page, 'notebook-open')

      // Redo them as a quiz, all right: they stay, one right day of two each.
      await main.getByRole('button', { name: new RegExp(`^\\W*${escapeRe(t(locale, 'notebook.redo'))}`) }).click()
      const redone = await answerQuiz(page, locale, [true, true, true])
      expect(redone.map((q) => q.id).sort()).toEqual(missed.map((q) => q.id).sort())
      await expect(main.getByText(t(locale, 'results.score', { correct: 3, total: 3 }))).toBeVisible()
      await navigate(page, locale, 'notebook')
      await expect(notebookList(page, locale, 'active', 3)).toBeVisible()
      for (const q of missed) {
        await expect(main.getByRole('article', { name: q.prompt[locale] }).getByText(t(locale, 'notebook.streak', { k: 1, n: 2 }))).toBeVisible()
      }

      // One marked cleared by hand: it moves to the cleared list, where it can be restored.
      const [byHand, ...others] = missed as [Question, ...Question[]]
      await main.getByRole('article', { name: byHand.prompt[locale] }).getByRole('button', { name: new RegExp(escapeRe(t(locale, 'notebook.clear'))) }).click()
      await expect(page.getByRole('status').filter({ hasText: t(locale, 'notebook.markedCleared') })).toBeAttached()
      await expect(notebookList(page, locale, 'active', 2)).toBeVisible()
      await expect(main.getByRole('article', { name: byHand.prompt[locale] })).toHaveCount(0)
      await notebookList(page, locale, 'cleared', 1).click()
      await expect(main.getByRole('article', { name: byHand.prompt[locale] }).getByRole('button', { name: new RegExp(escapeRe(t(locale, 'notebook.restore'))) })).toBeVisible()
      await expectNoSeriousA11yViolations(page, `notebook, cleared list (${locale})`)
      await snap(page, 'notebook-cleared')

      // A few weeks on every one is due: answered right in the review, the other two clear as well.
      await page.clock.fastForward(21 * DAY)
      await page.goto('/')
      await main.getByRole('link', { name: new RegExp(escapeRe(t(locale, 'home.reviewN', { n: 5 }))) }).click()
      await expect(title(page)).toHaveText(t(locale, 'review.title'))
      // New questions come mixed in with the due ones: every one is answered right until none is due.
      const due = new Set(seen.map((q) => q.id))
      for (let i = 0; i < 30 && due.size > 0; i++) {
        const q = await questionOnScreen(page, locale)
        due.delete(q.id)
        await answerQuestion(page, locale, q, true)
        await expectVerdict(page, locale, true)
        await button(page, t(locale, 'quiz.next')).click()
      }
      expect([...due], 'due questions the review never showed').toEqual([])
      await expect(main.getByText(remainingLine(locale, 0))).toBeVisible()
      await navigate(page, locale, 'notebook')
      await expect(main.getByText(t(locale, 'notebook.allCleared', { n: 3 }))).toBeVisible()
      await notebookList(page, locale, 'cleared', 3).click()
      for (const q of others) await expect(main.getByRole('article', { name: q.prompt[locale] })).toBeVisible()
      await expectNoSeriousA11yViolations(page, `notebook, all cleared (${locale})`)
      await snap(page, 'notebook-all-cleared')
    })
  })
}

/** The review's due and new counts, read from its "{due} due · {new} new left" line. */
async function reviewCounts(page: Page, locale: Locale): Promise<{ due: number; fresh: number }> {
  const pattern = new RegExp(escapeRe(t(locale, 'review.remaining', { due: 111, new: 222 })).replace('111', '(\\d+)').replace('222', '(\\d+)'))
  const line = page.getByRole('main').getByText(pattern)
  await expect(line).toBeVisible()
  const m = pattern.exec(await line.innerText())!
  return { due: Number(m[1]), fresh: Number(m[2]) }
}

test.describe('spaced repetition across days (zh, 390px, dark)', () => {
  test.use({ appLocale: 'zh', appTheme: 'dark', colorScheme: 'dark', viewport: PHONE })

  test('new questions learned, the missed ones back after their step, all due the next day: home and review agree, nothing returns early', async ({ page }) => {
    test.setTimeout(150_000)
    const locale: Locale = 'zh'
    const main = page.getByRole('main')
    await page.clock.install({ time: DAY_ONE })

    // Five new questions a day, set by its label.
    await page.goto('/settings')
    await expect(title(page)).toHaveText(t(locale, 'settings.title'))
    await main.getByLabel(t(locale, 'settings.newPerDay')).fill('5')
    await main.getByRole('button', { name: t(locale, 'settings.save'), exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: t(locale, 'settings.saved') })).toBeAttached()

    await navigate(page, locale, 'home')
    await expect(await homeDue(page, locale)).toHaveText('0')
    await main.getByRole('link', { name: t(locale, 'home.learnNew', { n: 5 }) }).click()
    await expect(title(page)).toHaveText(t(locale, 'review.title'))
    expect(await reviewCounts(page, locale)).toEqual({ due: 0, fresh: 5 })
    await expectNoSeriousA11yViolations(page, 'review, first question (zh, dark)')
    await snap(page, 'review-first')

    // Day one: five new questions, two of them missed.
    const plan = [true, false, true, false, true]
    const learned: Question[] = []
    for (const right of plan) {
      const q = await questionOnScreen(page, locale)
      expect(learned.map((x) => x.id), 'a question seen twice in one sitting').not.toContain(q.id)
      learned.push(q)
      await answerQuestion(page, locale, q, right)
      if (q.type !== 'flashcard') await expectVerdict(page, locale, right)
      await button(page, t(locale, 'quiz.next')).click()
    }
    const missed = learned.filter((_, i) => !plan[i]).map((q) => q.id)
    // Nothing left for now, but more later today (the misses' first step): the done screen says
    // so, not "done for today", and when the next review is.
    const done = main.getByRole('heading', { name: t(locale, 'review.doneForNow') })
    await expect(done).toBeVisible()
    await expect(main.getByText(new RegExp(`^${escapeRe(t(locale, 'review.doneNext', { when: '@' })).replace('@', '.+')}$`))).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'review done (zh, dark)')
    await snap(page, 'review-done')
    // A reload brings nothing back early.
    await page.reload()
    await expect(done).toBeVisible()
    await navigate(page, locale, 'home')
    await expect(await homeDue(page, locale)).toHaveText('0')

    // Two minutes on, the two misses are due (their first step), and only they.
    await page.clock.fastForward(2 * 60_000)
    await page.reload()
    await expect(await homeDue(page, locale)).toHaveText('2')
    await main.getByRole('link', { name: t(locale, 'home.reviewN', { n: 2 }) }).click()
    expect(await reviewCounts(page, locale)).toEqual({ due: 2, fresh: 0 })
    for (let i = 0; i < 2; i++) {
      const q = await questionOnScreen(page, locale)
      expect(missed).toContain(q.id)
      await answerQuestion(page, locale, q, true)
      await button(page, t(locale, 'quiz.next')).click()
    }
    await expect(done).toBeVisible()

    // The next day all five are due; home and the review say so, and each comes once.
    await page.clock.fastForward(DAY)
    await page.goto('/')
    await expect(await homeDue(page, locale)).toHaveText('5')
    await main.getByRole('link', { name: t(locale, 'home.reviewN', { n: 5 }) }).click()
    expect(await reviewCounts(page, locale)).toEqual({ due: 5, fresh: 5 })
    const shown: string[] = []
    for (let i = 0; i < 12 && (await reviewCounts(page, locale)).due > 0; i++) {
      const q = await questionOnScreen(page, locale)
      expect(shown, 'a question shown twice in one day').not.toContain(q.id)
      shown.push(q.id)
      await answerQuestion(page, locale, q, true)
      await button(page, t(locale, 'quiz.next')).click()
    }
    expect(shown.filter((id) => learned.some((q) => q.id === id)).sort()).toEqual(learned.map((q) => q.id).sort())
    // Whatever was answered today stays away: a reload shows a new question or the done screen.
    await page.reload()
    const next = await questionOnScreen(page, locale)
    expect(shown).not.toContain(next.id)
    expect((await reviewCounts(page, locale)).due).toBe(0)
    await navigate(page, locale, 'home')
    await expect(await homeDue(page, locale)).toHaveText('0')
    await snap(page, 'home-after-review')
  })
})

/** Answers the review question on screen and waits for its verdict; returns it. */
async function answerInReview(page: Page, locale: Locale, right: boolean): Promise<Question> {
  const q = await questionOnScreen(page, locale)
  await answerQuestion(page, locale, q, right)
  if (q.type === 'flashcard') await expect(button(page, t(locale, 'quiz.next'))).toBeVisible()
  else await expectVerdict(page, locale, right)
  return q
}

/** The notebook lists each question of `misses` with its miss count, and nothing else. */
async function expectNotebook(page: Page, locale: Locale, misses: Map<string, { q: Question; n: number }>): Promise<void> {
  await navigate(page, locale, 'notebook')
  const main = page.getByRole('main')
  await expect(title(page)).toHaveText(t(locale, 'notebook.title'))
  await expect(notebookList(page, locale, 'active', misses.size)).toBeVisible()
  for (const { q, n } of misses.values()) {
    await expect(main.getByRole('article', { name: q.prompt[locale] }).getByText(t(locale, 'notebook.missed', { n }))).toBeVisible()
  }
}

function countMiss(misses: Map<string, { q: Question; n: number }>, q: Question): void {
  misses.set(q.id, { q, n: (misses.get(q.id)?.n ?? 0) + 1 })
}

test.describe('an answer once shown is never lost (en, desktop)', () => {
  test.use({ appLocale: 'en', viewport: DESKTOP })

  test('reload at once, close the page, go offline and reload: every answer is in stats and the notebook', async ({ page, context }) => {
    test.setTimeout(120_000)
    const locale: Locale = 'en'
    const misses = new Map<string, { q: Question; n: number }>()
    await page.goto('/review')
    await waitForServiceWorker(page)

    // Wrong, and the page reloaded the moment the verdict shows.
    countMiss(misses, await answerInReview(page, locale, false))
    await page.reload()
    // Right, and the page closed at once; a new one opens the review.
    await answerInReview(page, locale, true)
    await page.close()
    let tab = await context.newPage()
    await tab.goto('/review')
    // Wrong, then the network gone and the page reloaded from the offline copy.
    countMiss(misses, await answerInReview(tab, locale, false))
    await context.setOffline(true)
    await tab.reload()
    await expect(tab.getByText(t(locale, 'banner.offline'))).toBeVisible()
    // Right while offline, and the page closed at once.
    await answerInReview(tab, locale, true)
    await tab.close()
    tab = await context.newPage()
    await tab.goto('/')
    expect(await reviewsInStats(tab, locale)).toBe(4)
    await expectNotebook(tab, locale, misses)
    await expectNoSeriousA11yViolations(tab, 'notebook offline (en)')

    // Back online, the same.
    await context.setOffline(false)
    await tab.reload()
    expect(await reviewsInStats(tab, locale)).toBe(4)
    await expectNotebook(tab, locale, misses)
  })
})

test.describe('an answer left at once (en, desktop)', () => {
  test.use({ appLocale: 'en', viewport: DESKTOP })

  test('sent and reloaded that very moment, before any verdict: every answer is recorded, once', async ({ page }) => {
    test.setTimeout(120_000)
    const locale: Locale = 'en'
    const main = page.getByRole('main')
    await page.goto('/')
    await setUpQuiz(page, locale, 'figures', 5, ['single', 'truefalse', 'blank', 'numeric'])
    await main.getByRole('button', { name: t(locale, 'setup.start') }).click()
    for (let k = 1; k <= 5; k++) {
      await expect(main.getByText(t(locale, 'quiz.progress', { k, n: 5 }))).toBeVisible()
      const q = await questionOnScreen(page, locale)
      const card = main.getByRole('article', { name: q.prompt[locale], exact: true })
      // The answer put in and sent with Enter, and the page reloaded that very moment.
      if (q.type === 'blank' || q.type === 'numeric') await card.getByRole('textbox', { name: q.prompt[locale] }).fill(typedAnswer(q, locale, true))
      else await card.getByRole('radio', { name: rightAnswerText(q, locale), exact: true }).check()
      await page.keyboard.press('Enter')
      await page.reload()
      // Recorded: the quiz goes on at the next question, or ends.
      if (k < 5) await expect(main.getByText(t(locale, 'quiz.progress', { k: k + 1, n: 5 })), `the answer to ${q.id} was recorded`).toBeVisible()
    }
    await expect(title(page)).toHaveText(t(locale, 'results.title'))
    await expect(main.getByText(t(locale, 'results.score', { correct: 5, total: 5 }))).toBeVisible()
    expect(await reviewsInStats(page, locale)).toBe(5)

    // The same in a review: three answers, each followed at once by a reload.
    await navigate(page, locale, 'review')
    const answered: string[] = []
    for (let i = 0; i < 3; i++) {
      const q = await questionOnScreen(page, locale)
      expect(answered, 'an answer sent before the reload comes back unrecorded').not.toContain(q.id)
      answered.push(q.id)
      await button(page, t(locale, 'quiz.dontKnow')).click()
      await page.reload()
    }
    await expect(main.getByRole('heading', { level: 2 }).first()).toBeVisible()
    expect(await reviewsInStats(page, locale)).toBe(8)
  })
})

test.describe('two tabs (zh, 390px)', () => {
  test.use({ appLocale: 'zh', viewport: PHONE })

  test('answering in one tab and then the other, in turn: nothing lost, nothing counted twice', async ({ page, context }) => {
    test.setTimeout(150_000)
    const locale: Locale = 'zh'
    const misses = new Map<string, { q: Question; n: number }>()
    const tabs: Page[] = [page, await context.newPage()]
    for (const tab of tabs) {
      await tab.goto('/review')
      await expect(title(tab)).toHaveText(t(locale, 'review.title'))
    }
    const plan = [false, true, false, true, true, false, true, false]
    for (const [i, right] of plan.entries()) {
      const tab = tabs[i % 2]!
      await tab.bringToFront()
      const q = await answerInReview(tab, locale, right)
      if (!right) countMiss(misses, q)
      await button(tab, t(locale, 'quiz.next')).click()
    }
    // Each tab, reloaded or not, counts every answer once.
    expect(await reviewsInStats(tabs[1]!, locale)).toBe(plan.length)
    await tabs[0]!.reload()
    expect(await reviewsInStats(tabs[0]!, locale)).toBe(plan.length)
    await expectNotebook(tabs[0]!, locale, misses)
    await expectNotebook(tabs[1]!, locale, misses)
    await expectNoSeriousA11yViolations(tabs[1]!, 'notebook after two tabs (zh)')
  })
})


test.describe('offline after one visit (zh, desktop, dark)', () => {
  test.use({ appLocale: 'zh', appTheme: 'dark', colorScheme: 'dark', viewport: DESKTOP })

  test('every screen opens and reloads offline, says so, and what is done offline is still there online', async ({ page, context }) => {
    test.setTimeout(180_000)
    const locale: Locale = 'zh'
    const main = page.getByRole('main')
    const offline = page.getByText(t(locale, 'banner.offline'))
    await page.goto('/')
    await waitForServiceWorker(page)
    await context.setOffline(true)
    await page.reload()
    await expect(title(page)).toHaveText(t(locale, 'home.title'))
    await expect(offline).toBeVisible()

    /** The screen reloads from the offline copy, keeps its heading and banner, and passes axe. */
    const check = async (label: string, heading: string) => {
      await expect(title(page)).toHaveText(heading)
      await page.reload()
      await expect(title(page)).toHaveText(heading)
      await expect(offline).toBeVisible()
      await expectNoSeriousA11yViolations(page, `${label} offline (zh, dark)`)
      await expectHeadingOrder(page, `${label} offline`)
      await expectNoMissingGlyphs(page, `${label} offline`)
      await snap(page, `offline-${label}`)
    }
    await check('home', t(locale, 'home.title'))

    // A review answer, wrong.
    await navigate(page, locale, 'review')
    await check('review', t(locale, 'review.title'))
    const missed = await answerInReview(page, locale, false)
    await snap(page, 'offline-review-feedback')

    // A set's key points, then a quiz of typed answers (their grader comes from the offline copy too).
    await navigate(page, locale, 'home')
    const set = getSet('figures')
    await main.getByRole('article', { name: set.title[locale] }).getByRole('link', { name: t(locale, 'home.keyPoints') }).click()
    await check('set', set.title[locale])
    await navigate(page, locale, 'home')
    await main.getByRole('article', { name: set.title[locale] }).getByRole('link', { name: t(locale, 'home.quiz'), exact: true }).click()
    await check('quiz-setup', t(locale, 'setup.title'))
    await navigate(page, locale, 'home')
    await setUpQuiz(page, locale, 'figures', 5, ['blank', 'numeric'])
    await main.getByRole('button', { name: t(locale, 'setup.start') }).click()
    await expect(main.getByText(t(locale, 'quiz.progress', { k: 1, n: 5 }))).toBeVisible()
    await page.reload()
    await expect(offline).toBeVisible()
    await answerQuiz(page, locale, [true, true, true, true, true])
    await expect(main.getByText(t(locale, 'results.score', { correct: 5, total: 5 }))).toBeVisible()
    await check('results', t(locale, 'results.title'))

    await navigate(page, locale, 'notebook')
    await check('notebook', t(locale, 'notebook.title'))
    await expect(main.getByRole('article', { name: missed.prompt[locale] })).toBeVisible()
    expect(await reviewsInStats(page, locale)).toBe(6)
    await check('stats', t(locale, 'stats.title'))
    await navigate(page, locale, 'settings')
    await check('settings', t(locale, 'settings.title'))
    await navigate(page, locale, 'home')
    await main.getByRole('link', { name: t(locale, 'map.open') }).click()
    await check('map', t(locale, 'map.title'))

    // A set of one's own, pasted and saved offline.
    await navigate(page, locale, 'home')
    await main.getByRole('link', { name: t(locale, 'home.importCta') }).click()
    await check('import', t(locale, 'import.title'))
    await main.getByRole('textbox', { name: t(locale, 'import.paste') }).fill('千问\t阿里的大模型\n开源\t任何人都能下载权重\n')
    await main.getByRole('textbox', { name: t(locale, 'import.name') }).fill('离线词表')
    await main.getByRole('button', { name: t(locale, 'import.save') }).click()
    await expect(page.getByRole('status').filter({ hasText: '离线词表' })).toBeAttached()
    await navigate(page, locale, 'home')
    await expect(main.getByRole('article', { name: '离线词表' })).toBeVisible()

    // Online again: the banner goes, everything done offline is there.
    await context.setOffline(false)
    await page.reload()
    await expect(title(page)).toHaveText(t(locale, 'home.title'))
    await expect(offline).toBeHidden()
    await expect(main.getByRole('article', { name: '离线词表' })).toBeVisible()
    expect(await reviewsInStats(page, locale)).toBe(6)
    await expectNotebook(page, locale, new Map([[missed.id, { q: missed, n: 1 }]]))
  })
})

test.describe('settings (en, 390px)', () => {
  test.use({ appLocale: 'en', viewport: PHONE })

  test('language, theme and desired retention stick after a reload; reset asks first and says what goes', async ({ page }) => {
    test.setTimeout(120_000)
    const main = page.getByRole('main')
    // Something to lose: one answer, wrong.
    await page.goto('/review')
    const missed = await answerInReview(page, 'en', false)

    await navigate(page, 'en', 'settings')
    await expect(title(page)).toHaveText(t('en', 'settings.title'))
    await expectNoSeriousA11yViolations(page, 'settings (en, light, phone)')
    await expectNoSidewaysScroll(page, 'settings')
    await snap(page, 'settings')

    // Desired retention by the keyboard: 90% → 93%, and the plain-words line follows.
    const retention = main.getByRole('slider', { name: t('en', 'settings.retention') })
    await expect(retention).toHaveAttribute('aria-valuetext', '90%')
    await retention.focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight')
    await expect(retention).toHaveAttribute('aria-valuetext', '93%')
    await expect(main.getByText(t('en', 'settings.retentionPlain', { percent: '93%', k: 93, of: 100 }))).toBeVisible()
    await main.getByRole('button', { name: t('en', 'settings.save'), exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: t('en', 'settings.saved') })).toBeAttached()

    // Language and theme by their radio labels.
    await main.getByRole('group', { name: t('en', 'lang.label') }).getByRole('radio', { name: '中文' }).check()
    await expect(title(page)).toHaveText(t('zh', 'settings.title'))
    await main.getByRole('group', { name: t('zh', 'theme.label') }).getByRole('radio', { name: t('zh', 'theme.dark') }).check()
    await page.reload()
    await expect(title(page)).toHaveText(t('zh', 'settings.title'))
    await expect(main.getByRole('group', { name: t('zh', 'theme.label') }).getByRole('radio', { name: t('zh', 'theme.dark') })).toBeChecked()
    await expect(main.getByRole('slider', { name: t('zh', 'settings.retention') })).toHaveAttribute('aria-valuetext', '93%')
    await expectNoSeriousA11yViolations(page, 'settings (zh, dark, phone)')
    await expectNoMissingGlyphs(page, 'settings (zh, dark)')
    await snap(page, 'settings')

    // Reset: the dialog says what will be lost; cancel keeps everything.
    const reset = main.getByRole('button', { name: t('zh', 'settings.reset') })
    await reset.click()
    const dialog = page.getByRole('dialog')
    await expect(dialog).toContainText(t('zh', 'settings.resetConfirm'))
    // What goes includes the spaced-repetition settings (the retention chosen above).
    await expect(dialog).toContainText(t('zh', 'settings.scheduling'))
    await expectNoSeriousA11yViolations(page, 'reset dialog (zh, dark)')
    await snap(page, 'settings-reset-dialog')
    await dialog.getByRole('button', { name: t('zh', 'settings.cancel') }).click()
    await expect(dialog).toBeHidden()
    await expect(reset).toBeFocused()
    await navigate(page, 'zh', 'notebook')
    await expect(main.getByRole('article', { name: missed.prompt.zh })).toBeVisible()

    // Confirmed: progress is gone and the retention is back to its default, as the dialog said; language and theme stay.
    await navigate(page, 'zh', 'settings')
    await main.getByRole('button', { name: t('zh', 'settings.reset') }).click()
    await page.getByRole('dialog').getByRole('button', { name: t('zh', 'settings.reset') }).click()
    await expect(page.getByRole('status').filter({ hasText: t('zh', 'settings.resetDone') })).toBeAttached()
    await navigate(page, 'zh', 'notebook')
    await expect(main.getByText(t('zh', 'notebook.empty'))).toBeVisible()
    await navigate(page, 'zh', 'stats')
    await expect(main.getByText(t('zh', 'stats.noData'))).toBeVisible()
    await navigate(page, 'zh', 'settings')
    await expect(main.getByRole('slider', { name: t('zh', 'settings.retention') })).toHaveAttribute('aria-valuetext', '90%')
    await expect(main.getByRole('group', { name: t('zh', 'theme.label') }).getByRole('radio', { name: t('zh', 'theme.dark') })).toBeChecked()
  })
})

test.describe('the keyboard alone (en, desktop)', () => {
  test.use({ appLocale: 'en', viewport: DESKTOP })

  test('a whole set with every question type, from home to the results, by Tab, arrows, Space, typing and Enter', async ({ page }) => {
    test.setTimeout(240_000)
    const locale: Locale = 'en'
    const main = page.getByRole('main')
    const set = getSet('figures')
    await page.goto('/')
    await expect(title(page)).toHaveText(t(locale, 'home.title'))

    await tabUntil(page, main.getByRole('article', { name: set.title[locale] }).getByRole('link', { name: t(locale, 'home.quiz'), exact: true }))
    await page.keyboard.press('Enter')
    await expect(title(page)).toHaveText(t(locale, 'setup.title'))
    await expect(title(page)).toBeFocused()
    // Every question of the set, in article order: arrows move within each radio group.
    const count = main.getByRole('group', { name: t(locale, 'setup.count') })
    await tabUntil(page, count.getByRole('radio', { checked: true }))
    for (let i = 0; i < 4 && !(await count.getByRole('radio', { name: t(locale, 'setup.all') }).isChecked()); i++) await page.keyboard.press('ArrowRight')
    await expect(count.getByRole('radio', { name: t(locale, 'setup.all') })).toBeChecked()
    await tabUntil(page, main.getByRole('radio', { name: t(locale, 'setup.shuffled') }))
    await page.keyboard.press('ArrowRight')
    await expect(main.getByRole('radio', { name: t(locale, 'setup.articleOrder') })).toBeChecked()
    await tabUntil(page, main.getByRole('button', { name: t(locale, 'setup.start') }))
    await page.keyboard.press('Enter')

    const n = set.questions.length
    const firstOfType = new Set<string>()
    let right = 0
    for (let k = 1; k <= n; k++) {
      await expect(main.getByText(t(locale, 'quiz.progress', { k, n }))).toBeVisible()
      const q = await questionOnScreen(page, locale)
      // The keyboard is at the question when it comes: in its text box, or on its prompt.
      const typed = q.type === 'blank' || q.type === 'numeric'
      await expect(typed ? main.getByRole('textbox', { name: q.prompt[locale] }) : main.getByRole('heading', { level: 2, name: q.prompt[locale] })).toBeFocused()
      // The first question of each type is answered wrong, the rest right.
      const ok = firstOfType.has(q.type)
      firstOfType.add(q.type)
      if (ok) right++
      await answerQuestion(page, locale, q, ok, 'keyboard')
      if (q.type !== 'flashcard') await expectVerdict(page, locale, ok)
      const next = button(page, t(locale, k === n ? 'quiz.finish' : 'quiz.next'))
      await expect(next, `after answering ${q.id} (${q.type}) the keyboard is on Next`).toBeFocused()
      expect.soft(await focusRingShown(page), `focus ring on Next after ${q.id}`).toBe(true)
      await page.keyboard.press('Enter')
    }
    expect([...firstOfType].sort()).toEqual(['blank', 'flashcard', 'matching', 'multiple', 'numeric', 'ordering', 'single', 'truefalse'])
    await expect(title(page)).toHaveText(t(locale, 'results.title'))
    await expect(main.getByText(t(locale, 'results.score', { correct: right, total: n }))).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'results after a keyboard quiz (en)')
  })
})

// The screens a learner passes through, in both languages and both themes, at a phone's width and
// a desktop's: nothing wider than the window, no symbol drawn as a missing-glyph box, axe clean.
// (With E2E_SHOTS set, each screen is saved as a picture to look at.)
const TOUR = [
  { locale: 'zh', theme: 'light', viewport: PHONE },
  { locale: 'zh', theme: 'dark', viewport: DESKTOP },
  { locale: 'en', theme: 'dark', viewport: PHONE },
  { locale: 'en', theme: 'light', viewport: DESKTOP },
] as const
for (const { locale, theme, viewport } of TOUR) {
  test.describe(`the screens (${locale}, ${theme}, ${viewport.width}px)`, () => {
    test.use({ appLocale: locale, appTheme: theme, colorScheme: theme, viewport })

    test('every question type and its feedback, results, notebook, stats, map, set and import fit and read well', async ({ page }) => {
      test.setTimeout(240_000)
      const main = page.getByRole('main')
      const look = async (label: string) => {
        await expectNoSidewaysScroll(page, `${label} (${locale}, ${theme}, ${viewport.width}px)`)
        await expectNoMissingGlyphs(page, `${label} (${locale}, ${theme}, ${viewport.width}px)`)
        await expectNoSeriousA11yViolations(page, `${label} (${locale}, ${theme}, ${viewport.width}px)`)
        await snap(page, `tour-${label}`)
      }
      await page.goto('/')
      await look('home')
      // One question of each type, in article order of one set: shown, then answered (the first wrong).
      await setUpQuiz(page, locale, 'accusation', 10, ['single', 'multiple', 'truefalse', 'blank', 'numeric', 'ordering', 'matching', 'flashcard'])
      await main.getByRole('group', { name: t(locale, 'setup.count') }).getByRole('radio', { name: t(locale, 'setup.all') }).check()
      await look('quiz-setup')
      await main.getByRole('button', { name: t(locale, 'setup.start') }).click()
      const n = getSet('accusation').questions.length
      const shown = new Set<string>()
      const listed: Question[] = []
      for (let k = 1; k <= n; k++) {
        await expect(main.getByText(t(locale, 'quiz.progress', { k, n }))).toBeVisible()
        const q = await questionOnScreen(page, locale)
        const first = !shown.has(q.type)
        if (first) await look(`question-${q.type}`)
        if (q.type === 'matching') {
          // Which buttons are the items and which their partners is written on screen, one column or two.
          for (const key of ['quiz.leftColumn', 'quiz.rightColumn']) {
            const group = main.getByRole('group', { name: t(locale, key), exact: true })
            await expect(group.getByText(t(locale, key), { exact: true })).toBeVisible()
          }
        }
        if (first && q.type === 'flashcard') {
          await button(page, t(locale, 'quiz.reveal')).click()
          await look('question-flashcard-revealed')
        }
        const right = !first || k % 2 === 0
        if (!right && (q.type === 'matching' || q.type === 'ordering')) listed.push(q)
        await answerQuestion(page, locale, q, right)
        if (first) await look(`feedback-${q.type}`)
        shown.add(q.type)
        await button(page, t(locale, k === n ? 'quiz.finish' : 'quiz.next')).click()
      }
      await expect(title(page)).toHaveText(t(locale, 'results.title'))
      await look('results')
      await navigate(page, locale, 'notebook')
      await expect(main.getByRole('article').first()).toBeVisible()
      // Pairs and orders are lists, one item a line, as in the feedback: the wrong answer and the right one.
      for (const q of listed) {
        const answers = main.getByRole('article', { name: q.prompt[locale] }).getByRole('definition')
        const size = q.type === 'matching' ? q.pairs.length : q.type === 'ordering' ? q.items.length : 0
        for (const i of [0, 1]) await expect(answers.nth(i).getByRole('listitem'), `${q.id} in the notebook`).toHaveCount(size)
      }
      await look('notebook')
      await navigate(page, locale, 'stats')
      await expect(main.getByRole('heading', { level: 2, name: t(locale, 'stats.perSet') })).toBeVisible()
      await look('stats')
      await navigate(page, locale, 'review')
      await expect(title(page)).toHaveText(t(locale, 'review.title'))
      await look('review')
      await navigate(page, locale, 'home')
      await main.getByRole('link', { name: t(locale, 'map.open') }).click()
      await expect(title(page)).toHaveText(t(locale, 'map.title'))
      await look('map')
      await navigate(page, locale, 'home')
      await main.getByRole('article', { name: getSet('routes').title[locale] }).getByRole('link', { name: t(locale, 'home.keyPoints') }).click()
      await look('set')
      await navigate(page, locale, 'home')
      await main.getByRole('link', { name: t(locale, 'home.importCta') }).click()
      await main.getByRole('textbox', { name: t(locale, 'import.paste') }).fill('Tongyi Qianwen\tAlibaba’s family of large language models\nOpen weights\tModel parameters anyone may download\n')
      await expect(main.getByText(t(locale, 'import.total', { n: 4 }))).toBeVisible()
      await look('import-preview')
      await navigate(page, locale, 'settings')
      await look('settings')
    })
  })
}
