// Driving the app the way a person (or a screen reader) meets it: by roles, accessible names,
// labels, visible text and the keyboard. No test ids, no CSS selectors. The right answers come
// from questions/*.json; which question is on screen is read from its prompt.
import { expect, type Locator, type Page } from '@playwright/test'
import type { Question } from '../../src/domain/content/schema'
import { SET_IDS, getSet } from './bank'
import { t, type Locale } from './i18n'

const allQuestions: Question[] = SET_IDS.flatMap((id) => getSet(id).questions)

export function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A button of the main area by the start of its name (key hints such as "Enter" follow some names). */
export function button(page: Page, name: string): Locator {
  return page.getByRole('main').getByRole('button', { name: new RegExp(`^\\s*${escapeRe(name)}`) })
}

/** A header navigation link, clicked. */
export async function navigate(page: Page, locale: Locale, key: 'home' | 'review' | 'notebook' | 'stats' | 'settings'): Promise<void> {
  await page.getByRole('navigation', { name: t(locale, 'nav.main') }).getByRole('link', { name: t(locale, `nav.${key}`) }).click()
}

/** The level-1 heading of the screen. */
export function title(page: Page): Locator {
  return page.getByRole('main').getByRole('heading', { level: 1 })
}

/** The question on screen: the article named by its prompt, matched in the bank. */
export async function questionOnScreen(page: Page, locale: Locale): Promise<Question> {
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 2 }).first()).toBeVisible()
  const headings = await main.getByRole('heading', { level: 2 }).allInnerTexts()
  for (const h of headings) {
    const q = allQuestions.find((x) => x.prompt[locale] === h.trim())
    if (q) return q
  }
  throw new Error(`no question prompt among the headings: ${headings.join(' | ')}`)
}

export function choiceText(q: Question, id: string, locale: Locale): string {
  if (q.type === 'truefalse') return t(locale, id === 'true' ? 'quiz.trueLabel' : 'quiz.falseLabel')
  if (q.type !== 'single' && q.type !== 'multiple') throw new Error(`${q.id} has no choices`)
  return q.choices.find((c) => c.id === id)!.text[locale]
}

export function wrongChoice(q: Question): string {
  if (q.type === 'truefalse') return String(!q.answer)
  if (q.type === 'single') return q.choices.find((c) => c.id !== q.answer)!.id
  if (q.type === 'multiple') return q.choices.find((c) => !q.answer.includes(c.id))!.id
  throw new Error(`${q.id} has no choices`)
}

/** What the learner types for a typed question, right or wrong. */
export function typedAnswer(q: Question, locale: Locale, right: boolean): string {
  if (q.type === 'numeric') return String(right ? q.value : q.value * 3 + q.tolerance + 7)
  if (q.type === 'blank') return right ? q.answer[locale] : locale === 'zh' ? '完全不对的答案' : 'entirely wrong words'
  throw new Error(`${q.id} is not typed`)
}

/** The right answer as a learner reads it in the feedback and the notebook (one line). */
export function rightAnswerText(q: Question, locale: Locale): string {
  switch (q.type) {
    case 'single':
    case 'truefalse':
      return choiceText(q, String(q.answer), locale)
    case 'blank':
      return q.answer[locale]
    default:
      throw new Error(`${q.type}: no one-line answer here`)
  }
}

/** The question's evidence: its first quote and the name of its paragraph link. */
export function evidenceOf(q: Question, locale: Locale): { quote: string; paragraph: string } {
  return { quote: [q.source!.quote].flat()[0]!, paragraph: t(locale, 'article.paragraph', { n: [q.source!.paragraph].flat()[0]! }) }
}

/** The ordering question's items in the order shown, as their ids (read from the "Move up: …" buttons). */
async function shownOrder(page: Page, locale: Locale, q: Extract<Question, { type: 'ordering' }>): Promise<string[]> {
  const prefix = `${t(locale, 'quiz.moveUp')}: `
  const names = await page.getByRole('main').getByRole('listitem').getByRole('button', { name: new RegExp(`^${escapeRe(prefix)}`) }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))
  return names.map((name) => {
    const item = q.items.find((i) => i.text[locale] === name.slice(prefix.length))
    if (!item) throw new Error(`ordering item "${name}" is not in ${q.id}`)
    return item.id
  })
}

