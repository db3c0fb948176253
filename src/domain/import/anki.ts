/**
 * Anki's plain-text export starts with `#key:value` lines (`#separator:tab`, `#html:false`,
 * `#tags column:3` ...). Only the keys Anki writes are recognised, so a first row such as
 * `#1 hit:a song` is still read as data.
 */

export interface AnkiHeader {
  /** Lines taken up by the header (0 when there is none). */
  lines: number
  /** Characters taken up by the header, line breaks included. */
  length: number
  separator?: string
  html?: boolean
  /** 0-based columns that hold Anki bookkeeping (guid, note type, deck, tags), not card text. */
  skipColumns: number[]
  /** 0-based column of each note's tags (also in skipColumns). */
  tagsColumn?: number
  /** Tags the `#tags:` line gives every note. */
  tags: string[]
}

/** A tag may hold at most this many characters (the question schema's limit). */
export const MAX_TAG_LENGTH = 40

/** Anki's tags field: space-separated tags (hierarchical ones joined by "::"), each once, cut to the schema's length. */
export function splitTags(field: string): string[] {
  const out: string[] = []
  for (const raw of field.split(/\s+/)) {
    const tag = [...raw].slice(0, MAX_TAG_LENGTH).join('')
    if (tag !== '' && !out.includes(tag)) out.push(tag)
  }
  return out
}

const KEY = /^#(separator|html|tags|columns|notetype|deck|guid column|notetype column|deck column|tags column):(.*)$/i

// Maps, not object literals: a name such as "constructor" must not find Object's own keys.
const SEPARATORS = new Map([
  ['tab', '\t'],
  ['comma', ','],
  ['semicolon', ';'],
  ['space', ' '],
  ['pipe', '|'],
  ['colon', ':'],
])

/** The Anki header at the top of `text`, if any. */
export function readAnkiHeader(text: string): AnkiHeader {
  const header: AnkiHeader = { lines: 0, length: 0, skipColumns: [], tags: [] }
  let at = 0
  while (at < text.length) {
    const end = text.indexOf('\n', at)
    const stop = end === -1 ? text.length : end
    const line = text.slice(at, stop).replace(/\r$/, '')
    const m = KEY.exec(line)
    if (m === null) break
    const key = m[1]!.toLowerCase()
    const value = m[2]!.trim()
    if (key === 'separator') header.separator = SEPARATORS.get(value.toLowerCase()) ?? value
    else if (key === 'html') header.html = value.toLowerCase() === 'true'
    else if (key === 'tags') header.tags = splitTags(value)
    else if (key.endsWith(' column')) {
      const n = Number.parseInt(value, 10)
      if (Number.isInteger(n) && n >= 1) {
        header.skipColumns.push(n - 1)
        if (key === 'tags column') header.tagsColumn = n - 1
      }
    }
    header.lines++
    at = end === -1 ? text.length : end + 1
  }
  header.length = at
  return header
}

const ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
])

/**
 * Text of an Anki field exported with `#html:true`: line breaks kept, every tag dropped, the
 * common entities decoded. The result is shown as text, never as HTML.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:div|p|li)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
      }
      return ENTITIES.get(name.toLowerCase()) ?? whole
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
