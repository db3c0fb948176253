// Learner journeys by roles, accessible names, visible text and the keyboard only (no test ids,
// no CSS selectors): a quiz of every auto-graded type taken by the documented shortcuts alone,
// the focus followed after each step; spaced repetition across days with Playwright's clock;
// language, theme, reload and the network switched mid-session; and the landmarks and live
// regions a screen reader relies on, on every screen. Axe on each new screen.
import type { Locator, Page } from '@playwright/test'
import type { Question, QuestionType } from '../src/domain/content/schema'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'
import { getSet } from './helpers/bank'
import { t, type Locale } from './helpers/i18n'
import { waitForServiceWorker } from './helpers/offline'
import {
  announcements,
  answerQuestion,
  button,
  choiceText,
  escapeRe,
  evidenceOf,
  expectLandmarks,
  expectNoFocusTrap,
  expectVerdict,
  focused,
  focusObscuredBy,
  focusRingShown,
  questionOnScreen,
  recordAnnouncements,
  rightAnswerText,
  tabUntil,
  title,
  typedAnswer,
  wrongChoice,
  homeDue,
} from './helpers/roles'
import { reviewsInStats } from './helpers/progress'

// An action that cannot happen fails in seconds, not at the test's timeout.
test.use({ actionTimeout: 15_000 })

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

/** The element with the keyboard focus shows a ring, polled (a screen draws after a key press). */
async function expectRing(page: Page, after: string): Promise<void> {
  await expect.poll(() => focusRingShown(page), { message: `after ${after} the focus is on ${await focused(page)}, with no ring` }).toBe(true)
}

/** Where the keyboard should be when a question comes: in its text box, or on its prompt. */
function questionFocus(page: Page, locale: Locale, q: Question): Locator {
  const main = page.getByRole('main')
  return q.type === 'blank' || q.type === 'numeric' ? main.getByRole('textbox', { name: q.prompt[locale] }) : main.getByRole('heading', { level: 2, name: q.prompt[locale], exact: true })
}

/** The ordering question's items in the order shown, as ids, read from their handles' names ("2. …"). */
async function orderShown(card: Locator, locale: Locale, q: Extract<Question, { type: 'ordering' }>): Promise<string[]> {
  const names = await card.getByLabel(/^\d+\. /).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))
  return names.map((name) => q.items.find((i) => i.text[locale] === name.replace(/^\d+\. /, ''))!.id)
}

/**
 * Answers the question on screen with the shortcuts the shortcuts dialog lists and the hints
 * on screen say: number keys pick choices, typing goes into the focused box, Alt+↑ moves an
 * ordering item, Enter checks. Matching has no shortcut: Tab and Space, then Tab to Check.
 */
async function answerByShortcuts(page: Page, locale: Locale, q: Question, right: boolean): Promise<void> {
  const main = page.getByRole('main')
  const card = main.getByRole('article', { name: q.prompt[locale], exact: true })
  switch (q.type) {
    case 'single':
    case 'truefalse':
    case 'multiple': {
      const wanted = right ? [q.answer].flat().map(String) : [wrongChoice(q)]
      const values = await card.getByRole(q.type === 'multiple' ? 'checkbox' : 'radio').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))
      for (const id of wanted) {
        await page.keyboard.press(String(values.indexOf(id) + 1))
        await expect(card.getByRole(q.type === 'multiple' ? 'checkbox' : 'radio').nth(values.indexOf(id))).toBeChecked()
      }
      await page.keyboard.press('Enter')
      return
    }
    case 'blank':
    case 'numeric':
      await expect(card.getByRole('textbox', { name: q.prompt[locale] })).toBeFocused()
      await page.keyboard.type(typedAnswer(q, locale, right))
      await page.keyboard.press('Enter')
      return
    case 'ordering': {
      // Shown away from the right order: wrong is as it comes; right is each item raised by Alt+↑.
      if (right) {
        for (let target = 0; target < q.answer.length; target++) {
          const id = q.answer[target]!
          const text = q.items.find((i) => i.id === id)!.text[locale]
          let at = (await orderShown(card, locale, q)).indexOf(id)
          if (at === target) continue
          await tabUntil(page, card.getByLabel(`${at + 1}. ${text}`, { exact: true }))
          for (; at > target; at--) {
            await page.keyboard.press('Alt+ArrowUp')
            // The keyboard moves with the item.
            await expect(card.getByLabel(`${at}. ${text}`, { exact: true })).toBeFocused()
          }
        }
        expect(await orderShown(card, locale, q)).toEqual(q.answer)
      } else await tabUntil(page, card.getByLabel(/^1\. /))
      // On an item (not a button), Enter checks the answer.
      await page.keyboard.press('Enter')
      return
    }
    case 'matching':
      await answerQuestion(page, locale, q, right, 'keyboard')
      return
    default:
      throw new Error(`${q.type} is not answered here`)
  }
}

/** The verdict, what it reads out, and the article's words behind it; Next takes the focus. */
async function expectFeedback(page: Page, locale: Locale, q: Question, right: boolean, last: boolean): Promise<void> {
  await expectVerdict(page, locale, right)
  const feedback = page.getByRole('main').getByRole('region', { name: new RegExp(escapeRe(t(locale, right ? 'quiz.correct' : 'quiz.wrong'))) })
  if (q.source) {
    const { quote, paragraph } = evidenceOf(q, locale)
    await expect(feedback.getByRole('heading', { name: t(locale, 'quiz.evidence') })).toBeVisible()
    await expect(feedback.getByText(quote).first()).toBeVisible()
    await expect(feedback.getByRole('link', { name: paragraph }).first()).toBeVisible()
  }
  const next = button(page, t(locale, last ? 'quiz.finish' : 'quiz.next'))
  await expect(next, `after answering ${q.id} (${q.type}) the keyboard is on ${last ? 'Finish' : 'Next'}`).toBeFocused()
  await expectRing(page, `answering ${q.id}`)
}

interface KeyboardQuiz {
  locale: Locale
  viewport: { width: number; height: number }
  setId: string
  /** How many questions: a radio of the setup's count group ('all' for the whole set). */
  count: '10' | 'all'
}

const KEYBOARD_QUIZZES: KeyboardQuiz[] = [
  { locale: 'zh', viewport: DESKTOP, setId: 'alibaba-stack', count: 'all' },
  { locale: 'en', viewport: PHONE, setId: 'routes', count: '10' },
]

