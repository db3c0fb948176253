// Offline use and durability: the service worker serves every screen without a network or with
// the server gone; a new version waits until no quiz is under way; tabs see each other's answers;
// a database upgrade in another tab never hangs; with IndexedDB blocked the app runs in memory and
// says so; the web app manifest is complete and installable.
import { rmSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, gotoApp, test, waitForApp } from './fixtures'
import { getSet } from './helpers/bank'
import { t } from './helpers/i18n'
import {
  DIST,
  V2_MARK,
  buildMark,
  freePort,
  makeNextVersion,
  pngSize,
  startPreview,
  waitForServiceWorker,
  type PreviewServer,
} from './helpers/offline'
import { getQuestion } from './helpers/bank'
import { answer, clickNext, currentId, currentQuestion, questionCard, startQuiz } from './helpers/quiz'

/** Opens a path by a full page load and checks the app (not the browser's error page) answered. */
async function loadScreen(page: Page, path: string, heading: string): Promise<void> {
  await test.step(`load ${path}`, async () => {
    await page.goto(path)
    expect(page.url(), 'the browser showed its own error page').not.toMatch(/^chrome-error:/)
    await waitForApp(page)
    await expect(page.locator('#main h1')).toHaveText(heading)
  })
}

/** Answers the quiz question on screen and waits for its feedback. */
async function answerShown(page: Page, right: boolean): Promise<string> {
  const q = await currentQuestion(page)
  await answer(page, q, right)
  await expect(page.getByTestId('verdict')).toContainText(t('zh', right ? 'quiz.correct' : 'quiz.wrong'))
  return q.id
}

/** Answers every remaining question of the quiz on screen (right unless listed) up to its results. */
async function finishQuiz(page: Page, wrong: ReadonlySet<string> = new Set()): Promise<void> {
  for (;;) {
    const q = await currentQuestion(page)
    await answerShown(page, !wrong.has(q.id))
    if ((await clickNext(page)) === 'results') break
  }
  await expect(page.locator('#main h1')).toHaveText(t('zh', 'results.title'))
}

async function expectTotalReviews(page: Page, n: number): Promise<void> {
  await loadScreen(page, '/stats', t('zh', 'stats.title'))
  await expect(page.getByTestId('total-reviews')).toHaveText(String(n))
}

test.describe('offline (network switched off)', () => {
  test('reload, deep links, a quiz and its stats all work offline, and everything is kept', async ({ page, context }) => {
    test.setTimeout(120_000)
    await gotoApp(page, '/')
    await waitForServiceWorker(page)

    // Online: a quiz begins, one answer is in.
    const attemptId = await startQuiz(page, 'zh', { set: 'figures', order: 'article', count: 5 })
    await answerShown(page, true)
    await clickNext(page)
    const second = await currentId(page)

    await context.setOffline(true)
    await expect(page.getByTestId('banner-offline')).toContainText(t('zh', 'banner.offline'))

    // A reload on the quiz resumes it from the service worker's copy of the app.
    await page.reload()
    expect(page.url()).not.toMatch(/^chrome-error:/)
    await expect(questionCard(page)).toHaveAttribute('data-qid', second)
    await expect(page.getByTestId('banner-offline')).toBeVisible()

    await loadScreen(page, '/', t('zh', 'home.title'))
    await loadScreen(page, '/notebook', t('zh', 'notebook.title'))
    await expect(page.getByTestId('notebook-empty')).toBeVisible()
    await expectTotalReviews(page, 1)
    await loadScreen(page, '/quiz/new', t('zh', 'setup.title'))
    await loadScreen(page, '/sets/figures', getSet('figures').title.zh)

    // The quiz started online goes on offline; its second question is answered wrong.
    await page.goto(`/quiz/${attemptId}`)
    await expect(questionCard(page)).toHaveAttribute('data-qid', second)
    await expect(page.getByTestId('banner-offline')).toBeVisible()
    await finishQuiz(page, new Set([second]))
    await expect(page.getByTestId('result-score')).toHaveText(t('zh', 'results.score', { correct: 4, total: 5 }))

    // A new quiz, set up and taken entirely offline.
    await startQuiz(page, 'zh', { set: 'routes', order: 'article', count: 5 })
    await finishQuiz(page)

    await expectTotalReviews(page, 10)
    await loadScreen(page, '/notebook', t('zh', 'notebook.title'))
    await expect(page.getByTestId(`notebook-item-${second}`)).toBeVisible()
    await expect(page.getByTestId('banner-offline')).toBeVisible()

    // Back online: the banner goes, and after a reload everything done offline is still there.
    await context.setOffline(false)
    await expect(page.getByTestId('banner-offline')).toBeHidden()
    await page.reload()
    await waitForApp(page)
    await expect(page.getByTestId(`notebook-item-${second}`)).toBeVisible()
    await expectTotalReviews(page, 10)
    await expect(page.getByTestId('banner-offline')).toBeHidden()
  })
})

