// Hostile and broken files through the real screens of the production build, with a set already
// imported and studied: each is refused with its own message in the learner's language (and
// again in the other language after a switch), markup in a file stays text, and every table of
// the database holds what it held before.
import type { Page } from '@playwright/test'
import { expect, expectNoSeriousA11yViolations, gotoApp, switchLocale, test } from './fixtures'
import { withAppDatabase } from './helpers/database'
import { t, type Locale } from './helpers/i18n'
import { chooseFile, expectPreview, openImport, saveImport, takeQuiz, toTsv, type Row } from './helpers/imports'

const DECK: Row[] = [
  { term: '千问', definition: '阿里巴巴的开源模型' },
  { term: 'DeepSeek', definition: '杭州的 AI 实验室' },
]

/** Every object store of the app's database, each as a list of its records (key order). */
function dumpDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return withAppDatabase(page, async (db) => {
    const out: Record<string, unknown[]> = {}
    for (const name of [...db.objectStoreNames]) {
      out[name] = await new Promise<unknown[]>((resolve, reject) => {
        const req = db.transaction(name).objectStore(name).getAll()
        req.onsuccess = () => resolve(req.result as unknown[])
        req.onerror = () => reject(req.error)
      })
    }
    return out
  })
}

/** Imports DECK through the import screen and takes a quiz on it: a saved set with progress. */
async function studiedSet(page: Page): Promise<string> {
  await openImport(page)
  await chooseFile(page, 'deck.tsv', toTsv(DECK))
  await expectPreview(page, 'zh', 4)
  const id = await saveImport(page, 'zh', 'deck', 4)
  await takeQuiz(page, 'zh', id, DECK, [true, false, true, false])
  return id
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))
const utf16NoBom = (text: string) => Buffer.from(text, 'utf16le')

