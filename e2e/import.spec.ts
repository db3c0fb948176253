// Bring-your-own sets end to end: importing an Anki-style TSV by file and by paste (preview first,
// nothing saved until "Save set"), quizzing on it, its progress on the home page, exporting it as
// TSV and JSON (and importing that JSON again), a hostile file whose markup must stay text under
// the Content-Security-Policy, a broken JSON file, renaming and deleting, and axe on the screen.
import { expect, expectNoSeriousA11yViolations, gotoApp, switchTheme, test, type ThemeMode } from './fixtures'
import { SET_IDS } from './helpers/bank'
import { exactly, t } from './helpers/i18n'
import {
  chooseFile,
  expectPreview,
  gotoHome,
  importedSetCount,
  openImport,
  questionCount,
  readDownload,
  saveImport,
  setCards,
  storedFor,
  takeQuiz,
  toTsv,
  type Row,
} from './helpers/imports'

const ANKI_HEAD = '#separator:tab\n#html:false\n'

/** An Anki-style deck: the first definition is a quoted field holding a line break and a tab. */
const DECK: Row[] = [
  { term: '千问', definition: '阿里巴巴的\n开源\t模型' },
  { term: 'DeepSeek', definition: '杭州的 AI 实验室' },
  { term: 'Llama', definition: 'Meta 的模型', choices: ['谷歌的模型', 'OpenAI 的模型'] },
]
const DECK_TSV = toTsv(DECK, ANKI_HEAD)

/** The same kind of deck with a column-name row instead of Anki's # lines, for pasting. */
const PASTED: Row[] = [
  { term: '开源', definition: '源代码公开，\n任何人可用\t可改' },
  { term: '闭源', definition: '源代码不公开' },
]
const PASTED_TSV = toTsv(PASTED, 'term\tdefinition\n')

const IMG = '<img src=x onerror="window.__pwned=1">'
const SCRIPT = '<script>window.__pwned=1</script>'
const SVG = '<svg onload="window.__pwned=1"></svg>'
const HOSTILE: Row[] = [
  { term: IMG, definition: SCRIPT },
  { term: SCRIPT, definition: IMG, choices: [SVG] },
]

const BROKEN_JSON = `{
  "id": "broken",
  "title": { "zh": "坏", "en": "Broken" },
  "keyPoints": [{ "zh": "要点", "en": "A point" },],
  "questions": []
}
`

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function typeCounts(rows: readonly Row[]): string[] {
  const n = questionCount(rows)
  // In the app's order of question types: single, ..., blank, ..., flashcard.
  return [
    ...(n.single ? [`${n.single} ${t('zh', 'types.single')}`] : []),
    ...(n.blank ? [`${n.blank} ${t('zh', 'types.blank')}`] : []),
    `${n.flashcard} ${t('zh', 'types.flashcard')}`,
  ]
}