for (const { locale, viewport, setId, count } of KEYBOARD_QUIZZES) {
  test.describe(`keyboard only, by the shortcuts (${locale}, ${viewport.width}px)`, () => {
    test.use({ appLocale: locale, viewport })

    test('a quiz of every auto-graded type by number keys, typing, Alt+↑ and Enter; results; the notebook; a miss retried', async ({ page }) => {
      test.setTimeout(300_000)
      const main = page.getByRole('main')
      const set = getSet(setId)
      await page.goto('/')
      await expect(title(page)).toHaveText(t(locale, 'home.title'))

      // Home → the set's quiz link, by Tab and Enter: the setup's heading takes the focus.
      await tabUntil(page, main.getByRole('article', { name: set.title[locale] }).getByRole('link', { name: t(locale, 'home.quiz'), exact: true }))
      await page.keyboard.press('Enter')
      await expect(title(page)).toHaveText(t(locale, 'setup.title'))
      await expect(title(page)).toBeFocused()
      await expectRing(page, 'opening the setup')

      // Everything but flashcards (graded by the learner, not checked), in article order.
      const countGroup = main.getByRole('group', { name: t(locale, 'setup.count') })
      const countRadio = countGroup.getByRole('radio', { name: count === 'all' ? t(locale, 'setup.all') : count, exact: true })
      await tabUntil(page, countGroup.getByRole('radio', { checked: true }))
      for (let i = 0; i < 5 && !(await countRadio.isChecked()); i++) await page.keyboard.press('ArrowRight')
      await expect(countRadio).toBeChecked()
      const flashcards = main.getByRole('group', { name: t(locale, 'setup.types') }).getByRole('checkbox', { name: t(locale, 'types.flashcard') })
      await tabUntil(page, flashcards)
      await page.keyboard.press('Space')
      await expect(flashcards).not.toBeChecked()
      await tabUntil(page, main.getByRole('radio', { name: t(locale, 'setup.shuffled') }))
      await page.keyboard.press('ArrowRight')
      await expect(main.getByRole('radio', { name: t(locale, 'setup.articleOrder') })).toBeChecked()
      await tabUntil(page, main.getByRole('button', { name: t(locale, 'setup.start') }))
      await page.keyboard.press('Enter')

      const n = count === 'all' ? set.questions.filter((q) => q.type !== 'flashcard').length : Number(count)
      await expect(main.getByText(t(locale, 'quiz.progress', { k: 1, n }))).toBeVisible()
      const first = await questionOnScreen(page, locale)
      await expect(questionFocus(page, locale, first), 'the first question has the keyboard').toBeFocused()
      await expectRing(page, 'starting the quiz')
      await expectNoSeriousA11yViolations(page, `first question (${locale}, ${viewport.width}px)`)

      // "?" lists the shortcuts in a dialog that has the keyboard; Esc closes it and gives the
      // keyboard back. (In a text box "?" is typed: there the "?" button opens the list.)
      const typedFirst = first.type === 'blank' || first.type === 'numeric'
      const helpButton = main.getByRole('button', { name: t(locale, 'quiz.shortcuts'), exact: true })
      if (typedFirst) {
        await tabUntil(page, helpButton)
        await page.keyboard.press('Enter')
      } else await page.keyboard.press('Shift+Slash')
      const help = page.getByRole('dialog', { name: t(locale, 'keys.title') })
      await expect(help).toBeVisible()
      for (const [key, what] of [['1 – 9', 'keys.choose'], ['Enter', 'keys.submit'], ['Ctrl + Z', 'keys.undo'], ['Esc', 'keys.leave'], ['?', 'keys.help']] as const) {
        await expect(help.getByRole('row', { name: `${key} ${t(locale, what)}` })).toBeVisible()
      }
      await expect.poll(() => help.evaluate((d) => d.contains(document.activeElement)), 'the open dialog has the keyboard').toBe(true)
      await expectRing(page, 'opening the shortcuts')
      await expectNoSeriousA11yViolations(page, `shortcuts dialog (${locale})`)
      await page.keyboard.press('Escape')
      await expect(help).toBeHidden()
      await expect(typedFirst ? helpButton : questionFocus(page, locale, first), 'Esc on the shortcuts gives the keyboard back').toBeFocused()
      if (typedFirst) {
        await tabUntil(page, questionFocus(page, locale, first))
        await expect(questionFocus(page, locale, first)).toHaveValue('')
      }
      // Esc on the question asks to leave; Esc again stays, and the keyboard is back at the question.
      await page.keyboard.press('Escape')
      const leave = page.getByRole('dialog', { name: t(locale, 'quiz.leave') })
      await expect(leave).toContainText(t(locale, 'quiz.leaveConfirm'))
      await expectRing(page, 'Esc (leave?)')
      await page.keyboard.press('Escape')
      await expect(leave).toBeHidden()
      await expect(questionFocus(page, locale, first), 'staying gives the keyboard back to the question').toBeFocused()

      // Every question: the first of each type wrong, the rest right.
      const firstOfType = new Map<QuestionType, Question>()
      let right = 0
      let undoneOnce = false
      let trapChecked = false
      for (let k = 1; k <= n; k++) {
        await expect(main.getByText(t(locale, 'quiz.progress', { k, n }))).toBeVisible()
        const q = await questionOnScreen(page, locale)
        await expect(questionFocus(page, locale, q), `question ${k} (${q.id}, ${q.type}) has the keyboard when it comes`).toBeFocused()
        const ok = firstOfType.has(q.type)
        if (!ok) firstOfType.set(q.type, q)
        if (ok) right++
        await answerByShortcuts(page, locale, q, ok)
        await expectFeedback(page, locale, q, ok, k === n)

        if (!undoneOnce && q.type !== 'ordering' && q.type !== 'matching') {
          // Ctrl+Z takes the answer back: the question again, the keyboard at it, not lost on the page.
          undoneOnce = true
          await page.keyboard.press('Control+z')
          await expect(main.getByRole('region', { name: new RegExp(escapeRe(t(locale, ok ? 'quiz.correct' : 'quiz.wrong'))) })).toHaveCount(0)
          await expect(page.getByRole('status').filter({ hasText: t(locale, 'review.undone') })).toBeAttached()
          await expect(questionFocus(page, locale, q), `after Ctrl+Z the keyboard is at ${q.id} again (it is on ${await focused(page)})`).toBeFocused()
          await expectRing(page, 'Ctrl+Z')
          await answerByShortcuts(page, locale, q, ok)
          await expectFeedback(page, locale, q, ok, k === n)
        }
        if (viewport.width < 600) {
          // On a phone Next is pinned to the bottom: nothing the keyboard reaches in the feedback hides behind it.
          const next = button(page, t(locale, k === n ? 'quiz.finish' : 'quiz.next'))
          const bar = main.getByRole('button', { name: t(locale, 'quiz.shortcuts'), exact: true })
          for (const [key, target] of [['Shift+Tab', bar], ['Tab', next]] as const) {
            for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
              await page.keyboard.press(key)
              expect.soft(await focusObscuredBy(page), `${key} in the feedback of ${q.id}: ${await focused(page)} is hidden`).toBeNull()
            }
          }
          await expect(next).toBeFocused()
        }
        if (!trapChecked && q.type === 'matching') {
          // The feedback of a question full of buttons traps nothing: Tab goes round the page and back.
          trapChecked = true
          await expectNoFocusTrap(page, `the feedback of ${q.id}`)
          await tabUntil(page, button(page, t(locale, k === n ? 'quiz.finish' : 'quiz.next')))
        }
        await page.keyboard.press('Enter')
      }
      expect(undoneOnce, 'an answer was taken back with Ctrl+Z').toBe(true)

      // Results: the heading has the keyboard; the score counts every right answer.
      await expect(title(page)).toHaveText(t(locale, 'results.title'))
      await expect(title(page)).toBeFocused()
      await expectRing(page, 'finishing')
      await expect(main.getByText(t(locale, 'results.score', { correct: right, total: n }))).toBeVisible()
      await expectNoSeriousA11yViolations(page, `results (${locale}, ${viewport.width}px)`)
      await expectNoFocusTrap(page, 'results')

      // Back to the header's Mistakes link, and Enter: the notebook's heading has the keyboard.
      const nav = page.getByRole('navigation', { name: t(locale, 'nav.main') })
      await tabUntil(page, nav.getByRole('link', { name: t(locale, 'nav.notebook') }), true, 200)
      await page.keyboard.press('Enter')
      await expect(title(page)).toHaveText(t(locale, 'notebook.title'))
      await expect(title(page)).toBeFocused()
      const missed = [...firstOfType.values()]
      await expect(main.getByRole('button', { name: t(locale, 'notebook.active', { n: missed.length }) })).toBeVisible()
      for (const q of missed) await expect(main.getByRole('article', { name: q.prompt[locale] })).toBeVisible()
      await expectNoSeriousA11yViolations(page, `notebook (${locale}, ${viewport.width}px)`)

      // One miss only, by the type filter chosen with the arrow keys; redone as a quiz, right.
      const again = missed.find((q) => q.type === 'blank' || q.type === 'numeric') ?? missed[0]!
      const typeFilter = main.getByRole('combobox', { name: t(locale, 'notebook.filterType') })
      await tabUntil(page, typeFilter)
      for (let i = 0; i < 10 && (await typeFilter.inputValue()) !== again.type; i++) await page.keyboard.press('ArrowDown')
      await expect(typeFilter).toHaveValue(again.type)
      await expect(main.getByRole('article')).toHaveCount(1)
      await expect(main.getByRole('article', { name: again.prompt[locale] })).toBeVisible()
      await tabUntil(page, main.getByRole('button', { name: new RegExp(escapeRe(t(locale, 'notebook.redo'))) }))
      await page.keyboard.press('Enter')
      await expect(main.getByText(t(locale, 'quiz.progress', { k: 1, n: 1 }))).toBeVisible()
      expect((await questionOnScreen(page, locale)).id).toBe(again.id)
      await expect(questionFocus(page, locale, again), 'the retried question has the keyboard').toBeFocused()
      await answerByShortcuts(page, locale, again, true)
      await expectFeedback(page, locale, again, true, true)
      await page.keyboard.press('Enter')
      await expect(title(page)).toHaveText(t(locale, 'results.title'))
      await expect(title(page)).toBeFocused()
      await expect(main.getByText(t(locale, 'results.score', { correct: 1, total: 1 }))).toBeVisible()
    })
  })
}

