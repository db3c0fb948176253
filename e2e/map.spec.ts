// The article map: every paragraph in our own words under its section heading, the quotes and
// questions on it with the learner's mastery; a question starts from it, evidence in feedback
// and in the notebook links to its paragraph; offline and at 360px too.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, expectNoSeriousA11yViolations, gotoApp, test } from './fixtures'
import { LOCALES, t } from './helpers/i18n'
import { waitForServiceWorker } from './helpers/offline'
import { answer, currentId, currentQuestion, startQuiz } from './helpers/quiz'

interface MapJson {
  paragraphs: { n: number; kind: string; summary: { zh: string; en: string } }[]
}
const map = JSON.parse(readFileSync(fileURLToPath(new URL('../questions/map/article-map.json', import.meta.url)), 'utf8')) as MapJson
const headings = map.paragraphs.filter((p) => p.kind === 'title' || p.kind === 'heading')

for (const locale of LOCALES) {
  test.describe(`in ${locale === 'zh' ? 'Chinese' : 'English'}`, () => {
    test.use({ appLocale: locale })

    test('evidence leads to its paragraph on the map, which shows the question in the notebook; a tap starts it', async ({ page }) => {
      await startQuiz(page, locale, { set: 'accusation', order: 'article', count: 5, types: ['single'] })
      const q = await currentQuestion(page)
      await answer(page, q, false)
      await expect(page.getByTestId('feedback')).toBeVisible()
      const n = [q.source!.paragraph].flat()[0]!

      await page.getByTestId('feedback').getByTestId(`evidence-map-${n}`).click()
      await expect(page).toHaveURL(new RegExp(`/map#p-${n}$`))
      const para = page.getByTestId(`map-p-${n}`)
      await expect(para).toBeInViewport()
      await expect(para.getByTestId('map-summary')).toHaveText(map.paragraphs[n - 1]!.summary[locale])
      await expect(para.getByTestId(`map-q-${q.id}`)).toContainText(t(locale, 'map.mastery.notebook'))
      for (const quote of [q.source!.quote].flat()) await expect(para).toContainText(quote)
      // The section headings, in our words.
      for (const h of headings) await expect(page.getByTestId(`map-section-${h.n}`).getByRole('heading', { level: 2 })).toContainText(h.summary[locale])
      await expectNoSeriousA11yViolations(page, `${locale}: article map`)

      await para.getByTestId(`map-q-${q.id}`).click()
      await page.waitForURL(/\/quiz\/[^/]+$/)
      expect(await currentId(page)).toBe(q.id)

      // The notebook's evidence links to the map too.
      await gotoApp(page, '/notebook')
      const item = page.getByTestId(`notebook-item-${q.id}`)
      await item.getByText(t(locale, 'notebook.why')).click()
      await item.getByTestId(`evidence-map-${n}`).click()
      await expect(page).toHaveURL(new RegExp(`/map#p-${n}$`))
    })

    test.describe('on a 360px phone', () => {
      test.use({ viewport: { width: 360, height: 780 } })

      test('the map fits the phone', async ({ page }) => {
        await gotoApp(page, '/map')
        await expect(page.getByTestId('map-p-2')).toBeVisible()
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
        await expectNoSeriousA11yViolations(page, `${locale}: article map at 360px`)
      })
    })
  })
}

test('the map works offline', async ({ page, context }) => {
  await gotoApp(page, '/')
  await waitForServiceWorker(page)
  await context.setOffline(true)
  await page.getByTestId('open-map').click()
  await expect(page.getByTestId('map-p-39').getByTestId('map-summary')).toHaveText(map.paragraphs[38]!.summary.zh)
  await page.reload()
  await expect(page.getByTestId('map-p-2').getByTestId('map-summary')).toHaveText(map.paragraphs[1]!.summary.zh)
})
