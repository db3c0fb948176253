// The foundation: the home page lists the six sets, navigation reaches every screen, the language
// and theme switches work and are remembered, and the main pages pass axe in both themes.
import { currentTheme, expect, expectNoSeriousA11yViolations, gotoApp, switchLocale, test } from './fixtures'
import { SET_IDS, getSet } from './helpers/bank'
import { LOCALES, t, type Locale } from './helpers/i18n'

for (const locale of LOCALES) {
  test.describe(`home in ${locale}`, () => {
    test.use({ appLocale: locale })

    test('lists the six question sets with their titles and question counts', async ({ page }) => {
      await gotoApp(page, '/')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'home.title'))
      await expect(page.locator('[data-testid^="set-card-"]')).toHaveCount(SET_IDS.length)
      for (const id of SET_IDS) {
        const set = getSet(id)
        const card = page.getByTestId(`set-card-${id}`)
        await expect(card.getByRole('heading', { level: 2 })).toHaveText(set.title[locale])
        await expect(card.getByTestId('set-count')).toHaveText(t(locale, 'home.questions', { n: set.questions.length }))
      }
    })
  })
}

test.describe('navigation', () => {
  test('the header links reach each main screen', async ({ page }) => {
    const locale: Locale = 'zh'
    await gotoApp(page, '/')
    const nav = page.getByRole('navigation', { name: t(locale, 'nav.main') })
    const links: [string, RegExp][] = [
      ['nav.review', /\/review$/],
      ['nav.notebook', /\/notebook$/],
      ['nav.stats', /\/stats$/],
      ['nav.settings', /\/settings$/],
      ['nav.home', /\/$/],
    ]
    for (const [key, url] of links) {
      await nav.getByRole('link', { name: t(locale, key) }).click()
      await expect(page).toHaveURL(url)
      // Every view has exactly one h1.
      await expect(page.locator('#main h1')).toHaveCount(1)
    }
  })

  test("a set card leads to the set's key points", async ({ page }) => {
    await gotoApp(page, '/')
    const set = getSet('accusation')
    await page.getByTestId('set-card-accusation').getByRole('link', { name: set.title.zh }).click()
    await expect(page).toHaveURL(/\/sets\/accusation$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(set.title.zh)
    const points = page.getByTestId('key-points').getByRole('listitem')
    await expect(points).toHaveCount(set.keyPoints.length)
    await expect(points.first()).toHaveText(set.keyPoints[0]!.zh)
  })

  test('a screen opened from far down the previous one starts at the top', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 600 })
    await gotoApp(page, '/')
    const last = page.getByTestId(`set-card-${SET_IDS.at(-1)}`)
    await last.scrollIntoViewIfNeeded()
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
    await last.getByRole('heading', { level: 2 }).getByRole('link').click()
    await expect(page).toHaveURL(new RegExp(`/sets/${SET_IDS.at(-1)}$`))
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0)
    // And back home from the top: nothing to scroll, home starts at the top too.
    await page.getByRole('navigation', { name: t('zh', 'nav.main') }).getByRole('link', { name: t('zh', 'nav.home') }).click()
    await expect(page.locator('[data-testid^="set-card-"]')).toHaveCount(SET_IDS.length)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
  })

  test('an unknown address shows the not-found view with a way home', async ({ page }) => {
    await gotoApp(page, '/no/such/page')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'notFound.title'))
    await page.getByRole('main').getByRole('link', { name: t('zh', 'notFound.home') }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'home.title'))
  })
})

