import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { packBank, packedBankModule } from './questions-plugin'

const sets = [{ id: 'a', title: { zh: '甲', en: 'A' }, questions: [{ id: 'q1' }] }]
const json = JSON.stringify(sets)

/** Imports the generated module afresh with `fetch` answering `body` for its URL. */
async function importWith(url: string, body: Uint8Array | string, status = 200): Promise<unknown> {
  const fetch = vi.fn(async (input: string) => {
    expect(input).toBe(url)
    return new Response(status === 200 ? (typeof body === 'string' ? body : new Blob([new Uint8Array(body)])) : null, { status })
  })
  vi.stubGlobal('fetch', fetch)
  // A query makes each import a new module instance.
  const code = packedBankModule(url)
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(`${code}//${Math.random()}`).toString('base64')}`)) as { default: unknown }
  expect(fetch).toHaveBeenCalledTimes(1)
  return mod.default
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('packBank', () => {
  it('gzips the bank under a name that changes with its content', () => {
    const packed = packBank(json)
    expect(gunzipSync(packed.source).toString('utf8')).toBe(json)
    expect(packed.fileName).toMatch(/^assets\/question-bank-[\w-]{10}\.json\.gz$/)
    expect(packBank(json).fileName).toBe(packed.fileName)
    expect(packBank(json.replace('甲', '乙')).fileName).not.toBe(packed.fileName)
    const big = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ ...sets[0], id: `s${i}` })))
    expect(packBank(big).source.length).toBeLessThan(Buffer.byteLength(big) / 4)
  })
})

describe('packedBankModule', () => {
  it('fetches the packed bank and unpacks it', async () => {
    const url = '/assets/question-bank-x.json.gz'
    expect(await importWith(url, packBank(json).source)).toEqual(sets)
  })

  it('also takes a bank the server already unpacked (Content-Encoding: gzip)', async () => {
    expect(await importWith('/b.json.gz', json)).toEqual(sets)
  })

  it('fails loudly when the file is missing', async () => {
    await expect(importWith('/c.json.gz', '', 404)).rejects.toThrow(/question bank: 404/)
  })
})
