import { afterEach, describe, expect, it, vi } from 'vitest'
import { bankFileName, fetchedBankModule } from './questions-plugin.ts'

const sets = [{ id: 'a', title: { zh: '甲', en: 'A' }, questions: [{ id: 'q1' }] }]
const json = JSON.stringify(sets)

/** Imports the generated module afresh with `fetch` answering `body` for its URL. */
async function importWith(url: string, body: string, status = 200): Promise<unknown> {
  const fetch = vi.fn(async (input: string) => {
    expect(input).toBe(url)
    return new Response(status === 200 ? body : null, { status, headers: { 'Content-Type': 'application/json' } })
  })
  vi.stubGlobal('fetch', fetch)
  // A comment makes each import a new module instance.
  const code = fetchedBankModule(url)
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(`${code}//${Math.random()}`).toString('base64')}`)) as { default: unknown }
  expect(fetch).toHaveBeenCalledTimes(1)
  return mod.default
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('bankFileName', () => {
  it('names the plain JSON file by its content', () => {
    const name = bankFileName(json)
    expect(name).toMatch(/^assets\/question-bank-[\w-]{10}\.json$/)
    expect(bankFileName(json)).toBe(name)
    expect(bankFileName(json.replace('甲', '乙'))).not.toBe(name)
  })
})

describe('fetchedBankModule', () => {
  it('fetches the bank and parses it', async () => {
    expect(await importWith('/assets/question-bank-x.json', json)).toEqual(sets)
  })

  it('fails loudly when the file is missing', async () => {
    await expect(importWith('/c.json', '', 404)).rejects.toThrow(/question bank: 404 for \/c\.json/)
  })
})
