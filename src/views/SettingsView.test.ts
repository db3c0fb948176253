// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '@/i18n'
import { exportProgress, parseBackup } from '@/db/backup'
import { setDB, type StudyDB } from '@/db/database'
import { getSettings, saveSettings } from '@/db/progress'
import { DEFAULT_SETTINGS } from '@/db/records'
import { dumpAll, freshDB, freshDBEachTest, importedSetsOf, makeCard, makeEntry, makeLog, T0 } from '@/db/test-utils'
import { makeImportedSet } from '@/domain/progress/testing'
import { useAppStore } from '@/stores/app'
import { useSettingsStore } from '@/stores/settings'
import SettingsView from './SettingsView.vue'

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
// The built-in bank: the questions these tests' progress is for (a backup's progress for any other goes to the archive).
vi.mock('virtual:question-index', () => ({
  default: [{ id: 'set-a', title: { zh: '甲', en: 'A' }, questions: ['q1', 'mine', 'from-backup', 'only'] }],
}))

let db: StudyDB
let pinia: Pinia
let wrapper: VueWrapper | null = null

freshDBEachTest((fresh) => (db = fresh), { open: true, app: true })
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'en'
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountView(path = '/settings'): Promise<VueWrapper> {
  await useAppStore().showStoredSettings()
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/settings', component: SettingsView }, { path: '/', component: { template: '<p>home</p>' } }] })
  await router.push(path)
  wrapper = mount(SettingsView, { global: { plugins: [pinia, router, i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const byTestId = (w: VueWrapper, id: string) => w.get(`[data-testid="${id}"]`)

/** Puts a file in the import input as if the learner had chosen it. */
async function chooseFile(w: VueWrapper, text: string): Promise<void> {
  const input = byTestId(w, 'import-progress')
  const file = new File([text], 'backup.json', { type: 'application/json' })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
}

/** A valid backup file holding one card that this database does not have. */
async function otherBackup(): Promise<string> {
  const other = freshDB()
  await other.cards.put(makeCard({ questionId: 'from-backup' }))
  const text = JSON.stringify(await exportProgress(other, T0))
  other.close()
  await other.delete()
  return text
}

describe('SettingsView: spaced repetition', () => {
  it('shows the specific error for a bad learning step and saves nothing', async () => {
    const w = await mountView()
    await byTestId(w, 'settings-new-per-day').setValue('35')
    await byTestId(w, 'settings-steps').setValue('1m 10x')
    await w.get('form').trigger('submit')
    await flushPromises()

    const error = byTestId(w, 'settings-steps-error')
    expect(error.text()).toContain('Learning steps: “10x” is not a step — use a number followed by m, h or d, like 10m.')
    const steps = byTestId(w, 'settings-steps')
    expect(steps.attributes('aria-invalid')).toBe('true')
    expect(steps.attributes('aria-describedby')?.split(' ')).toContain(error.attributes('id'))
    expect(document.activeElement).toBe(steps.element)
    expect(byTestId(w, 'settings-status').text()).toBe('Nothing was saved — fix the fields marked ⚠ above.')
    // The valid field was not saved either.
    expect(await db.settings.count()).toBe(0)
    expect(useAppStore().settings).toEqual(DEFAULT_SETTINGS)
  })

  it('says what is wrong with a number out of range', async () => {
    const w = await mountView()
    await byTestId(w, 'settings-streak').setValue('9')
    await byTestId(w, 'settings-new-per-day').setValue('lots')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(byTestId(w, 'settings-streak-error').text()).toContain(
      'Right answers to clear a mistake: 9 is out of range — enter a whole number from 1 to 5.',
    )
    expect(byTestId(w, 'settings-new-per-day-error').text()).toContain(
      'New questions per day: “lots” is not a number — enter a whole number from 0 to 9999.',
    )
    // The first invalid field gets the focus.
    expect(document.activeElement).toBe(byTestId(w, 'settings-new-per-day').element)
    expect(await db.settings.count()).toBe(0)
  })

  it('explains the problem in Chinese too', async () => {
    i18n.global.locale.value = 'zh'
    const w = await mountView()
    await byTestId(w, 'settings-steps').setValue('10x')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(byTestId(w, 'settings-steps-error').text()).toContain('学习步长：“10x”不是有效的步长——请用数字加 m、h 或 d，如 10m。')
  })

  it('saves a valid change and says so', async () => {
    const w = await mountView()
    await byTestId(w, 'settings-retention').setValue('0.95')
    await byTestId(w, 'settings-new-per-day').setValue('35')
    await byTestId(w, 'settings-steps').setValue('2m, 15m')
    await byTestId(w, 'settings-save').trigger('click')

    await vi.waitFor(() => expect(byTestId(w, 'settings-status').text()).toBe('Saved.'))
    const saved = await getSettings(db)
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, retention: 0.95, newPerDay: 35, learningSteps: ['2m', '15m'] })
    expect(byTestId(w, 'settings-status').attributes('role')).toBe('status')
    // The form now shows the stored, normalised value.
    expect((byTestId(w, 'settings-steps').element as HTMLInputElement).value).toBe('2m 15m')
  })

  it('shows the retention as a percentage with its workload estimate', async () => {
    const w = await mountView()
    await byTestId(w, 'settings-retention').setValue('0.95')
    expect(byTestId(w, 'settings-retention-value').text()).toBe('95%')
    expect(byTestId(w, 'settings-workload').text()).toBe('≈ ×2.5 reviews compared with 90%')
  })

  it('says the retention and the learning steps in plain words, the raw steps behind a details control', async () => {
    const w = await mountView()
    expect(byTestId(w, 'settings-retention-plain').text()).toBe(
      'How sure you want to be of remembering a question when it comes back: 90% means you would still recall about 9 in 10.',
    )
    await byTestId(w, 'settings-retention').setValue('0.95')
    expect(byTestId(w, 'settings-retention-plain').text()).toContain('95% means you would still recall about 95 in 100.')
    expect(byTestId(w, 'settings-steps-plain').text()).toBe(
      'How soon a new or missed question comes back the same day: after 1 minute, then after 10 minutes.',
    )
    const details = byTestId(w, 'settings-steps-details').element as HTMLDetailsElement
    expect(details.open).toBe(false)
    await byTestId(w, 'settings-steps').setValue('30m 1.5h')
    expect(byTestId(w, 'settings-steps-plain').text()).toContain('after 30 minutes, then after 1.5 hours.')
    await byTestId(w, 'settings-steps').setValue('')
    expect(byTestId(w, 'settings-steps-plain').text()).toBe('No steps: a new or missed question comes back on a later day, as its schedule says.')
    // An error in the raw field opens the details, so the learner sees it and the focus can reach it.
    await byTestId(w, 'settings-steps').setValue('1m 10x')
    expect(byTestId(w, 'settings-steps-plain').text()).toBe('The exact steps below contain a mistake; fix it to see them here.')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(details.open).toBe(true)
    expect(document.activeElement).toBe(byTestId(w, 'settings-steps').element)

    i18n.global.locale.value = 'zh'
    await byTestId(w, 'settings-steps').setValue('1m 10m')
    expect(byTestId(w, 'settings-steps-plain').text()).toBe('新题或答错的题当天多久后再出现：1 分钟后，然后 10 分钟后。')
    expect(byTestId(w, 'settings-retention-plain').text()).toBe('题目再次出现时，你希望有多大把握还记得它：95% 表示大约每 100 题还能记起 95 题。')
  })
})

describe('SettingsView: another tab changes the settings', () => {
  // The form follows the stored settings live; a save writes only what the learner changed here.
  async function mountLive(): Promise<VueWrapper> {
    const w = await mountView()
    useAppStore().watchSettings()
    await flushPromises()
    return w
  }
  const inputValue = (w: VueWrapper, id: string) => (byTestId(w, id).element as HTMLInputElement).value

  it("shows another tab's save without a reload", async () => {
    const w = await mountLive()
    expect(inputValue(w, 'settings-new-per-day')).toBe(String(DEFAULT_SETTINGS.newPerDay))
    await saveSettings(db, { newPerDay: 25 }, T0)
    await vi.waitFor(() => expect(inputValue(w, 'settings-new-per-day')).toBe('25'))
    expect(useAppStore().settings.newPerDay).toBe(25)
  })

  it("never writes back a value the learner did not change over another tab's save", async () => {
    const w = await mountLive()
    await byTestId(w, 'settings-streak').setValue('4')
    await saveSettings(db, { newPerDay: 25 }, T0)
    await vi.waitFor(() => expect(inputValue(w, 'settings-new-per-day')).toBe('25'))
    // What the learner is typing stays.
    expect(inputValue(w, 'settings-streak')).toBe('4')
    await byTestId(w, 'settings-save').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'settings-status').text()).toBe('Saved.'))
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 25, notebookClearStreak: 4 })
  })

  it('writes only the changed fields even when the other save is not shown yet', async () => {
    const w = await mountView() // not live: the form still holds the defaults
    await saveSettings(db, { newPerDay: 25 }, T0)
    await byTestId(w, 'settings-streak').setValue('4')
    await byTestId(w, 'settings-save').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'settings-status').text()).toBe('Saved.'))
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, newPerDay: 25, notebookClearStreak: 4 })
  })
})

