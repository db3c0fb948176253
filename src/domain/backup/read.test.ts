import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { decodeBackup } from './read'

const utf8 = (text: string) => new TextEncoder().encode(text)
function utf16(text: string, be: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (be ? [0xfe, 0xff] : [0xff, 0xfe]) : []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    out.push(...(be ? [c >> 8, c & 255] : [c & 255, c >> 8]))
  }
  return new Uint8Array(out)
}

describe('decodeBackup', () => {
  it('reads UTF-8 (with or without a byte order mark) and UTF-16 with its mark as the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        for (const bytes of [utf8(text), utf8(`\uFEFF${text}`), utf16(text, false, true), utf16(text, true, true)])
          expect(decodeBackup(bytes)).toEqual({ ok: true, text })
      }),
    )
  })

  it('names a file that is not text, UTF-16 without its mark, and bytes that are not UTF-8', () => {
    expect(decodeBackup(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]))).toEqual({ ok: false, problem: { code: 'binary', what: 'zip', kind: '' } })
    expect(decodeBackup(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: false, problem: { code: 'binary', what: 'image', kind: 'JPEG' } })
    expect(decodeBackup(utf16('{"format": "x"}', false, false))).toEqual({ ok: false, problem: { code: 'utf16NoBom' } })
    expect(decodeBackup(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toEqual({ ok: false, problem: { code: 'utf16Invalid' } })
    expect(decodeBackup(new Uint8Array([...utf8('{\n"a": "caf'), 0xe9, ...utf8('"}')]))).toEqual({
      ok: false,
      problem: { code: 'notUtf8', byte: 12, line: 2 },
    })
  })
})