/** The focused element, described for messages. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    return el ? `<${el.tagName.toLowerCase()}> ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}` : 'nothing'
  })
}

/** The focused element shows a focus ring (its own, or its label's for a visually hidden input). */
export function focusRingShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body || !el.matches(':focus-visible')) return false
    const ring = (x: Element) => getComputedStyle(x).outlineStyle !== 'none' && getComputedStyle(x).outlineWidth !== '0px'
    const label = el.closest('label')
    return ring(el) || (label !== null && ring(label))
  })
}

/**
 * Presses Tab until `target` has the focus, or Shift+Tab when it comes before the focus (as a
 * person would: no trip round the whole page); every stop on the way shows its ring.
 */
export async function tabUntil(page: Page, target: Locator, back?: boolean, limit = 60): Promise<void> {
  if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
  back ??= await target.evaluate((el) => {
    const at = document.activeElement
    return !!at && at !== document.body && (el.compareDocumentPosition(at) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
  })
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
    expect.soft(await focusRingShown(page), `focus ring on ${await focused(page)} (Tab ${i + 1} on the way to ${target})`).toBe(true)
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
  }
  throw new Error(`Tab never reached the target; focus is on ${await focused(page)}`)
}

export type Input = 'mouse' | 'keyboard'

/** After a key press the focus is still somewhere visible (not dropped to the page's body). */
async function expectFocusKept(page: Page, after: string): Promise<void> {
  expect.soft(await focusRingShown(page), `after ${after} the focus is on ${await focused(page)}, with no ring`).toBe(true)
}

/**
 * Answers the question on screen right or wrong, by its visible controls: with the mouse, or
 * with Tab, Space, arrows, number keys, typing and Enter alone (a focus ring at every Tab stop).
 * A flashcard is revealed and graded Good (right) or Again (wrong).
 */