interface Preview {
  readonly url: string
  /** Stops the server. */
  stop(): Promise<void>
  /** Serves another build directory on the same port (and so the same origin). */
  restart(dir: string): Promise<void>
}

// These tests stop and restart the server, so each gets a `vite preview` of its own on a free
// port (and so its own origin: service worker, caches and IndexedDB start empty).
const ownServer = test.extend<{ preview: Preview }>({
  // Playwright reads the fixtures a fixture needs from its first parameter: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  preview: async ({}, use) => {
    const port = await freePort()
    let server: PreviewServer | null = await startPreview(DIST, port)
    await use({
      url: server.url,
      async stop() {
        await server?.stop()
        server = null
      },
      async restart(dir) {
        await server?.stop()
        server = null
        server = await startPreview(dir, port)
      },
    })
    await server?.stop()
  },
  baseURL: async ({ preview }, use) => use(preview.url),
})

test.describe('offline, while the browser still says online', () => {
  // Some Chromium builds keep navigator.onLine true after the network goes and the page reloads;
  // the learner must be told all the same.
  test('the offline banner shows and goes with the network, whatever navigator.onLine says', async ({ page, context }) => {
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true })
    })
    await gotoApp(page, '/')
    await waitForServiceWorker(page)
    await expect(page.getByTestId('banner-offline')).toBeHidden()

    await context.setOffline(true)
    await page.reload()
    await waitForApp(page)
    expect(await page.evaluate(() => navigator.onLine)).toBe(true)
    await expect(page.getByTestId('banner-offline')).toContainText(t('zh', 'banner.offline'))

    await context.setOffline(false)
    // No event may say so: the app's own recheck (every 5 s) sees the network again.
    await expect(page.getByTestId('banner-offline')).toBeHidden({ timeout: 12_000 })
  })
})

ownServer.describe('offline (server gone)', () => {
  ownServer('with the server stopped, reload and deep links still come up, never the error page', async ({ page, preview }) => {
    await gotoApp(page, '/')
    await waitForServiceWorker(page)
    const attemptId = await startQuiz(page, 'zh', { set: 'history', order: 'article', count: 5 })
    const first = await answerShown(page, false)
    await clickNext(page)
    const second = await currentId(page)

    await preview.stop()
    await expect.poll(() => fetch(preview.url).then(() => 'up', () => 'down'), { message: 'the server is gone' }).toBe('down')

    await page.reload()
    expect(page.url()).not.toMatch(/^chrome-error:/)
    await expect(questionCard(page)).toHaveAttribute('data-qid', second)
    await loadScreen(page, '/', t('zh', 'home.title'))
    await loadScreen(page, '/notebook', t('zh', 'notebook.title'))
    await expect(page.getByTestId(`notebook-item-${first}`)).toBeVisible()
    await loadScreen(page, '/stats', t('zh', 'stats.title'))
    await expect(page.getByTestId('total-reviews')).toHaveText('1')
    await loadScreen(page, '/quiz/new', t('zh', 'setup.title'))
    await loadScreen(page, '/review', t('zh', 'review.title'))
    await loadScreen(page, '/settings', t('zh', 'settings.title'))
    await loadScreen(page, '/no/such/page', t('zh', 'notFound.title'))

    // The quiz goes on without the server: answers are saved and counted.
    await page.goto(`/quiz/${attemptId}`)
    expect(page.url()).not.toMatch(/^chrome-error:/)
    await expect(questionCard(page)).toHaveAttribute('data-qid', second)
    await answerShown(page, true)
    await expectTotalReviews(page, 2)
  })
})

