// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
vi.mock('virtual:question-index', () => ({ default: [] }))

import { i18n } from '@/i18n'
import type { StudyDB } from '@/db/database'
import { dumpAll, freshDBEachTest, importedSetsOf, makeCard, makeEntry, makeLog, T0 } from '@/db/test-utils'
import { makeImportedSet } from '@/domain/progress/testing'
import ImportView from './ImportView.vue'

let db: StudyDB
let router: Router
let wrapper: VueWrapper | null = null

freshDBEachTest((fresh) => (db = fresh), { app: true })
beforeEach(async () => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'en'
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/import', component: ImportView },
      { path: '/sets/:setId', component: { template: '<p>set</p>' } },
      // Links the screen offers (home, the backup section of settings).
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/settings', component: { template: '<p>settings</p>' } },
    ],
  })
  await router.push('/import')
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountView(): VueWrapper {
  wrapper = mount(ImportView, { global: { plugins: [i18n, router] }, attachTo: document.body })
  return wrapper
}

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

function chooseFile(w: VueWrapper, file: File): Promise<void> {
  const input = byId(w, 'import-file')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  return input.trigger('change')
}

describe('ImportView', () => {
  it('previews a pasted TSV, saves it only on "Save set", and links to the new set', async () => {
    const w = mountView()
    expect(byId(w, 'import-preview').text()).toContain('Choose a file or paste text to see a preview.')
    expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(true)

    await byId(w, 'import-text').setValue('term\tdefinition\ncat\tchat\ndog\tchien\tloup\tchat sauvage\n')
    await vi.waitFor(() => expect(byId(w, 'import-counts').exists()).toBe(true), { timeout: 3000 })
    const counts = byId(w, 'import-counts').findAll('li').map((li) => li.text())
    expect(counts).toEqual(['1 Single choice', '1 Fill in the blank', '2 Flashcard'])
    expect(byId(w, 'import-total').text()).toBe('4 questions in all')
    const first = byId(w, 'import-first')
      .findAll('li')
      .map((li) => li.findAll('p').map((p) => p.text()))
    expect(first).toHaveLength(4)
    expect(first[0]).toEqual(['cat', 'Answer: chat'])
    expect(first[1]).toEqual(['chat', 'Answer: cat'])
    expect(first[3]).toEqual(['dog', 'Answer: chien'])
    expect(byId(w, 'import-detected').text()).toBe('Detected: CSV / TSV · Tab')
    expect((byId(w, 'import-header').element as HTMLInputElement).checked).toBe(true)
    expect(await importedSetsOf(db).count()).toBe(0) // a preview saves nothing

    await byId(w, 'import-name').setValue('Animals')
    expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(false)
    await byId(w, 'import-save').trigger('click')
    await vi.waitFor(() => expect(byId(w, 'import-saved').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-saved').text()).toContain('Imported “Animals” with 4 questions.')

    const rows = await importedSetsOf(db).toArray()
    expect(rows).toHaveLength(1)
    const record = rows[0]!
    expect(record).toMatchObject({ name: 'Animals', set: { id: record.id, title: { zh: 'Animals', en: 'Animals' } } })
    expect(record.id).toMatch(/^imp-[0-9a-f]{10}$/)
    expect(record.set.questions.map((q) => q.id)).toEqual([`${record.id}-1-card`, `${record.id}-1-blank`, `${record.id}-2-card`, `${record.id}-2-choice`])
    expect(byId(w, 'import-open-set').attributes('href')).toBe(`/sets/${record.id}`)
    expect((byId(w, 'import-text').element as HTMLTextAreaElement).value).toBe('')
  })

  it('shows every problem of a broken file with its line and column, and saves nothing', async () => {
    const w = mountView()
    await byId(w, 'import-text').setValue('one,uno\nlonely\n,no term\n')
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    const errors = byId(w, 'import-errors')
    expect(errors.attributes('role')).toBe('alert')
    expect(errors.findAll('li').map((li) => li.text())).toEqual([
      'Line 2, column 2: found 1 column; a row needs a term and a definition separated by a comma',
      'Line 3, column 1: the term is empty',
    ])
    expect(errors.text()).toContain('2 problems')
    expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(true)
    await byId(w, 'import-save').trigger('click')
    await flushPromises()
    expect(await importedSetsOf(db).count()).toBe(0)
    expect(byId(w, 'import-saved').exists()).toBe(false)
  })

  it('reports invalid JSON with its line and column', async () => {
    const w = mountView()
    await byId(w, 'import-text').setValue('{\n  "id": "x",\n  "title": }\n')
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').find('li').text()).toBe(
      'Line 3, column 12: invalid JSON: unexpected "}". The text starts with “{”, so it was read as JSON; read as CSV / TSV it fails too. If it is a CSV / TSV file, choose “CSV / TSV” as the format to see its problems.',
    )
  })

  it('shows markup from the file as plain text, never as HTML', async () => {
    const w = mountView()
    await byId(w, 'import-text').setValue('<img src=x onerror=alert(1)>\t<script>alert(1)</script>\n')
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-first').text()).toContain('<img src=x onerror=alert(1)>')
    expect(byId(w, 'import-first').text()).toContain('<script>alert(1)</script>')
    expect(w.find('img').exists()).toBe(false)
    expect(w.find('script').exists()).toBe(false)
  })

  it('reads a file dropped on the drop zone as it reads a chosen one', async () => {
    const w = mountView()
    const drop = new Event('drop', { bubbles: true, cancelable: true })
    const file = new File(['问题;答案\n千问;大模型\n'], 'dropped.csv', { type: 'text/csv' })
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } })
    byId(w, 'import-file-drop').element.dispatchEvent(drop)
    await vi.waitFor(() => expect(byId(w, 'import-counts').exists()).toBe(true), { timeout: 3000 })
    expect(drop.defaultPrevented).toBe(true)
    expect(byId(w, 'import-file-name').text()).toBe('Read from dropped.csv')
    expect((byId(w, 'import-name').element as HTMLInputElement).placeholder).toBe('dropped')
  })

  it('reads a chosen file, and refuses one that is not UTF-8', async () => {
    const w = mountView()
    await chooseFile(w, new File(['问题;答案\n千问;大模型\n'], 'deck.csv', { type: 'text/csv' }))
    await vi.waitFor(() => expect(byId(w, 'import-counts').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-file-name').text()).toBe('Read from deck.csv')
    expect((byId(w, 'import-name').element as HTMLInputElement).placeholder).toBe('deck')

    await chooseFile(w, new File([new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x09, 0x78])], 'latin1.tsv'))
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').find('li').text()).toMatch(/^Line 1: The file is not valid UTF-8 text/)
    expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(true)
  })

  it('reads a Chinese file saved in GB18030 (not UTF-8), says so, and previews it; a UTF-8 file after it says nothing of the kind', async () => {
    const w = mountView()
    // 问题;答案 / 千问;大模型, as Excel on a Chinese Windows saves them.
    const gbk = [0xce, 0xca, 0xcc, 0xe2, 0x3b, 0xb4, 0xf0, 0xb0, 0xb8, 0x0a, 0xc7, 0xa7, 0xce, 0xca, 0x3b, 0xb4, 0xf3, 0xc4, 0xa3, 0xd0, 0xcd, 0x0a]
    await chooseFile(w, new File([new Uint8Array(gbk)], 'deck.csv', { type: 'text/csv' }))
    await vi.waitFor(() => expect(byId(w, 'import-counts').exists()).toBe(true), { timeout: 3000 })
    expect(w.find('[role="status"]').text()).toMatch(/^This file is not UTF-8; it was read as Chinese in the Windows encoding/)
    expect(byId(w, 'import-preview').text()).toContain('大模型')

    await chooseFile(w, new File(['问题;答案\n千问;大模型\n'], 'deck.csv', { type: 'text/csv' }))
    await vi.waitFor(() => expect(w.text()).not.toContain('Windows encoding'), { timeout: 3000 })
  })

  it('follows the separator, header and format choices', async () => {
    const w = mountView()
    await byId(w, 'import-text').setValue('a|b\nc|d\n')
    await vi.waitFor(() => expect(byId(w, 'import-total').exists()).toBe(true), { timeout: 3000 })
    await byId(w, 'import-separator').setValue('custom')
    await byId(w, 'import-custom-separator').setValue('|')
    await byId(w, 'import-header').setValue(true)
    await vi.waitFor(() => expect(byId(w, 'import-total').text()).toBe('2 questions in all'), { timeout: 3000 })
    await byId(w, 'import-format').setValue('json')
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').text()).toContain('invalid JSON')
  })
})

