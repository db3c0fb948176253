/**
 * File bytes → text. Strict: a file that is not valid UTF-8 is refused with the place of the
 * first bad byte, rather than read with replacement characters the learner would study, unless
 * it is plainly Chinese text in GB18030 (GBK, GB2312: what Excel on a Chinese Windows saves as
 * "CSV"), which is read as such and said; a file
 * that is no text at all (an archive, an image, a PDF, a database) or UTF-16 without its byte
 * order mark is named as such, with what to choose instead.
 */
import { groupDigits, issue, sizeIssue, type ImportIssue } from './types'

export type DecodeResult =
  /** `encoding`: set when the text was not UTF-8 but Chinese in GB18030 (the screen says so). */
  | { ok: true; text: string; encoding?: 'gb18030' }
  | { ok: false; errors: ImportIssue[] }

interface Decoder {
  decode(bytes: Uint8Array): string
}
type DecoderClass = new (label: string, options: { fatal: boolean }) => Decoder

// The domain's lib is plain ES2022 (no DOM), yet TextDecoder is in every browser and in Node;
// reach it through globalThis with the one signature used here.
const TextDecoderClass = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder

/** Offset of the first byte that breaks UTF-8, or -1 when there is none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    let need: number
    let min: number
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let code = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      code = (code << 6) | (c & 0x3f)
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++
  return line
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b)
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))

/** What kind of file that is not text `bytes` open like (by their "magic numbers"), or null. */
export type BinaryKind =
  | { code: 'zip' }
  | { code: 'image'; kind: 'PNG' | 'JPEG' | 'GIF' | 'WebP' }
  | { code: 'pdf' }
  | { code: 'gzip' }
  | { code: 'sqlite' }

/** The kind of file that is not text, by its first bytes, or null. Shared with the backup reader. */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { code: 'zip' }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { code: 'image', kind: 'PNG' }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { code: 'image', kind: 'JPEG' }
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return { code: 'image', kind: 'GIF' }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes.subarray(8), ascii('WEBP'))) return { code: 'image', kind: 'WebP' }
  if (startsWith(bytes, ascii('%PDF-'))) return { code: 'pdf' }
  if (startsWith(bytes, [0x1f, 0x8b])) return { code: 'gzip' }
  if (startsWith(bytes, ascii('SQLite format 3\0'))) return { code: 'sqlite' }
  return null
}

/** What a file that is not text is, said for the import screen, or null. */
function binaryKind(bytes: Uint8Array): ImportIssue | null {
  const found = sniffBinary(bytes)
  switch (found?.code) {
    case undefined:
      return null
    case 'zip':
      return issue('zip', 'This is a ZIP archive (such as an .apkg or .xlsx file), not text. Export the cards as plain text or CSV and import that.')
    case 'image':
      return issue(
        'image',
        `This is a ${found.kind} image, not text. Choose the file that holds your cards: a CSV / TSV file, a text export from Anki or Quizlet, or the app’s JSON.`,
        { kind: found.kind },
      )
    case 'pdf':
      return issue('pdf', 'This is a PDF document, not text. Copy the cards into a spreadsheet and save it as “CSV UTF-8”, or choose a CSV / TSV export instead.')
    case 'gzip':
      return issue('gzip', 'This is a gzip-compressed file, not text. Unpack it first, then choose the CSV, TSV or JSON file inside.')
    case 'sqlite':
      return issue('sqlite', 'This is a database file (such as Anki’s collection.anki2), not text. In Anki, use File → Export → “Notes in Plain Text” and import that file.')
  }
}

/** Bytes looked at to tell UTF-16 without a byte order mark. */
const UTF16_SAMPLE = 4096

/**
 * UTF-16 without a byte order mark: text in Latin script (the separators and line breaks at
 * least) then has a 0 in every other byte, which UTF-8 text never has.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, UTF16_SAMPLE) & ~1
  if (n < 4) return false
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  // Most of one side 0 and (almost) none of the other: not a run of zero bytes (binary, padding).
  return (oddZero >= pairs * 0.4 && evenZero <= pairs * 0.05) || (evenZero >= pairs * 0.4 && oddZero <= pairs * 0.05)
}

/**
 * The text of a file in GB18030 whose every non-ASCII byte pair lies in the GB2312 zone (both
 * bytes 0xA1–0xFE: common Chinese characters, Chinese punctuation, full-width forms), or null.
 * The zone is what tells Chinese from other legacy encodings: a Latin-1 or Windows-1252 "é"
 * (0xE9) stands alone or before an ASCII letter, which no pair in the zone does, so such a file
 * still gets the "not UTF-8" message rather than being read as made-up Chinese.
 */
function readGb2312Zone(bytes: Uint8Array): string | null {
  let chinese = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b < 0x80) continue
    const next = bytes[i + 1]
    if (b < 0xa1 || b > 0xfe || next === undefined || next < 0xa1 || next > 0xfe) return null
    chinese++
    i++
  }
  if (chinese === 0) return null
  try {
    return new TextDecoderClass('gb18030', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** The file's text, or why it cannot be read: too big, not text, UTF-16 without its mark, or not UTF-8. */
export function decodeFile(bytes: Uint8Array): DecodeResult {
  const big = sizeIssue(bytes.length)
  if (big) return { ok: false, errors: [big] }

  // Excel's "Unicode text" export is UTF-16 with a byte-order mark.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null
  if (utf16 !== null) {
    try {
      return { ok: true, text: stripBom(new TextDecoderClass(utf16, { fatal: true }).decode(bytes)) }
    } catch {
      return { ok: false, errors: [issue('utf16Invalid', 'The file starts like UTF-16 text but is not valid UTF-16. Save it as UTF-8 and try again.')] }
    }
  }
  const binary = binaryKind(bytes)
  if (binary) return { ok: false, errors: [binary] }
  if (looksLikeUtf16(bytes))
    return {
      ok: false,
      errors: [
        issue(
          'utf16NoBom',
          'This looks like UTF-16 text without a byte order mark (every other byte is 0). Save it as UTF-8 (in Excel: “CSV UTF-8”) and try again.',
        ),
      ],
    }

  try {
    return { ok: true, text: stripBom(new TextDecoderClass('utf-8', { fatal: true }).decode(bytes)) }
  } catch {
    const chinese = readGb2312Zone(bytes)
    if (chinese !== null) return { ok: true, text: chinese, encoding: 'gb18030' }
    const at = Math.max(firstInvalidUtf8(bytes), 0)
    const byte = groupDigits(at + 1)
    return {
      ok: false,
      errors: [
        issue(
          'notUtf8',
          `The file is not valid UTF-8 text (the first bad byte is byte ${byte}). Save it as UTF-8 (in Excel: “CSV UTF-8”) and try again.`,
          { byte },
          { line: lineOfByte(bytes, at) },
        ),
      ],
    }
  }
}
