import { afterEach, describe, expect, it, vi } from 'vitest'
import { fetchedBankModule, fileGroups, setsFileName } from './questions-plugin.ts'

const set = { id: 'a', title: { zh: '甲', en: 'A' }, questions: [{ id: 'q1' }] }
const other = { id: 'b', title: { zh: '乙', en: 'B' }, questions: [{ id: 'q2' }] }
const json = JSON.stringify([set, other])

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

describe('setsFileName', () => {
  it('names each plain JSON file by its content', () => {
    const name = setsFileName(json)
    expect(name).toMatch(/^assets\/question-sets-[\w-]{10}\.json$/)
    expect(setsFileName(json)).toBe(name)
    expect(setsFileName(json.replace('甲', '丙'))).not.toBe(name)
  })
})

describe('fileGroups', () => {
  it('puts the first set in bank order alone and the rest together, leaving out no set', () => {
    expect(fileGroups(['a', 'b', 'c', 'd'])).toEqual([['a'], ['b', 'c', 'd']])
    expect(fileGroups(['a'])).toEqual([['a']])
    expect(fileGroups([])).toEqual([])
  })
})

describe('fetchedBankModule', () => {
  it('fetches nothing on import, then the file holding a set when that set is asked for, once', async () => {
    const { loadSet, fetch } = await importWith({ a: '/assets/question-sets-x.json', b: '/assets/question-sets-x.json', c: '/assets/question-sets-y.json' }, json)
    expect(fetch).not.toHaveBeenCalled()
    expect(await loadSet('a')).toEqual(set)
    expect(await loadSet('b')).toEqual(other)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith('/assets/question-sets-x.json')
  })

  it('fails loudly when the file lacks the set', async () => {
    const { loadSet } = await importWith({ c: '/assets/question-sets-x.json' }, json)
    await expect(loadSet('c')).rejects.toThrow('question bank: no set "c" in /assets/question-sets-x.json')
  })

  it('fails loudly when the file is missing, and fetches it again at the next call', async () => {
    const { loadSet, fetch } = await importWith({ c: '/c.json' }, '', 404)
    await expect(loadSet('c')).rejects.toThrow(/question bank: 404 for \/c\.json/)
    await expect(loadSet('c')).rejects.toThrow(/404/)
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('fails loudly for a set the bank does not have', async () => {
    const { loadSet, fetch } = await importWith({ a: '/a.json' }, json)
    await expect(loadSet('nope')).rejects.toThrow('question bank: no built-in set "nope"')
    expect(fetch).not.toHaveBeenCalled()
  })
})