describe('ImportView: the unlucky paths', () => {
  it('says a full disk in plain words, keeps the preview, and saves on the next try', async () => {
    const w = mountView()
    await byId(w, 'import-text').setValue('cat\tchat\ndog\tchien\n')
    await vi.waitFor(() => expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(false), { timeout: 3000 })
    const add = db.importedSetInfo.add.bind(db.importedSetInfo)
    const spy = vi.spyOn(db.importedSetInfo, 'add').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    await byId(w, 'import-save').trigger('click')
    await vi.waitFor(() => expect(byId(w, 'import-save-error').exists()).toBe(true), { timeout: 3000 })
    const alert = byId(w, 'import-save-error')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('This device’s storage for this site is full.')
    expect(alert.text()).toContain('Nothing was changed')
    expect(alert.text()).toContain('export a backup')
    expect(alert.text()).toContain('delete imported sets you no longer need')
    expect(alert.text()).not.toContain('QuotaExceededError')
    expect(await importedSetsOf(db).count()).toBe(0)

    spy.mockImplementation(add)
    expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(false)
    await byId(w, 'import-save').trigger('click')
    await vi.waitFor(() => expect(byId(w, 'import-saved').exists()).toBe(true), { timeout: 3000 })
    expect(await importedSetsOf(db).count()).toBe(1)
  })

  it('says an empty (0-byte) file is empty', async () => {
    const w = mountView()
    await chooseFile(w, new File([], 'deck.txt', { type: 'text/plain' }))
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').text()).toContain('“deck.txt” is empty')
    expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(true)
  })

  it('says a paste of nothing but spaces is empty', async () => {
    const w = mountView()
    await byId(w, 'import-text').setValue('  \n\t ')
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').text()).toContain('The pasted text is empty')
  })

  it('refuses a paste over the size limit before the page holds it', async () => {
    const w = mountView()
    const big = 'a\tb\n'.repeat(Math.ceil((10 * 1024 * 1024) / 4) + 1)
    const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown }
    const items = [{ kind: 'string', type: 'text/plain', getAsString: () => {} }]
    Object.defineProperty(event, 'clipboardData', {
      value: { items, types: ['text/plain'], getData: () => big },
    })
    byId(w, 'import-text').element.dispatchEvent(event)
    await flushPromises()
    expect(event.defaultPrevented).toBe(true)
    expect((byId(w, 'import-text').element as HTMLTextAreaElement).value).toBe('')
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').text()).toContain('The pasted text is 10.1 MB; the limit is 10 MB')
  })
})