export async function answerQuestion(page: Page, locale: Locale, q: Question, right: boolean, input: Input = 'mouse'): Promise<void> {
  const main = page.getByRole('main')
  const card = main.getByRole('article', { name: q.prompt[locale], exact: true })
  const submit = button(page, t(locale, 'quiz.submit'))
  const pick = async (control: Locator) => {
    if (input === 'mouse') return control.check()
    await tabUntil(page, control)
    await page.keyboard.press('Space')
    await expect(control).toBeChecked()
  }
  const send = async () => {
    if (input === 'mouse') return submit.click()
    await page.keyboard.press('Enter')
  }
  switch (q.type) {
    case 'single':
    case 'truefalse': {
      const target = card.getByRole('radio', { name: choiceText(q, right ? String(q.answer) : wrongChoice(q), locale), exact: true })
      if (input === 'mouse') await target.check()
      else {
        // Into the group, then arrows to the option, as in any radio group.
        const radios = card.getByRole('radio')
        await tabUntil(page, radios.first())
        for (let i = 0; i < 8 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown')
        await page.keyboard.press('Space')
        await expect(target).toBeFocused()
        expect.soft(await focusRingShown(page), `focus ring on ${await focused(page)}`).toBe(true)
        await expect(target).toBeChecked()
      }
      await send()
      return
    }
    case 'multiple':
      for (const id of right ? q.answer : [wrongChoice(q)]) await pick(card.getByRole('checkbox', { name: choiceText(q, id, locale), exact: true }))
      await send()
      return
    case 'blank':
    case 'numeric': {
      const box = card.getByRole('textbox', { name: q.prompt[locale] })
      if (input === 'mouse') await box.fill(typedAnswer(q, locale, right))
      else {
        await tabUntil(page, box)
        await page.keyboard.type(typedAnswer(q, locale, right))
      }
      await box.press('Enter')
      return
    }
    case 'ordering': {
      // Items start away from the right order, so leaving them is a wrong answer.
      if (right) {
        const order = await shownOrder(page, locale, q)
        for (let target = 0; target < q.answer.length; target++) {
          const id = q.answer[target]!
          const text = q.items.find((i) => i.id === id)!.text[locale]
          const up = card.getByRole('button', { name: `${t(locale, 'quiz.moveUp')}: ${text}`, exact: true })
          for (let at = order.indexOf(id); at > target; at--) {
            if (input === 'mouse') await up.click()
            else {
              await tabUntil(page, up)
              await page.keyboard.press('Space')
              await expectFocusKept(page, `"${t(locale, 'quiz.moveUp')}" on ${id}`)
            }
            order.splice(at - 1, 0, ...order.splice(at, 1))
          }
        }
        expect(await shownOrder(page, locale, q)).toEqual(q.answer)
      }
      if (input === 'keyboard') await tabUntil(page, submit)
      await send()
      return
    }
    case 'matching': {
      const lefts = card.getByRole('group', { name: t(locale, 'quiz.leftColumn') })
      const rights = card.getByRole('group', { name: t(locale, 'quiz.rightColumn') })
      // Wrong: the first two partners swapped.
      const partner = (i: number) => q.pairs[right || i > 1 ? i : 1 - i]!
      for (const [i, pair] of q.pairs.entries()) {
        const left = lefts.getByRole('button', { name: new RegExp(`^${escapeRe(pair.left[locale])}`) })
        // Picking a partner selects the next open item by itself.
        if ((await left.getAttribute('aria-pressed')) !== 'true') {
          if (input === 'mouse') await left.click()
          else {
            await tabUntil(page, left)
            await page.keyboard.press('Space')
          }
        }
        await expect(left).toHaveAttribute('aria-pressed', 'true')
        const other = rights.getByRole('button', { name: new RegExp(`^${escapeRe(partner(i).right[locale])}`) })
        if (input === 'mouse') await other.click()
        else {
          await tabUntil(page, other)
          await page.keyboard.press('Space')
          await expectFocusKept(page, `picking the partner of ${pair.id}`)
        }
      }
      if (input === 'keyboard') await tabUntil(page, submit)
      await send()
      return
    }
    case 'flashcard': {
      const reveal = button(page, t(locale, 'quiz.reveal'))
      if (!(await reveal.isVisible())) {
        // Already revealed.
      } else if (input === 'mouse') await reveal.click()
      else {
        await tabUntil(page, reveal)
        await page.keyboard.press('Enter')
      }
      const grade = button(page, t(locale, right ? 'grade.3' : 'grade.1'))
      await expect(grade).toBeVisible()
      if (input === 'mouse') await grade.click()
      else {
        await tabUntil(page, grade)
        await page.keyboard.press('Enter')
      }
      return
    }
  }
}

/** The verdict after an answer: the feedback region named by it, and the status line that reads it out. */
export async function expectVerdict(page: Page, locale: Locale, right: boolean): Promise<void> {
  const verdict = t(locale, right ? 'quiz.correct' : 'quiz.wrong')
  await expect(page.getByRole('main').getByRole('region', { name: new RegExp(escapeRe(verdict)) })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: verdict })).toBeAttached()
}

/** Headings in the main area go down one level at a time (h1, then h2, then h3: none skipped). */
export async function expectHeadingOrder(page: Page, label: string): Promise<void> {
  const snapshot = await page.getByRole('main').ariaSnapshot()
  const levels = [...snapshot.matchAll(/- heading .*\[level=(\d)\]/g)].map((m) => Number(m[1]))
  expect(levels.length, `headings on ${label}`).toBeGreaterThan(0)
  const skips = levels.flatMap((level, i) => ((i > 0 && level > levels[i - 1]! + 1) || (i === 0 && level !== 1) ? [`h${levels[i - 1] ?? 0} → h${level}`] : []))
  expect.soft(skips, `heading levels skipped on ${label}: ${levels.join(' ')}`).toEqual([])
}