test.describe('hostile files', () => {
  test('the import screen refuses each with its own message in both languages, runs no markup, and changes nothing', async ({ page }) => {
    test.setTimeout(180_000)
    await studiedSet(page)
    const before = await dumpDatabase(page)
    await openImport(page)
    const errors = page.getByTestId('import-errors').getByRole('listitem')

    const json = (questions: object[]) => JSON.stringify({ id: 's', title: { zh: 't', en: 't' }, keyPoints: [{ zh: 'k', en: 'k' }], questions })
    const cases: { name: string; file: Buffer; said: (locale: Locale) => string }[] = [
      { name: 'cards.csv', file: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), said: (l) => t(l, 'importIssue.image', { kind: 'PNG' }) },
      { name: 'deck.apkg.csv', file: bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), said: (l) => t(l, 'importIssue.zip') },
      { name: 'excel.txt', file: utf16NoBom('term\tdefinition\ncat\tchat\n'), said: (l) => t(l, 'importIssue.utf16NoBom') },
      {
        name: 'nul.csv',
        file: bytes('cat,chat\nd', [0], 'og,chien\n'),
        said: (l) => `${t(l, 'import.at', { line: 2, column: 2 })}${t(l, 'punct.colon')}${t(l, 'importIssue.controlNul')}`,
      },
      {
        name: 'huge.tsv',
        file: bytes(Array.from({ length: 50_000 }, (_, i) => `t${i}\td${i}`).join('\n')),
        said: (l) => t(l, 'importIssue.tooManyRows', { max: '10,000', questions: '20,000' }),
      },
      {
        name: 'wide.csv',
        file: bytes(['a', ...Array.from({ length: 10_000 }, (_, i) => `c${i}`)].join(',')),
        said: (l) => `${t(l, 'import.at', { line: 1, column: 14 })}${t(l, 'punct.colon')}${t(l, 'importIssue.tooManyColumns', { n: 10_001, max: 13, choices: 11 })}`,
      },
      {
        name: 'deep.json',
        file: bytes(`${'['.repeat(10_000)}${']'.repeat(10_000)}`),
        said: (l) => `${t(l, 'import.at', { line: 1, column: 65 })}${t(l, 'punct.colon')}${t(l, 'importIssue.tooDeep', { max: 64 })}`,
      },
      {
        name: 'dup.json',
        file: bytes(json(['q1', 'q1'].map((id) => ({ id, type: 'truefalse', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, answer: true })))),
        said: (l) => `q1 › id${t(l, 'punct.colon')}${t(l, 'importIssue.vQuestionIdUsed', { value: '"q1"', other: 'questions[0]' })}`,
      },
      {
        name: 'invisible.json',
        file: bytes(json([{ id: 'q1', type: 'truefalse', prompt: { zh: '\u200b\u202e', en: 'p' }, explanation: { zh: 'e', en: 'e' }, answer: true }])),
        said: (l) => `q1 › prompt.zh${t(l, 'punct.colon')}${t(l, 'importIssue.vInvisible', { chars: 'U+200B, U+202E' })}`,
      },
      {
        name: 'half-a-character.json',
        file: bytes(json([{ id: 'q1', type: 'truefalse', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, answer: true }]).replace('"en":"e"', '"en":"e\\ud800"')),
        said: (l) => `q1 › explanation.en${t(l, 'punct.colon')}${t(l, 'importIssue.vBroken', { chars: 'U+D800' })}`,
      },
      {
        name: 'twice.json',
        file: bytes(json([{ id: 'q1', type: 'truefalse', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, answer: true }]).replace('"answer":true', '"answer":true,"answer":false')),
        said: (l) => `${t(l, 'import.at', { line: 1, column: 193 })}${t(l, 'punct.colon')}${t(l, 'importIssue.duplicateKey', { key: '"answer"' })}`,
      },
    ]
    for (const { name, file, said } of cases) {
      await test.step(name, async () => {
        await switchLocale(page, 'zh')
        await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/plain', buffer: file })
        await expect(errors.first()).toHaveText(said('zh'))
        await expect(page.getByTestId('import-save')).toBeDisabled()
        await switchLocale(page, 'en')
        await expect(errors.first()).toHaveText(said('en'))
      })
    }

    await test.step('a file that can no longer be read once chosen (moved or deleted)', async () => {
      await switchLocale(page, 'zh')
      await page.evaluate(() => {
        const read = File.prototype.arrayBuffer
        File.prototype.arrayBuffer = function () {
          File.prototype.arrayBuffer = read
          return Promise.reject(new DOMException('A requested file or directory could not be found.', 'NotFoundError'))
        }
      })
      await chooseFile(page, 'gone.csv', 'cat,chat\n')
      await expect(errors).toHaveText([t('zh', 'importIssue.fileUnreadable', { name: 'gone.csv' })])
      await expectNoSeriousA11yViolations(page, 'import screen, a file that cannot be read')
      await switchLocale(page, 'en')
      await expect(errors).toHaveText([t('en', 'importIssue.fileUnreadable', { name: 'gone.csv' })])
    })

    await test.step('an Anki export of cloze notes with HTML: the typed questions Anki would make, no markup', async () => {
      await switchLocale(page, 'en')
      await chooseFile(page, 'cloze.txt', '#separator:tab\n#html:true\n#notetype column:1\nCloze\t<b>{{c1::Qwen}}</b> is made by {{c2::Alibaba::a company}}\t\n')
      const first = page.getByTestId('import-first')
      await expect(first).toContainText('[…] is made by Alibaba')
      await expect(first).toContainText('Qwen is made by [a company]')
      await expect(first).not.toContainText('{{')
      await expect(first).not.toContainText('<b>')
    })

    await test.step('markup in a file is shown as text and never runs', async () => {
      const markup = '<img src=x onerror="window.__pwned=1">\t<script>window.__pwned=1</script>\n<svg onload="window.__pwned=1"></svg>\tx\n'
      await chooseFile(page, 'evil\u202Egpj.csv', markup)
      await expect(page.getByTestId('import-first')).toContainText('<img src=x onerror="window.__pwned=1">')
      await expect(page.getByTestId('import-first')).toContainText('<script>window.__pwned=1</script>')
      await expect(page.getByTestId('import-file-name')).toHaveText(t('en', 'import.chosen', { name: 'evilgpj.csv' }))
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
      await expect(page.locator('#main img, #main svg[onload]')).toHaveCount(0)
    })

    expect(await dumpDatabase(page)).toEqual(before)
  })

  test('the backup screen refuses each in both languages, takes the same backup twice without a change, and changes nothing', async ({ page }) => {
    test.setTimeout(180_000)
    await studiedSet(page)
    await gotoApp(page, '/settings')
    const downloading = page.waitForEvent('download')
    await page.getByTestId('export-progress').click()
    const backup = await (await downloading).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = []
      for await (const chunk of stream) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    })
    const before = await dumpDatabase(page)
    const errors = page.getByTestId('backup-errors').getByRole('listitem')
    const choose = (buffer: Buffer) => page.getByTestId('import-progress').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer })
    const parsed = JSON.parse(backup) as Record<string, unknown>

    /** 1-based line and column of `offset` in `text`. */
    const at = (text: string, offset: number) => {
      const head = text.slice(0, offset)
      return { line: head.split('\n').length, column: offset - head.lastIndexOf('\n') }
    }
    const cut = backup.slice(0, Math.floor(backup.length / 2))
    const deep = backup.replace('"cards": [', `"x": ${'['.repeat(10_000)}${']'.repeat(10_000)}, "cards": [`)
    // The file is level 1, so the 64th "[" of x is the 65th level.
    const deepAt = at(deep, deep.indexOf('['.repeat(100)) + 63)
    const cases: { label: string; file: Buffer; said: (locale: Locale) => string }[] = [
      { label: 'a ZIP archive', file: bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), said: (l) => t(l, 'backupProblem.binary', { what: t(l, 'backupProblem.binaryWhat.zip') }) },
      { label: 'UTF-16 without its mark', file: utf16NoBom(backup), said: (l) => t(l, 'backupProblem.utf16NoBom') },
      {
        label: 'a newer version',
        file: bytes(JSON.stringify({ ...parsed, version: 2 })),
        said: (l) => t(l, 'backupProblem.newerVersion', { version: '2', supported: 1 }),
      },
      { label: 'another app', file: bytes(JSON.stringify({ format: 'anki', cards: [] })), said: (l) => t(l, 'backupProblem.otherFormat', { format: '"anki"' }) },
      { label: 'cut off', file: bytes(cut), said: (l) => t(l, 'backupProblem.incomplete', at(cut, cut.length)) },
      { label: 'nested 10,000 deep', file: bytes(deep), said: (l) => t(l, 'backupProblem.tooDeep', { path: 'x[0][0]', max: 64, ...deepAt }) },
    ]
    const withReviews = (change: (r: Record<string, unknown>) => Record<string, unknown>) =>
      bytes(JSON.stringify({ ...parsed, reviews: (parsed.reviews as Record<string, unknown>[]).map((r, i) => (i === 0 ? change(r) : r)) }))
    cases.push(
      {
        label: 'numbers written as strings',
        file: withReviews((r) => ({ ...r, time: String(r.time) })),
        said: (l) => t(l, 'backupProblem.invalid', { path: 'reviews[0].time', expected: t(l, 'backupProblem.expected.number'), got: JSON.stringify(String((parsed.reviews as { time: number }[])[0]!.time)) }),
      },
      { label: 'a time that is no number', file: withReviews((r) => ({ ...r, time: 'NaN' })), said: (l) => t(l, 'backupProblem.invalid', { path: 'reviews[0].time', expected: t(l, 'backupProblem.expected.number'), got: '"NaN"' }) },
    )
    // Said with both dates in the learner's language and format: matched on everything but the dates.
    const dated: { label: string; file: Buffer; said: (locale: Locale) => RegExp }[] = [
    ]
    for (const { label, file, said } of [...cases, ...dated]) {
      await test.step(label, async () => {
        await switchLocale(page, 'zh')
        await choose(file)
        await expect(errors).toHaveText([said('zh')])
        await switchLocale(page, 'en')
        await expect(errors).toHaveText([said('en')])
        expect(await dumpDatabase(page)).toEqual(before)
      })
    }
    await expectNoSeriousA11yViolations(page, 'settings, a refused backup')

    await test.step('the same backup, twice: merged, nothing changes', async () => {
      await switchLocale(page, 'zh')
      for (let i = 0; i < 2; i++) {
        await choose(bytes(backup))
        await page.getByTestId('import-merge').click()
        await expect(page.getByTestId('backup-status')).toHaveText(t('zh', 'settings.imported'))
        await expect(page.getByTestId('backup-errors')).toHaveCount(0)
      }
      const after = await dumpDatabase(page)
      // Start-up bookkeeping (the bank signature) is forgotten by an import and written at the next start.
      const progress = (dump: Record<string, unknown[]>) => ({ ...dump, settings: dump.settings!.filter((s) => (s as { key: string }).key !== 'bankSignature') })
      expect(progress(after)).toEqual(progress(before))
    })

    await test.step('settings that break their rules: the rest is imported, the learner’s own values stay, and each is named', async () => {
      await switchLocale(page, 'en')
      const settings = [
        { key: 'settings', value: { retention: 7, newPerDay: 'many', learningSteps: ['1m', '10m'], language: 'fr' }, updatedAt: Date.now() },
        { key: 'theme', value: 'neon' },
      ]
      await choose(bytes(JSON.stringify({ ...parsed, exportedAt: Date.now(), settings })))
      await page.getByTestId('import-merge').click()
      await expect(page.getByTestId('backup-status')).toHaveText(t('en', 'settings.imported'))
      const notes = page.getByTestId('backup-notes').getByRole('listitem')
      await expect(notes).toHaveCount(4)
      await expect(notes.nth(0)).toHaveText(
        t('en', 'backupSetting.invalid', {
          setting: t('en', 'settings.fieldName.retention'),
          got: '7',
          path: 'settings[0].value.retention',
          allowed: t('en', 'backupSetting.allowed.retention', { min: 0.7, max: 0.97 }),
          now: t('en', 'backupSetting.percent', { value: '0.9', percent: 90 }),
        }),
      )
      await expect(page.getByTestId('settings-new-per-day')).toHaveValue('20')
      await expectNoSeriousA11yViolations(page, 'settings, a backup whose settings were left out')
      await switchLocale(page, 'zh')
      await expect(notes.nth(3)).toHaveText(t('zh', 'backupSetting.unknownKey', { path: 'settings[1].key', key: 'theme' }))
    })
  })
})
