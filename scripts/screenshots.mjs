// Screenshots of every screen at phone and desktop widths, in both languages and both themes,
// for looking at what learners see: node scripts/screenshots.mjs [baseURL] [outDir] [filter]
import { mkdirSync } from 'node:fs'
import { chromium } from '@playwright/test'

const base = process.argv[2] ?? 'http://localhost:4173'
const out = process.argv[3] ?? 'screenshots'
const filter = process.argv[4] ?? ''
mkdirSync(out, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})

const combos = []
for (const lang of ['zh', 'en']) for (const theme of ['light', 'dark']) for (const [w, h, dev] of [[390, 844, 'phone'], [1280, 800, 'desktop']]) combos.push({ lang, theme, w, h, dev })

async function shot(page, name, c) {
  const file = `${out}/${name}-${c.dev}-${c.lang}-${c.theme}.png`
  if (filter && !file.includes(filter)) return
  await page.waitForTimeout(150)
  await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' })
}

for (const c of combos) {
  const context = await browser.newContext({ viewport: { width: c.w, height: c.h }, colorScheme: c.theme, serviceWorkers: 'block' })
  await context.addInitScript(([lang, theme]) => {
    localStorage.setItem('qwen-study.locale', lang)
    localStorage.setItem('qwen-study.theme', theme)
    // A switch for the last screenshot: while on, IndexedDB transactions fail as a broken store does.
    const transaction = IDBDatabase.prototype.transaction
    IDBDatabase.prototype.transaction = function (...args) {
      if (window.__failIdb) throw new DOMException('Internal error opening backing store', 'UnknownError')
      return transaction.apply(this, args)
    }
  }, [c.lang, c.theme])
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('pageerror', e.message))
  await page.goto(`${base}/`)
  await page.waitForSelector('[data-testid^="set-card-"]')
  await shot(page, '01-home', c)
  await page.goto(`${base}/sets/routes`)
  await page.waitForSelector('[data-testid="key-points"]')
  await shot(page, '02-set', c)
  await page.goto(`${base}/quiz/new?set=accusation`)
  await page.waitForSelector('[data-testid="start-quiz"]')
  await shot(page, '03-setup', c)
  await page.click('[data-testid="setup-order-article"]')
  await page.click('[data-testid="setup-count-all"]')
  await page.click('[data-testid="start-quiz"]')
  await page.waitForSelector('article.question')
  // Walk the quiz: a screenshot of each new question type. Orders and pairs are handed in as shown
  // (so the feedback, results and notebook show a list with marks), a blank gets a wrong word, the
  // rest "don't know" or a reveal.
  const seen = new Set()
  for (let i = 0; i < 40; i++) {
    const q = page.locator('article.question')
    if (!(await q.count())) break
    const type = await q.getAttribute('data-type')
    if (!seen.has(type)) {
      seen.add(type)
      await shot(page, `04-q-${type}`, c)
    }
    if (type === 'flashcard') {
      await page.click('[data-testid="reveal"]')
      if (seen.has(`${type}-back`) === false) {
        seen.add(`${type}-back`)
        await shot(page, `04-q-${type}-back`, c)
      }
      await page.click('[data-testid="grade-1"]')
    } else if (type === 'ordering') await page.click('[data-testid="submit"]')
    else if (type === 'matching') {
      const lefts = await page.locator('[data-testid^="left-"]').all()
      const rights = await page.locator('[data-testid^="right-"]').all()
      for (const [i, left] of lefts.entries()) {
        await left.click()
        await rights[(i + 1) % rights.length].click()
      }
      await page.click('[data-testid="submit"]')
    } else if (type === 'blank') {
      await page.fill('[data-testid="typed-answer"]', c.lang === 'zh' ? '不记得了' : 'no idea')
      await page.click('[data-testid="submit"]')
    } else await page.click('[data-testid="dont-know"]')
    await page.waitForSelector('[data-testid="feedback"]')
    if (!seen.has(`fb-${type}`)) {
      seen.add(`fb-${type}`)
      await shot(page, `05-feedback-${type}`, c)
    }
    const before = await q.getAttribute('data-qid')
    await page.click('[data-testid="next"]')
    await page.waitForFunction(
      (id) => location.pathname.endsWith('/results') || document.querySelector('article.question')?.getAttribute('data-qid') !== id,
      before,
    )
    if (page.url().includes('/results')) break
  }
  await page.waitForSelector('[data-testid="result-score"]').catch(() => {})
  await shot(page, '06-results', c)
  for (const [name, path] of [['07-review', '/review'], ['08-notebook', '/notebook'], ['09-stats', '/stats'], ['10-settings', '/settings'], ['11-import', '/import'], ['12-notfound', '/nope'], ['14-map', '/map'], ['15-home-after', '/']]) {
    await page.goto(`${base}${path}`)
    await page.waitForTimeout(400)
    await shot(page, name, c)
  }
  await page.goto(`${base}/`)
  await page.waitForSelector('[data-testid^="set-card-"]')
  // Start-up (database, question bank) finishes before the switch goes on.
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(1000)
  await page.evaluate(() => (window.__failIdb = true))
  await page.click('header a[href="/review"]')
  await page.waitForSelector('[data-testid="read-failed"]')
  await shot(page, '13-review-unreadable', c)
  await context.close()
}
await browser.close()
console.log('screenshots in', out)