describe('ImportView: hostile and vanished files', () => {
  it('says every refusal of a file or paste again in the language the learner switches to', async () => {
    const w = mountView()
    const errors = () => byId(w, 'import-errors').findAll('li').map((li) => li.text())
    await chooseFile(w, new File([new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x20, 0x0a])], 'blank.csv', { type: 'text/csv' }))
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(errors()).toEqual(['The file “blank.csv” is empty: it holds no text, or only spaces and line breaks. Choose the file that holds your cards, or paste them below.'])
    i18n.global.locale.value = 'zh'
    await flushPromises()
    expect(errors()).toEqual(['文件“blank.csv”是空的：没有任何文字，或只有空格和换行。请选择存有卡片的文件，或把内容粘贴到下面。'])
    i18n.global.locale.value = 'en'

    await chooseFile(w, new File(['x'.repeat(11 * 1024 * 1024)], 'huge.csv', { type: 'text/csv' }))
    await vi.waitFor(() => expect(errors()).toEqual(['The file is 11.0 MB; the limit is 10 MB.']), { timeout: 3000 })
    i18n.global.locale.value = 'zh'
    await flushPromises()
    expect(errors()).toEqual(['文件大小为 11.0 MB，上限是 10 MB。'])
  })

  it('keeps the preview it has when the file dialog is cancelled (a change with no file) or a drop brings none', async () => {
    const w = mountView()
    await chooseFile(w, new File(['cat\tchat\n'], 'deck.tsv', { type: 'text/tab-separated-values' }))
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    const input = byId(w, 'import-file')
    Object.defineProperty(input.element, 'files', { value: [], configurable: true })
    await input.trigger('change')
    const drop = new Event('drop', { bubbles: true, cancelable: true })
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [] } })
    byId(w, 'import-file-drop').element.dispatchEvent(drop)
    await flushPromises()
    expect(byId(w, 'import-file-name').text()).toBe('Read from deck.tsv')
    expect(byId(w, 'import-first').exists()).toBe(true)
    expect(byId(w, 'import-errors').exists()).toBe(false)
    expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(false)
  })

  it('says a file that can no longer be read (moved or deleted after it was chosen), in both languages, and keeps what was saved', async () => {
    await importedSetsOf(db).add(makeImportedSet())
    await db.cards.put(makeCard({ questionId: 'm1', setId: 'mine' }))
    const before = await dumpAll(db)
    const gone = new File(['cat\tchat\n'], 'deck.csv', { type: 'text/csv' })
    const notFound = () => Promise.reject(new DOMException('A requested file or directory could not be found at the time an operation was processed.', 'NotFoundError'))
    Object.assign(gone, { arrayBuffer: notFound, text: notFound })
    const w = mountView()
    await chooseFile(w, gone)
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').attributes('role')).toBe('alert')
    expect(byId(w, 'import-errors').find('li').text()).toBe(
      'The file “deck.csv” could not be read: it was moved, renamed, deleted or changed after it was chosen, or the browser may not read it. Choose the file again.',
    )
    i18n.global.locale.value = 'zh'
    await flushPromises()
    expect(byId(w, 'import-errors').find('li').text()).toBe('无法读取文件“deck.csv”：选择之后它被移动、改名、删除或修改了，或者浏览器无权读取它。请重新选择这个文件。')
    expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(true)
    expect(await dumpAll(db)).toEqual(before)
  })
})

