/**
 * The messages of the shared set validator (src/domain/content/validate.ts and the schema, which
 * the authoring scripts use too and which speak English), recognised by their shape so the import
 * and backup screens say them in the learner's language. A broken-set corpus in
 * ImportIssues.test.ts holds every one a learner's file can raise to a code; a message not listed
 * (a rule added later) keeps no code and is shown as it is.
 */
// Relative, so the browser tests' message helper (e2e/helpers/i18n.ts) can load this file as it is.
import { QUESTION_TYPES } from '../content/schema'
import { escapeForShape, fillIn, shapeOf } from './shapes'
import type { ImportIssue, IssueCode } from './types'

type Coded = Required<Pick<ImportIssue, 'code'>> & Pick<ImportIssue, 'params'>

const TYPES = escapeForShape(QUESTION_TYPES.join(', '))

/** What a part of a message may hold, where it is narrower than any text. */
const NUMBER = String.raw`\d+`
const COUNT = String.raw`\d+|\?`
const WORD = String.raw`\S+`

/**
 * Each message: its code, its English exactly as the validator words it (a `{name}` for each part
 * that varies) and what a part may hold where it is narrower than any text. The English is written
 * here only: the English screen says it from here (issueText), the Chinese one from
 * importIssue.<code> of src/i18n/problems/zh.ts. The first whose shape matches a message wins.
 */
const MESSAGES = [
  ['vMissing', 'missing'],
  ['vMissingLang', 'missing — every learner-facing string needs both zh and en'],
  ['vMissingType', 'missing — must be one of {list}', { list: TYPES }],
  ['vNotAType', '{value} is not one of {list}', { list: TYPES }],
  ['vUnknownField', 'unknown field {field}', { field: '".*"' }],
  ['vEmpty', 'must not be empty'],
  ['vTooLong', 'must be at most {n} characters', { n: NUMBER }],
  ['vMaxEntries', 'must have at most {n} entries (has {has})', { n: NUMBER, has: COUNT }],
  ['vMaxChars', 'must have at most {n} characters (has {has})', { n: NUMBER, has: COUNT }],
  ['vPlaceholder', '{text} looks like a placeholder, not a real text'],
  ['vBroken', 'holds a broken character ({chars}), half of a pair cut apart; delete it or type the text again'],
  ['vInvisible', 'has nothing visible: only spaces or invisible characters ({chars}); write the text itself'],
  ['vEmptyAnswer', '{text} is empty once case, spaces and punctuation are ignored'],
  ['vNotASet', 'must be an object (a question set), got {got}'],
  // Ids.
  ['vQuestionIdUsed', '{value} is already the id of {other} in this set', { other: String.raw`questions\[\d+\]` }],
  ['vKebab', 'must be lowercase kebab-case (a-z, 0-9 and single hyphens)'],
  ['vOptionId', 'must be 1-40 letters, digits, "_" or "-"'],
  ['vIdUsed', '{value} is already used by {other}', { other: String.raw`\w+\[\d+\]` }],
  // Lengths and counts.
  ['vNeedsKeyPoint', 'needs at least one key point'],
  ['vNeedsQuestion', 'needs at least one question'],
  ['vNeedsChoices', 'needs at least {n} choices', { n: NUMBER }],
  ['vNeedsItems', 'needs at least {n} items', { n: NUMBER }],
  ['vNeedsPairs', 'needs at least {n} pairs', { n: NUMBER }],
  ['vMinOneChar', 'must have at least 1 character (has {has})', { has: COUNT }],
  ['vMinOneEntry', 'must have at least 1 entry (has {has})', { has: COUNT }],
  ['vMinChars', 'must have at least {n} characters (has {has})', { n: NUMBER, has: COUNT }],
  // Numbers and types.
  ['vWhole', 'must be a whole number'],
  ['vOneOrMore', 'must be 1 or more'],
  ['vNegative', 'must not be negative'],
  ['vFiniteExample', 'must be a finite number, such as 1 or 2.5'],
  ['vFiniteGot', 'must be a finite number, got {got}'],
  ['vMustBe', 'must be {expected}, got {got}', { expected: '.+?' }],
  // Answers.
  ['vSameText', 'same text as {other} ({text})', { other: WORD }],
  ['vNotAChoice', '{value} is not one of the choices ({list})', { list: '.*' }],
  ['vNotAnItem', '{value} is not one of the items'],
  ['vListedTwice', '{value} is listed twice'],
  ['vTwoCorrect', 'needs at least 2 correct choices, has {has} (use type "single" for one correct answer)', { has: NUMBER }],
  ['vAllCorrect', 'every choice is marked correct; at least 1 choice must be wrong'],
  ['vLeavesOut', 'leaves out {list}; the answer must list every item exactly once'],
  ['vToleranceSize', 'tolerance {tolerance} must be smaller than the value {value}', { tolerance: WORD, value: WORD }],
  ['vToleranceLoose', 'tolerance {tolerance} is too loose for value {value} (max 10% = {max})', { tolerance: WORD, value: WORD, max: WORD }],
  [
    'vNumericShown',
    'the answer as learners see it, {shown}, is not graded right; give value in plain units (300亿 is 30000000000) and the same unit in zh and en',
  ],
  ['vRepeats', '{value} repeats {other} (matching ignores case, width, spaces and punctuation)', { other: WORD }],
  [
    'vNumberForms',
    '{value} reads as the number {n}, but {other} {form} reads as {m}: the forms of one blank must name the same answer',
    { n: WORD, other: WORD, m: WORD },
  ],
] as const satisfies readonly (readonly [IssueCode, string, Readonly<Record<string, string>>?])[]

/** A code of the set validator's messages. */
export type ValidatorCode = (typeof MESSAGES)[number][0]

/** Each code's English, as the validator words it: `must have at most {n} entries (has {has})`. */
export const VALIDATOR_ENGLISH: Readonly<Record<ValidatorCode, string>> = Object.fromEntries(MESSAGES.map(([code, english]) => [code, english])) as Record<
  ValidatorCode,
  string
>

const SHAPES: readonly [RegExp, ValidatorCode, readonly string[]][] = MESSAGES.map(([code, english, parts]) => {
  const [shape, names] = shapeOf(english, parts)
  return [shape, code, names]
})

/** A validator message in English from its code and parts: what the validator wrote. */
export function validatorEnglish(code: ValidatorCode, params: Readonly<Record<string, string | number>> = {}): string {
  return fillIn(VALIDATOR_ENGLISH[code], params)
}

/** Whether a code is one of the set validator's (its English is VALIDATOR_ENGLISH's). */
export const isValidatorCode = (code: string): code is ValidatorCode => Object.hasOwn(VALIDATOR_ENGLISH, code)

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
