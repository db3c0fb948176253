// Typed answers graded as a careful reader would: a typo in a long word is accepted and the
// expected spelling shown; a unit that contradicts the question's is wrong, the feedback names
// the expected unit, and "I was right" still counts it as right. In both languages, with axe.
import type { Page } from '@playwright/test'
import { formatNumber } from '../src/domain/content/describe'
import { latinWords } from '../src/domain/content/normalize'
import { expectationOf } from '../src/domain/content/quantity'
import type { BlankQuestion, NumericQuestion, Question } from '../src/domain/content/schema'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'
import { getSet, SET_IDS } from './helpers/bank'
import { t, type Locale } from './helpers/i18n'
import { answer, clickNext, currentQuestion, questionCard, startQuiz } from './helpers/quiz'

/** The first question of the bank that `pick` accepts, with its set. */
function find<Q extends Question>(pick: (q: Question) => q is Q): { setId: string; question: Q } {
  for (const setId of SET_IDS) {
    const question = getSet(setId).questions.find(pick)
    if (question) return { setId, question }
  }
  throw new Error('no question in the bank fits this test')
}

/** The longest plain word of 6+ letters, with two letters in its middle swapped: one typo. */
function typo(text: string): string | null {
  const word = latinWords(text)
    .filter((w) => w.plain && w.raw.length >= 6)
    .sort((a, b) => b.raw.length - a.raw.length)[0]
  if (!word) return null
  const at = text.toLowerCase().indexOf(word.raw)
  if (at < 0) return null
  const i = at + 2
  if (text[i] === text[i + 1]) return null
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2)
}

/** Answers the set's typed questions in article order until `target` is on screen. */
async function goTo(page: Page, locale: Locale, setId: string, target: Question): Promise<void> {
  await startQuiz(page, locale, { set: setId, order: 'article', count: 'all', types: [target.type] })
  for (;;) {
    const q = await currentQuestion(page)
    if (q.id === target.id) return
    await answer(page, q, true)
    await clickNext(page)
  }
}

async function typeAnswer(page: Page, text: string): Promise<void> {
  await page.getByTestId('typed-answer').fill(text)
  await page.getByTestId('submit').click()
  await expect(page.getByTestId('feedback')).toBeVisible()
}

const misspelt = find((q): q is BlankQuestion => q.type === 'blank' && typo(q.answer.en) !== null)
const money = find((q): q is NumericQuestion => q.type === 'numeric' && ['usd', 'cny'].includes(expectationOf(q).kind ?? ''))
const OTHER: Record<string, Record<Locale, string>> = { usd: { zh: '亿元', en: ' billion yuan' }, cny: { zh: '亿美元', en: ' billion US dollars' } }

for (const locale of ['en', 'zh'] as const) {
  test.describe(`typed answers (${locale})`, () => {
    test.use({ appLocale: locale })

    test('a typo in a long word is accepted, with the expected spelling', async ({ page }) => {
      const { setId, question } = misspelt
      await goTo(page, locale, setId, question)
      await typeAnswer(page, typo(question.answer.en)!)
      await expect(page.getByTestId('verdict')).toHaveText(`✓ ${t(locale, 'grading.acceptedSpelling', { expected: question.answer.en })}`)
      await expect(page.getByTestId('override')).toHaveCount(0)
      await expectNoSeriousA11yViolations(page, `spelling note (${locale})`)
    })

    test('a unit that contradicts the question is wrong, names the expected unit, and can be overridden', async ({ page }) => {
      const { setId, question } = money
      const kind = expectationOf(question).kind!
      await goTo(page, locale, setId, question)
      const amount = locale === 'zh' ? String(question.value / 1e8) : String(question.value / 1e9)
      await typeAnswer(page, `${amount}${OTHER[kind]![locale]}`)
      await expect(page.getByTestId('verdict')).toContainText(t(locale, 'quiz.wrong'))
      await expect(page.getByTestId('grade-note')).toHaveText(t(locale, 'grading.wrongUnit', { unit: question.unit![locale] }))
      await expect(page.getByTestId('correct-answer')).toContainText(formatNumber(question.value, locale))
      await expectNoSeriousA11yViolations(page, `unit note (${locale})`)

      await page.getByRole('button', { name: t(locale, 'quiz.iWasRight') }).click()
      await expect(page.getByTestId('verdict')).toContainText(t(locale, 'quiz.overridden'))
      await expect(page.getByTestId('grade-note')).toHaveCount(0)
    })
  })
}

// The typed-answer grader is a chunk of its own, fetched when a typed question is shown. An answer
// checked before it has arrived waits for it: the verdict is the same either way.
test.describe('a typed answer on a fresh page', () => {
  // Every script fetched from the server (no service worker), so each can be held back.
  test.use({ serviceWorkers: 'block' })

  test('is graded right on the first question, with every script slow to arrive', async ({ page }) => {
    const { setId } = find((q): q is BlankQuestion => q.type === 'blank')
    await startQuiz(page, 'zh', { set: setId, order: 'article', count: 'all', types: ['blank', 'numeric'] })
    const q = await currentQuestion(page)
    // A new page on the quiz: its scripts, the grader's too, each arrive half a second late.
    await page.route('**/assets/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500))
      await route.continue()
    })
    await page.reload()
    await expect(questionCard(page)).toHaveAttribute('data-qid', q.id)
    await answer(page, q, true)
    await expect(page.getByTestId('verdict')).toContainText(t('zh', 'quiz.correct'))
    await expect(page.getByTestId('override')).toHaveCount(0)
  })
})