describe('ImportView: two files chosen one after the other', () => {
  it('previews the file chosen last, even when the first one is read more slowly', async () => {
    let release!: () => void
    const slow = new File(['slow\tfirst\n'], 'first.tsv', { type: 'text/tab-separated-values' })
    const read = slow.arrayBuffer.bind(slow)
    Object.assign(slow, { arrayBuffer: () => new Promise<ArrayBuffer>((resolve) => (release = () => void read().then(resolve))) })
    const w = mountView()
    await chooseFile(w, slow)
    await chooseFile(w, new File(['fast\tsecond\n'], 'second.tsv', { type: 'text/tab-separated-values' }))
    await vi.waitFor(() => expect(byId(w, 'import-file-name').text()).toContain('second.tsv'), { timeout: 3000 })
    await vi.waitFor(() => expect(byId(w, 'import-preview').text()).toContain('second'), { timeout: 3000 })
    release()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 400))
    await flushPromises()
    expect(byId(w, 'import-file-name').text()).toContain('second.tsv')
    expect(byId(w, 'import-preview').text()).toContain('second')
    expect(byId(w, 'import-preview').text()).not.toContain('first')
  })
})

describe('ImportView: names and terms that hide themselves', () => {
  it('never shows or saves a name made of invisible or direction-reversing characters', async () => {
    const w = mountView()
    await chooseFile(w, new File(['cat\tchat\n'], 'evil\u202Egpj.csv', { type: 'text/csv' }))
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-file-name').text()).toBe('Read from evilgpj.csv')
    expect((byId(w, 'import-name').element as HTMLInputElement).placeholder).toBe('evilgpj')

    await chooseFile(w, new File(['cat\tchat\n'], '\u200B\u200B\u200B.csv', { type: 'text/csv' }))
    await vi.waitFor(() => expect(byId(w, 'import-file-name').text()).toBe('Read from .csv'), { timeout: 3000 })
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    expect((byId(w, 'import-name').element as HTMLInputElement).placeholder).toMatch(/^Imported set \(.+\)$/)
    await byId(w, 'import-name').setValue('\u202E\u200B Animals \u200B')
    await byId(w, 'import-save').trigger('click')
    await vi.waitFor(() => expect(byId(w, 'import-saved').exists()).toBe(true), { timeout: 3000 })
    const [record] = await importedSetsOf(db).toArray()
    expect(record).toMatchObject({ name: 'Animals', set: { title: { zh: 'Animals', en: 'Animals' } } })
  })

  it('takes a term or definition of invisible characters for the empty cell it looks like', async () => {
    const w = mountView()
    await byId(w, 'import-text').setValue('cat\tchat\n\u200B\tzero width\ndog\t\u2066\u2069\n')
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').findAll('li').map((li) => li.text())).toEqual([
      'Line 2, column 1: the term is empty',
      'Line 3, column 2: the definition is empty',
    ])
  })
})

