import fc from 'fast-check'
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
          code: 'notUtf8',
          params: { byte: '13' },
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
    expect(decodeFile(big)).toEqual({ ok: false, errors: [{ code: 'fileTooBig', params: { size: '10.1' }, message: 'The file is 10.1 MB; the limit is 10 MB.' }] })
    expect(sizeIssue(Math.round(12.4 * 1024 * 1024))).toEqual({ code: 'fileTooBig', params: { size: '12.4' }, message: 'The file is 12.4 MB; the limit is 10 MB.' })
    expect(sizeIssue(MAX_FILE_BYTES)).toBeNull()
  })
})

/** The GB18030 bytes of each character in the GB2312 zone, read back from the decoder itself. */
const GB2312 = (() => {
  const decoder = new TextDecoder('gb18030')
  const table = new Map<string, [number, number]>()
  for (let a = 0xa1; a <= 0xfe; a++)
    for (let b = 0xa1; b <= 0xfe; b++) {
      const c = decoder.decode(new Uint8Array([a, b]))
      if (c.length === 1 && c !== '\ufffd' && !table.has(c)) table.set(c, [a, b])
    }
  return table
})()
const gbk = (text: string): Uint8Array =>
  new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : GB2312.get(c)!)))

describe('decodeFile: Chinese text in GB18030 (Excel "CSV" on a Chinese Windows)', () => {
  it('reads it and says which encoding it read', () => {
    expect(decodeFile(gbk('术语,定义\r\n开源,公开源代码的软件，例如“千问”。\r\n'))).toEqual({
      ok: true,
      text: '术语,定义\r\n开源,公开源代码的软件，例如“千问”。\r\n',
      encoding: 'gb18030',
    })
  })

  it('reads any text of ASCII and GB2312 characters back as it was', () => {
    const chinese = fc.constantFrom(...GB2312.keys())
    const ascii = fc.constantFrom(...'abc XYZ 019,;\t\n"')
    fc.assert(
      fc.property(fc.array(fc.oneof(chinese, ascii), { maxLength: 60 }), fc.integer({ min: 0, max: 59 }), (chars, at) => {
        const text = [...chars.slice(0, at), '中', ...chars.slice(at)].join('')
        expect(decodeFile(gbk(text))).toEqual({ ok: true, text, encoding: 'gb18030' })
      }),
    )
  })

  it('leaves Latin-1 and Windows-1252 text refused as not UTF-8, never read as made-up Chinese', () => {
    // An accented letter stands alone or beside an ASCII one: no pair of the GB2312 zone.
    const latin = fc.constantFrom(0xe9, 0xe8, 0xe0, 0xfc, 0xf6, 0xe7, 0xf1, 0xdf, 0x92, 0x93)
    const word = fc.tuple(fc.stringMatching(/^[a-z]{0,6}$/), latin, fc.stringMatching(/^[a-z ]{1,6}$/))
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const result = decodeFile(bytes(...words.flatMap(([a, b, c]) => [a, [b], c])))
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.errors[0]!.code).toBe('notUtf8')
      }),
    )
  })

  it('refuses a file with a byte pair outside the zone, or cut off in the middle of a character', () => {
    expect(decodeFile(bytes('a', [0xd6, 0xd0], [0x81, 0x40], '\n')).ok).toBe(false) // a GBK-only pair
    expect(decodeFile(bytes('a', [0xd6, 0xd0], [0xce]))).toMatchObject({ ok: false, errors: [{ code: 'notUtf8' }] })
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
      errors: [{ code: 'fileTooBig', params: { size: '10.3' }, message: 'The file is 10.3 MB; the limit is 10 MB.' }],
    })
  })
})

describe('files that are not text', () => {
  const codeOf = (input: Uint8Array) => {
    const result = decodeFile(input)
    if (result.ok) throw new Error('expected a refusal')
    expect(result.errors).toHaveLength(1)
    return result.errors[0]!
  }

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]],
    ['GIF', [...'GIF89a'].map((c) => c.charCodeAt(0))],
  ])('names a %s image and says what to choose instead', (kind, magic) => {
    const found = codeOf(new Uint8Array(magic as number[]))
    expect(found).toMatchObject({ code: 'image', params: { kind } })
    expect(found.message).toBe(
      `This is a ${kind} image, not text. Choose the file that holds your cards: a CSV / TSV file, a text export from Anki or Quizlet, or the app’s JSON.`,
    )
  })

  it('names a PDF, a gzip file, an SQLite database (Anki’s collection) and an empty ZIP', () => {
    expect(codeOf(bytes('%PDF-1.4\n%', [0xe2, 0xe3], '\n1 0 obj\n'))).toMatchObject({ code: 'pdf', message: expect.stringMatching(/^This is a PDF document/) })
    expect(codeOf(bytes([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]))).toMatchObject({ code: 'gzip', message: expect.stringMatching(/Unpack it first/) })
    expect(codeOf(bytes('SQLite format 3', [0, 0x10, 0]))).toMatchObject({ code: 'sqlite', message: expect.stringMatching(/Notes in Plain Text/) })
    expect(codeOf(bytes([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]))).toMatchObject({ code: 'zip' })
    // None of them is told to save itself as UTF-8.
    for (const magic of [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0x1f, 0x8b, 0x08]])
      expect(codeOf(new Uint8Array(magic)).message).not.toMatch(/UTF-8/)
  })

  it('names UTF-16 without a byte order mark, little- and big-endian', () => {
    const text = 'cat\tchat\ndog\tchien\n'
    const le = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0), 0]))
    const be = new Uint8Array([...text].flatMap((c) => [0, c.charCodeAt(0)]))
    const expected = {
      code: 'utf16NoBom',
      message:
        'This looks like UTF-16 text without a byte order mark (every other byte is 0). Save it as UTF-8 (in Excel: “CSV UTF-8”) and try again.',
    }
    expect(decodeFile(le)).toEqual({ ok: false, errors: [expected] })
    expect(decodeFile(be)).toEqual({ ok: false, errors: [expected] })
  })

  it('leaves a file of zero bytes to the text check (binary, not UTF-16), which names the NUL', () => {
    const decoded = decodeFile(new Uint8Array(100))
    expect(decoded.ok).toBe(true)
    if (!decoded.ok) return
    const result = parseImport(decoded.text, { format: 'auto', idPrefix: 'p' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ code: 'controlNul', line: 1, column: 1 })])
  })
})
