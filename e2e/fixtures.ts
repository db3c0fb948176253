// The `test` every spec uses. On top of Playwright's own it:
// - fails the test on any console error, uncaught page error or Content-Security-Policy violation;
// - starts the app in a chosen language and theme (options `appLocale`, `appTheme`);
// and exports helpers for axe, the language switch and the theme switch.
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test'
import { t, type Locale } from './helpers/i18n'

export { expect }
export type { Locale }
export type ThemeMode = 'system' | 'light' | 'dark'

const LOCALE_KEY = 'qwen-study.locale'
const THEME_KEY = 'qwen-study.theme'
const CSP_BINDING = '__e2eReportCsp'

interface Options {
  /** The UI language on first load, stored before the app starts; null leaves it to the browser. */
  appLocale: Locale | null
  /** The theme on first load; null leaves the app's default (follow the system). */
  appTheme: ThemeMode | null
}

export interface Problems {
  /** Let console errors matching `pattern` through, for a test that provokes them on purpose. */
  allow(pattern: RegExp): void
  /** What went wrong so far (console errors, page errors, CSP violations). */
  list(): string[]
}

interface Collector {
  problems: string[]
  allowed: RegExp[]
}
const collectors = new WeakMap<BrowserContext, Collector>()

interface WindowWithRecords {
  __cspViolations?: string[]
}

export const test = base.extend<Options & { problems: Problems }>({
  appLocale: ['zh', { option: true }],
  appTheme: [null, { option: true }],

  context: async ({ context, appLocale, appTheme }, use) => {
    // The app's own network check (useOnline) fails by design while the network or server is
    // gone, and the browser logs every failed request.
    const collector: Collector = { problems: [], allowed: [/Failed to load resource: net::ERR_\w+ \(http:\/\/localhost:\d+\/favicon\.svg\?online=\d+/] }
    collectors.set(context, collector)
    const report = (text: string) => {
      if (!collector.allowed.some((re) => re.test(text))) collector.problems.push(text)
    }
    context.on('console', (msg) => {
      if (msg.type() !== 'error') return
      const { url, lineNumber } = msg.location()
      report(`console error: ${msg.text()}${url ? ` (${url}:${lineNumber})` : ''}`)
    })
    context.on('weberror', (err) => report(`page error: ${err.error().stack ?? err.error().message}`))
    // A binding outlives navigations, so a violation on a page the test has left still counts.
    await context.exposeBinding(CSP_BINDING, (_source, text: string) => report(`CSP violation: ${text}`))
    await context.addInitScript(
      ({ locale, theme, keys, binding }) => {
        try {
          // Only when unset: a reload must keep what the test switched to.
          if (locale && localStorage.getItem(keys.locale) === null) localStorage.setItem(keys.locale, locale)
          if (theme && localStorage.getItem(keys.theme) === null) localStorage.setItem(keys.theme, theme)
        } catch {
          // about:blank and opaque origins have no storage.
        }
        const w = window as unknown as WindowWithRecords
        w.__cspViolations = []
        document.addEventListener('securitypolicyviolation', (e) => {
          const text = `${e.effectiveDirective} blocked ${e.blockedURI || 'inline code'} (${e.sourceFile || e.documentURI}:${e.lineNumber})`
          w.__cspViolations?.push(text)
          const send = (window as unknown as Record<string, unknown>)[binding]
          if (typeof send === 'function') void send(text)
        })
      },
      { locale: appLocale, theme: appTheme, keys: { locale: LOCALE_KEY, theme: THEME_KEY }, binding: CSP_BINDING },
    )
    await use(context)
  },

  problems: [
    async ({ context }, use) => {
      const collector = collectors.get(context)
      if (!collector) throw new Error('context fixture did not register a collector')
      await use({
        allow: (pattern) => collector.allowed.push(pattern),
        list: () => [...collector.problems],
      })
      // The pages still open may hold violations the binding has not delivered yet.
      for (const page of context.pages()) {
        if (page.isClosed()) continue
        const seen = await page
          .evaluate(() => (window as unknown as WindowWithRecords).__cspViolations ?? [])
          .catch(() => [] as string[])
        for (const text of seen) {
          const line = `CSP violation: ${text}`
          if (!collector.problems.includes(line) && !collector.allowed.some((re) => re.test(line))) collector.problems.push(line)
        }
      }
      expect(collector.problems, 'console errors, page errors or CSP violations').toEqual([])
    },
    { auto: true },
  ],
})

/** Opens a path and waits until the app has started (the loading line gives way to a view). */
export async function gotoApp(page: Page, path: string): Promise<void> {
  await page.goto(path)
  await waitForApp(page)
}

export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('#main h1').first()).toBeAttached()
}

/** The language the app shows now, from <html lang>. */
export async function currentLocale(page: Page): Promise<Locale> {
  const lang = (await page.locator('html').getAttribute('lang')) ?? ''
  return lang.startsWith('en') ? 'en' : 'zh'
}

/** Switches the UI language the way a user does: the header's language button. */
export async function switchLocale(page: Page, locale: Locale): Promise<void> {
  if ((await currentLocale(page)) !== locale) await page.getByTestId('lang-switch').click()
  await expect(page.locator('html')).toHaveAttribute('lang', locale === 'zh' ? 'zh-CN' : 'en')
  await expect(page.getByRole('navigation').getByRole('link', { name: t(locale, 'nav.home') })).toBeVisible()
}

/** The theme mode the app shows now: html[data-theme], or 'system' without it. */
export async function currentTheme(page: Page): Promise<ThemeMode> {
  const v = await page.locator('html').getAttribute('data-theme')
  return v === 'light' || v === 'dark' ? v : 'system'
}

/** Clicks the header's theme button (system → light → dark → system) until `mode` is on. */
export async function switchTheme(page: Page, mode: ThemeMode): Promise<void> {
  for (let i = 0; i < 3 && (await currentTheme(page)) !== mode; i++) await page.getByTestId('theme-switch').click()
  expect(await currentTheme(page)).toBe(mode)
}

/**
 * Runs axe on the page as it is now and fails on serious or critical violations, listing each
 * rule, its impact and help text, and the elements it found.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  await test.step(`axe: ${label}`, async () => {
    const { violations } = await new AxeBuilder({ page }).analyze()
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) =>
        [
          `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
          ...v.nodes.map((n) => `    at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}`),
        ].join('\n'),
      )
    // Soft: the test goes on to check the other screens and reports every violation it met.
    expect.soft(serious, `serious or critical accessibility violations on ${label}:\n${serious.join('\n')}`).toEqual([])
  })
}