test.describe('keyboard only: flashcards and a typed answer counted as right (zh, desktop)', () => {
  test.use({ appLocale: 'zh', viewport: DESKTOP })

  test('reveal by its button or by Space, grade by number keys, "I was right" and a regrade: the keyboard is never dropped', async ({ page }) => {
    test.setTimeout(180_000)
    const locale: Locale = 'zh'
    const main = page.getByRole('main')
    const set = getSet('accusation')
    await page.goto('/')
    await main.getByRole('article', { name: set.title[locale] }).getByRole('link', { name: t(locale, 'home.quiz'), exact: true }).click()
    await main.getByRole('group', { name: t(locale, 'setup.count') }).getByRole('radio', { name: t(locale, 'setup.all') }).check()
    const types = main.getByRole('group', { name: t(locale, 'setup.types') })
    for (const type of ['single', 'multiple', 'truefalse', 'numeric', 'ordering', 'matching'] as const) await types.getByRole('checkbox', { name: t(locale, `types.${type}`) }).uncheck()
    await main.getByRole('radio', { name: t(locale, 'setup.articleOrder') }).check()
    await main.getByRole('button', { name: t(locale, 'setup.start') }).click()

    const n = set.questions.filter((q) => q.type === 'flashcard' || q.type === 'blank').length
    let byButton = true
    let overridden = 0
    for (let k = 1; k <= n; k++) {
      await expect(main.getByText(t(locale, 'quiz.progress', { k, n }))).toBeVisible()
      const q = await questionOnScreen(page, locale)
      await expect(questionFocus(page, locale, q)).toBeFocused()
      const last = k === n
      if (q.type === 'flashcard') {
        const back = q.back[locale]
        if (byButton) {
          // Tab to "show answer" and Enter: the button goes, the keyboard moves to the answer it showed.
          await tabUntil(page, button(page, t(locale, 'quiz.reveal')))
          await page.keyboard.press('Enter')
          await expect(main.getByText(back, { exact: true })).toBeVisible()
          await expect.poll(() => focused(page), `after revealing ${q.id} by its button`).toContain(back.slice(0, 20))
          await expectRing(page, `revealing ${q.id} by its button`)
        } else {
          // Space on the question shows the answer; the keyboard stays on the question.
          await page.keyboard.press('Space')
          await expect(main.getByText(back, { exact: true })).toBeVisible()
          await expect(questionFocus(page, locale, q)).toBeFocused()
        }
        await page.keyboard.press(byButton ? '3' : '1')
        byButton = !byButton
        const next = button(page, t(locale, last ? 'quiz.finish' : 'quiz.next'))
        await expect(next, `after grading ${q.id} the keyboard is on Next`).toBeFocused()
        await expectRing(page, `grading ${q.id}`)
      } else {
        if (q.type !== 'blank') throw new Error(`${q.id} is a ${q.type} question`)
        // A wrong answer the learner knows is right: "I was right" by the keyboard.
        await page.keyboard.type(typedAnswer(q, locale, false))
        await page.keyboard.press('Enter')
        await expectFeedback(page, locale, q, false, last)
        await tabUntil(page, main.getByRole('button', { name: t(locale, 'quiz.iWasRight') }))
        await page.keyboard.press('Enter')
        await expect(main.getByRole('region', { name: new RegExp(escapeRe(t(locale, 'quiz.overridden'))) })).toBeVisible()
        overridden++
        await expect.poll(() => focusRingShown(page), `after "I was right" on ${q.id} the keyboard is on ${await focused(page)}`).toBe(true)
        // Then graded Easy instead of Good: the keyboard stays on the pressed grade.
        const easy = main.getByRole('group', { name: t(locale, 'quiz.changeGrade') }).getByRole('button', { name: new RegExp(`^${escapeRe(t(locale, 'grade.4'))}`) })
        await tabUntil(page, easy)
        await page.keyboard.press('Enter')
        await expect(easy).toHaveAttribute('aria-pressed', 'true')
        await expect(easy).toBeFocused()
        await tabUntil(page, button(page, t(locale, last ? 'quiz.finish' : 'quiz.next')))
      }
      await page.keyboard.press('Enter')
    }
    await expect(title(page)).toHaveText(t(locale, 'results.title'))
    await expect(title(page)).toBeFocused()
    expect(overridden).toBeGreaterThan(0)
    // Every typed answer counted as right; a flashcard graded Again is the only kind of miss.
    const again = Math.floor(set.questions.filter((q) => q.type === 'flashcard').length / 2)
    await expect(main.getByText(t(locale, 'results.score', { correct: n - again, total: n }))).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'results of flashcards and overridden answers (zh)')
  })
})

