// Driving the quiz screens: set up a quiz, see which question is shown, answer it right or wrong
// by mouse or by keyboard alone. The right answers come from questions/*.json.
import { expect, type Locator, type Page } from '@playwright/test'
import { describeCorrect } from '../../src/domain/content/describe'
import type { Question, QuestionType } from '../../src/domain/content/schema'
import { getQuestion } from './bank'
import { t, type Locale } from './i18n'

export const QUESTION_TYPES: readonly QuestionType[] = [
  'single', 'multiple', 'truefalse', 'blank', 'numeric', 'ordering', 'matching', 'flashcard',
]

export interface QuizSetup {
  set: string
  order?: 'article' | 'shuffled'
  count?: 5 | 10 | 20 | 'all'
  mode?: 'practice' | 'exam'
  /** Minutes, exam only. */
  timeLimit?: 5 | 10 | 15 | 20 | 30
  /** Question types to keep (all when omitted). */
  types?: QuestionType[]
}

/** Opens the setup for one set, fills it in and starts; returns the attempt id. */
export async function openSetup(page: Page, set: string): Promise<void> {
  await page.goto(`/quiz/new?set=${set}`)
  await expect(page.getByTestId('start-quiz')).toBeVisible()
  await expect(page.getByTestId(`setup-set-${set}`)).toBeChecked()
}

export async function fillSetup(page: Page, locale: Locale, setup: QuizSetup): Promise<void> {
  if (setup.order === 'article') await page.getByTestId('setup-order-article').check()
  if (setup.count !== undefined) await page.getByTestId(`setup-count-${setup.count}`).check()
  if (setup.types) {
    for (const type of QUESTION_TYPES) {
      const box = page.getByTestId(`setup-type-${type}`)
      if (setup.types.includes(type)) await box.check()
      else await box.uncheck()
    }
  }
  if (setup.mode === 'exam') {
    await page.getByTestId('setup-mode-exam').check()
    if (setup.timeLimit) {
      await page.getByTestId('setup-time-limit').selectOption({ label: t(locale, 'setup.minutes', { n: setup.timeLimit }) })
    }
  }
}

export async function startQuiz(page: Page, locale: Locale, setup: QuizSetup): Promise<string> {
  await openSetup(page, setup.set)
  await fillSetup(page, locale, setup)
  await page.getByTestId('start-quiz').click()
  await page.waitForURL(/\/quiz\/[^/]+$/)
  await expect(questionCard(page)).toBeVisible()
  return new URL(page.url()).pathname.split('/')[2]!
}

export function questionCard(page: Page): Locator {
  return page.locator('article.question')
}

/** The id of the question on screen (from its data-qid). */
export async function currentId(page: Page): Promise<string> {
  const id = await questionCard(page).getAttribute('data-qid')
  if (!id) throw new Error('no question on screen')
  return id
}

export async function currentQuestion(page: Page): Promise<Question> {
  return getQuestion(await currentId(page))
}

/** After "Next": waits for a different question, or for the results page. */
export async function waitForNext(page: Page, previousId: string): Promise<'question' | 'results'> {
  await expect
    .poll(async () => {
      if (/\/results/.test(page.url())) return 'results'
      const id = await questionCard(page).getAttribute('data-qid', { timeout: 500 }).catch(() => null)
      return id && id !== previousId ? 'question' : 'waiting'
    })
    .not.toBe('waiting')
  return /\/results/.test(page.url()) ? 'results' : 'question'
}

export async function clickNext(page: Page): Promise<'question' | 'results'> {
  const id = await currentId(page)
  await page.getByTestId('next').click()
  return waitForNext(page, id)
}

// ----- answering with the mouse -------------------------------------------------------------

/** A wrong answer that is still a complete one (so Check is enabled). */
function wrongNumber(q: Extract<Question, { type: 'numeric' }>): string {
  return String(q.value * 3 + q.tolerance + 7)
}