ownServer.describe('updates', () => {
  ownServer('a new version waits while a quiz is under way and applies from the home screen', async ({ page, preview }) => {
    const v2 = makeNextVersion()
    try {
      await gotoApp(page, '/')
      await waitForServiceWorker(page)
      expect(await buildMark(page)).toBeNull()
      await startQuiz(page, 'zh', { set: 'figures', order: 'article', count: 5 })

      // The next version goes live and the app looks for it, with a question on screen.
      await preview.restart(v2)
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration()
        await registration?.update()
      })
      const banner = page.getByTestId('banner-update')
      await expect(banner).toContainText(t('zh', 'banner.update'))
      // Mid-quiz it is not offered: it will apply after the session.
      await expect(banner).toContainText(t('zh', 'banner.updateLater'))
      await expect(page.getByTestId('apply-update')).toHaveCount(0)
      await expect(questionCard(page)).toBeVisible()

      // Still not offered while the feedback shows or the next question does.
      await answerShown(page, true)
      await expect(banner).toContainText(t('zh', 'banner.updateLater'))
      await expect(page.getByTestId('apply-update')).toHaveCount(0)
      await clickNext(page)
      await expect(page.getByTestId('apply-update')).toHaveCount(0)
      expect(await buildMark(page), 'the quiz was not reloaded under the learner').toBeNull()

      // The learner leaves the quiz: on the home screen the update is offered and applies.
      await page.getByTestId('leave').click()
      await page.getByTestId('confirm-ok').click()
      await expect(page).toHaveURL(/\/$/)
      await expect(page.locator('#main h1')).toHaveText(t('zh', 'home.title'))
      await expect(banner).not.toContainText(t('zh', 'banner.updateLater'))
      const apply = page.getByTestId('apply-update')
      await expect(apply).toBeVisible()
      await Promise.all([page.waitForEvent('load'), apply.click()])
      await waitForApp(page)
      await expect.poll(() => buildMark(page), { message: 'the page runs the new version' }).toBe(V2_MARK)
      await expect(page.getByTestId('banner-update')).toBeHidden()
      // The answer given under the old version is still there.
      await expectTotalReviews(page, 1)
    } finally {
      rmSync(v2, { recursive: true, force: true })
    }
  })
})