test.describe('keyboard only: a pair undone, the quiz left and thrown away, a setting saved (en, phone)', () => {
  test.use({ appLocale: 'en', viewport: PHONE })

  test('"undo match" keeps the keyboard on the item; Esc leaves; discarding the unfinished quiz keeps it on the setup; saving settings keeps it on Save', async ({ page }) => {
    test.setTimeout(120_000)
    const locale: Locale = 'en'
    const main = page.getByRole('main')
    const set = getSet('routes')
    await page.goto('/')
    await main.getByRole('article', { name: set.title[locale] }).getByRole('link', { name: t(locale, 'home.quiz'), exact: true }).click()
    const types = main.getByRole('group', { name: t(locale, 'setup.types') })
    for (const type of ['single', 'multiple', 'truefalse', 'blank', 'numeric', 'ordering', 'flashcard'] as const) await types.getByRole('checkbox', { name: t(locale, `types.${type}`) }).uncheck()
    await main.getByRole('button', { name: t(locale, 'setup.start') }).click()
    const q = await questionOnScreen(page, locale)
    if (q.type !== 'matching') throw new Error(`${q.id} is a ${q.type} question`)

    // The first item paired by Tab and Space, then unpaired by its "undo match" button.
    const first = q.pairs[0]!
    const left = main.getByRole('group', { name: t(locale, 'quiz.leftColumn') }).getByRole('button', { name: new RegExp(`^${escapeRe(first.left[locale])}`) })
    await tabUntil(page, left)
    await page.keyboard.press('Space')
    await tabUntil(page, main.getByRole('group', { name: t(locale, 'quiz.rightColumn') }).getByRole('button', { name: new RegExp(`^${escapeRe(first.right[locale])}`) }))
    await page.keyboard.press('Space')
    await expect(left).toContainText(first.right[locale])
    await tabUntil(page, main.getByRole('button', { name: t(locale, 'quiz.unmatch', { item: first.left[locale] }) }))
    await page.keyboard.press('Enter')
    await expect(left).not.toContainText(first.right[locale])
    // The item it belonged to is selected again, and has the keyboard.
    await expect(left).toHaveAttribute('aria-pressed', 'true')
    await expect(left, `after "undo match" the keyboard is on ${await focused(page)}`).toBeFocused()
    await expectRing(page, '"undo match"')

    // Esc, then Enter on Leave: home, its heading with the keyboard, the quiz offered to continue.
    await page.keyboard.press('Escape')
    const leave = page.getByRole('dialog', { name: t(locale, 'quiz.leave') })
    await tabUntil(page, leave.getByRole('button', { name: t(locale, 'quiz.leave') }))
    await page.keyboard.press('Enter')
    await expect(title(page)).toHaveText(t(locale, 'home.title'))
    await expect(title(page)).toBeFocused()
    await expect(main.getByRole('link', { name: new RegExp(`^${escapeRe(t(locale, 'home.continue', { set: set.title[locale], k: 1, n: 1 }).replace(/ 1\/1$/, ''))}`) })).toBeVisible()

    // The setup offers to resume or discard it; discarded, the keyboard stays on the setup.
    await tabUntil(page, main.getByRole('link', { name: t(locale, 'home.quizAll') }))
    await page.keyboard.press('Enter')
    await expect(title(page)).toHaveText(t(locale, 'setup.title'))
    await expect(main.getByText(t(locale, 'setup.resume'))).toBeVisible()
    await tabUntil(page, main.getByRole('button', { name: t(locale, 'setup.discard') }))
    await page.keyboard.press('Enter')
    await expect(main.getByText(t(locale, 'setup.resume'))).toHaveCount(0)
    await expect.poll(() => page.evaluate(() => document.getElementById('main')?.contains(document.activeElement) ?? false), `after "discard" the keyboard is on ${await focused(page)}`).toBe(true)
    await expectRing(page, '"discard"')
    await expectNoSeriousA11yViolations(page, 'setup after discarding (en, phone)')

    // Settings by the keyboard: a field typed into, Save pressed; the keyboard stays on Save.
    await tabUntil(page, page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: t(locale, 'nav.settings') }), true)
    await page.keyboard.press('Enter')
    await expect(title(page)).toHaveText(t(locale, 'settings.title'))
    const perDay = main.getByRole('textbox', { name: t(locale, 'settings.newPerDay') })
    await tabUntil(page, perDay)
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.type('7')
    const save = main.getByRole('button', { name: t(locale, 'settings.save'), exact: true })
    await tabUntil(page, save)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('status').filter({ hasText: t(locale, 'settings.saved') })).toBeAttached()
    await expect(save, `after saving the keyboard is on ${await focused(page)}`).toBeFocused()
    await page.reload()
    await expect(perDay).toHaveValue('7')
  })
})

const MINUTE = 60_000
const DAY = 86_400_000
/** A Wednesday morning, local time: far from midnight, so "a day later" is always a new day. */
const DAY_ONE = new Date(2025, 5, 11, 9, 0, 0).getTime()

/** An interval as the app writes it ("10 min", "3 d"; "10 分钟", "3 天"), in milliseconds. */
function intervalMs(locale: Locale, label: string): number {
  const units: Record<string, number> = { min: MINUTE, h: 60 * MINUTE, d: DAY, mo: 30 * DAY, y: 365 * DAY }
  for (const [unit, ms] of Object.entries(units)) {
    const pattern = new RegExp(`^${escapeRe(t(locale, `interval.${unit}`)).replace('\\{n\\}', '(\\d+(?:\\.\\d+)?)')}$`)
    const m = pattern.exec(label.trim())
    if (m) return Number(m[1]) * ms
  }
  throw new Error(`"${label}" is not an interval in ${locale}`)
}

/** Home's "due today" figure, and the header's Review link (its badge counts the same). */
async function expectDueOnHome(page: Page, locale: Locale, n: number, when: string): Promise<void> {
  await expect(await homeDue(page, locale), `home's due count ${when}`).toHaveText(String(n))
  const link = page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: new RegExp(`^${escapeRe(t(locale, 'nav.review'))}`) })
  await expect(link, `the header's Review link ${when}`).toHaveAccessibleName(n > 0 ? new RegExp(`^${escapeRe(t(locale, 'nav.review'))}\\s*${n}$`) : t(locale, 'nav.review'))
}

