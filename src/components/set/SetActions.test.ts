// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

vi.mock('virtual:question-bank', () => ({
  loadSet: async (id: string) =>
    [
      {
        id: 'built-in',
        title: { zh: '内置', en: 'Built in' },
        keyPoints: [{ zh: '要点', en: 'Point' }],
        questions: [
          { id: 'built-in-q1', type: 'flashcard', prompt: { zh: '正', en: 'Front' }, back: { zh: '反', en: 'Back' }, explanation: { zh: '因', en: 'Why' } },
        ],
      },
    ].find((s) => s.id === id),
}))
vi.mock('virtual:question-index', () => ({
  default: [{ id: 'built-in', title: { zh: '内置', en: 'Built in' }, questions: ['built-in-q1'], typeCounts: { flashcard: 1 } }],
}))
const download = vi.fn<(blob: Blob, name: string) => void>()
vi.mock('@/composables/useDownload', () => ({ downloadBlob: (blob: Blob, name: string) => download(blob, name) }))

import { i18n } from '@/i18n'
import type { StudyDB } from '@/db/database'
import { saveImportedSet } from '@/db/importedSets'
import { recordAnswer } from '@/db/progress'
import { DEFAULT_SETTINGS } from '@/db/records'
import { parseImport } from '@/domain/import'
import { useBankStore } from '@/stores/bank'
import { freshDBEachTest, importedSetsOf } from '@/db/test-utils'
import SetActions from './SetActions.vue'

let db: StudyDB
let router: Router
let wrapper: VueWrapper | null = null

freshDBEachTest((fresh) => (db = fresh), { app: true })
beforeEach(async () => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'en'
  download.mockClear()
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/sets/:setId', component: { template: '<p>set</p>' } },
    ],
  })
  const result = parseImport('cat\tchat\ndog\tchien\n', { format: 'csv', idPrefix: 'imp-mine' })
  if (!result.ok) throw new Error('fixture')
  await saveImportedSet(db, { name: 'My deck', set: result.set }, Date.now())
  const bank = useBankStore()
  bank.watchImported()
  await vi.waitFor(() => expect(bank.setById.has('imp-mine')).toBe(true))
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

async function mountFor(setId: string): Promise<VueWrapper> {
  await router.push(`/sets/${setId}`)
  wrapper = mount(SetActions, { props: { setId }, global: { plugins: [i18n, router] }, attachTo: document.body })
  return wrapper
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

describe('SetActions', () => {
  it('exports a built-in set as JSON and TSV, and offers no rename or delete', async () => {
    const w = await mountFor('built-in')
    expect(byId(w, 'rename-set').exists()).toBe(false)
    expect(byId(w, 'delete-set').exists()).toBe(false)

    await byId(w, 'export-json').trigger('click')
    await vi.waitFor(() => expect(download).toHaveBeenCalledTimes(1))
    const [json, jsonName] = download.mock.calls[0]!
    expect(jsonName).toBe('Built in.json')
    expect(JSON.parse(await json.text())).toMatchObject({ id: 'built-in', questions: [{ id: 'built-in-q1' }] })

    await byId(w, 'export-tsv').trigger('click')
    await vi.waitFor(() => expect(download).toHaveBeenCalledTimes(2))
    const [tsv, tsvName] = download.mock.calls[1]!
    expect(tsvName).toBe('Built in.tsv')
    expect(await tsv.text()).toBe('#separator:tab\n#html:false\nFront\tBack\n')
  })

  it('renames an imported set inline', async () => {
    const w = await mountFor('imp-mine')
    expect(byId(w, 'export-tsv').exists()).toBe(true)
    await byId(w, 'rename-set').trigger('click')
    const input = byId(w, 'rename-input')
    expect((input.element as HTMLInputElement).value).toBe('My deck')
    await input.setValue('Animals')
    await w.find('form').trigger('submit')
    await vi.waitFor(async () => expect((await importedSetsOf(db).get('imp-mine'))?.name).toBe('Animals'))
    await vi.waitFor(() => expect(byId(w, 'rename-set').exists()).toBe(true))
    expect(w.text()).toContain('Renamed.')
  })

  it('deletes an imported set and its progress after confirmation, then goes home', async () => {
    await recordAnswer(
      db,
      {
        questionId: 'imp-mine-1-card',
        setId: 'imp-mine',
        mode: 'practice',
        answer: { type: 'flashcard', grade: 1 },
        correct: false,
        grade: 1,
        durationMs: 1000,
        now: Date.now(),
      },
      DEFAULT_SETTINGS,
    )
    const w = await mountFor('imp-mine')
    await byId(w, 'delete-set').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('Delete “My deck” and all its progress? This cannot be undone.')
    expect(await importedSetsOf(db).count()).toBe(1)

    const ok = document.body.querySelector<HTMLButtonElement>('[data-testid="confirm-ok"]')!
    ok.click()
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/'))
    expect(await importedSetsOf(db).count()).toBe(0)
    expect(await db.cards.count()).toBe(0)
    expect(await db.reviews.count()).toBe(0)
    expect(await db.notebook.count()).toBe(0)
  })
})