/** Nothing on the page is wider than the window (no sideways scrolling). */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect.soft(overflow, `${label} is ${overflow}px wider than the window`).toBeLessThanOrEqual(0)
}

/**
 * A full-page screenshot named `label` in the folder E2E_SHOTS names (when set), for looking at
 * the screens a journey passed through; nothing when it is not set.
 */
export async function snap(page: Page, label: string): Promise<void> {
  const dir = process.env.E2E_SHOTS
  if (!dir) return
  const size = page.viewportSize()
  const locale = ((await page.locator('html').getAttribute('lang')) ?? '').startsWith('en') ? 'en' : 'zh'
  const theme = await page.evaluate(() => (document.documentElement.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')))
  const name = `${label}-${locale}-${theme}-${size && size.width < 600 ? 'phone' : 'desktop'}`.replace(/[^\w.-]+/g, '_')
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true })
}

/**
 * No symbol on screen is drawn as the missing-glyph box: every character outside plain Latin and
 * the CJK blocks is drawn with its element's fonts and compared with a character no font has.
 */
export async function expectNoMissingGlyphs(page: Page, label: string): Promise<void> {
  const missing = await page.evaluate(() => {
    const plain = /[\p{Script=Latin}\p{Script=Han}\p{N}\s\p{P}\u3000-\u303f\uff00-\uffef]/u
    const byFont = new Map<string, Set<string>>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || !el.getClientRects().length) continue
      for (const ch of node.textContent ?? '') {
        if (plain.test(ch)) continue
        const style = getComputedStyle(el)
        const font = `${style.fontStyle} ${style.fontWeight} 24px ${style.fontFamily}`
        byFont.set(font, (byFont.get(font) ?? new Set()).add(ch))
      }
    }
    const draw = (font: string, ch: string) => {
      const canvas = document.createElement('canvas')
      canvas.width = 48
      canvas.height = 48
      const ctx = canvas.getContext('2d')!
      ctx.font = font
      ctx.fillText(ch, 8, 34)
      return canvas.toDataURL()
    }
    const found: string[] = []
    for (const [font, chars] of byFont) {
      const box = draw(font, '\uffff')
      for (const ch of chars) if (draw(font, ch) === box) found.push(`${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()})`)
    }
    return [...new Set(found)]
  })
  expect.soft(missing, `characters drawn as a missing-glyph box on ${label}`).toEqual([])
}

/**
 * Records what a screen reader would read out from live regions, from before the app starts:
 * text that changes inside an element already in the page with role status, alert or log (or
 * aria-live other than off), and any alert as it appears. A status region inserted with its text
 * already in it is not announced by common screen readers, so it is not recorded.
 * Read the list with `announcements(page)`; it starts afresh on each load.
 */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const heard: string[] = []
    ;(window as unknown as { __announced: string[] }).__announced = heard
    const live = (el: Element | null): Element | null => {
      for (let at = el; at; at = at.parentElement) {
        const role = at.getAttribute('role')
        const mode = at.getAttribute('aria-live')
        if (role === 'status' || role === 'alert' || role === 'log' || (mode !== null && mode !== 'off')) return at
      }
      return null
    }
    const say = (region: Element) => {
      const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (text && heard[heard.length - 1] !== text) heard.push(text)
    }
    const start = () => {
      new MutationObserver((records) => {
        const changed = new Set<Element>()
        for (const r of records) {
          const target = r.target instanceof Element ? r.target : r.target.parentElement
          for (const node of r.addedNodes) {
            // An alert is read out as it appears; a status region only once it is in the page.
            if (node instanceof Element) node.querySelectorAll('[role="alert"]').forEach((a) => changed.add(a))
            if (node instanceof Element && node.getAttribute('role') === 'alert') changed.add(node)
          }
          const region = live(target)
          if (!region) continue
          const inserted = [...r.addedNodes].some((n) => n === region || (n instanceof Element && n.contains(region)))
          if (!inserted) changed.add(region)
        }
        for (const region of changed) if (region.isConnected) say(region)
      }).observe(document.documentElement, { subtree: true, childList: true, characterData: true })
    }
    if (document.documentElement) start()
    else document.addEventListener('DOMContentLoaded', start)
  })
}

