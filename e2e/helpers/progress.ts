// What a learner sees of the progress recorded: the stats screen's review total and the
// notebook's entries, read by roles and visible text.
import { expect, type Page } from '@playwright/test'
import type { Question } from '../../src/domain/content/schema'
import { t, type Locale } from './i18n'
import { escapeRe, navigate, title } from './roles'

/** The stats screen's review total (the definition that follows its "Reviews" term), reached from the header. */
export async function reviewsInStats(page: Page, locale: Locale): Promise<number> {
  await navigate(page, locale, 'stats')
  const main = page.getByRole('main')
  await expect(title(page)).toHaveText(t(locale, 'stats.title'))
  await expect(main.getByRole('term').filter({ hasText: t(locale, 'stats.reviews') }).first()).toBeVisible()
  const snapshot = await main.ariaSnapshot()
  const m = new RegExp(`- term: ${escapeRe(t(locale, 'stats.reviews'))}\\n\\s*- definition: "?([\\d,]+)"?`).exec(snapshot)
  if (!m) throw new Error(`no "${t(locale, 'stats.reviews')}" figure on the stats screen:\n${snapshot}`)
  return Number(m[1]!.replace(/,/g, ''))
}

/** The notebook, reached from the header, lists `q` as missed `n` times. */
export async function expectMissed(page: Page, locale: Locale, q: Question, n: number): Promise<void> {
  await navigate(page, locale, 'notebook')
  await expect(title(page)).toHaveText(t(locale, 'notebook.title'))
  await expect(page.getByRole('main').getByRole('article', { name: q.prompt[locale] }).getByText(t(locale, 'notebook.missed', { n }))).toBeVisible()
}