describe('SettingsView: storage full', () => {
  it('says so in plain words, keeps the form, and saves on the next try', async () => {
    const w = await mountView()
    await byTestId(w, 'settings-new-per-day').setValue('35')
    const put = db.settings.put.bind(db.settings)
    const spy = vi.spyOn(db.settings, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    await byTestId(w, 'settings-save').trigger('click')
    await vi.waitFor(() => expect(w.find('[data-testid="settings-save-error"]').exists()).toBe(true))
    const alert = byTestId(w, 'settings-save-error')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('This device’s storage for this site is full.')
    expect(alert.text()).toContain('Your settings are as they were')
    expect(alert.text()).not.toContain('QuotaExceededError')
    expect((byTestId(w, 'settings-new-per-day').element as HTMLInputElement).value).toBe('35')

    spy.mockImplementation(put)
    await byTestId(w, 'settings-save').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'settings-status').text()).toBe('Saved.'))
    expect(w.find('[data-testid="settings-save-error"]').exists()).toBe(false)
    expect((await getSettings(db)).newPerDay).toBe(35)
  })
})

describe('SettingsView: backup', () => {
  it('lists every error of an invalid backup file and changes nothing', async () => {
    await db.cards.put(makeCard())
    const before = await dumpAll(db)
    const w = await mountView()
    const text = JSON.stringify({ format: 'qwen-study-backup', version: 1, exportedAt: 'yesterday', cards: [{}] })
    const expected = parseBackup(text)
    if (expected.ok) throw new Error('the test file should be invalid')

    await chooseFile(w, text)
    await vi.waitFor(() => expect(w.find('[data-testid="backup-errors"]').exists()).toBe(true))
    const alert = byTestId(w, 'backup-errors')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('Could not import this file:')
    const items = alert.findAll('li').map((li) => li.text())
    expect(items).toHaveLength(expected.problems.length)
    expect(items.slice(0, 2)).toEqual(['exportedAt: expected a number; found "yesterday".', 'reviews: is missing.'])
    expect(await dumpAll(db)).toEqual(before)
  })

  it('says a file that is not JSON is not a backup', async () => {
    const w = await mountView()
    await chooseFile(w, 'hello')
    await vi.waitFor(() =>
      expect(byTestId(w, 'backup-errors').find('li').text()).toBe(
        'This is not a backup file: a backup of this app is JSON text that starts with an opening brace.',
      ),
    )
  })

  it('says what is wrong with a file in the learner’s language, paths as the file spells them, and changes nothing', async () => {
    await db.cards.put(makeCard())
    const before = await dumpAll(db)
    i18n.global.locale.value = 'zh'
    const w = await mountView()
    const valid = JSON.stringify(await exportProgress(db, T0), null, 2)
    /** Line and column of the end of `text`, 1-based. */
    const endOf = (text: string) => ({ line: text.split('\n').length, column: text.length - text.lastIndexOf('\n') })
    const cut = valid.slice(0, 200)
    const deep = valid.replace('"cards": [', `"settings": [{"key": "x", "value": ${'['.repeat(100)}`)
    // The file, settings and the setting hold three levels: the 62nd "[" of the value is the 65th.
    const deepAt = endOf(deep.slice(0, deep.indexOf('['.repeat(100)) + 61))
    const cases: [string, string][] = [
      [cut, `文件不完整：在第 ${endOf(cut).line} 行第 ${endOf(cut).column} 列就结束了，备份内容还没完（多半是保存或复制时被截断）。请重新导出备份，再导入新文件。`],
      [
        JSON.stringify({ id: 's', title: { zh: 't', en: 't' }, keyPoints: [{ zh: 'k', en: 'k' }], questions: [] }),
        '这是题组文件，不是备份。请到“导入”页面导入它。',
      ],
      [valid.replace('"stability": 5', '"stability": -5'), 'cards[0].stability：应为 0.001 到 36500 之间的稳定度（从未作答的卡片为 0，且难度也为 0）；实际是 -5。'],
      [deep, `settings[0].value：嵌套超过 64 层（第 ${deepAt.line} 行第 ${deepAt.column} 列）。本应用的备份不会这样；文件被改动过，或者不是备份。`],
    ]
    for (const [text, said] of cases) {
      await chooseFile(w, text)
      await vi.waitFor(() => expect(w.find('[data-testid="backup-errors"] li').exists() && byTestId(w, 'backup-errors').find('li').text()).toBe(said))
      expect(byTestId(w, 'backup-errors').text()).toContain('无法导入此文件：')
      expect(await dumpAll(db)).toEqual(before)
    }
  })

  it('says in the learner’s language that an import failed and nothing changed', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const before = await dumpAll(db)
    i18n.global.locale.value = 'zh'
    const w = await mountView()
    const spy = vi.spyOn(db.cards, 'bulkPut').mockRejectedValueOnce(Object.assign(new Error('disk on fire'), { name: 'UnknownError' }))
    await chooseFile(w, await otherBackup())
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
    await w.get('[data-testid="import-merge"]').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-errors').text()).toBe('⚠ 导入没有完成，你的进度保持原样。（UnknownError: disk on fire）'))
    spy.mockRestore()
    expect(await dumpAll(db)).toEqual(before)
  })

  it('asks merge or replace when there is progress already, and merges', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const w = await mountView()
    await chooseFile(w, await otherBackup())

    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
    expect(w.get('dialog').text()).toContain('You already have progress. Merge the backup into it, or replace it?')
    expect(await db.cards.count()).toBe(1)

    await byTestId(w, 'import-merge').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
    expect((await db.cards.toArray()).map((c) => c.questionId).sort()).toEqual(['from-backup', 'mine'])
  })

  it('replaces the progress when asked to', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const w = await mountView()
    await chooseFile(w, await otherBackup())
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))

    await byTestId(w, 'import-replace').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
    expect((await db.cards.toArray()).map((c) => c.questionId)).toEqual(['from-backup'])
  })

  it('while the backup works, Merge, Replace and Reset stay focusable and a press on them does nothing', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const before = await dumpAll(db)
    const w = await mountView()
    await chooseFile(w, await otherBackup())
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))

    // Another backup action under way (the store says so while it works).
    const store = useSettingsStore()
    store.busy = true
    await flushPromises()
    for (const id of ['import-merge', 'import-replace', 'reset-progress']) {
      const button = byTestId(w, id)
      // A disabled button under the keyboard drops the focus to the page: aria-disabled keeps it.
      expect(button.attributes('disabled'), id).toBeUndefined()
      expect(button.attributes('aria-disabled'), id).toBe('true')
      ;(button.element as HTMLButtonElement).focus()
      await button.trigger('click')
      await flushPromises()
      expect(document.activeElement, id).toBe(button.element)
    }
    // Nothing happened: the choice is still asked, no reset confirmation, nothing written.
    expect(w.findAll('dialog[open]').map((d) => d.text())).toEqual([expect.stringContaining('Merge the backup into it, or replace it?')])
    expect(byTestId(w, 'backup-status').text()).toBe('')
    expect(await dumpAll(db)).toEqual(before)

    // Once it is done, the same press merges.
    store.busy = false
    await flushPromises()
    expect(byTestId(w, 'import-merge').attributes('aria-disabled')).toBe('false')
    await byTestId(w, 'import-merge').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
    expect((await db.cards.toArray()).map((c) => c.questionId).sort()).toEqual(['from-backup', 'mine'])
  })

  it('while the backup works, the Import file picker keeps the focus and takes no file', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const before = await dumpAll(db)
    const w = await mountView()
    const input = byTestId(w, 'import-progress')
    ;(input.element as HTMLInputElement).focus()

    const store = useSettingsStore()
    store.busy = true
    await flushPromises()
    // Only aria-disabled: a disabled input under the keyboard drops the focus to the page.
    expect((input.element as HTMLInputElement).disabled).toBe(false)
    expect(input.attributes('aria-disabled')).toBe('true')
    expect(document.activeElement).toBe(input.element)
    const press = new MouseEvent('click', { bubbles: true, cancelable: true })
    input.element.dispatchEvent(press)
    expect(press.defaultPrevented).toBe(true)
    await chooseFile(w, await otherBackup())
    await flushPromises()
    expect(w.find('dialog[open]').exists()).toBe(false)
    expect(byTestId(w, 'backup-status').text()).toBe('')
    expect(await dumpAll(db)).toEqual(before)

    // Once it is done, the same file asks how to import it.
    store.busy = false
    await flushPromises()
    expect(input.attributes('aria-disabled')).toBeUndefined()
    await chooseFile(w, await otherBackup())
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
  })

  it('changes nothing when the import is cancelled', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const before = await dumpAll(db)
    const w = await mountView()
    await chooseFile(w, await otherBackup())
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))

    await byTestId(w, 'import-cancel').trigger('click')
    await flushPromises()
    expect(byTestId(w, 'backup-status').text()).toBe('')
    expect(await dumpAll(db)).toEqual(before)
  })

  it('imports into an empty database without asking, and picks up the backup’s settings', async () => {
    const source = freshDB()
    setDB(source)
    await useAppStore().updateSettings({ newPerDay: 7 })
    const text = JSON.stringify(await exportProgress(source, T0))
    source.close()
    await source.delete()
    setDB(db)

    const w = await mountView()
    await chooseFile(w, text)
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
    expect(w.find('dialog[open]').exists()).toBe(false)
    expect((await getSettings(db)).newPerDay).toBe(7)
    expect(useAppStore().settings.newPerDay).toBe(7)
    expect((byTestId(w, 'settings-new-per-day').element as HTMLInputElement).value).toBe('7')
  })

  it('resets progress only after confirming', async () => {
    await db.cards.put(makeCard())
    const w = await mountView()
    await byTestId(w, 'reset-progress').trigger('click')
    await flushPromises()
    expect(w.get('dialog[open]').text()).toContain('Delete all progress')
    expect(await db.cards.count()).toBe(1)

    await w.get('dialog[open] [data-testid="confirm-ok"]').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress reset.'))
    expect(await db.cards.count()).toBe(0)
  })

  it('exports a dated JSON file of the progress', async () => {
    await db.cards.put(makeCard())
    const created: Blob[] = []
    const createUrl = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob)
      return 'blob:backup'
    })
    const revokeUrl = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicks: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download)
    })
    try {
      const w = await mountView()
      const button = byTestId(w, 'export-progress')
      await button.trigger('click')
      // While it works the button stays focusable (a disabled button drops the keyboard to the
      // page) and a second press is ignored.
      expect(button.attributes('disabled')).toBeUndefined()
      expect(button.attributes('aria-disabled')).toBe('true')
      await button.trigger('click')
      await vi.waitFor(() => expect(clicks).toHaveLength(1))
      await vi.waitFor(() => expect(button.attributes('aria-disabled')).toBe('false'))
      expect(clicks).toHaveLength(1)
      expect(clicks[0]).toMatch(/^qwen-study-backup-\d{4}-\d{2}-\d{2}\.json$/)
      const parsed = parseBackup(await created[0]!.text())
      expect(parsed.ok && parsed.backup.cards).toEqual([makeCard()])
      await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe(`Downloaded ${clicks[0]}.`))
    } finally {
      click.mockRestore()
      createUrl.mockRestore()
      revokeUrl.mockRestore()
    }
  })
})

