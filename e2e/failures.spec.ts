// The unlucky paths: two tabs editing settings, a device whose storage for the site is full.
// Nothing the learner did is lost and every message says what to do, in their language.
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, gotoApp, test } from './fixtures'
import { t } from './helpers/i18n'
import { chooseFile, expectPreview, openImport, toTsv } from './helpers/imports'

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

test.describe('a full disk', () => {
  test('a set import says the storage is full in plain words, keeps the set, and saves once there is room', async ({ page }) => {
    await openImport(page)
    // A full disk. CDP's Storage.overrideQuotaForOrigin is accepted by Debian's Chromium 156 but
    // changes nothing (navigator.storage.estimate() keeps the real quota and writes succeed), so
    // IndexedDB itself answers as a full disk does: every write fails with QuotaExceededError.
    await page.evaluate(() => {
      const full = () => {
        throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError')
      }
      const w = window as unknown as { __put?: unknown; __add?: unknown }
      w.__put = IDBObjectStore.prototype.put
      w.__add = IDBObjectStore.prototype.add
      IDBObjectStore.prototype.put = full
      IDBObjectStore.prototype.add = full
    })

    const rows = Array.from({ length: 50 }, (_, i) => ({ term: `term ${i}`, definition: `definition ${i}` }))
    await chooseFile(page, 'deck.tsv', toTsv(rows))
    await expectPreview(page, 'zh', rows.length * 2)
    await page.getByTestId('import-save').click()

    const alert = page.getByTestId('import-save-error')
    await expect(alert).toBeVisible()
    await expect(alert).toHaveAttribute('role', 'alert')
    await expect(alert).toContainText(t('zh', 'storageFull.title'))
    await expect(alert).toContainText(t('zh', 'storageFull.safe.set'))
    await expect(alert.getByRole('link', { name: t('zh', 'storageFull.export') })).toBeVisible()
    await expect(alert.getByRole('link', { name: t('zh', 'storageFull.deleteSets') })).toBeVisible()
    // The sizes the browser reports, never the browser's own error name.
    await expect(page.getByTestId('storage-full-usage')).toContainText('已用')
    await expect(alert).not.toContainText('QuotaExceeded')
    await expectNoSeriousA11yViolations(page, 'import, storage full')

    // Room again: the same preview saves.
    await page.evaluate(() => {
      const w = window as unknown as { __put: typeof IDBObjectStore.prototype.put; __add: typeof IDBObjectStore.prototype.add }
      IDBObjectStore.prototype.put = w.__put
      IDBObjectStore.prototype.add = w.__add
    })
    await expect(page.getByTestId('import-save')).toBeEnabled()
    await page.getByTestId('import-save').click()
    await expect(page.getByTestId('import-saved')).toBeVisible()
    await expect(page.getByTestId('import-save-error')).toBeHidden()
  })
})

test.describe('backup import', () => {
  const L = (s: string) => ({ zh: s, en: s })
  const backup = (importedSets: unknown[], cards: unknown[] = []) =>
    JSON.stringify({
      format: 'qwen-study-backup',
      version: 1,
      exportedAt: 0,
      cards,
      reviews: [],
      attempts: [],
      notebook: [],
      settings: [],
      archive: [],
      importedSets,
    })
  const setRecord = (id: string) => ({
    id,
    name: 'Copied set',
    importedAt: 0,
    updatedAt: 0,
    set: {
      id,
      title: L('Copied'),
      keyPoints: [L('A point')],
      questions: [{ id: `${id}-x1`, type: 'flashcard', prompt: L('Front'), back: L('Back'), explanation: L('Why') }],
    },
  })
  const card = {
    questionId: 'imp-kept-x1', setId: 'imp-kept', due: 0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1,
    learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: 0,
  }

  async function chooseBackup(page: Page, text: string): Promise<void> {
    await page.getByTestId('import-progress').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) })
  }

  test('a set that reuses a built-in set id is refused with a clear message; a valid one is imported', async ({ page }) => {
    await gotoApp(page, '/settings')
    await chooseBackup(page, backup([setRecord('figures')]))
    const errors = page.getByTestId('backup-errors')
    await expect(errors).toContainText(t('zh', 'backupImport.conflictTitle'))
    await expect(errors).toContainText(t('zh', 'backupImport.conflictBuiltIn', { name: 'Copied set', id: 'figures' }))

    await chooseBackup(page, backup([setRecord('imp-kept')], [card]))
    await expect(page.getByTestId('backup-status')).toHaveText(t('zh', 'settings.imported'))
    await gotoApp(page, '/')
    await expect(page.getByRole('link', { name: 'Copied set', exact: true })).toHaveCount(1)
    await gotoApp(page, '/sets/figures')
    await expect(page.locator('#main h1')).not.toHaveText('Copied')
  })

  test('a cut-off file, a question set and an impossible value are each explained in Chinese, and nothing is imported', async ({ page }) => {
    await gotoApp(page, '/settings')
    const errors = page.getByTestId('backup-errors')
    const whole = backup([], [card])
    const cut = whole.slice(0, 100) // ends inside a string: the file stops where the text does
    await chooseBackup(page, cut)
    await expect(errors.locator('li')).toHaveText(t('zh', 'backupProblem.incomplete', { line: 1, column: cut.length + 1 }))

    await chooseBackup(page, JSON.stringify(setRecord('mine').set))
    await expect(errors.locator('li')).toHaveText(t('zh', 'backupProblem.questionSet'))

    await chooseBackup(page, backup([], [{ ...card, stability: -5 }]))
    await expect(errors.locator('li')).toHaveText(
      t('zh', 'backupProblem.invalid', { path: 'cards[0].stability', expected: t('zh', 'backupProblem.expected.stability'), got: '-5' }),
    )
    await expect(page.getByTestId('backup-status')).toHaveText('')
  })
})