/** Puts in a right (or wrong) answer and submits it; flashcards are revealed and self-graded. */
export async function answer(page: Page, q: Question, right: boolean): Promise<void> {
  const choice = (id: string) => page.getByTestId(`choice-${id}`)
  switch (q.type) {
    case 'single':
      await choice(right ? q.answer : q.choices.find((c) => c.id !== q.answer)!.id).click()
      break
    case 'multiple':
      if (right) for (const id of q.answer) await choice(id).click()
      else await choice(q.choices.find((c) => !q.answer.includes(c.id))!.id).click()
      break
    case 'truefalse':
      await choice(String(right ? q.answer : !q.answer)).click()
      break
    case 'blank':
      await page.getByTestId('typed-answer').fill(right ? q.answer.zh : '完全不对的答案')
      break
    case 'numeric':
      await page.getByTestId('typed-answer').fill(right ? String(q.value) : wrongNumber(q))
      break
    case 'ordering':
      // The items start shuffled away from the right order, so leaving them is a wrong answer.
      if (right) await putInOrder(page, q)
      break
    case 'matching': {
      const ids = q.pairs.map((p) => p.id)
      // Wrong: the first two partners swapped.
      const partner = (i: number) => (right || i > 1 ? ids[i]! : ids[1 - i]!)
      for (let i = 0; i < ids.length; i++) {
        const left = page.getByTestId(`left-${ids[i]}`)
        // Picking a partner selects the next open item by itself; clicking it again would unselect it.
        if ((await left.getAttribute('aria-pressed')) !== 'true') await left.click()
        await expect(left).toHaveAttribute('aria-pressed', 'true')
        await page.getByTestId(`right-${partner(i)}`).click()
      }
      break
    }
    case 'flashcard':
      await page.getByTestId('reveal').click()
      await expect(page.getByTestId('flashcard-back')).toBeVisible()
      await page.getByTestId(right ? 'grade-3' : 'grade-1').click()
      return
  }
  await page.getByTestId('submit').click()
}

/** The item ids of an ordering question in the order shown. */
export async function shownOrder(page: Page, q: Extract<Question, { type: 'ordering' }>): Promise<string[]> {
  const locale = await localeOf(page)
  const texts = await page.locator('[data-testid="ordering"] > li [data-handle] > span:first-child').allInnerTexts()
  return texts.map((text) => {
    const item = q.items.find((i) => i.text[locale] === text.trim())
    if (!item) throw new Error(`ordering item "${text}" is not in ${q.id}`)
    return item.id
  })
}

/** Moves each item up with its "Move up" button until the list is in the right order. */
async function putInOrder(page: Page, q: Extract<Question, { type: 'ordering' }>): Promise<void> {
  const locale = await localeOf(page)
  const rows = page.locator('[data-testid="ordering"] > li')
  const order = await shownOrder(page, q)
  for (let target = 0; target < q.answer.length; target++) {
    for (let at = order.indexOf(q.answer[target]!); at > target; at--) {
      await rows.nth(at).getByRole('button', { name: new RegExp(`^${t(locale, 'quiz.moveUp')}`) }).click()
      order.splice(at - 1, 0, ...order.splice(at, 1))
    }
  }
  expect(await shownOrder(page, q)).toEqual(q.answer)
}

function cssString(text: string): string {
  return text.replace(/["\\]/g, '\\$&')
}

async function localeOf(page: Page): Promise<Locale> {
  return ((await page.locator('html').getAttribute('lang')) ?? '').startsWith('en') ? 'en' : 'zh'
}

// ----- answering with the keyboard alone -------------------------------------------------------

/** Presses Tab until the focused element matches `selector`; every stop on the way must show a focus ring. */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  const noRing: string[] = []
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate((sel) => {
      const el = document.activeElement
      if (!el || el === document.body) return { match: false, ring: true, what: 'body' }
      const ringOn = (x: Element) => getComputedStyle(x).outlineStyle !== 'none' && getComputedStyle(x).outlineWidth !== '0px'
      const label = el.closest('label')
      return {
        match: el.matches(sel),
        ring: el.matches(':focus-visible') && (ringOn(el) || (label !== null && ringOn(label))),
        what: el.outerHTML.slice(0, 100),
      }
    }, selector)
    if (!stop.ring) noRing.push(stop.what)
    if (stop.match) {
      expect.soft(noRing, 'Tab stops without a visible focus ring').toEqual([])
      return
    }
  }
  throw new Error(`Tab never reached ${selector}`)
}