/** The review's due and new counts, from its "{due} due · {new} new left" line. */
async function reviewCounts(page: Page, locale: Locale): Promise<{ due: number; fresh: number }> {
  const pattern = new RegExp(escapeRe(t(locale, 'review.remaining', { due: 111, new: 222 })).replace('111', '(\\d+)').replace('222', '(\\d+)'))
  const line = page.getByRole('main').getByText(pattern)
  await expect(line).toBeVisible()
  const m = pattern.exec(await line.innerText())!
  return { due: Number(m[1]), fresh: Number(m[2]) }
}

/** The review's end: "done for today", or "nothing due right now" when more comes later today. */
function reviewDone(page: Page, locale: Locale): Locator {
  return page.getByRole('main').getByRole('heading', { level: 2, name: new RegExp(`${escapeRe(t(locale, 'review.doneTitle'))}|${escapeRe(t(locale, 'review.doneForNow'))}`) })
}

/** When a question the learner has met is due: a time, or "soon" (a learning step, minutes away). */
type Due = number | 'soon'

/**
 * Answers the review question on screen right (graded Good) or wrong (Again) and returns what
 * the screen promised: for a right answer the interval on the pressed grade (the "change grade"
 * buttons, or a flashcard's Good button), for a miss "soon".
 */
async function answerAndReadPromise(page: Page, locale: Locale, q: Question, right: boolean): Promise<Due> {
  const main = page.getByRole('main')
  const nextIn = new RegExp(escapeRe(t(locale, 'quiz.gradeNextIn', { when: '@' })).replace('@', '(.+)'))
  if (q.type === 'flashcard') {
    await button(page, t(locale, 'quiz.reveal')).click()
    const grade = button(page, t(locale, right ? 'grade.3' : 'grade.1'))
    const name = await grade.evaluate((el) => el.textContent ?? '')
    const when = nextIn.exec(name)?.[1]
    expect(when, `the ${right ? 'Good' : 'Again'} button of ${q.id} says when it comes back: ${name}`).toBeTruthy()
    await grade.click()
    await expect(button(page, t(locale, 'quiz.next'))).toBeVisible()
    return right ? intervalMs(locale, when!.trim()) : 'soon'
  }
  await answerQuestion(page, locale, q, right)
  await expectVerdict(page, locale, right)
  if (!right) return 'soon'
  const pressed = main.getByRole('group', { name: t(locale, 'quiz.changeGrade') }).getByRole('button', { pressed: true })
  await expect(pressed).toHaveAccessibleName(new RegExp(`^${escapeRe(t(locale, 'grade.3'))}`))
  return intervalMs(locale, (await pressed.innerText()).replace(t(locale, 'grade.3'), ''))
}

for (const [locale, viewport] of [['zh', DESKTOP], ['en', PHONE]] as const) {
  test.describe(`spaced repetition over days (${locale}, ${viewport.width}px)`, () => {
    test.use({ appLocale: locale, viewport })

    test('each question comes back when its grade said, at +1, +3 and +10 days; home, header and review agree; "again" brings one back the same day', async ({ page }) => {
      test.setTimeout(300_000)
      const main = page.getByRole('main')
      await page.clock.install({ time: DAY_ONE })
      const now = () => page.evaluate(() => Date.now())
      /** Every question met, and when it is due by what the screen promised. */
      const due = new Map<string, { q: Question; at: Due }>()

      /**
       * Opens home and the review as they are now: the questions due (by the promises) are the
       * ones home counts, the review counts and the review shows, each once (a miss may come back
       * after its step); answered right, but for `miss` (the first one shown, answered wrong).
       * Returns the ids shown.
       */
      const reviewWhatIsDue = async (when: string, miss = false): Promise<string[]> => {
        const at = await now()
        for (const { q, at: d } of due.values()) {
          if (d !== 'soon') expect(Math.abs(d - at), `${q.id} falls due too close to ${when} to tell`).toBeGreaterThan(2 * MINUTE)
        }
        const expected = [...due.entries()].filter(([, v]) => v.at === 'soon' || v.at <= at).map(([id]) => id)
        await page.goto('/')
        await expectDueOnHome(page, locale, expected.length, when)
        await page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: new RegExp(`^${escapeRe(t(locale, 'nav.review'))}`) }).click()
        await expect(title(page)).toHaveText(t(locale, 'review.title'))
        if (expected.length === 0) {
          await expect(reviewDone(page, locale), `nothing is due ${when}`).toBeVisible()
          return []
        }
        expect(await reviewCounts(page, locale), `the review's counts ${when}`).toEqual({ due: expected.length, fresh: 0 })
        const shown: string[] = []
        const missed = new Set<string>()
        for (let i = 0; i < expected.length + 3; i++) {
          await expect(main.getByRole('article').or(reviewDone(page, locale)).first()).toBeVisible()
          if (await reviewDone(page, locale).isVisible()) break
          const q = await questionOnScreen(page, locale)
          expect(expected.includes(q.id) || missed.has(q.id), `${q.id} is shown ${when} but was not due`).toBe(true)
          if (!missed.has(q.id)) expect(shown, `${q.id} shown twice ${when}`).not.toContain(q.id)
          const right = !(miss && shown.length === 0)
          shown.push(q.id)
          if (!right) missed.add(q.id)
          const promise = await answerAndReadPromise(page, locale, q, right)
          due.set(q.id, { q, at: promise === 'soon' ? 'soon' : (await now()) + promise })
          await button(page, t(locale, 'quiz.next')).click()
        }
        await expect(reviewDone(page, locale)).toBeVisible()
        expect([...new Set(shown)].sort(), `the questions the review showed ${when}`).toEqual([...expected].sort())
        return shown
      }

      // Three new questions a day, set by its label.
      await page.goto('/settings')
      const perDay = main.getByLabel(t(locale, 'settings.newPerDay'))
      await perDay.fill('3')
      await main.getByRole('button', { name: t(locale, 'settings.save'), exact: true }).click()
      await expect(page.getByRole('status').filter({ hasText: t(locale, 'settings.saved') })).toBeAttached()
      await page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: t(locale, 'nav.home') }).click()
      await expectDueOnHome(page, locale, 0, 'before anything is learned')
      await main.getByRole('link', { name: t(locale, 'home.learnNew', { n: 3 }) }).click()
      expect(await reviewCounts(page, locale)).toEqual({ due: 0, fresh: 3 })

      // Day one: three new questions, the second missed.
      for (const right of [true, false, true]) {
        const q = await questionOnScreen(page, locale)
        expect(due.has(q.id), `${q.id} shown twice`).toBe(false)
        const promise = await answerAndReadPromise(page, locale, q, right)
        due.set(q.id, { q, at: promise === 'soon' ? 'soon' : (await now()) + promise })
        await button(page, t(locale, 'quiz.next')).click()
      }
      // More later today (their learning steps): the end says so, not "done for today".
      await expect(main.getByRole('heading', { level: 2, name: t(locale, 'review.doneForNow') })).toBeVisible()
      await expectNoSeriousA11yViolations(page, `review, nothing due right now (${locale})`)
      // No more new questions from now on: what comes back is what is due.
      await page.goto('/settings')
      await perDay.fill('0')
      await main.getByRole('button', { name: t(locale, 'settings.save'), exact: true }).click()
      await expect(page.getByRole('status').filter({ hasText: t(locale, 'settings.saved') })).toBeAttached()

      // The same day, a quarter of an hour at a time, until nothing is due again today.
      for (let i = 0; i < 4; i++) {
        const at = await now()
        if (![...due.values()].some((v) => v.at === 'soon' || v.at < at + 6 * 60 * MINUTE)) break
        await page.clock.fastForward(15 * MINUTE)
        await reviewWhatIsDue(`${15 * (i + 1)} minutes later`)
      }
      expect([...due.values()].filter((v) => v.at === 'soon' || v.at < DAY_ONE + DAY).map((v) => v.q.id), 'questions still due on day one').toEqual([])

      // Days 1, 3 and 10, late morning: what is due comes back, and nothing else. The first time
      // there is something, the first one is missed ("again"): it is back the same day.
      let againShown = false
      for (const day of [1, 3, 10]) {
        await page.clock.fastForward(DAY_ONE + day * DAY + 2 * 60 * MINUTE - (await now()))
        const shown = await reviewWhatIsDue(`on day +${day}`, !againShown)
        if (shown.length && !againShown) {
          againShown = true
          const again = shown[0]!
          await expectNoSeriousA11yViolations(page, `review done on day +${day} (${locale})`)
          await page.clock.fastForward(15 * MINUTE)
          expect(await reviewWhatIsDue(`15 minutes after "again" on day +${day}`), `"again" brings ${again} back the same day`).toEqual([again])
        }
      }
      expect(againShown, 'a question was due on one of the days').toBe(true)
      expect(due.size).toBe(3)
    })
  })
}

