// Importing question sets in the browser: build term–definition files, feed them to the import
// screen by file or by paste, save, take quizzes on the result, and read what the app stored.
import { readFile } from 'node:fs/promises'
import { expect, type Download, type Page } from '@playwright/test'
import { withAppDatabase } from './database'
import { t, type Locale } from './i18n'

/** One row of a TSV deck: a term, its definition, and optional wrong choices (extra columns). */
export interface Row {
  term: string
  definition: string
  choices?: string[]
}

/** A TSV field as Anki writes it: quoted (quotes doubled) when it holds a tab, a line break or a quote. */
function field(text: string): string {
  return /[\t\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The rows as TSV; `head` goes first (Anki's `#separator:tab` lines, or a column-name row). */
export function toTsv(rows: readonly Row[], head = ''): string {
  return head + rows.map((r) => [r.term, r.definition, ...(r.choices ?? [])].map(field).join('\t')).join('\n') + '\n'
}

/** Questions an imported TSV makes: a flashcard per row, then a blank (two columns) or a single choice (more). */
export function questionCount(rows: readonly Row[]): { flashcard: number; blank: number; single: number; total: number } {
  const single = rows.filter((r) => (r.choices ?? []).length > 0).length
  return { flashcard: rows.length, blank: rows.length - single, single, total: rows.length * 2 }
}

export async function openImport(page: Page, locale: Locale = 'zh'): Promise<void> {
  await page.goto('/import')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t(locale, 'import.title'))
}

/** Chooses a file in the import screen's file input, from memory. */
export async function chooseFile(page: Page, name: string, text: string, mimeType = 'text/plain'): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') })
}

/** Waits until the preview of `total` questions is on screen and can be saved. */
export async function expectPreview(page: Page, locale: Locale, total: number): Promise<void> {
  await expect(page.getByTestId('import-total')).toHaveText(t(locale, 'import.total', { n: total }))
  await expect(page.getByTestId('import-save')).toBeEnabled()
}

/** Clicks "Save set" and returns the new set's id (from the "Open the set" link). */
export async function saveImport(page: Page, locale: Locale, name: string, count: number): Promise<string> {
  await page.getByTestId('import-save').click()
  await expect(page.getByTestId('import-saved')).toHaveText(`✓ ${t(locale, 'import.saved', { name, n: count })}`)
  const href = await page.getByTestId('import-open-set').getAttribute('href')
  const id = /^\/sets\/(imp-[a-z0-9]+)$/.exec(href ?? '')?.[1]
  if (!id) throw new Error(`unexpected link to the saved set: ${href}`)
  return id
}

/** The set cards on the home page. */
export async function gotoHome(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.locator('#main h1')).toBeAttached()
}

export function setCards(page: Page) {
  return page.locator('[data-testid^="set-card-"]')
}

/** Row number (1-based) and kind of an imported question, from its id `<set>-<row>-<kind>`. */
export function parseImportedId(id: string): { row: number; kind: 'card' | 'blank' | 'choice' } {
  const m = /-(\d+)-(card|blank|choice)$/.exec(id)
  if (!m) throw new Error(`not an imported question id: ${id}`)
  return { row: Number(m[1]), kind: m[2] as 'card' | 'blank' | 'choice' }
}

/** What the feedback names as the right answer of an imported question. */
export function correctAnswerOf(row: Row, kind: 'card' | 'blank' | 'choice'): string {
  return kind === 'blank' ? row.term : row.definition
}

/**
 * Answers the imported question on screen right or wrong (a flashcard by revealing it and
 * grading Good or Again) and checks the verdict and the right answer in the feedback.
 */
export async function answerImported(page: Page, locale: Locale, rows: readonly Row[], right: boolean): Promise<string> {
  const card = page.locator('article.question')
  const qid = (await card.getAttribute('data-qid')) ?? ''
  const { row: n, kind } = parseImportedId(qid)
  const row = rows[n - 1]!
  const prompt = page.getByTestId('prompt')
  switch (kind) {
    case 'card':
      expect(await prompt.textContent()).toBe(row.term)
      await page.getByTestId('reveal').click()
      expect(await page.getByTestId('flashcard-back').locator('p').first().textContent()).toBe(row.definition)
      await page.getByTestId(right ? 'grade-3' : 'grade-1').click()
      break
    case 'blank':
      expect(await prompt.textContent()).toBe(row.definition)
      await page.getByTestId('typed-answer').fill(right ? row.term : '完全不对的答案')
      await page.getByTestId('submit').click()
      break
    case 'choice':
      expect(await prompt.textContent()).toBe(row.term)
      // The definition is always choice "a"; the quiz may show the choices in any order.
      await expect(page.getByTestId('choice-a')).toContainText(row.definition)
      for (const [i, text] of (row.choices ?? []).entries()) await expect(page.getByTestId(`choice-${'bcdefgh'[i]}`)).toContainText(text)
      await page.getByTestId(right ? 'choice-a' : 'choice-b').click()
      await page.getByTestId('submit').click()
      break
  }
  await expect(page.getByTestId('feedback')).toBeVisible()
  await expect(page.getByTestId('verdict')).toContainText(t(locale, right ? 'quiz.correct' : 'quiz.wrong'))
  // A flashcard's back, checked above, is not repeated in the feedback as the right answer.
  if (kind === 'card') await expect(page.getByTestId('correct-answer')).toHaveCount(0)
  else expect(await page.getByTestId('correct-answer').textContent()).toBe(correctAnswerOf(row, kind))
  return qid
}