ownServer.describe('updates from another tab', () => {
  ownServer('a tab mid-quiz is not reloaded when another tab applies a new version; it reloads once the learner leaves', async ({ page, context, preview }) => {
    // Two tabs, a server restart and two service-worker updates: on a busy 2-core machine this
    // has taken more than the default minute.
    test.setTimeout(150_000)
    const v2 = makeNextVersion()
    try {
      await gotoApp(page, '/')
      await waitForServiceWorker(page)
      const tabB = await context.newPage()
      await gotoApp(tabB, '/')
      await expect.poll(() => tabB.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

      // Tab A is mid-quiz; a mark on its window tells whether the page was ever reloaded.
      const tabA = page
      await startQuiz(tabA, 'zh', { set: 'figures', order: 'article', count: 5 })
      const shown = await currentId(tabA)
      await tabA.evaluate(() => ((window as unknown as { __stayed: boolean }).__stayed = true))

      // The next version goes live; tab B, on the home screen, applies it.
      await preview.restart(v2)
      await tabB.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      const apply = tabB.getByTestId('apply-update')
      await expect(apply).toBeVisible()
      await Promise.all([tabB.waitForEvent('load'), apply.click()])
      await waitForApp(tabB)
      await expect.poll(() => buildMark(tabB), { message: 'tab B runs the new version' }).toBe(V2_MARK)

      // Tab A keeps its quiz: same page, same question, still the old version.
      // The new worker controls tab A too now (nothing waits any more)...
      await expect
        .poll(() => tabA.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting === null), {
          message: 'the new version took over tab A',
        })
        .toBe(true)
      expect(await tabA.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed === true), 'tab A was not reloaded').toBe(true)
      await expect(questionCard(tabA)).toHaveAttribute('data-qid', shown)
      expect(await buildMark(tabA)).toBeNull()
      await answerShown(tabA, true)

      // The learner leaves the quiz: now tab A takes the new version.
      await tabA.getByTestId('leave').click()
      await Promise.all([tabA.waitForEvent('load'), tabA.getByTestId('confirm-ok').click()])
      await waitForApp(tabA)
      await expect.poll(() => buildMark(tabA), { message: 'tab A runs the new version' }).toBe(V2_MARK)
      await expectTotalReviews(tabA, 1)
    } finally {
      rmSync(v2, { recursive: true, force: true })
    }
  })
})

test.describe('two tabs', () => {
  test("an answer in one tab shows in the other's notebook and due count without a reload", async ({ context, page }) => {
    // Time is controlled so the wrong answer's card can be made due.
    await context.clock.install({ time: new Date('2025-03-10T09:00:00') })
    const tabB = await context.newPage()
    await gotoApp(tabB, '/notebook')
    await expect(tabB.getByTestId('notebook-empty')).toBeVisible()

    const tabA = page
    await startQuiz(tabA, 'zh', { set: 'figures', order: 'article', count: 5 })
    const missed = await answerShown(tabA, false)
    await expect(tabB.getByTestId(`notebook-item-${missed}`)).toBeVisible()
    await expect(tabB.getByTestId('notebook-empty')).toBeHidden()

    // Both tabs on the home screen; the missed card comes due a few minutes later.
    await gotoApp(tabA, '/')
    await tabB.getByRole('navigation').getByRole('link', { name: t('zh', 'nav.home') }).click()
    await expect(tabB.getByTestId('due-count')).toHaveText('0')
    await context.clock.fastForward('05:00')
    await expect(tabA.getByTestId('due-count')).toHaveText('1')
    await expect(tabB.getByTestId('due-count')).toHaveText('1')

    // Reviewing it in tab A takes it off tab B's count at once (not at the next minute's tick).
    await tabA.getByTestId('start-review').click()
    await expect(questionCard(tabA)).toHaveAttribute('data-qid', missed)
    await answerShown(tabA, true)
    await expect(tabB.getByTestId('due-count')).toHaveText('0')
    await expect(tabB.getByTestId('nav-due')).toBeHidden()
  })

  test('a database upgrade in another tab never hangs: the old tab closes and asks for a reload', async ({ context, page }) => {
    await gotoApp(page, '/notebook')
    await expect(page.getByTestId('notebook-empty')).toBeVisible()
    const tabB = await context.newPage()
    await gotoApp(tabB, '/')

    const outcome = await tabB.evaluate(async () => {
      const current = await new Promise<number>((done, fail) => {
        const req = indexedDB.open('qwen-study')
        req.onsuccess = () => {
          done(req.result.version)
          req.result.close()
        }
        req.onerror = () => fail(req.error)
      })
      let blocked = false
      const version = await new Promise<number>((done, fail) => {
        const req = indexedDB.open('qwen-study', current + 10)
        req.onblocked = () => (blocked = true)
        req.onsuccess = () => {
          done(req.result.version)
          req.result.close()
        }
        req.onerror = () => fail(req.error)
      })
      return { current, version, blocked }
    })
    expect(outcome.version).toBe(outcome.current + 10)
    expect(outcome.blocked, 'the open connections let the upgrade through').toBe(false)

    const reload = page.getByTestId('banner-reload')
    await expect(reload).toContainText(t('zh', 'banner.otherTab'))
    await expect(reload.getByRole('button', { name: t('zh', 'banner.reload') })).toBeVisible()
  })
})