test.describe('importing a TSV', () => {
  test('by file: preview, save, quiz, progress on home, export as TSV and JSON, re-import the JSON', async ({ page, context }) => {
    test.setTimeout(120_000)
    const count = questionCount(DECK)
    await openImport(page)
    await chooseFile(page, 'anki-deck.txt', DECK_TSV)
    await expect(page.getByTestId('import-file-name')).toHaveText(t('zh', 'import.chosen', { name: 'anki-deck.txt' }))

    await test.step('the preview counts the questions by type and shows the first ones', async () => {
      await expectPreview(page, 'zh', count.total)
      await expect(page.getByTestId('import-detected')).toHaveText(
        t('zh', 'import.detected', { what: `${t('zh', 'import.csv')} · ${t('zh', 'import.tab')}` }),
      )
      await expect(page.getByTestId('import-counts').getByRole('listitem')).toHaveText(typeCounts(DECK))
      const first = page.getByTestId('import-first').getByRole('listitem')
      await expect(first).toHaveCount(5)
      // Questions in row order: each row's flashcard, then its reverse (definition → term).
      const prompts = await first.locator('.prompt').allTextContents()
      expect(prompts).toEqual([DECK[0]!.term, DECK[0]!.definition, DECK[1]!.term, DECK[1]!.definition, DECK[2]!.term])
      // The quoted field kept its line break and its tab.
      const answer = await first.nth(0).locator('.answer').textContent()
      expect(answer).toBe(`${t('zh', 'import.answer')}${t('zh', 'punct.colon')}${DECK[0]!.definition}`)
      await expect(page.getByTestId('import-errors')).toHaveCount(0)
    })

    await test.step('nothing is saved before "Save set"', async () => {
      expect(await importedSetCount(page)).toBe(0)
      const home = await context.newPage()
      await gotoHome(home)
      await expect(setCards(home)).toHaveCount(SET_IDS.length)
      await home.close()
    })

    const id = await saveImport(page, 'zh', 'anki-deck', count.total)
    expect(await importedSetCount(page)).toBe(1)
    // The form is ready for the next import.
    await expect(page.getByTestId('import-text')).toHaveValue('')
    await expect(page.getByTestId('import-save')).toBeDisabled()

    await test.step('the set is on the home page, marked as imported', async () => {
      await gotoHome(page)
      await expect(setCards(page)).toHaveCount(SET_IDS.length + 1)
      const card = page.getByTestId(`set-card-${id}`)
      await expect(card.getByRole('heading', { level: 2 })).toHaveText('anki-deck')
      await expect(card.locator('.badge')).toHaveText(t('zh', 'home.imported'))
      await expect(card.getByTestId('set-count')).toHaveText(t('zh', 'home.questions', { n: count.total }))
      await expect(card).toContainText(t('zh', 'home.noAttempts'))
      // The built-in sets are not marked.
      await expect(page.getByTestId('set-card-accusation').locator('.badge')).toHaveCount(0)
    })

    // Right, wrong, right, wrong, ...: every kind of question (card, blank, choice) gets both.
    const plan = [true, false, false, true, true, false]
    await test.step('a practice quiz on it, answered right and wrong', async () => {
      await takeQuiz(page, 'zh', id, DECK, plan)
    })

    await test.step('its progress shows on the home page', async () => {
      await gotoHome(page)
      const card = page.getByTestId(`set-card-${id}`)
      await expect(card).toContainText(t('zh', 'home.lastScore', { score: `3/${count.total}` }))
      // Every question was answered once, so none is new any more.
      const template = t('zh', 'home.progressOf', { set: 'anki-deck', new: 0, learning: '@L@', mastered: '@M@' })
      const pattern = new RegExp(`^${escapeRegExp(template).replace('@L@', '(\\d+)').replace('@M@', '(\\d+)')}$`)
      const bar = card.getByRole('img')
      await expect(bar).toHaveAttribute('aria-label', pattern)
      const [, learning, mastered] = pattern.exec((await bar.getAttribute('aria-label')) ?? '')!.map(Number)
      expect(learning! + mastered!).toBe(count.total)
      await expect(card.locator('.legend')).toContainText(`${t('zh', 'home.new')} 0`)
    })

    await page.getByTestId(`set-card-${id}`).getByRole('link', { name: 'anki-deck' }).click()
    await expect(page).toHaveURL(new RegExp(`/sets/${id}$`))

    await test.step('exported as TSV: the term–definition rows, quoted as Anki reads them', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-tsv').click()])
      const { name, text } = await readDownload(download)
      expect(name).toBe('anki-deck.tsv')
      expect(text).toBe(
        [
          '#separator:tab',
          '#html:false',
          '千问\t"阿里巴巴的\n开源\t模型"',
          'DeepSeek\t杭州的 AI 实验室',
          'Llama\tMeta 的模型',
          '',
        ].join('\n'),
      )
    })

    let json = ''
    await test.step('exported as JSON: the whole set', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
      const file = await readDownload(download)
      expect(file.name).toBe('anki-deck.json')
      json = file.text
      const set = JSON.parse(json) as { id: string; title: { zh: string }; questions: { id: string; type: string }[] }
      expect(set.id).toBe(id)
      expect(set.title.zh).toBe('anki-deck')
      expect(set.questions.map((q) => q.type)).toEqual(['flashcard', 'blank', 'flashcard', 'blank', 'flashcard', 'single'])
    })

    await test.step('the exported JSON imports again, as a second set', async () => {
      await openImport(page)
      await chooseFile(page, 'anki-deck.json', json, 'application/json')
      await expectPreview(page, 'zh', count.total)
      await expect(page.getByTestId('import-detected')).toHaveText(t('zh', 'import.detected', { what: t('zh', 'import.json') }))
      await expect(page.getByTestId('import-counts').getByRole('listitem')).toHaveText(typeCounts(DECK))
      const again = await saveImport(page, 'zh', 'anki-deck', count.total)
      expect(again).not.toBe(id)
      await gotoHome(page)
      await expect(setCards(page)).toHaveCount(SET_IDS.length + 2)
      const card = page.getByTestId(`set-card-${again}`)
      await expect(card.locator('.badge')).toHaveText(t('zh', 'home.imported'))
      await expect(card).toContainText(t('zh', 'home.noAttempts'))
      // The first set's progress is its own.
      await expect(page.getByTestId(`set-card-${id}`)).toContainText(t('zh', 'home.lastScore', { score: `3/${count.total}` }))
    })
  })

  test('by paste: a column-name row, preview, nothing saved until "Save set", then on home', async ({ page }) => {
    test.setTimeout(120_000)
    const count = questionCount(PASTED)
    await openImport(page)
    await page.getByTestId('import-text').fill(PASTED_TSV)
    await expectPreview(page, 'zh', count.total)
    await expect(page.getByTestId('import-counts').getByRole('listitem')).toHaveText(typeCounts(PASTED))
    const prompts = await page.getByTestId('import-first').locator('.prompt').allTextContents()
    expect(prompts).toEqual([PASTED[0]!.term, PASTED[0]!.definition, PASTED[1]!.term, PASTED[1]!.definition])
    // The column names were recognised as such, not read as a card.
    await expect(page.getByTestId('import-header')).toBeChecked()
    await expect(page.getByTestId('import-warnings')).toContainText('term | definition')

    // A preview is not a save, even after leaving the screen.
    expect(await importedSetCount(page)).toBe(0)
    await gotoHome(page)
    await expect(setCards(page)).toHaveCount(SET_IDS.length)

    await openImport(page)
    await expect(page.getByTestId('import-text')).toHaveValue('')
    await expect(page.getByTestId('import-save')).toBeDisabled()
    await page.getByTestId('import-text').fill(PASTED_TSV)
    await page.getByTestId('import-name').fill('开源与闭源')
    await expectPreview(page, 'zh', count.total)
    const id = await saveImport(page, 'zh', '开源与闭源', count.total)

    await page.getByTestId('import-open-set').click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('开源与闭源')
    await gotoHome(page)
    await expect(setCards(page)).toHaveCount(SET_IDS.length + 1)
    const card = page.getByTestId(`set-card-${id}`)
    await expect(card.getByRole('heading', { level: 2 })).toHaveText('开源与闭源')
    await expect(card.locator('.badge')).toHaveText(t('zh', 'home.imported'))

    await takeQuiz(page, 'zh', id, PASTED, [true, false, true, true])
    await gotoHome(page)
    await expect(page.getByTestId(`set-card-${id}`)).toContainText(t('zh', 'home.lastScore', { score: `3/${count.total}` }))
  })
})