describe('ImportView: hostile JSON', () => {
  const set = (questions: object[]) =>
    JSON.stringify({ id: 's', title: { zh: 't', en: 't' }, keyPoints: [{ zh: 'k', en: 'k' }], questions }, null, 2)
  const tf = (id: string) => ({ id, type: 'truefalse', prompt: { zh: `p ${id}`, en: `p ${id}` }, explanation: { zh: 'e', en: 'e' }, answer: true })
  const errors = (w: VueWrapper) => byId(w, 'import-errors').findAll('li').map((li) => li.text())

  it('says where JSON breaks, and why, in the learner’s language; a comment is named as one', async () => {
    const w = mountView()
    // Pasted, the text is read by its first character (and as CSV / TSV when JSON fails); a .json file as JSON.
    const cases: ['paste' | 'file', string, string, string][] = [
      [
        'paste',
        `// my deck\n${set([tf('q1')])}`,
        'Line 1, column 1: invalid JSON: JSON allows no comments (// … or /* … */); remove it. The text starts with “/”, so it was read as JSON; read as CSV / TSV it fails too. If it is a CSV / TSV file, choose “CSV / TSV” as the format to see its problems.',
        '第 1 行，第 1 列：JSON 格式错误：JSON 不允许注释（// … 或 /* … */），请删掉它。文本以“/”开头，所以按 JSON 读取；按 CSV / TSV 读取也不成功。如果这是 CSV / TSV 文件，请把格式选为“CSV / TSV”以查看它的问题。',
      ],
      ['file', `// my deck\n${set([tf('q1')])}`, 'Line 1, column 1: invalid JSON: JSON allows no comments (// … or /* … */); remove it', '第 1 行，第 1 列：JSON 格式错误：JSON 不允许注释（// … 或 /* … */），请删掉它'],
      ['file', `${set([tf('q1')])} trailing`, 'Line 28, column 3: invalid JSON: unexpected "t" after the end of the JSON value', '第 28 行，第 3 列：JSON 格式错误：JSON 值结束后还有多余的 "t"'],
    ]
    for (const [how, text, english, chinese] of cases) {
      i18n.global.locale.value = 'en'
      if (how === 'paste') await byId(w, 'import-text').setValue(text)
      else await chooseFile(w, new File([text], 'deck.json', { type: 'application/json' }))
      await vi.waitFor(() => expect(errors(w)).toEqual([english]), { timeout: 3000 })
      i18n.global.locale.value = 'zh'
      await flushPromises()
      expect(errors(w)).toEqual([chinese])
    }
  })

  it('reads a file named .json as JSON, so a value that is no set is named as such, not as a CSV row', async () => {
    const w = mountView()
    for (const [text, got] of [['"hello"', '"hello"'], ['42', '42'], ['null', 'null']] as const) {
      await chooseFile(w, new File([text], 'deck.json', { type: 'application/json' }))
      await vi.waitFor(() => expect(errors(w)).toEqual([`must be an object (a question set), got ${got}`]), { timeout: 3000 })
    }
    // The same text pasted (no file name) is still read by its first character.
    await byId(w, 'import-text').setValue('"hello"')
    await vi.waitFor(() => expect(errors(w)[0]).toMatch(/found no separator/), { timeout: 3000 })
  })

  it('says a repeated question id, an id that is not kebab-case and a number too big for a double in Chinese too', async () => {
    i18n.global.locale.value = 'zh'
    const w = mountView()
    const numeric = { id: 'n', type: 'numeric', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, value: 1, tolerance: 0 }
    const text = set([tf('q1'), tf('q1'), tf('__proto__'), numeric]).replace('"value": 1', '"value": 1e400')
    await chooseFile(w, new File([text], 'deck.json', { type: 'application/json' }))
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(errors(w)).toEqual([
      '__proto__ › id：必须是小写短横线格式（a-z、0-9，用单个“-”连接）',
      'n › value：必须是有限的数字，实际是 Infinity',
      'q1 › id："q1" 已经是本题组 questions[0] 的编号',
    ])
  })
})

