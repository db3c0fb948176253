/**
 * A backup file's bytes → its text, or why they are no backup's text. A backup is UTF-8 JSON as
 * this app writes it; an editor may have saved it again as UTF-16 with a byte order mark, which
 * is read as well. Anything else is named: a file that is not text at all (an archive, an image,
 * a PDF, a database), UTF-16 without its mark, or bytes that are not UTF-8 (read leniently, they
 * would put replacement characters in the learner's data).
 */
import { firstInvalidUtf8, lineOfByte, looksLikeUtf16, sniffBinary } from '@/domain/import/decode'
import type { BackupProblem } from './format'

interface Decoder {
  decode(bytes: Uint8Array): string
}
type DecoderClass = new (label: string, options: { fatal: boolean }) => Decoder
// The domain's lib is plain ES2022 (no DOM); TextDecoder is in every browser, worker and Node.
const TextDecoderClass = (globalThis as unknown as { TextDecoder: DecoderClass }).TextDecoder

export type DecodeBackupResult = { ok: true; text: string } | { ok: false; problem: BackupProblem }

const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

/** The text of a backup file's bytes, or the one problem that stops them being read. */
export function decodeBackup(bytes: Uint8Array): DecodeBackupResult {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null
  if (utf16 !== null) {
    try {
      return { ok: true, text: stripBom(new TextDecoderClass(utf16, { fatal: true }).decode(bytes)) }
    } catch {
      return { ok: false, problem: { code: 'utf16Invalid' } }
    }
  }
  const binary = sniffBinary(bytes)
  if (binary !== null) return { ok: false, problem: { code: 'binary', what: binary.code, kind: binary.code === 'image' ? binary.kind : '' } }
  if (looksLikeUtf16(bytes)) return { ok: false, problem: { code: 'utf16NoBom' } }
  try {
    return { ok: true, text: stripBom(new TextDecoderClass('utf-8', { fatal: true }).decode(bytes)) }
  } catch {
    const at = Math.max(firstInvalidUtf8(bytes), 0)
    return { ok: false, problem: { code: 'notUtf8', byte: at + 1, line: lineOfByte(bytes, at) } }
  }
}