test.describe('a hostile file', () => {
  test('markup in the fields is shown as text and never runs', async ({ page }) => {
    test.setTimeout(120_000)
    const count = questionCount(HOSTILE)
    await openImport(page)
    await chooseFile(page, 'hostile.tsv', toTsv(HOSTILE), 'text/tab-separated-values')
    await expectPreview(page, 'zh', count.total)
    const first = page.getByTestId('import-first')
    await expect(first.getByText(IMG, { exact: true }).first()).toBeVisible()
    await expect(first.getByText(SCRIPT, { exact: true }).first()).toBeVisible()
    // Row 1: its card and its reverse (definition → term); row 2, with a third column: its card and a choice.
    expect(await first.locator('.prompt').allTextContents()).toEqual([IMG, SCRIPT, SCRIPT, SCRIPT])

    // The name is the learner's own text, shown as text too.
    await page.getByTestId('import-name').fill(IMG)
    const id = await saveImport(page, 'zh', IMG, count.total)

    await gotoHome(page)
    await expect(page.getByTestId(`set-card-${id}`).getByRole('heading', { level: 2 })).toHaveText(IMG)

    // Every question shows its markup as text: prompts, the flashcard back, choices, feedback.
    // The last one picks the wrong choice, so the notebook holds the markup too.
    await takeQuiz(page, 'zh', id, HOSTILE, [true, false, true, false])

    await page.goto(`/sets/${id}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(IMG)
    await page.goto('/notebook')
    await expect(page.getByText(SCRIPT, { exact: true }).first()).toBeVisible()

    // Nothing the file held became an element, and nothing ran.
    expect(await page.locator('img[src="x"], svg[onload], #main script').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined()
    // The fixture fails the test on any CSP violation or console error on the way.
  })
})

test.describe('a Chinese CSV from Excel on Windows (GBK, not UTF-8)', () => {
  test('is read, said to be read as GBK, previewed as Chinese and saved', async ({ page }) => {
    // 问题;答案 / 千问;大模型 in GB18030, as Excel's plain "CSV" saves them on a Chinese Windows.
    const bytes = [0xce, 0xca, 0xcc, 0xe2, 0x3b, 0xb4, 0xf0, 0xb0, 0xb8, 0x0d, 0x0a, 0xc7, 0xa7, 0xce, 0xca, 0x3b, 0xb4, 0xf3, 0xc4, 0xa3, 0xd0, 0xcd, 0x0d, 0x0a]
    await openImport(page)
    await page.getByTestId('import-file').setInputFiles({ name: '千问.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) })
    await expect(page.getByRole('status').filter({ hasText: t('zh', 'import.readAsGb18030') })).toBeVisible()
    await expectPreview(page, 'zh', 2)
    await expect(page.getByTestId('import-first')).toContainText('大模型')
    await saveImport(page, 'zh', '千问', 2)
  })
})

test.describe('a broken JSON set', () => {
  test('shows its error with line and column and saves nothing', async ({ page }) => {
    await openImport(page)
    await chooseFile(page, 'broken.json', BROKEN_JSON, 'application/json')
    const errors = page.getByTestId('import-errors')
    await expect(errors).toBeVisible()
    await expect(errors).toHaveAttribute('role', 'alert')
    await expect(errors.locator('.title')).toContainText(t('zh', 'import.errors', { n: 1 }))
    // The stray "]" after the trailing comma on line 4.
    await expect(errors.getByRole('listitem')).toHaveCount(1)
    await expect(errors.getByRole('listitem').locator('strong')).toHaveText(`${t('zh', 'import.at', { line: 4, column: 49 })}：`)
    // In the learner's language; a file named .json is read as JSON only.
    const reason = t('zh', 'importJsonReason.trailingComma', { bracket: ']' })
    await expect(errors.getByRole('listitem')).toContainText(t('zh', 'importIssue.invalidJson', { reason }))
    await expect(page.getByTestId('import-total')).toHaveCount(0)
    await expect(page.getByTestId('import-save')).toBeDisabled()

    // Pasting it gives the same place, saying CSV / TSV was tried too.
    await page.getByTestId('import-text').fill(BROKEN_JSON)
    await expect(errors.getByRole('listitem').locator('strong')).toHaveText(`${t('zh', 'import.at', { line: 4, column: 49 })}：`)
    await expect(errors.getByRole('listitem')).toContainText(t('zh', 'importIssue.triedBoth', { reason, first: '{' }))
    await expect(page.getByTestId('import-save')).toBeDisabled()

    expect(await importedSetCount(page)).toBe(0)
    await gotoHome(page)
    await expect(setCards(page)).toHaveCount(SET_IDS.length)
    await expect(page.getByText(t('zh', 'home.imported'), { exact: true })).toHaveCount(0)
  })
})

test.describe('managing an imported set', () => {
  test('rename, then delete with confirmation: the set and its progress are gone', async ({ page }) => {
    test.setTimeout(120_000)
    const count = questionCount(PASTED)
    await openImport(page)
    await page.getByTestId('import-text').fill(PASTED_TSV)
    await page.getByTestId('import-name').fill('旧名字')
    await expectPreview(page, 'zh', count.total)
    const id = await saveImport(page, 'zh', '旧名字', count.total)

    // Some progress: a quiz with wrong answers (so the mistakes notebook has entries too).
    const seen = await takeQuiz(page, 'zh', id, PASTED, [false, true, false, true])
    const before = await storedFor(page, id)
    expect(before).toEqual({ sets: 1, cards: count.total, reviews: count.total, notebook: 2, attempts: 1 })
    await page.goto('/notebook')
    await expect(page.getByTestId(`notebook-item-${seen[0]}`)).toBeVisible()

    await test.step('rename', async () => {
      await page.goto(`/sets/${id}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('旧名字')
      await page.getByTestId('rename-set').click()
      const input = page.getByTestId('rename-input')
      await expect(input).toHaveValue('旧名字')
      await input.fill('新名字')
      await page.getByTestId('rename-save').click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('新名字')
      await expect(page.getByRole('status').filter({ hasText: t('zh', 'set.renamed') })).toBeVisible()
      await gotoHome(page)
      await expect(page.getByTestId(`set-card-${id}`).getByRole('heading', { level: 2 })).toHaveText('新名字')
      // Renaming keeps the progress.
      await expect(page.getByTestId(`set-card-${id}`)).toContainText(t('zh', 'home.lastScore', { score: `2/${count.total}` }))
    })

    await test.step('delete asks first; cancel keeps the set', async () => {
      await page.goto(`/sets/${id}`)
      await page.getByTestId('delete-set').click()
      const dialog = page.getByRole('dialog')
      await expect(dialog).toBeVisible()
      await expect(dialog).toContainText(t('zh', 'set.deleteConfirm', { name: '新名字' }))
      await dialog.getByTestId('confirm-cancel').click()
      await expect(dialog).toBeHidden()
      await expect(page).toHaveURL(new RegExp(`/sets/${id}$`))
      expect((await storedFor(page, id)).sets).toBe(1)
    })

    await test.step('delete, confirmed', async () => {
      await page.getByTestId('delete-set').click()
      await page.getByRole('dialog').getByTestId('confirm-ok').click()
      await expect(page).toHaveURL(/\/$/)
      await expect(setCards(page)).toHaveCount(SET_IDS.length)
      await expect(page.getByTestId(`set-card-${id}`)).toHaveCount(0)
      expect(await storedFor(page, id)).toEqual({ sets: 0, cards: 0, reviews: 0, notebook: 0, attempts: 0 })
      await page.goto('/notebook')
      await expect(page.getByTestId('notebook-empty')).toBeVisible()
      await expect(page.locator('[data-testid^="notebook-item-"]')).toHaveCount(0)
      await page.goto(`/sets/${id}`)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('zh', 'set.notFound'))
    })
  })
})