describe('ImportView: a fresh round of hostile files, over a set already studied', () => {
  const errors = (w: VueWrapper) => byId(w, 'import-errors').findAll('li').map((li) => li.text())
  const L = (text: string) => ({ zh: text, en: text })
  const q = (extra: object) => ({ id: 'q1', type: 'truefalse', prompt: L('对吗？'), explanation: L('是的。'), answer: true, ...extra })
  const set = (extra: object = {}) => JSON.stringify({ id: 's', title: L('题'), keyPoints: [L('点')], questions: [q(extra)] }, null, 2)

  it('refuses each with where and how to fix it, in both languages, and no table changes', async () => {
    await importedSetsOf(db).add(makeImportedSet())
    await db.cards.put(makeCard({ questionId: 'm1', setId: 'mine' }))
    await db.reviews.put(makeLog('r1', T0, { questionId: 'm1', setId: 'mine' }))
    await db.notebook.put(makeEntry({ questionId: 'm1', setId: 'mine' }))
    const before = await dumpAll(db)
    const w = mountView()
    const cases: [File, string | RegExp][] = [
      [new File([set({ prompt: { zh: '\u200b\u200d', en: 'True?' } })], 'a.json'), 'q1 › prompt.zh: has nothing visible: only spaces or invisible characters (U+200B, U+200D); write the text itself'],
      [new File([set({ prompt: { zh: '对吗？', en: '\u202e\u2066\u3000' } })], 'a.json'), 'q1 › prompt.en: has nothing visible: only spaces or invisible characters (U+202E, U+2066); write the text itself'],
      [new File([set({ explanation: { zh: '是\ud800', en: 'Yes' } })], 'a.json'), 'q1 › explanation.zh: holds a broken character (U+D800), half of a pair cut apart; delete it or type the text again'],
      [new File([set().replace('"answer": true', '"answer": true,\n      "answer": false')], 'a.json'), 'Line 26, column 7: the key "answer" appears twice in one object (JSON keeps only the last); remove one of them'],
      [new File([`{"id":${'['.repeat(10_000)}${']'.repeat(10_000)}}`], 'a.json'), /^Line 1, column 70: the data is nested more than 64 levels deep/],
      [new File([set({ type: 'numeric', value: '42', tolerance: 0 }).replace('"answer": true,', '')], 'a.json'), 'q1 › value: must be a number, got "42"'],
      [new File([`${'x'.repeat(10 * 1024 * 1024)}\ty`], 'big.tsv'), 'The file is 10.1 MB; the limit is 10 MB.'],
    ]
    for (const [file, english] of cases) {
      i18n.global.locale.value = 'en'
      await chooseFile(w, file)
      await vi.waitFor(() => expect(errors(w)[0]).toMatch(english), { timeout: 5000 })
      i18n.global.locale.value = 'zh'
      await flushPromises()
      expect(errors(w)[0]).toMatch(/\p{Script=Han}/u)
      expect((byId(w, 'import-save').element as HTMLButtonElement).disabled).toBe(true)
      expect(await dumpAll(db)).toEqual(before)
    }
  }, 30_000)

  it('reads an Anki export of cloze notes with HTML as the typed questions Anki would make, and a UTF-16 file with its mark', async () => {
    const w = mountView()
    const anki = '#separator:tab\n#html:true\n#notetype column:1\nCloze\t<b>{{c1::千问}}</b>&nbsp;是{{c2::阿里巴巴::公司}}的模型\t\n'
    await chooseFile(w, new File([anki], 'anki.txt', { type: 'text/plain' }))
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    const first = byId(w, 'import-first').findAll('li').map((li) => li.findAll('p').map((p) => p.text()))
    expect(first).toEqual([
      ['[…] 是阿里巴巴的模型', 'Answer: 千问'],
      ['千问 是[公司]的模型', 'Answer: 阿里巴巴'],
    ])
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'猫\tcat\n'].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8])])
    await chooseFile(w, new File([utf16], 'deck.tsv'))
    await vi.waitFor(() => expect(byId(w, 'import-first').text()).toContain('cat'), { timeout: 3000 })
  })
})

