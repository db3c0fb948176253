/**
 * The messages of the shared set validator (src/domain/content/validate.ts, which the authoring
 * scripts use too and which speaks English), recognised by their shape so the import screen can
 * show them in the learner's language. A message not listed here (a new one) keeps no code and
 * is shown as it is; a test checks that every message the validator can give has a shape.
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
  [/^must have at least 1 entry \(has (\d+|\?)\)$/, 'vMinEntry', ['has']],
  [/^must have at least 1 character \(has (\d+|\?)\)$/, 'vMinChar', ['has']],
  [/^must have at least (\d+) characters \(has (\d+|\?)\)$/, 'vMinChars', ['n', 'has']],
  [/^(.+) looks like a placeholder, not a real text$/s, 'vPlaceholder', ['text']],
  [/^(.+) is empty once case, spaces and punctuation are ignored$/s, 'vEmptyAnswer', ['text']],
  [/^must be an object \(a question set\), got (.+)$/s, 'vNotASet', ['got']],
  [/^must be (\S+) or more$/, 'vAtLeast', ['n']],
  [/^must be a whole number$/, 'vWhole', []],
  [/^must not be negative$/, 'vNotNegative', []],
  [/^must be lowercase kebab-case \(a-z, 0-9 and single hyphens\)$/, 'vKebab', []],
  [/^needs at least (\d+) choices$/, 'vNeedsChoices', ['n']],
  [/^needs at least (\d+) items$/, 'vNeedsItems', ['n']],
  [/^needs at least (\d+) pairs$/, 'vNeedsPairs', ['n']],
  [/^needs at least one key point$/, 'vNeedsKeyPoint', []],
  [/^needs at least one question$/, 'vNeedsQuestion', []],
  [/^(.+) is already used by (\w+)\[(\d+)\]$/s, 'vIdUsed', ['id', 'list', 'index']],
  [/^same text as (\S+) \((.+)\)$/s, 'vSameText', ['other', 'text']],
  [/^(.+) is not one of the choices \((.*)\)$/s, 'vNotAChoice', ['value', 'list']],
  [/^(.+) is listed twice$/s, 'vListedTwice', ['value']],
  [/^needs at least 2 correct choices, has (\d+) \(use type "single" for one correct answer\)$/, 'vNeedsTwoCorrect', ['has']],
  [/^every choice is marked correct; at least 1 choice must be wrong$/, 'vAllCorrect', []],
  [/^(.+) is not one of the items$/s, 'vNotAnItem', ['value']],
  [/^leaves out (.+); the answer must list every item exactly once$/s, 'vLeavesOut', ['list']],
  [/^tolerance (\S+) must be smaller than the value (\S+)$/, 'vToleranceTooBig', ['tolerance', 'value']],
  [/^tolerance (\S+) is too loose for value (\S+) \(max 10% = (\S+)\)$/, 'vToleranceLoose', ['tolerance', 'value', 'max']],
  [/^the answer as learners see it, (.+), is not graded right; give value in plain units \(300亿 is 30000000000\) and the same unit in zh and en$/s, 'vNumericShown', ['shown']],
  [/^(.+) repeats (.+) \(matching ignores case, width, spaces and punctuation\)$/s, 'vRepeats', ['form', 'other']],
  [/^(.+) reads as the number (\S+), but (\S+) (.+) reads as (\S+): the forms of one blank must name the same answer$/s, 'vBlankNumbers', ['form', 'value', 'path', 'other', 'otherValue']],
  [/^(.+) is already the id of questions\[(\d+)\] in this set$/s, 'vDuplicateQuestionId', ['id', 'index']],
  // Last: the more specific "must be …" shapes above come first.
  [/^must be (.+), got (.+)$/s, 'vWrongType', ['expected', 'got']],
]

/**
 * The validator's words for a kind of value ("a list", "a string or a number"), as a token the
 * screen translates (`kind:list`, `kind:string|number`: see VALUE_KIND in ImportIssues.vue);
 * anything else (a quoted text, a number) is data and stays as it is.
 */
const KIND_WORDS: readonly [string, string][] = [
  ['a string', 'string'],
  ['a number', 'number'],
  ['true or false', 'boolean'],
  ['an object', 'object'],
  ['a list', 'list'],
  ['nothing', 'nothing'],
]

export const KIND_TOKEN = 'kind:'

function kindToken(words: string): string | null {
  const kinds: string[] = []
  let rest = words
  while (rest !== '') {
    const hit = KIND_WORDS.find(([w]) => rest === w || rest.startsWith(`${w} or `))
    if (!hit) return null
    kinds.push(hit[1])
    rest = rest.slice(hit[0].length).replace(/^ or /, '')
  }
  return kinds.length > 0 ? KIND_TOKEN + kinds.join('|') : null
}

/** Parameters that name a kind of value. */
const KIND_PARAMS = new Set(['expected', 'got'])

/** The code and parameters of a validator message, or null when its shape is not one listed. */
export function codeValidatorMessage(message: string): Coded | null {
  for (const [shape, code, names] of SHAPES) {
    const m = shape.exec(message)
    if (m === null) continue
    if (names.length === 0) return { code }
    return {
      code,
      params: Object.fromEntries(
        names.map((name, i) => {
          const value = m[i + 1] ?? ''
          return [name, KIND_PARAMS.has(name) ? (kindToken(value) ?? value) : value]
        }),
      ),
    }
  }
  return null
}
