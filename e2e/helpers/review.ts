// Spaced repetition, the notebook and backups: time travel with Playwright's clock, the review
// screen, the notebook's entries and the grade buttons' interval labels.
import { expect, type Locator, type Page } from '@playwright/test'
import { gotoApp } from '../fixtures'
import { t, type Locale } from './i18n'
import { questionCard } from './quiz'

export const MINUTE = 60_000
export const DAY = 86_400_000

/** A Monday morning, local time: far from midnight, so "the next day" is always a new day. */
export const DAY_ONE = new Date(2025, 2, 3, 9, 0, 0).getTime()

/** Starts the page's clock at `time` (before the app loads); it then runs on by itself. */
export async function startClock(page: Page, time: number = DAY_ONE): Promise<void> {
  await page.clock.install({ time })
}

/** Jumps `ms` ahead (timers due on the way fire once); the next load sees the new time too. */
export async function laterBy(page: Page, ms: number): Promise<void> {
  await page.clock.fastForward(ms)
}

/** Opens the review screen and waits until it shows a question or says it is done. */
export async function openReview(page: Page, query = ''): Promise<void> {
  await gotoApp(page, `/review${query}`)
  await expect(questionCard(page).or(page.getByTestId('review-done'))).toBeVisible()
}

/** The "{due} due · {new} new left" line of the review screen. */
export async function expectRemaining(page: Page, locale: Locale, due: number, fresh: number): Promise<void> {
  await expect(page.getByTestId('review-remaining')).toHaveText(t(locale, 'review.remaining', { due, new: fresh }))
}

export function notebookItem(page: Page, questionId: string): Locator {
  return page.getByTestId(`notebook-item-${questionId}`)
}

export async function openNotebook(page: Page): Promise<void> {
  await gotoApp(page, '/notebook')
  // With only cleared entries the tabs and the empty note both show.
  await expect(page.getByTestId('notebook-empty').or(page.getByTestId('notebook-tab-active')).first()).toBeVisible()
}

/** Opens the stats screen and waits until its numbers (or its empty state) are there. */
export async function openStats(page: Page): Promise<void> {
  await gotoApp(page, '/stats')
  await expect(page.getByTestId('stats-empty').or(page.getByTestId('total-reviews')).first()).toBeVisible()
}

const UNIT_MS: Record<string, number> = { min: MINUTE, h: 60 * MINUTE, d: DAY, mo: 30 * DAY, y: 365 * DAY }

/**
 * An interval label as the app writes it ("10 min", "3 d", "1.5 mo"; "10 分钟", "3 天"), in
 * milliseconds. Throws on anything else, so a blank or garbled label fails the test.
 */
export function intervalMs(locale: Locale, label: string): number {
  for (const [unit, ms] of Object.entries(UNIT_MS)) {
    const [before, after] = t(locale, `interval.${unit}`).split('{n}') as [string, string]
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const match = new RegExp(`^${escape(before)}(\\d+(?:\\.\\d+)?)${escape(after)}$`).exec(label.trim())
    if (match) return Number(match[1]) * ms
  }
  throw new Error(`"${label}" is not an interval label in ${locale}`)
}

/** The interval shown on each of the four grade buttons (Again, Hard, Good, Easy), as text. */
export async function gradeLabels(page: Page): Promise<string[]> {
  const labels: string[] = []
  for (const grade of [1, 2, 3, 4]) {
    const when = page.getByTestId(`grade-${grade}`).locator('.when')
    await expect(when).not.toBeEmpty()
    labels.push((await when.innerText()).trim())
  }
  return labels
}
