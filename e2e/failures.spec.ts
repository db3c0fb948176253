// The unlucky paths: two tabs editing settings, a device whose storage for the site is full.
// Nothing the learner did is lost and every message says what to do, in their language.
import type { Page } from '@playwright/test'
import { expect, gotoApp, test } from './fixtures'
import { t } from './helpers/i18n'

async function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: true })
}

test.describe('two tabs, settings', () => {
  test("a save in one tab shows in the other, and the other's save never writes it back", async ({ context, page }) => {
    const tabA = page
    const tabB = await context.newPage()
    await gotoApp(tabA, '/settings')
    await gotoApp(tabB, '/settings')
    const newPerDayA = await field(tabA, t('zh', 'settings.newPerDay'))
    const newPerDayB = await field(tabB, t('zh', 'settings.newPerDay'))
    await expect(newPerDayB).toHaveValue('20')

    await newPerDayA.fill('25')
    await tabA.getByRole('button', { name: t('zh', 'settings.save'), exact: true }).click()
    await expect(tabA.getByTestId('settings-status')).toHaveText(t('zh', 'settings.saved'))
    // Tab B shows it without a reload.
    await expect(newPerDayB).toHaveValue('25')

    // Tab B changes another field: tab A's value stays.
    await (await field(tabB, t('zh', 'settings.notebookStreak'))).fill('4')
    await tabB.getByRole('button', { name: t('zh', 'settings.save'), exact: true }).click()
    await expect(tabB.getByTestId('settings-status')).toHaveText(t('zh', 'settings.saved'))
    await tabA.reload()
    await expect(await field(tabA, t('zh', 'settings.newPerDay'))).toHaveValue('25')
    await expect(await field(tabA, t('zh', 'settings.notebookStreak'))).toHaveValue('4')
  })
})
