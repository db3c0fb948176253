/**
 * File bytes → text. Strict: a file that is not valid UTF-8 is refused with the place of the
 * first bad byte, rather than read with replacement characters the learner would study.
 */
import { groupDigits, sizeIssue, type ImportIssue } from './types'

export type DecodeResult = { ok: true; text: string } | { ok: false; errors: ImportIssue[] }

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

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++
  return line
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** The file's text, or why it cannot be read: too big, a ZIP archive, or not UTF-8. */
export function decodeFile(bytes: Uint8Array): DecodeResult {
  const big = sizeIssue(bytes.length)
  if (big) return { ok: false, errors: [big] }

  // Excel's "Unicode text" export is UTF-16 with a byte-order mark.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null
  if (utf16 !== null) {
    try {
      return { ok: true, text: stripBom(new TextDecoderClass(utf16, { fatal: true }).decode(bytes)) }
    } catch {
      return { ok: false, errors: [{ message: 'The file starts like UTF-16 text but is not valid UTF-16. Save it as UTF-8 and try again.' }] }
    }
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return {
      ok: false,
      errors: [
        {
          message:
            'This is a ZIP archive (such as an .apkg or .xlsx file), not text. Export the cards as plain text or CSV and import that.',
        },
      ],
    }

  try {
    return { ok: true, text: stripBom(new TextDecoderClass('utf-8', { fatal: true }).decode(bytes)) }
  } catch {
    const at = Math.max(firstInvalidUtf8(bytes), 0)
    return {
      ok: false,
      errors: [
        {
          line: lineOfByte(bytes, at),
          message: `The file is not valid UTF-8 text (the first bad byte is byte ${groupDigits(at + 1)}). Save it as UTF-8 (in Excel: “CSV UTF-8”) and try again.`,
        },
      ],
    }
  }
}