// Three ways a browser refuses storage; each leaves the app on its in-memory database.
// `asksFirst`: the browser still says which databases it holds (none), so, as on any first visit,
// the app opens its database at the learner's first action rather than on arrival.
const BLOCKED_STORAGE: { name: string; block: () => void; asksFirst?: boolean }[] = [
  {
    name: 'reading indexedDB throws',
    block: () => {
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          throw new DOMException('blocked', 'SecurityError')
        },
      })
    },
  },
  {
    name: 'there is no indexedDB',
    block: () => {
      Object.defineProperty(window, 'indexedDB', { configurable: true, value: undefined })
    },
  },
  {
    name: 'indexedDB.open refuses',
    asksFirst: true,
    block: () => {
      IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
        throw new DOMException('The user denied permission to access the database.', 'UnknownError')
      }
    },
  },
]

test.describe('without IndexedDB', () => {
  for (const { name, block, asksFirst } of BLOCKED_STORAGE) {
    test(`${name}: the memory banner shows, and quizzes, the notebook and the stats still work`, async ({ context, page }) => {
      await context.addInitScript(block)
      await gotoApp(page, '/')
      const banner = page.getByTestId('banner-memory')
      if (asksFirst) {
        // Nothing can be lost before the learner does something: the warning comes with the first key.
        await expect(banner).toBeHidden()
        await page.keyboard.press('Tab')
      }
      await expect(banner).toContainText(t('zh', 'banner.noStorage'))
      await expect(banner.getByRole('link', { name: t('zh', 'banner.exportNow') })).toHaveAttribute('href', '/settings#backup')

      await startQuiz(page, 'zh', { set: 'figures', order: 'article', count: 5 })
      const missed = await answerShown(page, false)
      // The sample is random: a flashcard's feedback is its back, not a separate right answer.
      if (getQuestion(missed).type !== 'flashcard') await expect(page.getByTestId('correct-answer')).toBeVisible()
      await clickNext(page)
      await answerShown(page, true)
      await expect(page.getByTestId('score')).toHaveText(t('zh', 'quiz.score', { score: '1/2' }))

      // What was done is kept for the session, and the screens that watch the data see it.
      await page.getByRole('navigation').getByRole('link', { name: t('zh', 'nav.notebook') }).click()
      await expect(page.getByTestId(`notebook-item-${missed}`)).toBeVisible()
      await page.getByRole('navigation').getByRole('link', { name: t('zh', 'nav.stats') }).click()
      await expect(page.getByTestId('total-reviews')).toHaveText('2')
      await expect(banner).toBeVisible()
    })
  }
})

test.describe('first visit', () => {
  test('the database code loads at the learner’s first action, and at once on a return', async ({ page }) => {
    const databaseChunks: string[] = []
    page.on('request', (r) => {
      if (/\/assets\/database-[^/]+\.js$/.test(r.url())) databaseChunks.push(r.url())
    })
    const stored = () => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'qwen-study'))

    await gotoApp(page, '/')
    await expect(page.locator('[data-testid^="set-card-"]').first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    // Home has everything it shows; nothing was fetched for a database nobody has used yet.
    expect(databaseChunks).toEqual([])
    expect(await stored()).toBe(false)

    await page.keyboard.press('Tab')
    await expect.poll(stored).toBe(true)
    expect(databaseChunks).toHaveLength(1)

    // A return visit has progress to show: the database opens without waiting for an action.
    databaseChunks.length = 0
    await page.reload()
    await waitForApp(page)
    await expect.poll(() => databaseChunks.length).toBe(1)
  })
})

