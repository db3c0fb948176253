/**
 * The commonest messages of the shared set validator (src/domain/content/validate.ts, which the
 * authoring scripts use too and which speaks English), recognised by their shape so the import
 * screen can show them in the learner's language. A message not listed here keeps no code and
 * is shown as it is.
 */
import { QUESTION_TYPES } from '@/domain/content/schema'
import type { ImportIssue, IssueCode } from './types'

type Coded = Required<Pick<ImportIssue, 'code'>> & Pick<ImportIssue, 'params'>

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const TYPES = escape(QUESTION_TYPES.join(', '))

/** Each shape: its code and the names of its captured parts, in order. */
const SHAPES: readonly [RegExp, IssueCode, readonly string[]][] = [
  [/^missing$/, 'vMissing', []],
  [/^missing — every learner-facing string needs both zh and en$/, 'vMissingLang', []],
  [new RegExp(`^missing — must be one of (${TYPES})$`), 'vMissingType', ['list']],
  [new RegExp(`^(.+) is not one of (${TYPES})$`), 'vNotAType', ['value', 'list']],
  [/^unknown field (".*")$/, 'vUnknownField', ['field']],
  [/^must not be empty$/, 'vEmpty', []],
  [/^must be at most (\d+) characters$/, 'vTooLong', ['n']],
  [/^must have at most (\d+) entries \(has (\d+|\?)\)$/, 'vMaxEntries', ['n', 'has']],
  [/^must have at most (\d+) characters \(has (\d+|\?)\)$/, 'vMaxChars', ['n', 'has']],
  [/^(.+) looks like a placeholder, not a real text$/s, 'vPlaceholder', ['text']],
  [/^(.+) is empty once case, spaces and punctuation are ignored$/s, 'vEmptyAnswer', ['text']],
  [/^must be an object \(a question set\), got (.+)$/s, 'vNotASet', ['got']],
]

/** The code and parameters of a validator message, or null when its shape is not one listed. */
export function codeValidatorMessage(message: string): Coded | null {
  for (const [shape, code, names] of SHAPES) {
    const m = shape.exec(message)
    if (m === null) continue
    if (names.length === 0) return { code }
    return { code, params: Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ''])) }
  }
  return null
}