/** What was read out from live regions since the page loaded (see `recordAnnouncements`). */
export function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __announced?: string[] }).__announced ?? [])])
}

/**
 * The screen's landmarks as a screen reader lists them: one level-1 heading in the whole page,
 * one main, one banner, every navigation and region named, every `aria-labelledby` pointing at
 * text that is there.
 */
export async function expectLandmarks(page: Page, label: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }), `level-1 headings on ${label}`).toHaveCount(1)
  await expect(page.getByRole('main'), `main landmarks on ${label}`).toHaveCount(1)
  await expect(page.getByRole('banner'), `banners on ${label}`).toHaveCount(1)
  const problems = await page.evaluate(() => {
    const out: string[] = []
    const name = (el: Element) => {
      const ids = el.getAttribute('aria-labelledby')
      if (ids) return ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim()
      return (el.getAttribute('aria-label') ?? '').trim()
    }
    for (const el of document.querySelectorAll('[aria-labelledby]')) {
      for (const id of el.getAttribute('aria-labelledby')!.split(/\s+/)) {
        if (!document.getElementById(id)) out.push(`<${el.tagName.toLowerCase()}> is labelled by #${id}, which is not in the page`)
      }
    }
    for (const el of document.querySelectorAll('nav, [role="navigation"], [role="region"], [role="group"], dialog[open]')) {
      if (!name(el) && !(el.tagName === 'FIELDSET' || el.querySelector(':scope > legend'))) out.push(`<${el.tagName.toLowerCase()}> ${el.getAttribute('role') ?? ''} has no name`)
    }
    return out
  })
  expect.soft(problems, `landmarks and names on ${label}`).toEqual([])
}

/**
 * No focus trap: Tab, pressed on and on from where the focus is, leaves the main area, goes
 * round through the header's navigation and comes back into the main area.
 */
export async function expectNoFocusTrap(page: Page, label: string, limit = 150): Promise<void> {
  const where = () =>
    page.evaluate(() => {
      const el = document.activeElement
      if (!el || el === document.body) return 'none'
      if (document.getElementById('main')?.contains(el)) return 'main'
      return el.closest('nav') ? 'nav' : 'other'
    })
  const start = await focused(page)
  const seen: string[] = []
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    const at = await where()
    if (seen[seen.length - 1] !== at) seen.push(at)
    if (seen.includes('nav') && at === 'main' && seen.lastIndexOf('nav') < seen.length - 1) break
  }
  expect(seen.includes('nav') && seen[seen.length - 1] === 'main', `Tab from ${start} on ${label} went ${seen.join(' → ')}: it should pass the header's navigation and come back`).toBe(true)
}

/**
 * What hides the focused element, if anything: the element drawn at its centre when that is not
 * the element itself, its label or its contents (a sticky bar, a banner), or "off screen".
 * Null when the learner can see where the keyboard is.
 */
export function focusObscuredBy(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return null
    const r = el.getBoundingClientRect()
    const x = r.left + r.width / 2
    const y = r.top + r.height / 2
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return 'off screen'
    const hit = document.elementFromPoint(x, y)
    if (!hit || el === hit || el.contains(hit) || hit.contains(el) || el.closest('label')?.contains(hit)) return null
    return `<${hit.tagName.toLowerCase()}${hit.className ? ` class="${String(hit.className)}"` : ''}>`
  })
}

/** Home's "due today" figure: the definition of its label (a term). */
export async function homeDue(page: Page, locale: Locale) {
  const main = page.getByRole('main')
  await expect(title(page)).toHaveText(t(locale, 'home.title'))
  const label = main.getByRole('term').filter({ hasText: t(locale, 'home.dueToday') })
  await expect(label).toBeVisible()
  return label.locator('xpath=following-sibling::*[1]')
}