/** The header's language button, named in the language shown now. */
function languageButton(page: Page, locale: Locale): Locator {
  return page.getByRole('banner').getByRole('button', { name: t(locale, 'lang.toggle', { to: t(locale, 'lang.switchTo') }) })
}

/** Clicks the header's theme button until it says `mode`. */
async function themeTo(page: Page, locale: Locale, mode: 'light' | 'dark'): Promise<void> {
  const named = (m: string) => page.getByRole('banner').getByRole('button', { name: t(locale, 'theme.toggle', { mode: t(locale, `theme.${m}`) }) })
  for (let i = 0; i < 3 && !(await named(mode).isVisible()); i++) await page.getByRole('banner').getByRole('button', { name: new RegExp(escapeRe(t(locale, 'theme.toggle', { mode: '@' })).replace('@', '.+')) }).click()
  await expect(named(mode)).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('data-theme', mode)
}

/** What the learner puts in for the question on screen, without sending it; checked by `expectDraft`. */
async function putDraft(page: Page, locale: Locale, q: Question): Promise<void> {
  const card = page.getByRole('main').getByRole('article', { name: q.prompt[locale], exact: true })
  if (q.type === 'blank' || q.type === 'numeric') await card.getByRole('textbox', { name: q.prompt[locale] }).fill(typedAnswer(q, locale, true))
  else if (q.type === 'single' || q.type === 'truefalse') await card.getByRole('radio', { name: choiceText(q, String(q.answer), locale), exact: true }).check()
  else if (q.type === 'multiple') for (const id of q.answer) await card.getByRole('checkbox', { name: choiceText(q, id, locale), exact: true }).check()
  else throw new Error(`no draft for ${q.type}`)
}

/** The draft is still there, shown in `shown` (the interface language now); typed text as it was typed in `typed`. */
async function expectDraft(page: Page, shown: Locale, typed: Locale, q: Question, when: string): Promise<void> {
  const card = page.getByRole('main').getByRole('article', { name: q.prompt[shown], exact: true })
  if (q.type === 'blank' || q.type === 'numeric') await expect(card.getByRole('textbox', { name: q.prompt[shown] }), `the typed answer ${when}`).toHaveValue(typedAnswer(q, typed, true))
  else if (q.type === 'single' || q.type === 'truefalse') await expect(card.getByRole('radio', { name: choiceText(q, String(q.answer), shown), exact: true }), `the choice ${when}`).toBeChecked()
  else if (q.type === 'multiple') for (const id of q.answer) await expect(card.getByRole('checkbox', { name: choiceText(q, id, shown), exact: true }), `the choices ${when}`).toBeChecked()
}

const SWITCHES = [
  { from: 'zh', to: 'en', viewport: DESKTOP },
  { from: 'en', to: 'zh', viewport: PHONE },
] as const