test.describe('install', () => {
  test('the web app manifest is complete and Chromium finds the app installable', async ({ page, context }) => {
    await gotoApp(page, '/')
    const href = await page.locator('link[rel="manifest"]').getAttribute('href')
    expect(href).toBe('/manifest.webmanifest')
    const response = await page.request.get(href!)
    expect(response.ok()).toBe(true)
    expect(response.headers()['content-type']).toMatch(/application\/manifest\+json|application\/json/)
    const manifest = (await response.json()) as {
      name: string
      short_name: string
      start_url: string
      scope: string
      display: string
      theme_color: string
      background_color: string
      lang: string
      icons: { src: string; sizes: string; type: string; purpose?: string }[]
    }
    expect(manifest.name).toContain('千问')
    expect(manifest.short_name.length).toBeGreaterThan(0)
    expect(manifest.short_name.length).toBeLessThanOrEqual(12)
    expect(manifest.start_url).toBe('/')
    expect(manifest.scope).toBe('/')
    expect(manifest.display).toBe('standalone')
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i)
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i)
    expect(manifest.lang).toBe('zh-CN')

    const icon = (size: number, purpose: string) =>
      manifest.icons.find((i) => i.sizes.split(' ').includes(`${size}x${size}`) && (i.purpose ?? 'any').split(' ').includes(purpose))
    for (const [size, purpose] of [
      [192, 'any'],
      [512, 'any'],
      [512, 'maskable'],
    ] as const) {
      const entry = icon(size, purpose)
      expect(entry, `a ${size}px ${purpose} icon`).toBeDefined()
      expect(entry!.type).toBe('image/png')
      const img = await page.request.get(entry!.src)
      expect(img.ok(), `${entry!.src} is served`).toBe(true)
      expect(pngSize(await img.body()), `${entry!.src} is really ${size}px`).toEqual({ width: size, height: size })
    }

    // Chromium's own verdict, as the install prompt would see it.
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string; errorArguments: unknown[] }[]
    }
    // Playwright's contexts are off the record, and Chromium never installs from those.
    expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([])
    const { errors } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string; critical: number }[] }
    expect(errors).toEqual([])
  })
})

test.describe('saved progress that cannot be read', () => {
  test('the banner says why and offers a reload; other screens stay closed instead of failing blank', async ({ context, page }) => {
    const stored = () => page.evaluate(async () => (await indexedDB.databases()).some((d) => d.name === 'qwen-study'))
    await gotoApp(page, '/')
    await page.keyboard.press('Tab')
    await expect.poll(stored).toBe(true)

    // From now on the database opens, but reading its records fails as a broken backing store
    // does: every kind of read, whichever the app's start-up happens to use.
    await context.addInitScript(() => {
      const broken = (): never => {
        throw new DOMException('Internal error opening backing store', 'UnknownError')
      }
      for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as unknown as Record<string, unknown>[])
        for (const read of ['get', 'getAll', 'getAllKeys', 'getKey', 'count', 'openCursor', 'openKeyCursor']) proto[read] = broken
    })
    await page.reload()
    await waitForApp(page)
    const banner = page.getByTestId('banner-start-error')
    await expect(banner).toBeVisible()
    await expect(banner).toHaveAttribute('role', 'alert')
    await expect(banner).toContainText(t('zh', 'banner.startFailed'))
    await expect(banner).toContainText(t('zh', 'banner.details', { reason: 'UnknownError: Internal error opening backing store' }))
    await expectNoSeriousA11yViolations(page, 'start-up error banner')

    await page.getByRole('navigation').getByRole('link', { name: t('zh', 'nav.review') }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.locator('[data-testid^="set-card-"]').first()).toBeVisible()
    await expect(banner.getByRole('button', { name: t('zh', 'banner.reload') })).toBeVisible()
  })
})