for (const theme of ['light', 'dark'] as const satisfies readonly ThemeMode[]) {
  test.describe(`axe on the import screen, ${theme}`, () => {
    test.use({ appTheme: theme, colorScheme: theme })

    test('empty, with a preview, with errors and saved', async ({ page }) => {
      test.setTimeout(120_000)
      await gotoApp(page, '/import')
      await switchTheme(page, theme)
      await expect(page.getByText(exactly(t('zh', 'import.nothing')))).toBeVisible()
      await expectNoSeriousA11yViolations(page, `import, empty (${theme})`)

      await page.getByTestId('import-text').fill(DECK_TSV)
      await expectPreview(page, 'zh', questionCount(DECK).total)
      await expect(page.getByTestId('import-warnings')).toHaveCount(0)
      await expectNoSeriousA11yViolations(page, `import, preview (${theme})`)

      await page.getByTestId('import-text').fill(PASTED_TSV)
      await expect(page.getByTestId('import-warnings')).toBeVisible()
      await expectNoSeriousA11yViolations(page, `import, preview with notes (${theme})`)

      await page.getByTestId('import-text').fill(BROKEN_JSON)
      await expect(page.getByTestId('import-errors')).toBeVisible()
      await expectNoSeriousA11yViolations(page, `import, errors (${theme})`)

      await page.getByTestId('import-format').selectOption('csv')
      await page.getByTestId('import-text').fill('只有一列\n')
      await expect(page.getByTestId('import-errors')).toBeVisible()
      await expect(page.getByTestId('import-separator')).toBeVisible()
      await expectNoSeriousA11yViolations(page, `import, CSV options and row errors (${theme})`)

      await page.getByTestId('import-format').selectOption('auto')
      await page.getByTestId('import-text').fill(DECK_TSV)
      await expectPreview(page, 'zh', questionCount(DECK).total)
      // Left empty, the name is the dated default the field shows.
      const name = (await page.getByTestId('import-name').getAttribute('placeholder')) ?? ''
      expect(name).toMatch(/^导入的题组（.+）$/)
      await saveImport(page, 'zh', name, questionCount(DECK).total)
      await expectNoSeriousA11yViolations(page, `import, saved (${theme})`)
    })
  })
}
