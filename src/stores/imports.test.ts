import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { StudyDB } from '@/db/database'
import { freshDBEachTest, importedSetsOf } from '@/db/test-utils'
import { useImportsStore } from './imports'

vi.mock('virtual:question-bank', () => ({ loadSet: async (id: string) => Promise.reject(new Error(`no set ${id}`)) }))
vi.mock('virtual:question-index', () => ({ default: [] }))

let db: StudyDB
freshDBEachTest((fresh) => (db = fresh), { app: true })
beforeEach(() => setActivePinia(createPinia()))

describe('imports store', () => {
  it('names a file that is no text by what it is, with a code for the learner’s language', async () => {
    const store = useImportsStore()
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])])
    expect(await store.readFile(png)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'image', params: { kind: 'PNG' } })],
    })
  })

  it('previews and saves an emoji deck and an IPA deck (text opening with "[")', async () => {
    const store = useImportsStore()
    const emoji = await store.preview('🍎\tapple\n∑\tsum\n', { format: 'auto' })
    expect(emoji).toMatchObject({ ok: true, meta: { format: 'csv' } })
    const saved = await store.save('Emoji', { zh: 'Emoji', en: 'Emoji' })
    expect(saved).toMatchObject({ name: 'Emoji', count: 2 })

    const ipa = await store.preview('[kæt]\tcat\n[dɒɡ]\tdog\n', { format: 'auto' })
    expect(ipa).toMatchObject({ ok: true, meta: { format: 'csv', separator: '\t' } })
    await store.save('IPA')
    expect(await importedSetsOf(db).count()).toBe(2)
  })

  it('refuses NUL bytes at preview, so nothing of them can be saved', async () => {
    const store = useImportsStore()
    const result = await store.preview('cat\u0000\tchat\n', { format: 'auto' })
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'controlNul', line: 1, column: 4 }] })
    await expect(store.save('x')).rejects.toThrow('There is no valid set to save.')
    expect(await importedSetsOf(db).count()).toBe(0)
  })
})