for (const { from, to, viewport } of SWITCHES) {
  test.describe(`language, theme, reload and the network switched mid-session (${from} → ${to}, ${viewport.width}px)`, () => {
    test.use({ appLocale: from, viewport })

    test('an answer half given survives the language, the theme and a reload; a review goes on offline and its answers are there online', async ({ page, context }) => {
      test.setTimeout(240_000)
      const main = page.getByRole('main')
      await recordAnnouncements(page)
      await page.goto('/')
      await waitForServiceWorker(page)
      await expect(title(page)).toHaveText(t(from, 'home.title'))

      // A five-question practice quiz of choices and typed answers, in article order.
      const set = getSet('accusation')
      await main.getByRole('article', { name: set.title[from] }).getByRole('link', { name: t(from, 'home.quiz'), exact: true }).click()
      await main.getByRole('group', { name: t(from, 'setup.count') }).getByRole('radio', { name: '5', exact: true }).check()
      const types = main.getByRole('group', { name: t(from, 'setup.types') })
      for (const type of ['ordering', 'matching', 'flashcard', 'numeric'] as const) await types.getByRole('checkbox', { name: t(from, `types.${type}`) }).uncheck()
      await main.getByRole('radio', { name: t(from, 'setup.articleOrder') }).check()
      await main.getByRole('button', { name: t(from, 'setup.start') }).click()
      const q1 = await questionOnScreen(page, from)
      await answerQuestion(page, from, q1, true)
      await expectVerdict(page, from, true)
      await button(page, t(from, 'quiz.next')).click()

      // The second answer put in, not sent; then the language and the theme switched.
      await expect(main.getByText(t(from, 'quiz.progress', { k: 2, n: 5 }))).toBeVisible()
      const q2 = await questionOnScreen(page, from)
      await putDraft(page, from, q2)
      await languageButton(page, from).click()
      await expect(page.locator('html')).toHaveAttribute('lang', to === 'zh' ? 'zh-CN' : 'en')
      await expect(main.getByText(t(to, 'quiz.progress', { k: 2, n: 5 }))).toBeVisible()
      expect((await questionOnScreen(page, to)).id, 'the same question, in the other language').toBe(q2.id)
      await expect(page, 'the tab title follows the language').toHaveTitle(`${t(to, 'setup.practice')} | ${t(to, 'app.name')}`)
      await expectDraft(page, to, from, q2, 'after switching the language')
      await themeTo(page, to, 'dark')
      await expectDraft(page, to, from, q2, 'after switching the theme')
      await expectNoSeriousA11yViolations(page, `a question after switching to ${to}, dark`)

      // Reloaded: the language, the theme, the question and the answer put in are all there.
      await page.reload()
      await expect(main.getByText(t(to, 'quiz.progress', { k: 2, n: 5 }))).toBeVisible()
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
      await expect(page.locator('html')).toHaveAttribute('lang', to === 'zh' ? 'zh-CN' : 'en')
      await expectDraft(page, to, from, q2, 'after a reload')
      // Sent: the verdict, the explanation and the interface in the language now shown.
      await button(page, t(to, 'quiz.submit')).click()
      await expectVerdict(page, to, true)
      await expect(main.getByText(q2.explanation[to], { exact: true })).toBeVisible()
      await button(page, t(to, 'quiz.next')).click()
      for (let k = 3; k <= 5; k++) {
        const q = await questionOnScreen(page, to)
        await answerQuestion(page, to, q, k !== 4)
        await expectVerdict(page, to, k !== 4)
        await button(page, t(to, k === 5 ? 'quiz.finish' : 'quiz.next')).click()
      }
      await expect(title(page)).toHaveText(t(to, 'results.title'))
      await expect(main.getByText(t(to, 'results.score', { correct: 4, total: 5 }))).toBeVisible()

      // A review; the network goes in the middle of it.
      await page.getByRole('navigation', { name: t(to, 'nav.main') }).getByRole('link', { name: new RegExp(`^${escapeRe(t(to, 'nav.review'))}`) }).click()
      await expect(title(page)).toHaveText(t(to, 'review.title'))
      const missedInReview: Question[] = []
      const answerOne = async (locale: Locale, right: boolean) => {
        const q = await questionOnScreen(page, locale)
        await answerQuestion(page, locale, q, right)
        if (q.type === 'flashcard') await expect(button(page, t(locale, 'quiz.next'))).toBeVisible()
        else await expectVerdict(page, locale, right)
        if (!right) missedInReview.push(q)
        await button(page, t(locale, 'quiz.next')).click()
        return q
      }
      await answerOne(to, false)
      await context.setOffline(true)
      const offline = page.getByRole('status').filter({ hasText: t(to, 'banner.offline') })
      await expect(offline).toBeVisible()
      await expect.poll(() => announcements(page), 'going offline is read out').toContainEqual(expect.stringContaining(t(to, 'banner.offline')))
      await answerOne(to, true)
      // Back to the first language, offline: the banner and the question follow.
      await languageButton(page, to).click()
      await expect(page.getByRole('status').filter({ hasText: t(from, 'banner.offline') })).toBeVisible()
      await expect(title(page)).toHaveText(t(from, 'review.title'))
      await answerOne(from, false)
      await expectNoSeriousA11yViolations(page, `review offline (${from}, dark)`)
      // Reloaded offline: the review goes on, nothing answered comes back.
      const before = await questionOnScreen(page, from)
      await page.reload()
      await expect(page.getByRole('status').filter({ hasText: t(from, 'banner.offline') })).toBeVisible()
      expect((await questionOnScreen(page, from)).id, 'the question on screen before the reload').toBe(before.id)
      await answerOne(from, true)

      // Online again: the banner goes; the quiz's five answers and the review's four are counted, the misses listed.
      await context.setOffline(false)
      await expect(page.getByRole('status').filter({ hasText: t(from, 'banner.offline') })).toHaveCount(0)
      expect(await reviewsInStats(page, from)).toBe(9)
      await page.getByRole('navigation', { name: t(from, 'nav.main') }).getByRole('link', { name: t(from, 'nav.notebook') }).click()
      await expect(title(page)).toHaveText(t(from, 'notebook.title'))
      for (const q of missedInReview) await expect(main.getByRole('article', { name: q.prompt[from] })).toBeVisible()
      await expect(main.getByRole('article')).toHaveCount(1 + missedInReview.length)
      await expectNoSeriousA11yViolations(page, `notebook back online (${from}, dark)`)
    })
  })
}