describe('ImportView: the set name', () => {
  const tsv = 'cat\tchat\ndog\tchien\n'
  const saveAndWait = async (w: VueWrapper) => {
    await byId(w, 'import-save').trigger('click')
    await vi.waitFor(() => expect(byId(w, 'import-saved').exists()).toBe(true), { timeout: 3000 })
  }

  it.each(['todo.csv', 'xxx.tsv', '....csv', 'tbd.txt', '待定.csv'])(
    'saves a valid file named %s under a dated default name, not under its placeholder-like name',
    async (fileName) => {
      const w = mountView()
      await chooseFile(w, new File([tsv], fileName, { type: 'text/csv' }))
      await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
      const placeholder = (byId(w, 'import-name').element as HTMLInputElement).placeholder
      expect(placeholder).toMatch(/^Imported set \(.+\)$/)
      expect(byId(w, 'import-name-error').exists()).toBe(false)
      await saveAndWait(w)
      const [record] = await importedSetsOf(db).toArray()
      expect(record).toMatchObject({ name: placeholder, set: { title: { zh: '导入的题组', en: 'Imported set' } } })
    },
  )

  it('saves a JSON set whose title is over 200 characters under the title shortened', async () => {
    const w = mountView()
    const long = 'T'.repeat(300)
    const json = JSON.stringify({ id: 's', title: { zh: long, en: long }, keyPoints: [{ zh: 'k', en: 'k' }], questions: [{ id: 'q', type: 'truefalse', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, answer: true }] })
    await chooseFile(w, new File([json], 'set.json', { type: 'application/json' }))
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    await saveAndWait(w)
    const [record] = await importedSetsOf(db).toArray()
    expect(record!.name).toBe(`${'T'.repeat(199)}…`)
    expect(record!.set.title.en).toBe(long) // the set keeps its own title
  })

  it('says a placeholder name at the field while previewing, and Save takes the learner there', async () => {
    const w = mountView()
    await chooseFile(w, new File([tsv], 'animals.tsv', { type: 'text/tab-separated-values' }))
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    expect((byId(w, 'import-name').element as HTMLInputElement).placeholder).toBe('animals')
    await byId(w, 'import-name').setValue('todo')
    const input = byId(w, 'import-name')
    const error = byId(w, 'import-name-error')
    expect(error.text()).toBe('⚠ The set name "todo" looks like a placeholder, not a real name. Type the name the set should have.')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toBe(error.attributes('id'))

    await byId(w, 'import-save').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(input.element)
    expect(byId(w, 'import-save-error').exists()).toBe(false)
    expect(await importedSetsOf(db).count()).toBe(0)

    await byId(w, 'import-name').setValue('Animals')
    expect(byId(w, 'import-name-error').exists()).toBe(false)
    expect(byId(w, 'import-name').attributes('aria-invalid')).toBeUndefined()
    await saveAndWait(w)
    expect((await importedSetsOf(db).toArray())[0]).toMatchObject({ name: 'Animals', set: { title: { en: 'Animals' } } })
  })
})

