/**
 * The messages of the shared set validator (src/domain/content/validate.ts and the schema, which
 * the authoring scripts use too and which speak English), recognised by their shape so the import
 * and backup screens say them in the learner's language. A broken-set corpus in
 * ImportIssues.test.ts holds every one a learner's file can raise to a code; a message not listed
 * (a rule added later) keeps no code and is shown as it is.
 */
import { QUESTION_TYPES } from '@/domain/content/schema'
import type { ImportIssue, IssueCode } from './types'

type Coded = Required<Pick<ImportIssue, 'code'>> & Pick<ImportIssue, 'params'>

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const TYPES = escape(QUESTION_TYPES.join(', '))

/** Each shape: its code and the names of its captured parts, in order. The first that matches wins. */
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
  // Ids.
  [/^(.+) is already the id of (questions\[\d+\]) in this set$/s, 'vQuestionIdUsed', ['value', 'other']],
  [/^must be lowercase kebab-case \(a-z, 0-9 and single hyphens\)$/, 'vKebab', []],
  [/^must be 1-40 letters, digits, "_" or "-"$/, 'vOptionId', []],
  [/^(.+) is already used by (\w+\[\d+\])$/s, 'vIdUsed', ['value', 'other']],
  // Lengths and counts.
  [/^needs at least one key point$/, 'vNeedsKeyPoint', []],
  [/^needs at least one question$/, 'vNeedsQuestion', []],
  [/^needs at least (\d+) choices$/, 'vNeedsChoices', ['n']],
  [/^needs at least (\d+) items$/, 'vNeedsItems', ['n']],
  [/^needs at least (\d+) pairs$/, 'vNeedsPairs', ['n']],
  [/^must have at least 1 character \(has (\d+|\?)\)$/, 'vMinOneChar', ['has']],
  [/^must have at least 1 entry \(has (\d+|\?)\)$/, 'vMinOneEntry', ['has']],
  [/^must have at least (\d+) characters \(has (\d+|\?)\)$/, 'vMinChars', ['n', 'has']],
  // Numbers and types.
  [/^must be a whole number$/, 'vWhole', []],
  [/^must be 1 or more$/, 'vOneOrMore', []],
  [/^must not be negative$/, 'vNegative', []],
  [/^must be a finite number, such as 1 or 2\.5$/, 'vFiniteExample', []],
  [/^must be a finite number, got (.+)$/s, 'vFiniteGot', ['got']],
  [/^must be (.+?), got (.+)$/s, 'vMustBe', ['expected', 'got']],
  // Answers.
  [/^same text as (\S+) \((.+)\)$/s, 'vSameText', ['other', 'text']],
  [/^(.+) is not one of the choices \((.*)\)$/s, 'vNotAChoice', ['value', 'list']],
  [/^(.+) is not one of the items$/s, 'vNotAnItem', ['value']],
  [/^(.+) is listed twice$/s, 'vListedTwice', ['value']],
  [/^needs at least 2 correct choices, has (\d+) \(use type "single" for one correct answer\)$/, 'vTwoCorrect', ['has']],
  [/^every choice is marked correct; at least 1 choice must be wrong$/, 'vAllCorrect', []],
  [/^leaves out (.+); the answer must list every item exactly once$/s, 'vLeavesOut', ['list']],
  [/^tolerance (\S+) must be smaller than the value (\S+)$/, 'vToleranceSize', ['tolerance', 'value']],
  [/^tolerance (\S+) is too loose for value (\S+) \(max 10% = (\S+)\)$/, 'vToleranceLoose', ['tolerance', 'value', 'max']],
  [
    /^the answer as learners see it, (.+), is not graded right; give value in plain units \(300亿 is 30000000000\) and the same unit in zh and en$/s,
    'vNumericShown',
    ['shown'],
  ],
  [/^(.+) repeats (\S+) \(matching ignores case, width, spaces and punctuation\)$/s, 'vRepeats', ['value', 'other']],
  [
    /^(.+) reads as the number (\S+), but (\S+) (.+) reads as (\S+): the forms of one blank must name the same answer$/s,
    'vNumberForms',
    ['value', 'n', 'other', 'form', 'm'],
  ],
]

/**
 * Words of the validator's English that stand in a message's parameters (`must be a number, got
 * a list`): the screen says them in the learner's language (importWord.* in src/i18n/problems).
 */
export const VALIDATOR_WORDS = new Map([
  ['a string', 'string'],
  ['a number', 'number'],
  ['an object', 'object'],
  ['a list', 'list'],
  ['nothing', 'nothing'],
  ['something else', 'other'],
] as const)

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