for (const [locale, viewport] of [['zh', PHONE], ['en', DESKTOP]] as const) {
  test.describe(`what a screen reader finds on each screen (${locale}, ${viewport.width}px)`, () => {
    test.use({ appLocale: locale, viewport })

    test('one h1, one main, named navigation and regions on every screen; verdicts, undo and saved changes read out by live regions', async ({ page }) => {
      test.setTimeout(240_000)
      const main = page.getByRole('main')
      const nav = page.getByRole('navigation', { name: t(locale, 'nav.main') })
      await recordAnnouncements(page)
      /** Landmarks and names, then axe, on the screen now shown. */
      const screen = async (label: string, heading: string) => {
        await expect(title(page)).toHaveText(heading)
        // The tab's title, read out on arrival and in the list of tabs, names the screen in the language shown.
        await expect(page, `the page title on ${label}`).toHaveTitle(`${heading} | ${t(locale, 'app.name')}`)
        await expectLandmarks(page, `${label} (${locale})`)
        await expectNoSeriousA11yViolations(page, `${label} (${locale}, ${viewport.width}px)`)
      }
      /** What was read out from the moment `from` entries had been heard. */
      const heardSince = async (from: number) => (await announcements(page)).slice(from)

      await page.goto('/')
      await screen('home', t(locale, 'home.title'))
      await main.getByRole('article', { name: getSet('figures').title[locale] }).getByRole('link', { name: t(locale, 'home.keyPoints') }).click()
      await screen('a set', getSet('figures').title[locale])
      await nav.getByRole('link', { name: t(locale, 'nav.home') }).click()
      await main.getByRole('link', { name: t(locale, 'map.open') }).click()
      await screen('the map', t(locale, 'map.title'))

      // A quiz: the setup's live count follows the types chosen.
      await nav.getByRole('link', { name: t(locale, 'nav.home') }).click()
      await main.getByRole('article', { name: getSet('figures').title[locale] }).getByRole('link', { name: t(locale, 'home.quiz'), exact: true }).click()
      await screen('quiz setup', t(locale, 'setup.title'))
      await main.getByRole('group', { name: t(locale, 'setup.count') }).getByRole('radio', { name: '5', exact: true }).check()
      let heard = (await announcements(page)).length
      const types = main.getByRole('group', { name: t(locale, 'setup.types') })
      for (const type of ['ordering', 'matching', 'flashcard', 'multiple'] as const) await types.getByRole('checkbox', { name: t(locale, `types.${type}`) }).uncheck()
      const available = getSet('figures').questions.filter((q) => ['single', 'truefalse', 'blank', 'numeric'].includes(q.type)).length
      await expect.poll(() => heardSince(heard), 'the number of questions left is read out').toContainEqual(expect.stringContaining(String(available)))
      await main.getByRole('radio', { name: t(locale, 'setup.articleOrder') }).check()
      await main.getByRole('button', { name: t(locale, 'setup.start') }).click()

      // The quiz's h1 is for screen readers only; the question is the article named by its prompt.
      const q1 = await questionOnScreen(page, locale)
      await expect(title(page)).toHaveText(t(locale, 'setup.practice'))
      await expect(page).toHaveTitle(`${t(locale, 'setup.practice')} | ${t(locale, 'app.name')}`)
      await expectLandmarks(page, `a question (${locale})`)
      await expect(page.getByRole('status').filter({ hasText: /\S/ }), 'nothing read out before an answer').toHaveCount(0)
      heard = (await announcements(page)).length
      await answerQuestion(page, locale, q1, false)
      // Wrong: the status line says so and gives the right answer, once.
      const wrongSaid = q1.type === 'numeric' ? new RegExp(`^${escapeRe(t(locale, 'quiz.announce', { verdict: t(locale, 'quiz.wrong'), answer: '@' })).replace('@', '.+')}$`) : t(locale, 'quiz.announce', { verdict: t(locale, 'quiz.wrong'), answer: rightAnswerText(q1, locale) })
      await expect(page.getByRole('status').filter({ hasText: t(locale, 'quiz.wrong') })).toHaveText(wrongSaid)
      await expect.poll(() => heardSince(heard), 'the verdict is read out once').toEqual([expect.stringMatching(typeof wrongSaid === 'string' ? new RegExp(`^${escapeRe(wrongSaid)}$`) : wrongSaid)])
      await expectLandmarks(page, `feedback (${locale})`)
      await expectNoSeriousA11yViolations(page, `feedback, wrong (${locale}, ${viewport.width}px)`)

      // Undone: read out; answered right: read out.
      heard = (await announcements(page)).length
      await page.getByRole('main').getByRole('button', { name: new RegExp(escapeRe(t(locale, 'review.undo'))) }).click()
      await expect.poll(() => heardSince(heard)).toContainEqual(t(locale, 'review.undone'))
      heard = (await announcements(page)).length
      await answerQuestion(page, locale, q1, true)
      await expect.poll(() => heardSince(heard), 'a right answer is read out').toContainEqual(t(locale, 'quiz.correct'))
      // Dialogs are named and hold one heading below the page's h1.
      await page.getByRole('main').getByRole('button', { name: t(locale, 'quiz.shortcuts'), exact: true }).click()
      await expect(page.getByRole('dialog', { name: t(locale, 'keys.title') })).toBeVisible()
      await expectLandmarks(page, `the shortcuts dialog (${locale})`)
      await page.keyboard.press('Escape')
      await button(page, t(locale, 'quiz.next')).click()
      const missed: Question[] = []
      for (let k = 2; k <= 5; k++) {
        const q = await questionOnScreen(page, locale)
        if (k % 2 !== 0) missed.push(q)
        await answerQuestion(page, locale, q, k % 2 === 0)
        await expectVerdict(page, locale, k % 2 === 0)
        await button(page, t(locale, k === 5 ? 'quiz.finish' : 'quiz.next')).click()
      }
      await screen('results', t(locale, 'results.title'))

      // Review, then the end of it.
      await nav.getByRole('link', { name: new RegExp(`^${escapeRe(t(locale, 'nav.review'))}`) }).click()
      await screen('review', t(locale, 'review.title'))
      const r = await questionOnScreen(page, locale)
      heard = (await announcements(page)).length
      await button(page, t(locale, 'quiz.dontKnow')).click()
      await expect.poll(() => heardSince(heard), '"don\'t know" is read out as a miss').toContainEqual(expect.stringContaining(t(locale, 'quiz.wrong')))
      await expectLandmarks(page, `review feedback (${locale})`)
      await button(page, t(locale, 'quiz.next')).click()
      expect((await questionOnScreen(page, locale)).id).not.toBe(r.id)

      // The notebook: marking one cleared is read out.
      await nav.getByRole('link', { name: t(locale, 'nav.notebook') }).click()
      await screen('notebook', t(locale, 'notebook.title'))
      heard = (await announcements(page)).length
      // (The first question was taken back and answered right: it is not there.)
      await expect(main.getByRole('article', { name: q1.prompt[locale] })).toHaveCount(0)
      await main.getByRole('article', { name: missed[0]!.prompt[locale] }).getByRole('button', { name: new RegExp(escapeRe(t(locale, 'notebook.clear'))) }).click()
      await expect.poll(() => heardSince(heard)).toContainEqual(t(locale, 'notebook.markedCleared'))

      await nav.getByRole('link', { name: t(locale, 'nav.stats') }).click()
      await screen('stats', t(locale, 'stats.title'))
      await nav.getByRole('link', { name: t(locale, 'nav.settings') }).click()
      await screen('settings', t(locale, 'settings.title'))
      heard = (await announcements(page)).length
      await main.getByRole('button', { name: t(locale, 'settings.save'), exact: true }).click()
      await expect.poll(() => heardSince(heard)).toContainEqual(t(locale, 'settings.saved'))
      await main.getByRole('button', { name: t(locale, 'settings.reset') }).click()
      await expect(page.getByRole('dialog', { name: t(locale, 'settings.reset') })).toBeVisible()
      await expectLandmarks(page, `the reset dialog (${locale})`)
      await page.getByRole('dialog').getByRole('button', { name: t(locale, 'settings.cancel') }).click()

      // A set of one's own: saved (the keyboard goes to the message), renamed (read out).
      await nav.getByRole('link', { name: t(locale, 'nav.home') }).click()
      await main.getByRole('link', { name: t(locale, 'home.importCta') }).click()
      await screen('import', t(locale, 'import.title'))
      await main.getByRole('textbox', { name: t(locale, 'import.paste') }).fill('Qwen\tAlibaba’s models\nLlama\tMeta’s models\n')
      await main.getByRole('textbox', { name: t(locale, 'import.name') }).fill('SR words')
      await expect(main.getByText(t(locale, 'import.total', { n: 4 }))).toBeVisible()
      await expectLandmarks(page, `import preview (${locale})`)
      await main.getByRole('button', { name: t(locale, 'import.save') }).click()
      const saved = page.getByRole('status').filter({ hasText: t(locale, 'import.saved', { name: 'SR words', n: 4 }) })
      await expect(saved).toBeFocused()
      await main.getByRole('link', { name: t(locale, 'import.openSet') }).click()
      await screen('an imported set', 'SR words')
      await main.getByRole('button', { name: t(locale, 'set.rename') }).click()
      await main.getByRole('textbox', { name: t(locale, 'set.newName') }).fill('SR words 2')
      heard = (await announcements(page)).length
      await main.getByRole('button', { name: t(locale, 'set.saveName') }).click()
      await expect(title(page)).toHaveText('SR words 2')
      await expect.poll(() => heardSince(heard), 'the rename is read out').toContainEqual(t(locale, 'set.renamed'))

      await page.goto('/nowhere')
      await screen('not found', t(locale, 'notFound.title'))
    })
  })
}
