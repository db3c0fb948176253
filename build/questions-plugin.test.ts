import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchedBankModule, setFileName } from './questions-plugin.ts'

const set = { id: 'a', title: { zh: '甲', en: 'A' }, questions: [{ id: 'q1' }] }
const json = JSON.stringify(set)

/** Imports the generated module afresh with `fetch` answering `body` for each URL asked. */
async function importWith(urls: Record<string, string>, body: string, status = 200) {
  const fetch = vi.fn(async () => new Response(status === 200 ? body : null, { status, headers: { 'Content-Type': 'application/json' } }))
  vi.stubGlobal('fetch', fetch)
  // A comment makes each import a new module instance.
  const code = fetchedBankModule(urls)
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(`${code}//${Math.random()}`).toString('base64')}`)) as { loadSet: (id: string) => Promise<unknown> }
  return { loadSet: mod.loadSet, fetch }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('setFileName', () => {
  it('names each set’s plain JSON file by its id and content', () => {
    const name = setFileName({ id: 'a', json })
    expect(name).toMatch(/^assets\/question-set-a-[\w-]{10}\.json$/)
    expect(setFileName({ id: 'a', json })).toBe(name)
    expect(setFileName({ id: 'a', json: json.replace('甲', '乙') })).not.toBe(name)
  })
})

describe('fetchedBankModule', () => {
  it('fetches nothing on import, then one set’s file when that set is asked for', async () => {
    const { loadSet, fetch } = await importWith({ a: '/assets/question-set-a-x.json', b: '/assets/question-set-b-y.json' }, json)
    expect(fetch).not.toHaveBeenCalled()
    expect(await loadSet('a')).toEqual(set)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith('/assets/question-set-a-x.json')
  })

  it('fails loudly when the file is missing', async () => {
    const { loadSet } = await importWith({ c: '/c.json' }, '', 404)
    await expect(loadSet('c')).rejects.toThrow(/question bank: 404 for \/c\.json/)
  })

  it('fails loudly for a set the bank does not have', async () => {
    const { loadSet, fetch } = await importWith({ a: '/a.json' }, json)
    await expect(loadSet('nope')).rejects.toThrow('question bank: no built-in set "nope"')
    expect(fetch).not.toHaveBeenCalled()
  })
})