test.describe('switches', () => {
  test('the language switch changes the UI and is remembered after reload', async ({ page }) => {
    await gotoApp(page, '/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'home.title'))

    await switchLocale(page, 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'home.title'))
    await expect(page.getByTestId('set-card-routes').getByRole('heading')).toHaveText(getSet('routes').title.en)

    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('en', 'home.title'))

    await switchLocale(page, 'zh')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'home.title'))
  })

  test('the theme switch cycles system → light → dark → system and sets html[data-theme]', async ({ page }) => {
    await gotoApp(page, '/')
    const html = page.locator('html')
    const button = page.getByTestId('theme-switch')
    await expect(html).not.toHaveAttribute('data-theme', /.*/)
    await expect(button).toContainText(t('zh', 'theme.system'))

    await button.click()
    await expect(html).toHaveAttribute('data-theme', 'light')
    await expect(button).toContainText(t('zh', 'theme.light'))

    await button.click()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(button).toContainText(t('zh', 'theme.dark'))
    // The dark palette really applies: the page background turns dark.
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(luminance(bg), `body background ${bg} in dark mode`).toBeLessThan(0.2)

    await page.reload()
    await expect(html).toHaveAttribute('data-theme', 'dark')

    await page.getByTestId('theme-switch').click()
    await expect(html).not.toHaveAttribute('data-theme', /.*/)
    expect(await currentTheme(page)).toBe('system')
  })
})

for (const theme of ['light', 'dark'] as const) {
  test.describe(`accessibility in the ${theme} theme`, () => {
    test.use({ appTheme: theme, colorScheme: theme })

    test('home, a set page and not-found have no serious axe violations', async ({ page }) => {
      await gotoApp(page, '/')
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      await expect(page.locator('[data-testid^="set-card-"]')).toHaveCount(SET_IDS.length)
      await expectNoSeriousA11yViolations(page, `home (${theme})`)

      await gotoApp(page, '/sets/accusation')
      await expect(page.getByTestId('key-points')).toBeVisible()
      await expectNoSeriousA11yViolations(page, `set page (${theme})`)

      await gotoApp(page, '/missing')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'notFound.title'))
      await expectNoSeriousA11yViolations(page, `not found (${theme})`)

      await switchLocale(page, 'en')
      await gotoApp(page, '/')
      await expectNoSeriousA11yViolations(page, `home in English (${theme})`)
    })
  })
}

// Every screen a learner can reach from the header, in both languages and both themes, at a phone
// width and on a desktop: no serious or critical finding from axe-core.
for (const locale of LOCALES) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`accessibility of every screen, ${locale}, ${theme}`, () => {
      test.use({ appLocale: locale, appTheme: theme, colorScheme: theme })

      test('no serious axe violations on any screen', async ({ page }) => {
        test.setTimeout(120_000)
        const screens = ['/', '/sets/routes', '/quiz/new', '/review', '/notebook', '/stats', '/settings', '/import', '/missing']
        for (const width of [360, 1280]) {
          await page.setViewportSize({ width, height: 800 })
          for (const path of screens) {
            await gotoApp(page, path)
            await page.waitForLoadState('networkidle')
            await expect(page.locator('#main h1')).toBeVisible()
            await expectNoSeriousA11yViolations(page, `${path} (${locale}, ${theme}, ${width}px)`)
          }
        }
      })
    })
  }
}

/** Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
    const c = Number(x) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * (r ?? 1) + 0.7152 * (g ?? 1) + 0.0722 * (b ?? 1)
}

// A 360px phone (the narrowest common one): nothing may push a screen wider than the phone, and
// every header link must be on screen, not scrolled out of sight.
for (const locale of LOCALES) {
  test.describe(`a 360px phone in ${locale}`, () => {
    test.use({ appLocale: locale, viewport: { width: 360, height: 780 } })

    test('every screen fits the width, and all five header links are in view', async ({ page }) => {
      const screens = ['/', '/sets/routes', '/quiz/new', '/review', '/notebook', '/stats', '/settings', '/import', '/nope']
      for (const path of screens) {
        await gotoApp(page, path)
        await page.waitForLoadState('networkidle')
        const overflow = await page.evaluate(() => {
          const root = document.documentElement
          const nav = document.querySelector('header nav')
          const links = nav ? [...nav.querySelectorAll('a')] : []
          return {
            page: root.scrollWidth - root.clientWidth,
            linksOutside: links.filter((a) => a.getBoundingClientRect().right > root.clientWidth + 0.5).map((a) => a.textContent?.trim()),
          }
        })
        expect(overflow, `${path} in ${locale}`).toEqual({ page: 0, linksOutside: [] })
      }
    })
  })
}