describe('SettingsView: hostile backup files', () => {
  /** Progress and an imported set already here; every hostile file must leave them as they are. */
  async function seed(): Promise<void> {
    await db.cards.put(makeCard({ questionId: 'm1', setId: 'mine' }))
    await db.notebook.put(makeEntry({ questionId: 'm1', setId: 'mine' }))
    await db.reviews.put(makeLog('r1', T0, { questionId: 'm1', setId: 'mine' }))
    await importedSetsOf(db).add(makeImportedSet())
  }
  const errorItems = (w: VueWrapper) => byTestId(w, 'backup-errors').findAll('li').map((li) => li.text())
  /** The file is refused with `english`, said again as `chinese` once the learner switches language, and no table changed. */
  async function expectRefused(w: VueWrapper, before: Record<string, unknown[]>, english: string, chinese: string): Promise<void> {
    await vi.waitFor(() => expect(errorItems(w)).toEqual([english]))
    i18n.global.locale.value = 'zh'
    await flushPromises()
    expect(errorItems(w)).toEqual([chinese])
    expect(await dumpAll(db)).toEqual(before)
  }
  async function chooseBytes(w: VueWrapper, bytes: Uint8Array<ArrayBuffer> | string, name = 'backup.json'): Promise<void> {
    const input = byTestId(w, 'import-progress')
    Object.defineProperty(input.element, 'files', { value: [new File([bytes], name, { type: 'application/json' })], configurable: true })
    await input.trigger('change')
  }
  const utf16 = (text: string, be: boolean, bom: boolean): Uint8Array<ArrayBuffer> => {
    const out: number[] = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : []
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      out.push(...(be ? [c >> 8, c & 255] : [c & 255, c >> 8]))
    }
    return new Uint8Array(out)
  }

  it('says each refusal again in the language the learner switches to', async () => {
    await seed()
    const before = await dumpAll(db)
    const w = await mountView()
    await chooseFile(w, JSON.stringify({ format: 'qwen-study-backup', version: 1, exportedAt: -1, cards: [], reviews: [], attempts: [], notebook: [], settings: [], archive: [], importedSets: [] }))
    await vi.waitFor(() => expect(errorItems(w)).toEqual(['exportedAt: expected a time in milliseconds from 0 to 8.64e15; found -1.']))
    expect(byTestId(w, 'backup-errors').text()).toContain('Could not import this file:')
    i18n.global.locale.value = 'zh'
    await flushPromises()
    expect(errorItems(w)).toEqual(['exportedAt：应为 0 到 8.64e15 之间的毫秒时间；实际是 -1。'])
    expect(byTestId(w, 'backup-errors').text()).toContain('无法导入此文件：')
    expect(await dumpAll(db)).toEqual(before)
  })

  it('names a file that is not text, or is text in another encoding, and reads a UTF-16 backup that has its byte order mark', async () => {
    await seed()
    const before = await dumpAll(db)
    const w = await mountView()
    const backup = JSON.stringify(await exportProgress(db, T0), null, 2)
    const cases: [Uint8Array<ArrayBuffer> | string, string, string][] = [
      [
        new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]),
        'This is a ZIP archive, not a backup. A backup of this app is the .json file that Settings → Backup → “Export progress” downloads.',
        '这是 ZIP 压缩包，不是备份。本应用的备份是“设置 → 备份 → 导出学习记录”下载的 .json 文件。',
      ],
      [
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        'This is a PNG image, not a backup. A backup of this app is the .json file that Settings → Backup → “Export progress” downloads.',
        '这是 PNG 图片，不是备份。本应用的备份是“设置 → 备份 → 导出学习记录”下载的 .json 文件。',
      ],
      [
        utf16(backup, true, false),
        'This looks like UTF-16 text without a byte order mark (every other byte is 0), not the UTF-8 text a backup is. Export the backup again, or save the file as UTF-8, and import that.',
        '这看起来是没有字节顺序标记（BOM）的 UTF-16 文本（每隔一个字节就是 0），而备份是 UTF-8 文本。请重新导出备份，或把文件另存为 UTF-8，再导入。',
      ],
      [
        new Uint8Array([...new TextEncoder().encode('{"format": "qwen-study-backup", "x": "caf'), 0xe9, ...new TextEncoder().encode('"}')]),
        'The file is not valid UTF-8 text (the first bad byte is byte 42, on line 1), so it is not a backup as this app writes it. Export the backup again and import the new file.',
        '文件不是有效的 UTF-8 文本（第一个错误字节是第 42 个字节，在第 1 行），所以不是本应用写出的备份。请重新导出备份，再导入新文件。',
      ],
    ]
    for (const [bytes, english, chinese] of cases) {
      i18n.global.locale.value = 'en'
      await chooseBytes(w, bytes)
      await expectRefused(w, before, english, chinese)
    }

    // A backup saved again as UTF-16 (with its mark) by an editor is the same backup.
    i18n.global.locale.value = 'en'
    await chooseBytes(w, utf16(backup, false, true))
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
    await byTestId(w, 'import-merge').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
    expect(await dumpAll(db)).toEqual(before)
  })

  it('says in one line that a backup is from a newer version of the app, or from another app', async () => {
    await seed()
    const before = await dumpAll(db)
    const w = await mountView()
    const backup = await exportProgress(db, T0)
    const cases: [string, string, string][] = [
      [
        JSON.stringify({ ...backup, version: 2, somethingNew: [] }),
        'This backup was written by a newer version of the app (backup format 2; this version reads format 1). Reload the app to update it, then import the file again.',
        '这个备份是更新版本的应用写的（备份格式 2；当前版本只能读格式 1）。请重新加载应用以更新，然后再导入这个文件。',
      ],
      [
        JSON.stringify({ format: 'anki-export', version: 1, cards: [] }),
        'This file is not a backup of this app: its “format” is "anki-export", not "qwen-study-backup". Choose a backup file this app exported.',
        '这不是本应用的备份文件：它的“format”是 "anki-export"，不是 "qwen-study-backup"。请选择本应用导出的备份文件。',
      ],
    ]
    for (const [text, english, chinese] of cases) {
      i18n.global.locale.value = 'en'
      await chooseFile(w, text)
      await expectRefused(w, before, english, chinese)
    }
  })

  it('says the rule an imported set of the backup breaks in the learner’s language', async () => {
    await seed()
    const before = await dumpAll(db)
    const w = await mountView()
    const backup = await exportProgress(db, T0)
    const broken = { ...backup, importedSets: backup.importedSets.map((r) => ({ ...r, set: { ...r.set, questions: [] } })) }
    await chooseFile(w, JSON.stringify(broken))
    await expectRefused(
      w,
      before,
      'importedSets[0].set.questions: the imported question set breaks a rule: needs at least one question',
      'importedSets[0].set.questions：导入的题组不符合规则：至少需要一道题',
    )
  })

  it('refuses to merge a set whose title differs from the one here, saying the contents differ (not the questions)', async () => {
    await seed()
    const before = await dumpAll(db)
    const w = await mountView()
    const backup = await exportProgress(db, T0)
    const retitled = { ...backup, importedSets: backup.importedSets.map((r) => ({ ...r, set: { ...r.set, title: { zh: '别的', en: 'Other' } } })) }
    await chooseFile(w, JSON.stringify(retitled))
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
    await byTestId(w, 'import-merge').trigger('click')
    await expectRefused(
      w,
      before,
      'The backup’s set “My set” (id mine) shares ids with your imported set “My set” but not its contents (its questions or texts differ). Choose Replace, or delete “My set” first and merge.',
      '备份中的题组“My set”（编号 mine）与你已导入的“My set”使用了相同的编号，但内容（题目或文字）不同。请选择“替换”，或先删除“My set”再合并。',
    )
  })

  it('says a file that can no longer be read (moved or deleted after it was chosen), and changes nothing', async () => {
    await seed()
    const before = await dumpAll(db)
    const w = await mountView()
    const gone = new File(['{}'], 'backup-2026.json', { type: 'application/json' })
    const notFound = () => Promise.reject(new DOMException('A requested file or directory could not be found at the time an operation was processed.', 'NotFoundError'))
    Object.assign(gone, { arrayBuffer: notFound, text: notFound })
    const input = byTestId(w, 'import-progress')
    Object.defineProperty(input.element, 'files', { value: [gone], configurable: true })
    await input.trigger('change')
    await expectRefused(
      w,
      before,
      'The file “backup-2026.json” could not be read: it was moved, renamed, deleted or changed after it was chosen, or the browser may not read it. Choose the file again.',
      '无法读取文件“backup-2026.json”：选择之后它被移动、改名、删除或修改了，或者浏览器无权读取它。请重新选择这个文件。',
    )
  })

  it('refuses a fresh round of hostile backups, each with its own message in both languages, and changes no table', async () => {
    await seed()
    const before = await dumpAll(db)
    const w = await mountView()
    const good = (): Record<string, unknown> & { exportedAt: number; reviews: Record<string, unknown>[]; cards: Record<string, unknown>[]; importedSets: { set: { questions: Record<string, unknown>[] } }[] } =>
      structuredClone(JSON.parse(JSON.stringify(backupNow)))
    const backupNow = await exportProgress(db, Date.now())
    const cases: [string, string | RegExp][] = [
      // Numbers written as strings, and a time that is no number.
      [JSON.stringify({ ...good(), cards: good().cards.map((c) => ({ ...c, due: String(c.due) })) }), /^cards\[0\]\.due: expected a number; found "\d+"\.$/],
      [JSON.stringify({ ...good(), reviews: good().reviews.map((r) => ({ ...r, time: 'NaN' })) }), 'reviews[0].time: expected a number; found "NaN".'],
      [JSON.stringify({ ...good(), reviews: good().reviews.map((r) => ({ ...r, time: null })) }), 'reviews[0].time: expected a number; found null.'],
      // Nested 10,000 deep.
      [`{"format":"qwen-study-backup","version":1,"exportedAt":0,"cards":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, /^cards\[0\]\[0\]: nested more than 64 levels deep/],
      // A set whose id is a built-in set's.
      [
        JSON.stringify({ ...good(), importedSets: good().importedSets.map((r) => ({ ...r, id: 'set-a', set: { ...r.set, id: 'set-a' } })) }),
        /^The backup’s set “.+” \(id set-a\) uses the ids of a built-in set/,
      ],
      // A key written twice in one record.
      [JSON.stringify(good()).replace('"correct":', '"correct":true,"correct":'), /^reviews\[0\]\.correct: the key "correct" appears twice in one object \(line 1, column \d+\)/],
      // Two imported sets sharing a question id.
      [
        JSON.stringify({ ...good(), importedSets: [good().importedSets[0], { ...good().importedSets[0], id: 'other', set: { ...good().importedSets[0]!.set, id: 'other' } }] }),
        /^importedSets\[1\]\.set › .*: the question id m1 is also in importedSets\[0\]\.$/,
      ],
      // A question text that is half a character, and one that shows nothing.
      [
        JSON.stringify({ ...good(), importedSets: good().importedSets.map((r) => ({ ...r, set: { ...r.set, questions: r.set.questions.map((q) => ({ ...q, prompt: { zh: '题\ud800', en: 'Q' } })) } })) }),
        /^importedSets\[0\]\.set › .* › prompt\.zh: the imported question set breaks a rule: holds a broken character \(U\+D800\)/,
      ],
      [
        JSON.stringify({ ...good(), importedSets: good().importedSets.map((r) => ({ ...r, set: { ...r.set, questions: r.set.questions.map((q) => ({ ...q, prompt: { zh: '\u200b\u2060', en: 'Q' } })) } })) }),
        /^importedSets\[0\]\.set › .* › prompt\.zh: the imported question set breaks a rule: has nothing visible: only spaces or invisible characters \(U\+200B, U\+2060\)/,
      ],
    ]
    for (const [text, english] of cases) {
      i18n.global.locale.value = 'en'
      await chooseFile(w, text)
      await vi.waitFor(() => expect(w.find('[data-testid="backup-errors"]').exists()).toBe(true))
      const [item] = errorItems(w)
      expect(item).toMatch(english)
      i18n.global.locale.value = 'zh'
      await flushPromises()
      expect(errorItems(w)[0]).toMatch(/\p{Script=Han}/u)
      expect(errorItems(w)[0]).not.toMatch(/\b(?:expected|found|later than|nested|breaks|visible|broken)\b/)
      expect(await dumpAll(db)).toEqual(before)
    }
  })

  it('takes the same backup twice without a change, even when its sets list their fields in another order', async () => {
    await seed()
    const before = await dumpAll(db)
    const w = await mountView()
    const backup = await exportProgress(db, T0)
    // The same set with its fields in reverse order, as another JSON writer may save it.
    const reorder = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reorder)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]))
          : value
    const shuffled = { ...backup, importedSets: backup.importedSets.map((r) => ({ ...r, set: reorder(r.set) })) }
    for (const text of [JSON.stringify(backup), JSON.stringify(backup), JSON.stringify(shuffled)]) {
      await chooseFile(w, text)
      await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
      await byTestId(w, 'import-merge').trigger('click')
      await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
      expect(w.find('[data-testid="backup-errors"]').exists()).toBe(false)
      expect(await dumpAll(db)).toEqual(before)
    }
  })
})

describe('SettingsView: a backup whose settings are not valid', () => {
  const noteItems = (w: VueWrapper) => byTestId(w, 'backup-notes').findAll('li').map((li) => li.text())
  /** A backup of one card and of settings that break their rules, beside one valid field. */
  async function badSettingsBackup(): Promise<string> {
    const backup = JSON.parse(await otherBackup()) as { settings: unknown[] }
    backup.settings = [
      {
        key: 'settings',
        value: { retention: 7, newPerDay: -3, maxIntervalDays: 'many', learningSteps: ['5m'], language: 'fr' },
        updatedAt: T0 + 86_400_000,
      },
      { key: 'theme', value: 'neon', updatedAt: T0 },
    ]
    return JSON.stringify(backup)
  }

  it('merges everything else, keeps the learner’s own value of each bad setting, and says which, what the file held and what is allowed', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    await saveSettings(db, { retention: 0.85, newPerDay: 30 }, T0)
    const w = await mountView()
    await chooseFile(w, await badSettingsBackup())
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
    await byTestId(w, 'import-merge').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))

    // Everything else is in, nothing saved was lost, and the bad values never reached the database.
    expect(await db.cards.get('from-backup')).toBeDefined()
    expect(await db.cards.get('mine')).toBeDefined()
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, retention: 0.85, newPerDay: 30, learningSteps: ['5m'] })
    expect((await db.settings.get('settings'))?.value).not.toHaveProperty('language')
    expect(await db.settings.get('theme')).toBeUndefined()

    expect(byTestId(w, 'backup-notes').text()).toContain('These settings in the file were not valid and were not imported; everything else was:')
    expect(noteItems(w)).toEqual([
      'Desired retention: the file holds 7 (settings[0].value.retention), but it must be a number from 0.7 to 0.97. It was not imported; the setting is now 0.85 (85%).',
      'New questions per day: the file holds -3 (settings[0].value.newPerDay), but it must be a whole number from 0 to 9999. It was not imported; the setting is now 30.',
      'Maximum interval: the file holds "many" (settings[0].value.maxIntervalDays), but it must be a whole number from 1 to 36500. It was not imported; the setting is now 365.',
      'settings[0].value.language: “language” is not a setting of this app. It was not imported.',
      'settings[1].key: “theme” is not a setting that a backup of this app holds (language and theme are kept by each browser). It was not imported.',
    ])
    i18n.global.locale.value = 'zh'
    await flushPromises()
    expect(noteItems(w)[0]).toBe('目标记忆保持率：文件中的值是 7（settings[0].value.retention），但它必须是 0.7 到 0.97 之间的数。该值未导入；此设置现在是 0.85（85%）。')
    for (const text of noteItems(w)) expect(text).toMatch(/\p{Script=Han}/u)
  })

  it('replace: a bad setting takes its default, and the note says so', async () => {
    await db.cards.put(makeCard({ questionId: 'mine' }))
    await saveSettings(db, { retention: 0.85 }, T0)
    const w = await mountView()
    await chooseFile(w, await badSettingsBackup())
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
    await byTestId(w, 'import-replace').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, learningSteps: ['5m'] })
    expect(noteItems(w)[0]).toBe(
      'Desired retention: the file holds 7 (settings[0].value.retention), but it must be a number from 0.7 to 0.97. It was not imported; the setting is now 0.9 (90%).',
    )
  })

  it('study settings that are no group of settings at all are left out, and the learner’s stay', async () => {
    await saveSettings(db, { retention: 0.8 }, T0)
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const w = await mountView()
    const backup = JSON.parse(await otherBackup()) as { settings: unknown[] }
    backup.settings = [{ key: 'settings', value: 'many', updatedAt: T0 + 86_400_000 }]
    await chooseFile(w, JSON.stringify(backup))
    await vi.waitFor(() => expect(w.get('dialog').element.hasAttribute('open')).toBe(true))
    await byTestId(w, 'import-merge').trigger('click')
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
    expect((await getSettings(db)).retention).toBe(0.8)
    expect(noteItems(w)).toEqual([
      'The study settings (settings[0].value) are "many" in the file, not a group of settings. They were not imported; the “Spaced repetition” settings above are the ones in use.',
    ])
  })

  it('a valid backup shows no such note', async () => {
    const w = await mountView()
    await chooseFile(w, await otherBackup())
    await vi.waitFor(() => expect(byTestId(w, 'backup-status').text()).toBe('Progress imported.'))
    expect(w.find('[data-testid="backup-notes"]').exists()).toBe(false)
  })
})

describe('SettingsView: storage and appearance', () => {
  it('says plainly when progress is kept only in this tab', async () => {
    useAppStore().storageMode = 'memory'
    const w = await mountView()
    expect(byTestId(w, 'storage-memory').text()).toContain('progress is kept only in this tab')
  })

  it('switches the language like the header does', async () => {
    const w = await mountView()
    await byTestId(w, 'settings-lang-zh').setValue(true)
    expect(i18n.global.locale.value).toBe('zh')
    expect(localStorage.getItem('qwen-study.locale')).toBe('zh')
    expect(w.get('h1').text()).toBe('设置')
  })

  it('has one h1 and an h2 for each section, the backup one deep-linkable', async () => {
    const w = await mountView()
    expect(w.findAll('h1')).toHaveLength(1)
    expect(w.findAll('section > h2').map((h) => h.text())).toEqual(['Appearance', 'Spaced repetition', 'Storage', 'Backup'])
    expect(w.find('section#backup').exists()).toBe(true)
  })

  it('takes /settings#backup to the backup section', async () => {
    const w = await mountView('/settings#backup')
    await vi.waitFor(() => expect(document.activeElement).toBe(w.get('#backup h2').element))
  })
})