/** The option ids of a choice question in the order shown (what the number keys pick). */
async function shownChoices(page: Page): Promise<string[]> {
  const ids = await page.locator('[data-testid^="choice-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!))
  return ids.map((id) => id.slice('choice-'.length))
}

/**
 * Answers the question on screen right, using only Tab, Space, number keys, Enter and typing,
 * then moves on with Enter. Returns where that led.
 */
export async function answerByKeyboard(page: Page, q: Question): Promise<'question' | 'results'> {
  const key = async (id: string) => page.keyboard.press(String((await shownChoices(page)).indexOf(id) + 1))
  switch (q.type) {
    case 'single':
      await key(q.answer)
      await page.keyboard.press('Enter')
      break
    case 'multiple':
      for (const id of q.answer) await key(id)
      await page.keyboard.press('Enter')
      break
    case 'truefalse':
      await key(String(q.answer))
      await page.keyboard.press('Enter')
      break
    case 'blank':
    case 'numeric': {
      const input = page.getByTestId('typed-answer')
      if (!(await input.evaluate((el) => el === document.activeElement))) await tabTo(page, '[data-testid="typed-answer"]')
      await page.keyboard.type(q.type === 'blank' ? q.answer.zh : String(q.value))
      await page.keyboard.press('Enter')
      break
    }
    case 'ordering': {
      const locale = await localeOf(page)
      const order = await shownOrder(page, q)
      for (let target = 0; target < q.answer.length; target++) {
        const id = q.answer[target]!
        let at = order.indexOf(id)
        if (at === target) continue
        const label = q.items.find((i) => i.id === id)!.text[locale]
        const up = `button[aria-label="${cssString(`${t(locale, 'quiz.moveUp')}: ${label}`)}"]`
        await tabTo(page, up)
        for (; at > target; at--) {
          // Recover from the focus bug below, so the rest of the quiz is still exercised.
          if (!(await page.locator(up).evaluate((el) => el === document.activeElement))) await tabTo(page, up)
          await page.keyboard.press('Space')
          order.splice(at - 1, 0, ...order.splice(at, 1))
          // At the top the button is disabled and must let go of the focus; anywhere else it keeps it.
          if (at - 1 > 0) {
            await expect
              .soft(
                page.locator(up),
                'APP BUG (src/components/quiz/QuizOrdering.vue): after "Move up" by keyboard the focus must stay on the moved item\'s button, so Space can move it again; it falls back to <body>',
              )
              .toBeFocused({ timeout: 1000 })
          }
        }
      }
      expect(await shownOrder(page, q)).toEqual(q.answer)
      await tabTo(page, '[data-testid="submit"]')
      await page.keyboard.press('Enter')
      break
    }
    case 'matching':
      for (const pair of q.pairs) {
        const left = page.getByTestId(`left-${pair.id}`)
        if ((await left.getAttribute('aria-pressed')) !== 'true') {
          await tabTo(page, `[data-testid="left-${pair.id}"]`)
          await page.keyboard.press('Space')
        }
        await expect(left).toHaveAttribute('aria-pressed', 'true')
        await tabTo(page, `[data-testid="right-${pair.id}"]`)
        await page.keyboard.press('Space')
      }
      await tabTo(page, '[data-testid="submit"]')
      await page.keyboard.press('Enter')
      break
    case 'flashcard':
      await page.keyboard.press('Space')
      await expect(page.getByTestId('flashcard-back')).toBeVisible()
      await page.keyboard.press('3')
      break
  }
  await expect(page.getByTestId('feedback')).toBeVisible()
  await expect(page.getByTestId('verdict')).toContainText(t(await localeOf(page), 'quiz.correct'))
  // Feedback puts the focus on Next, so Enter moves on.
  await expect(page.getByTestId('next')).toBeFocused()
  await page.keyboard.press('Enter')
  return waitForNext(page, q.id)
}

/** The right answer as the notebook and results write it (true/false as the buttons say it). */
export function expectedCorrect(q: Question, locale: Locale): string {
  if (q.type === 'truefalse') return t(locale, q.answer ? 'quiz.trueLabel' : 'quiz.falseLabel')
  return describeCorrect(q, locale)
}

/** The feedback's right answer: one line, a list (matching, ordering), or none (a flashcard's back is on screen). */
export async function expectFeedbackCorrect(page: Page, q: Question, locale: Locale): Promise<void> {
  const box = page.getByTestId('feedback').getByTestId('correct-answer')
  if (q.type === 'flashcard') return expect(box).toHaveCount(0)
  await expectCorrectAnswer(box, q, locale)
}

/** A right answer as feedback, results and the notebook show it: a list for matching and ordering, else one line. */
export async function expectCorrectAnswer(box: Locator, q: Question, locale: Locale): Promise<void> {
  if (q.type === 'matching' || q.type === 'ordering') {
    const items =
      q.type === 'matching'
        ? q.pairs.map((p) => `${p.left[locale]} → ${p.right[locale]}`)
        : q.answer.map((id) => q.items.find((i) => i.id === id)!.text[locale])
    return expect(box.locator('li')).toHaveText(items)
  }
  await expect(box).toHaveText(expectedCorrect(q, locale))
}
