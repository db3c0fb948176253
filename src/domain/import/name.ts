/**
 * The name of an imported set: what makes one acceptable, and the name used when the learner
 * types none. A CSV / TSV file has no title of its own, so its name becomes the set's title too
 * and must pass the title's rules (no placeholder such as "todo" or "...").
 */
import { looksLikePlaceholder } from '@/domain/content/validate'
import { groupDigits, issue, type ImportIssue } from './types'

/** The longest name a saved set may have (the database checks it again). */
export const MAX_NAME_LENGTH = 200

/**
 * Characters that hide a name or turn its letters round (`evil\u202Egpj.csv` shows as
 * "evilvsc.jpg"): direction embeddings, overrides and isolates, zero-width spaces, word joiners
 * and byte order marks. Joiners that build an emoji or a word (U+200C, U+200D) and the plain
 * direction marks (U+200E, U+200F) stay.
 */
const HIDING = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g

/** `name` as the learner sees it: without hiding characters, and trimmed. */
export function visibleName(name: string): string {
  return name.replace(HIDING, '').trim()
}

/** Why `name` cannot be saved (as the set's title too when `asTitle`), or null. */
export function nameIssue(name: string, asTitle: boolean): ImportIssue | null {
  const trimmed = visibleName(name)
  if (trimmed === '') return issue('nameEmpty', 'The set name is empty. Type a name for the set.')
  if (trimmed.length > MAX_NAME_LENGTH) {
    const params = { n: groupDigits(trimmed.length), max: groupDigits(MAX_NAME_LENGTH) }
    return issue('nameTooLong', `The set name is ${params.n} characters; the limit is ${params.max}. Shorten it.`, params)
  }
  if (asTitle && looksLikePlaceholder(trimmed)) {
    const shown = JSON.stringify(trimmed)
    return issue('namePlaceholder', `The set name ${shown} looks like a placeholder, not a real name. Type the name the set should have.`, { name: shown })
  }
  return null
}

/** `name` within the length limit: cut between characters (never inside an emoji) and ended with "…". */
export function shortenName(name: string): string {
  const trimmed = visibleName(name)
  if (trimmed.length <= MAX_NAME_LENGTH) return trimmed
  let out = ''
  for (const c of trimmed) {
    if (out.length + c.length > MAX_NAME_LENGTH - 1) break
    out += c
  }
  return `${out.trimEnd()}…`
}

/**
 * The name a set gets when the learner types none: the first of the candidates (the set's own
 * title, the file's name without its extension) that makes a valid name, shortened if need be;
 * else `fallback` (the localized "Imported set (date)"). Always passes nameIssue.
 */
export function defaultSetName(candidates: readonly (string | undefined)[], fallback: string): string {
  for (const candidate of [...candidates, fallback]) {
    const name = shortenName(candidate ?? '')
    if (nameIssue(name, true) === null) return name
  }
  return 'Imported set'
}
