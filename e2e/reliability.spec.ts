// An answer once sent is recorded exactly once, whatever happens to the page that sent it: the
// page closed before its write landed (the write held back, as on a slow disk, then the page
// closed), with or without a second tab of the app open, a full disk when the next page writes
// it, and a question that left the bank meanwhile. What was recorded is read as a learner reads
// it: the stats screen's review total, the notebook, the quiz's progress, the banners.
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, gotoApp, test } from './fixtures'
import { answersNotStored, holdAnswerWrites } from './helpers/database'
import { t, type Locale } from './helpers/i18n'
import { expectMissed, reviewsInStats } from './helpers/progress'
import { startQuiz } from './helpers/quiz'
import { answerQuestion, button, expectVerdict, questionOnScreen, title } from './helpers/roles'

// An action that cannot happen fails in seconds, not at the test's timeout.
test.use({ actionTimeout: 15_000 })

/** Opens the review and presses "Don't know" on its question: sent, and (unless held back) recorded as a miss. */
async function dontKnowInReview(page: Page, locale: Locale) {
  const q = await questionOnScreen(page, locale)
  await button(page, t(locale, 'quiz.dontKnow')).click()
  return q
}

/** The page sent exactly one answer that is not stored yet: its write is held back. */
async function expectOneSentNotStored(page: Page): Promise<void> {
  expect(await answersNotStored(page)).toHaveLength(1)
  await expect(page.getByRole('main').getByRole('region', { name: new RegExp(t('zh', 'quiz.wrong')) })).toHaveCount(0)
}

test.describe('an answer whose page is closed before its write lands (zh)', () => {
  test('the next page records it once: the stats, the notebook and a reload agree', async ({ page, context }) => {
    await gotoApp(page, '/review')
    const hold = await holdAnswerWrites(page)
    const q = await dontKnowInReview(page, 'zh')
    await expectOneSentNotStored(page)
    // Closed while its write waits: the page never writes it.
    await page.close()
    await hold.release()

    const next = await context.newPage()
    await gotoApp(next, '/')
    expect(await reviewsInStats(next, 'zh')).toBe(1)
    await expectMissed(next, 'zh', q, 1)
    await expectNoSeriousA11yViolations(next, 'notebook after a replayed answer')
    expect(await answersNotStored(next)).toEqual([])
    // Written once: another start-up finds nothing more to write.
    await next.reload()
    expect(await reviewsInStats(next, 'zh')).toBe(1)
  })

  test('with a second tab open, neither writes it twice: it is recorded once, in the quiz it was sent in', async ({ page, context }) => {
    const attempt = await startQuiz(page, 'zh', { set: 'figures', order: 'article', count: 5, types: ['single', 'truefalse'] })
    const other = await context.newPage()
    await gotoApp(other, '/')
    await expect(title(other)).toBeVisible()

    const hold = await holdAnswerWrites(page)
    const q = await questionOnScreen(page, 'zh')
    await answerQuestion(page, 'zh', q, false)
    await expectOneSentNotStored(page)
    await page.close()
    await hold.release()

    // The other tab, started while the first was writing, left it to that tab; now it is closed,
    // the other tab's next start writes it.
    await other.reload()
    expect(await reviewsInStats(other, 'zh')).toBe(1)
    await expectMissed(other, 'zh', q, 1)
    // In the quiz it was sent in: the quiz goes on at its second question.
    await gotoApp(other, `/quiz/${attempt}`)
    await expect(other.getByRole('main').getByText(t('zh', 'quiz.progress', { k: 2, n: 5 }))).toBeVisible()
    expect((await questionOnScreen(other, 'zh')).id).not.toBe(q.id)
    await other.reload()
    expect(await reviewsInStats(other, 'zh')).toBe(1)
  })
})

test.describe('an answer the next page cannot write as it was sent', () => {
  test('a full disk then: a banner says so in Chinese, nothing recorded is lost, and Retry saving records it once', async ({ page, context }) => {
    await gotoApp(page, '/review')
    await dontKnowInReview(page, 'zh')
    await expectVerdict(page, 'zh', false)
    await button(page, t('zh', 'quiz.next')).click()
    const hold = await holdAnswerWrites(page)
    await dontKnowInReview(page, 'zh')
    await expectOneSentNotStored(page)
    await page.close()
    await hold.release()

    // The next page finds the disk full: IndexedDB refuses every new record as a full disk does.
    const next = await context.newPage()
    await next.addInitScript(() => {
      const w = window as unknown as { __add?: unknown }
      w.__add = IDBObjectStore.prototype.add
      IDBObjectStore.prototype.add = () => {
        throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError')
      }
    })
    await gotoApp(next, '/')
    const kept = t('zh', 'quiz.saveFailed', { reason: t('zh', 'storageFull.reason') })
    const banner = next.getByRole('alert').filter({ hasText: kept })
    await expect(banner).toBeVisible()
    await expect(banner).not.toContainText('QuotaExceeded')
    await expectNoSeriousA11yViolations(next, 'home, an answer kept on a full disk')
    // The answer recorded before is still there.
    expect(await reviewsInStats(next, 'zh')).toBe(1)

    // Room again: Retry saving writes it, once.
    await next.evaluate(() => {
      IDBObjectStore.prototype.add = (window as unknown as { __add: typeof IDBObjectStore.prototype.add }).__add
    })
    await banner.getByRole('button', { name: t('zh', 'quiz.retrySave') }).click()
    await expect(banner).toHaveCount(0)
    expect(await reviewsInStats(next, 'zh')).toBe(2)
    expect(await answersNotStored(next)).toEqual([])
  })

  test.describe('in English', () => {
    test.use({ appLocale: 'en' })

    test('its question has left the bank: dropped with a note naming it, and nothing else changes', async ({ page }) => {
      await gotoApp(page, '/review')
      await dontKnowInReview(page, 'en')
      await expectVerdict(page, 'en', false)
      // As a closed page leaves an answer to a question that an update of the bank then removed.
      await page.evaluate(() => {
        const id = 'answer-to-a-removed-question'
        const input = { id, questionId: 'removed-question', setId: 'figures', mode: 'review', answer: { type: 'skip' }, durationMs: 0, now: Date.now(), attemptId: null }
        localStorage.setItem(`qwen-study.pending-answer:${id}`, JSON.stringify({ where: 'review', input, page: 'a-page-closed-since' }))
      })
      await page.reload()
      const note = page.getByRole('status').filter({ hasText: t('en', 'banner.answerDropped', { question: 'removed-question' }) })
      await expect(note).toBeVisible()
      await expectNoSeriousA11yViolations(page, 'review, an answer dropped')
      await note.getByRole('button', { name: t('en', 'dialog.confirm') }).click()
      await expect(note).toHaveCount(0)
      expect(await answersNotStored(page)).toEqual([])
      expect(await reviewsInStats(page, 'en')).toBe(1)
    })
  })
})