/** Starts a practice quiz on all questions of one set, in the order they were imported. */
export async function startWholeSetQuiz(page: Page, setId: string): Promise<void> {
  await page.goto(`/quiz/new?set=${setId}`)
  await expect(page.getByTestId(`setup-set-${setId}`)).toBeChecked()
  await page.getByTestId('setup-count-all').check()
  await page.getByTestId('setup-order-article').check()
  await page.getByTestId('start-quiz').click()
  await page.waitForURL(/\/quiz\/[^/]+$/)
  await expect(page.locator('article.question')).toBeVisible()
}

/** Clicks Next and waits for the next question or the results. */
export async function next(page: Page, previousId: string): Promise<'question' | 'results'> {
  await page.getByTestId('next').click()
  await expect
    .poll(async () => {
      if (/\/results/.test(page.url())) return 'results'
      const id = await page.locator('article.question').getAttribute('data-qid', { timeout: 500 }).catch(() => null)
      return id && id !== previousId ? 'question' : 'waiting'
    })
    .not.toBe('waiting')
  return /\/results/.test(page.url()) ? 'results' : 'question'
}

/** Takes a whole-set quiz answering by `plan` (true = right) in order; returns the question ids seen. */
export async function takeQuiz(page: Page, locale: Locale, setId: string, rows: readonly Row[], plan: readonly boolean[]): Promise<string[]> {
  await startWholeSetQuiz(page, setId)
  const seen: string[] = []
  for (const [i, right] of plan.entries()) {
    await expect(page.getByTestId('progress-label')).toHaveText(t(locale, 'quiz.progress', { k: i + 1, n: plan.length }))
    seen.push(await answerImported(page, locale, rows, right))
    expect(await next(page, seen[seen.length - 1]!)).toBe(i === plan.length - 1 ? 'results' : 'question')
  }
  await expect(page.getByTestId('result-score')).toHaveText(
    t(locale, 'results.score', { correct: plan.filter(Boolean).length, total: plan.length }),
  )
  return seen
}

/** A download's file name and text. */
export async function readDownload(download: Download): Promise<{ name: string; text: string }> {
  const path = await download.path()
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') }
}

/** What IndexedDB holds for one set: its record, cards, review log, notebook entries and attempts. */
export interface StoredCounts {
  sets: number
  cards: number
  reviews: number
  notebook: number
  attempts: number
}

/** Reads the app's database directly, to check what was (or was not) saved. */
export function storedFor(page: Page, setId: string): Promise<StoredCounts> {
  return withAppDatabase(
    page,
    async (db, id) => {
      const count = (store: string, index: string | null, key: IDBValidKey) =>
        new Promise<number>((resolve, reject) => {
          if (!db.objectStoreNames.contains(store)) return resolve(0)
          const s = db.transaction(store).objectStore(store)
          const req = index === null ? s.count(key) : s.index(index).count(key)
          req.onsuccess = () => resolve(req.result)
          req.onerror = () => reject(req.error)
        })
      return {
        sets: await count('importedSetInfo', null, id),
        cards: await count('cards', 'setId', id),
        reviews: await count('reviews', 'setId', id),
        notebook: await count('notebook', 'setId', id),
        attempts: await count('attempts', 'setIds', id),
      }
    },
    setId,
  )
}

/** How many imported sets IndexedDB holds. */
export function importedSetCount(page: Page): Promise<number> {
  return withAppDatabase(page, async (db) => {
    if (!db.objectStoreNames.contains('importedSetInfo')) return 0
    const req = db.transaction('importedSetInfo').objectStore('importedSetInfo').count()
    return await new Promise<number>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
  })
}
