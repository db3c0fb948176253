// How screens read at a phone's and a desktop's width: figures tied to their labels, tables that
// stay readable when narrow. Driven by roles, accessible names and visible text.
import type { Question } from '../src/domain/content/schema'
import { expect, expectNoSeriousA11yViolations, test } from './fixtures'
import { SET_IDS, getSet } from './helpers/bank'
import { t, type Locale } from './helpers/i18n'
import { answer, clickNext, currentQuestion, startQuiz } from './helpers/quiz'
import { button, escapeRe, title } from './helpers/roles'

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }

for (const locale of ['zh', 'en'] as const satisfies readonly Locale[]) {
  test.describe(`in ${locale}`, () => {
    test.use({ appLocale: locale })

    test('home reads its due count with its label, as one pair', async ({ page }) => {
      await page.setViewportSize(PHONE)
      await page.goto('/')
      const main = page.getByRole('main')
      await expect(title(page)).toHaveText(t(locale, 'home.title'))
      // A screen reader reaches the number as the definition of its label, not as a paragraph on its own.
      const label = main.getByRole('term').filter({ hasText: new RegExp(`^${escapeRe(t(locale, 'home.dueToday'))}$`) })
      await expect(label).toBeVisible()
      const figure = label.locator('xpath=following-sibling::*[1]')
      await expect(figure).toHaveRole('definition')
      await expect(figure).toHaveText('0')
      await expectNoSeriousA11yViolations(page, `home (${locale}, phone)`)
      await expect(main).toMatchAriaSnapshot(`
        - term: ${t(locale, 'home.dueToday')}
        - definition: "0"
      `)
    })

    test('the results list an order or a set of pairs item by item, each marked, with the right one below', async ({ page }) => {
      test.setTimeout(120_000)
      await page.setViewportSize(PHONE)
      await startQuiz(page, locale, { set: 'accusation', types: ['ordering', 'matching'], count: 'all', order: 'article' })
      const asked: Extract<Question, { type: 'ordering' | 'matching' }>[] = []
      for (;;) {
        const q = await currentQuestion(page)
        if (q.type !== 'ordering' && q.type !== 'matching') throw new Error(`${q.id} is a ${q.type} question`)
        asked.push(q)
        await answer(page, q, false)
        if ((await clickNext(page)) === 'results') break
      }
      const main = page.getByRole('main')
      await expect(title(page)).toHaveText(t(locale, 'results.title'))
      for (const [i, q] of asked.entries()) {
        const row = main.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: `${i + 1}. ${q.prompt[locale]}` }) })
        const [mine, right] = [row.getByRole('definition').nth(0), row.getByRole('definition').nth(1)]
        const expected =
          q.type === 'matching'
            ? q.pairs.map((p) => `${p.left[locale]} → ${p.right[locale]}`)
            : q.answer.map((id) => q.items.find((item) => item.id === id)!.text[locale])
        // The learner's answer: one list item per pair or item, each saying whether it is right.
        const items = mine.getByRole('listitem')
        await expect(items).toHaveCount(expected.length)
        for (const text of await items.allTextContents()) {
          expect(text.endsWith(t(locale, 'quiz.itemRight')) || text.endsWith(t(locale, 'quiz.itemWrong')), text).toBe(true)
        }
        await expect(items.filter({ hasText: t(locale, 'quiz.itemWrong') }).first()).toBeVisible()
        await expect(right.getByRole('listitem')).toHaveText(expected)
      }
      await expectNoSeriousA11yViolations(page, `results with lists (${locale}, phone)`)
    })

    test('the header keeps the page’s side margin on a phone: every link inside it, as the brand and the cards are', async ({ page }) => {
      for (const width of [PHONE.width, 360]) {
        await page.setViewportSize({ width, height: PHONE.height })
        await page.goto('/')
        const nav = page.getByRole('navigation', { name: t(locale, 'nav.main') })
        await expect(nav.getByRole('link')).toHaveCount(5)
        const brand = (await page.getByRole('banner').getByRole('link').first().boundingBox())!
        const heading = (await title(page).boundingBox())!
        for (const link of await nav.getByRole('link').all()) {
          const box = (await link.boundingBox())!
          const name = `${await link.textContent()} at ${width}px`
          expect(box.x, name).toBeGreaterThanOrEqual(Math.min(brand.x, heading.x) - 0.5)
          expect(box.x + box.width, name).toBeLessThanOrEqual(width - Math.min(brand.x, heading.x) + 0.5)
        }
        expect(brand.x, 'the page’s side margin').toBeGreaterThanOrEqual(15.5)
      }
    })

    test('the quiz setup keeps its question counts on one row on a phone, “all” beside the numbers', async ({ page }) => {
      await page.goto(`/quiz/new?set=${SET_IDS[0]}`)
      const counts = page.getByRole('group', { name: t(locale, 'setup.count') }).getByRole('radio')
      await expect(counts).toHaveCount(4)
      await expect(counts.last()).toHaveAccessibleName(t(locale, 'setup.all'))
      for (const width of [PHONE.width, 360]) {
        await page.setViewportSize({ width, height: PHONE.height })
        const tops = await Promise.all((await counts.all()).map(async (radio) => (await radio.boundingBox())!.y))
        expect(Math.max(...tops) - Math.min(...tops), `one row at ${width}px`).toBeLessThan(1)
      }
    })

    test('the stats overview leaves no tile alone on a row, and the charts’ labels are the captions’ size', async ({ page }) => {
      const main = page.getByRole('main')
      // One answer in a review: the stats screen then shows its figures.
      await page.goto('/review')
      await button(page, t(locale, 'quiz.dontKnow')).click()
      await expect(button(page, t(locale, 'quiz.next'))).toBeVisible()
      for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
        await page.setViewportSize(viewport)
        await page.goto('/stats')
        const terms = main.getByRole('term')
        const keys = ['stats.reviews', 'stats.studied', 'stats.retention', 'stats.streak', 'stats.longest']
        const tiles = await Promise.all(
          keys.map(async (key) => {
            const term = terms.filter({ hasText: new RegExp(`^${escapeRe(t(locale, key))}$`) })
            await expect(term).toBeVisible()
            return { key, box: (await term.locator('xpath=..').boundingBox())! }
          }),
        )
        const list = (await terms.first().locator('xpath=../..').boundingBox())!
        const rows = new Map<number, typeof tiles>()
        for (const tile of tiles) rows.set(Math.round(tile.box.y), [...(rows.get(Math.round(tile.box.y)) ?? []), tile])
        for (const row of rows.values()) {
          // A tile alone on its row spans the row (a phone's retention); on a desktop none is alone.
          if (row.length === 1) {
            expect(device, `${row[0]!.key} alone on a row`).toBe('phone')
            expect(row[0]!.box.width, `${row[0]!.key} spans its row`).toBeGreaterThan(list.width - 1)
          }
        }
        expect(rows.size, `${device}: rows of tiles`).toBe(device === 'phone' ? 3 : 2)

        // Every label of both charts at the size of the legend below the heatmap, however wide the drawing.
        const legend = main.getByText(t(locale, 'stats.less'), { exact: true })
        const caption = await legend.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
        for (const key of ['stats.heatmap', 'stats.forecast']) {
          const labels = main.getByRole('group', { name: t(locale, key) }).locator('svg text')
          await expect(labels.first()).toBeAttached()
          const sizes = await labels.evaluateAll((els) =>
            els.map((el) => parseFloat(getComputedStyle(el).fontSize) * ((el as SVGGraphicsElement).getScreenCTM()?.a ?? 1)),
          )
          for (const px of sizes) expect(Math.abs(px - caption), `${key} on a ${device}: ${px}px, captions ${caption}px`).toBeLessThan(0.5)
        }
      }
      await expectNoSeriousA11yViolations(page, `stats (${locale}, desktop)`)
    })

    test('the heatmap on a phone opens on its latest weeks with its weekday labels in view', async ({ page }) => {
      await page.setViewportSize(PHONE)
      const main = page.getByRole('main')
      // One answer in a review: the stats screen then shows its charts.
      await page.goto('/review')
      await button(page, t(locale, 'quiz.dontKnow')).click()
      await expect(button(page, t(locale, 'quiz.next'))).toBeVisible()
      await page.goto('/stats')
      const chart = main.getByRole('group', { name: t(locale, 'stats.heatmap') })
      await expect(chart).toBeVisible()
      const room = await chart.evaluate((el) => el.scrollWidth - el.clientWidth)
      expect(room, 'the drawing is wider than a phone').toBeGreaterThan(0)
      await expect.poll(() => chart.evaluate((el) => el.scrollLeft), 'opens on the latest weeks').toBeGreaterThan(room - 2)
      // Monday, Wednesday and Friday, as the chart names them.
      const weekdays = await page.evaluate((lang) => [1, 3, 5].map((d) => new Intl.DateTimeFormat(lang, { weekday: 'short' }).format(new Date(2024, 0, d))), locale)
      const inView = async (where: string) => {
        const box = (await chart.boundingBox())!
        for (const label of weekdays) {
          const text = chart.locator('svg text').filter({ hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) })
          await expect(text).toHaveCount(1)
          const b = (await text.boundingBox())!
          expect(b.x, `${label} ${where}: not scrolled out on the left`).toBeGreaterThanOrEqual(box.x - 0.5)
          expect(b.x + b.width, `${label} ${where}: inside the chart`).toBeLessThanOrEqual(box.x + box.width + 0.5)
        }
      }
      await inView('at the latest weeks')
      // Still scrolled by the keyboard, and the labels stay put.
      await chart.focus()
      await page.keyboard.press('ArrowLeft')
      await expect.poll(() => chart.evaluate((el) => el.scrollLeft), 'the arrow key scrolls back').toBeLessThan(room - 2)
      await chart.evaluate((el) => (el.scrollLeft = 0))
      await inView('at the first weeks')
      await expectNoSeriousA11yViolations(page, `stats heatmap (${locale}, phone)`)
    })

    test('the article map on a phone keeps each question’s prompt readable beside or above its mark', async ({ page }) => {
      await page.setViewportSize(PHONE)
      // A miss: its question is marked as in the notebook, the longest mark.
      await startQuiz(page, locale, { set: 'accusation', order: 'article', count: 5, types: ['single'] })
      const q = await currentQuestion(page)
      await answer(page, q, false)
      await expect(page.getByTestId('feedback')).toBeVisible()
      await page.goto('/map')
      const row = page.getByTestId(`map-q-${q.id}`)
      await expect(row).toContainText(t(locale, 'map.mastery.notebook'))
      const box = (await row.boundingBox())!
      const prompt = (await row.getByText(q.prompt[locale], { exact: true }).boundingBox())!
      const mark = (await row.getByText(t(locale, 'map.mastery.notebook')).boundingBox())!
      // Not a strip of a few words a line: at least 11rem, the mark beside it or below it.
      expect(prompt.width, 'the prompt’s width').toBeGreaterThanOrEqual(176)
      expect(mark.x + mark.width, 'the mark inside its row').toBeLessThanOrEqual(box.x + box.width + 0.5)
      expect(mark.y + mark.height, 'the mark inside its row').toBeLessThanOrEqual(box.y + box.height + 0.5)
      await expectNoSeriousA11yViolations(page, `article map (${locale}, phone)`)
    })

    test('the results on a phone with more than three misses: each explanation folded under its summary, open on a desktop', async ({ page }) => {
      test.setTimeout(120_000)
      await page.setViewportSize(PHONE)
      await startQuiz(page, locale, { set: 'history', types: ['single', 'truefalse'], count: 5, order: 'article' })
      const asked: Question[] = []
      for (;;) {
        const q = await currentQuestion(page)
        asked.push(q)
        await answer(page, q, false)
        if ((await clickNext(page)) === 'results') break
      }
      const main = page.getByRole('main')
      await expect(main.getByText(t(locale, 'results.score', { correct: 0, total: 5 }))).toBeVisible()
      const rowOf = (i: number, q: Question) => main.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: `${i + 1}. ${q.prompt[locale]}` }) })
      for (const [i, q] of asked.entries()) {
        // The answer and the right one are there to scan; the explanation waits under its summary.
        await expect(rowOf(i, q).getByRole('definition').first()).toBeVisible()
        await expect(rowOf(i, q).getByText(q.explanation[locale], { exact: true })).toBeHidden()
      }
      const first = rowOf(0, asked[0]!)
      await first.getByText(t(locale, 'quiz.explanation'), { exact: true }).click()
      await expect(first.getByText(asked[0]!.explanation[locale], { exact: true })).toBeVisible()
      await expectNoSeriousA11yViolations(page, `results folded (${locale}, phone)`)

      await page.setViewportSize(DESKTOP)
      await page.reload()
      for (const [i, q] of asked.entries()) await expect(rowOf(i, q).getByText(q.explanation[locale], { exact: true })).toBeVisible()
    })

    for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      test(`the by-set table reads on a ${device}`, async ({ page }) => {
        await page.setViewportSize(viewport)
        const main = page.getByRole('main')
        // One answer in a review: the stats screen then shows its figures.
        await page.goto('/review')
        await button(page, t(locale, 'quiz.dontKnow')).click()
        await expect(button(page, t(locale, 'quiz.next'))).toBeVisible()
        await page.goto('/stats')
        const table = main.getByRole('table', { name: t(locale, 'stats.perSet') })
        await expect(table).toBeVisible()
        await expect(table.getByRole('rowheader')).toHaveCount(SET_IDS.length)
        const region = main.getByRole('region', { name: t(locale, 'stats.perSet') })
        const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth)
        expect(fits, 'the table fits its box: nothing to scroll sideways').toBe(true)
        const tableBox = (await table.boundingBox())!
        for (const id of SET_IDS) {
          const name = getSet(id).title[locale]
          const row = table.getByRole('row', { name: new RegExp(`^${escapeRe(name)}`) })
          const header = row.getByRole('rowheader', { name })
          const cells = row.getByRole('cell')
          await expect(cells).toHaveCount(3)
          const headerBox = (await header.boundingBox())!
          const first = (await cells.first().boundingBox())!
          if (device === 'phone') {
            // One block per set: its name across the width, each figure below under its own label.
            expect(headerBox.width, `${id}: the name spans the row`).toBeGreaterThan(tableBox.width * 0.9)
            expect(first.y, `${id}: figures below the name`).toBeGreaterThanOrEqual(headerBox.y + headerBox.height - 1)
            for (const key of ['stats.mastery', 'stats.accuracy', 'stats.lastAttempt']) {
              await expect(row.getByText(t(locale, key), { exact: true })).toBeVisible()
            }
            // A figure's words wrap as phrases, not a word or two a line.
            const mastery = (await cells.first().boundingBox())!
            expect(mastery.height, `${id}: the mastery figure takes at most two lines`).toBeLessThan(80)
          } else {
            // Four columns under their headers, the labels in each row hidden.
            await expect(table.getByRole('columnheader')).toHaveCount(4)
            await expect(table.getByRole('columnheader').first()).toBeVisible()
            expect(first.x, `${id}: figures beside the name`).toBeGreaterThan(headerBox.x + headerBox.width - 1)
            await expect(row.getByText(t(locale, 'stats.accuracy'), { exact: true })).toBeHidden()
          }
        }
        // No header or figure breaks inside a word ("Accura / cy"): each run of letters and digits
        // sits on one line. Chinese may break between any two characters, so only other runs count.
        const split = await table.evaluate((el) => {
          const broken: string[] = []
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!(node.parentElement?.offsetParent)) continue
            for (const m of (node.textContent ?? '').matchAll(/[^\s\u3000-\u9fff\uff00-\uffef·]+/g)) {
              const range = document.createRange()
              range.setStart(node, m.index)
              range.setEnd(node, m.index + m[0].length)
              const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
              if (tops.size > 1) broken.push(m[0])
            }
          }
          return broken
        })
        expect(split, 'words broken across lines').toEqual([])
        await expectNoSeriousA11yViolations(page, `stats (${locale}, ${device})`)
      })
    }
  })
}
