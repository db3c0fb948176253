/**
 * Ids of imported sets. Progress is keyed on question ids, so an imported question must never
 * share an id with a built-in one or with another import: every id is re-keyed under the
 * import's own prefix, `<idPrefix>-<original id>`.
 *
 * Strip, then re-apply: a set's own id counts as its question-id prefix. When every question id
 * starts with `<set id>-`, that part is removed before `<idPrefix>-` is added. An exported
 * imported set (whose set id is its old prefix) therefore re-imports as `<new prefix>-<original>`
 * rather than `<new prefix>-<old prefix>-<original>`, and re-importing it under its own prefix
 * gives back exactly the same set.
 */
import type { QuestionSet } from '@/domain/content/schema'
import { hashSeed } from '@/domain/random'
import { MAX_PREFIX_LENGTH, type ImportIssue } from './types'

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_ID = 80

/** Why idPrefix cannot be used, or null when it can. */
export function prefixIssue(idPrefix: string): ImportIssue | null {
  if (!KEBAB.test(idPrefix)) return { message: `The id prefix ${JSON.stringify(idPrefix)} must be lowercase kebab-case.` }
  if (idPrefix.length > MAX_PREFIX_LENGTH)
    return { message: `The id prefix is ${idPrefix.length} characters; the limit is ${MAX_PREFIX_LENGTH}.` }
  return null
}

/** The app's hash in base 36: a short stable fingerprint for ids that must be shortened. */
const shortHash = (text: string): string => hashSeed(text).toString(36).padStart(7, '0')

/** `<prefix>-<original>`, shortened (keeping it unique by a fingerprint) when it would pass 80 characters. */
export function prefixedId(prefix: string, original: string): string {
  const id = `${prefix}-${original}`
  if (id.length <= MAX_ID) return id
  const hash = shortHash(original)
  const room = MAX_ID - prefix.length - hash.length - 2
  const head = original.slice(0, Math.max(room, 0)).replace(/-+$/, '')
  return head === '' ? `${prefix}-${hash}` : `${prefix}-${head}-${hash}`
}

/** The set under idPrefix: its own id becomes the prefix, its question ids `<prefix>-<original>`. */
export function applyPrefix(set: QuestionSet, idPrefix: string): QuestionSet {
  const own = `${set.id}-`
  const strip = set.questions.every((q) => q.id.length > own.length && q.id.startsWith(own))
  return {
    ...set,
    id: idPrefix,
    questions: set.questions.map((q) => ({ ...q, id: prefixedId(idPrefix, strip ? q.id.slice(own.length) : q.id) })),
  }
}

/** The first id used twice (possible only if two shortened ids share a fingerprint), or null. */
export function firstDuplicateId(set: QuestionSet): string | null {
  const seen = new Set<string>()
  for (const q of set.questions) {
    if (seen.has(q.id)) return q.id
    seen.add(q.id)
  }
  return null
}