describe('ImportView: files the importer used to refuse or misread', () => {
  it('reads an IPA deck whose first term starts with "[" as TSV', async () => {
    const w = mountView()
    await chooseFile(w, new File(['[kæt]\tcat\n[dɒɡ]\tdog\n'], 'ipa.tsv', { type: 'text/tab-separated-values' }))
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-detected').text()).toBe('Detected: CSV / TSV · Tab')
    expect(byId(w, 'import-separator').exists()).toBe(true)
  })

  it('names a backup chosen on this screen in one message', async () => {
    const w = mountView()
    const backup = JSON.stringify({ format: 'qwen-study-backup', version: 1, exportedAt: 0, cards: [], reviews: [], attempts: [], notebook: [], settings: [], archive: [], importedSets: [] })
    await chooseFile(w, new File([backup], 'qwen-study-backup-2026-01-01.json', { type: 'application/json' }))
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').findAll('li').map((li) => li.text())).toEqual([
      'This is a backup of your progress, not a question set. To restore it, open Settings → Backup → “Import progress”.',
    ])
  })

  it('names a PNG renamed to .csv as an image', async () => {
    const w = mountView()
    await chooseFile(w, new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'cards.csv'))
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').find('li').text()).toMatch(/^This is a PNG image, not text\./)
  })
})

describe('ImportView: in Chinese', () => {
  it('shows the importer’s problems in Chinese, with the place first', async () => {
    i18n.global.locale.value = 'zh'
    const w = mountView()
    await byId(w, 'import-text').setValue('one,uno\nlonely\n,no term\n')
    await vi.waitFor(() => expect(byId(w, 'import-errors').exists()).toBe(true), { timeout: 3000 })
    expect(byId(w, 'import-errors').findAll('li').map((li) => li.text())).toEqual([
      '第 2 行，第 2 列：只有 1 列；每行需要用逗号隔开的词条和释义',
      '第 3 行，第 1 列：词条是空的',
    ])
  })

  it('offers a Chinese dated default name for a pasted list, and says a name problem in Chinese', async () => {
    i18n.global.locale.value = 'zh'
    const w = mountView()
    await byId(w, 'import-text').setValue('cat\tchat\n')
    await vi.waitFor(() => expect(byId(w, 'import-first').exists()).toBe(true), { timeout: 3000 })
    expect((byId(w, 'import-name').element as HTMLInputElement).placeholder).toMatch(/^导入的题组（.+）$/)
    await byId(w, 'import-name').setValue('...')
    expect(byId(w, 'import-name-error').text()).toBe('⚠ 题组名称 "..." 看起来是占位文字，不是真正的名称。请输入题组应有的名称。')
  })
})
