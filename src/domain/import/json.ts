/**
 * The app's own JSON format, imported: the same validator (and so the same messages) as the
 * built-in sets, after a parse that cannot be turned against the app.
 */
import { BACKUP_FORMAT } from '@/domain/backup/format'
import type { Question, QuestionSet } from '@/domain/content/schema'
import { findJsonError, findTooDeep, lineColumn, validateSet, type ContentError, type ValidateSetResult } from '@/domain/content/validate'
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

/** Questions checked between two progress reports. */
const CHECK_CHUNK = 1000

/**
 * The set's rules, a slice of questions at a time (yielding between slices) when it is big. The
 * rules that span questions are unique ids, checked here over all of them; a slice that breaks
 * any rule, or an id used twice, sends the set through one whole check, so its problems are
 * named exactly as a one-pass check names them (a broken big set is the rare, slower case).
 */
function* checkSet(data: unknown, chunk: number): Generator<number, ValidateSetResult, void> {
  if (!isRecord(data) || !Array.isArray(data.questions) || data.questions.length <= chunk) return validateSet(data, { file: 'import' })
  const questions = data.questions as unknown[]
  const ids = new Set<unknown>()
  for (const q of questions) ids.add(isRecord(q) ? q.id : undefined)
  if (ids.size === questions.length) {
    let head: QuestionSet | null = null
    const checked: Question[] = []
    for (let start = 0; start < questions.length; start += chunk) {
      const slice = validateSet({ ...data, questions: questions.slice(start, start + chunk) }, { file: 'import' })
      if (!slice.ok) break
      head ??= slice.set
      checked.push(...slice.set.questions)
      yield Math.min(start + chunk, questions.length) / questions.length
    }
    if (head !== null && checked.length === questions.length) return { ok: true, set: { ...head, questions: checked } }
  }
  return validateSet(data, { file: 'import' })
}

/**
 * `text` (no BOM) as a question set in the app's format, re-keyed under idPrefix. A generator:
 * yields the fraction checked (0..1) between slices of a big set.
 */
export function* parseJsonImportSteps(
  text: string,
  idPrefix: string,
  limits: { chunk: number } = { chunk: CHECK_CHUNK },
): Generator<number, ImportResult, void> {
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

  if (isRecord(data) && Array.isArray(data.questions) && data.questions.length > MAX_QUESTIONS) {
    const params = { n: groupDigits(data.questions.length), max: groupDigits(MAX_QUESTIONS) }
    return {
      ok: false,
      meta,
      errors: [issue('tooManyQuestions', `the set has ${params.n} questions; the limit is ${params.max}`, params, { path: 'questions' })],
    }
  }

  const checked = yield* checkSet(data, limits.chunk)
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
