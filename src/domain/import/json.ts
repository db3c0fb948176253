/**
 * The app's own JSON format, imported: the same validator (and so the same messages) as the
 * built-in sets, after a parse that cannot be turned against the app.
 */
import { BACKUP_FORMAT } from '@/domain/backup/format'
import type { QuestionSet } from '@/domain/content/schema'
import { findJsonError, findTooDeep, lineColumn, validateSet, type ContentError } from '@/domain/content/validate'
import { findDuplicateKey } from './duplicateKeys'
import { applyPrefix, firstDuplicateId } from './ids'
import { COMMENT_REASON } from './jsonReasons'
import { codeValidatorMessage } from './validatorCodes'
import { groupDigits, issue, MAX_JSON_DEPTH, MAX_QUESTIONS, type ImportIssue, type ImportResult } from './types'

/** Keys that could reach Object.prototype if the data were ever merged into another object. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function toIssue(e: ContentError): ImportIssue {
  const path = [e.questionId ?? '', e.path].filter((p) => p !== '').join(' › ')
  return { ...(path === '' ? {} : { path }), message: e.message, ...codeValidatorMessage(e.message) }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `text` (no BOM) as a question set in the app's format, re-keyed under idPrefix. */
export function parseJsonImport(text: string, idPrefix: string): ImportResult {
  const meta = { format: 'json' as const }
  const deep = findTooDeep(text, MAX_JSON_DEPTH)
  if (deep !== null) {
    const { line, column } = lineColumn(text, deep)
    return {
      ok: false,
      meta,
      errors: [
        issue(
          'tooDeep',
          `the data is nested more than ${MAX_JSON_DEPTH} levels deep; a question set needs fewer than 10`,
          { max: MAX_JSON_DEPTH },
          { line, column },
        ),
      ],
    }
  }

  const dropped = new Set<string>()
  let data: unknown
  try {
    data = JSON.parse(text, (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) {
        dropped.add(key)
        return undefined // removes the key
      }
      return value
    })
  } catch (e) {
    const found = findJsonError(text)
    const offset = found?.offset ?? 0
    // A comment is the commonest slip in a hand-written file: named as one, not as a stray "/".
    const comment = text.startsWith('//', offset) || text.startsWith('/*', offset)
    const reason = comment ? COMMENT_REASON : (found?.message ?? (e instanceof Error ? e.message : String(e)))
    const { line, column } = lineColumn(text, offset)
    return { ok: false, meta, errors: [issue('invalidJson', `invalid JSON: ${reason}`, { reason }, { line, column })] }
  }

  // The app's own backup, chosen on the wrong screen: say where it goes, not what a set lacks.
  if (isRecord(data) && data.format === BACKUP_FORMAT)
    return {
      ok: false,
      meta,
      errors: [
        issue(
          'backupFile',
          'This is a backup of your progress, not a question set. To restore it, open Settings → Backup → “Import progress”.',
        ),
      ],
    }

  // A key written twice: JSON.parse kept the last value and dropped the first without a word.
  const twice = findDuplicateKey(text)
  if (twice !== null) {
    const key = JSON.stringify(twice.key)
    return {
      ok: false,
      meta,
      errors: [
        issue('duplicateKey', `the key ${key} appears twice in one object (JSON keeps only the last); remove one of them`, { key }, lineColumn(text, twice.offset)),
      ],
    }
  }

  if (isRecord(data) && Array.isArray(data.questions) && data.questions.length > MAX_QUESTIONS) {
    const params = { n: groupDigits(data.questions.length), max: groupDigits(MAX_QUESTIONS) }
    return {
      ok: false,
      meta,
      errors: [issue('tooManyQuestions', `the set has ${params.n} questions; the limit is ${params.max}`, params, { path: 'questions' })],
    }
  }

  const checked = validateSet(data, { file: 'import' })
  if (!checked.ok) return { ok: false, meta, errors: checked.errors.map(toIssue) }

  // A schema link is relative to the author's folder; it means nothing inside the app.
  const { $schema: _schema, ...rest } = checked.set
  const set: QuestionSet = applyPrefix(rest, idPrefix)
  const duplicate = firstDuplicateId(set)
  if (duplicate !== null) {
    const id = JSON.stringify(duplicate)
    return { ok: false, meta, errors: [issue('shortenIds', `two question ids both shorten to ${id}; shorten them`, { id })] }
  }

  const keys = [...dropped].sort().map((k) => JSON.stringify(k)).join(', ')
  const warnings: ImportIssue[] = dropped.size === 0 ? [] : [issue('unsafeKeys', `Ignored unsafe keys: ${keys}.`, { keys })]
  return { ok: true, set, warnings, meta }
}
