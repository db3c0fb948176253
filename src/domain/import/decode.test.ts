import { describe, expect, it } from 'vitest'
import { decodeFile, firstInvalidUtf8 } from './decode'
import { MAX_FILE_BYTES, parseImport, sizeIssue } from './index'

const bytes = (...parts: (string | number[])[]): Uint8Array => {
  const out: number[] = []
  for (const p of parts) out.push(...(typeof p === 'string' ? new TextEncoder().encode(p) : p))
  return new Uint8Array(out)
}

describe('decodeFile', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    expect(decodeFile(bytes([0xef, 0xbb, 0xbf], '术语\t定义\n'))).toEqual({ ok: true, text: '术语\t定义\n' })
  })

  it('refuses invalid UTF-8 with the line and byte of the first bad byte', () => {
    expect(decodeFile(bytes('cat\tchat\n', 'caf', [0xe9], '\tcoffee\n'))).toEqual({
      ok: false,
      errors: [
        {
          line: 2,
          message:
            'The file is not valid UTF-8 text (the first bad byte is byte 13). Save it as UTF-8 (in Excel: “CSV UTF-8”) and try again.',
        },
      ],
    })
  })

  it('reads UTF-16 with a byte-order mark (Excel "Unicode text")', () => {
    const le = [0xff, 0xfe, ...[...'a\tb'].flatMap((c) => [c.charCodeAt(0), 0])]
    expect(decodeFile(new Uint8Array(le))).toEqual({ ok: true, text: 'a\tb' })
  })

  it('recognises a ZIP archive (.apkg, .xlsx)', () => {
    const result = decodeFile(bytes([0x50, 0x4b, 0x03, 0x04, 0, 0]))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/ZIP archive/)
  })

  it('checks the size before decoding', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1)
    expect(decodeFile(big)).toEqual({ ok: false, errors: [{ message: 'The file is 10.1 MB; the limit is 10 MB.' }] })
    expect(sizeIssue(Math.round(12.4 * 1024 * 1024))).toEqual({ message: 'The file is 12.4 MB; the limit is 10 MB.' })
    expect(sizeIssue(MAX_FILE_BYTES)).toBeNull()
  })
})

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0x62], -1],
    [[0xe4, 0xb8, 0xad], -1], // 中
    [[0xf0, 0x9f, 0x98, 0x80], -1], // an emoji
    [[0x61, 0x80], 1], // a lone continuation byte
    [[0xc0, 0xaf], 0], // overlong "/"
    [[0xed, 0xa0, 0x80], 0], // an encoded surrogate
    [[0xe4, 0xb8], 0], // cut short
    [[0xf5, 0x80, 0x80, 0x80], 0], // past U+10FFFF
  ])('%j → %i', (input, expected) => {
    expect(firstInvalidUtf8(new Uint8Array(input))).toBe(expected)
  })
})

describe('the size limit on text', () => {
  it('counts UTF-8 bytes, not characters', () => {
    // 3.6 M Chinese characters are 10.8 MB of UTF-8, though the string is short of 10 M characters.
    const text = `a\t${'中'.repeat(3_600_000)}`
    expect(parseImport(text, { format: 'auto', idPrefix: 'p' })).toEqual({
      ok: false,
      errors: [{ message: 'The file is 10.3 MB; the limit is 10 MB.' }],
    })
  })
})
