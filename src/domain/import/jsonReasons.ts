/**
 * Why strict JSON stops where it does, as findJsonError words it in English
 * (src/domain/content/validate.ts), recognised by shape so the screens say it in the learner's
 * language (importJsonReason.* in src/i18n/problems). A reason not listed is shown as it is.
 */
import { fillIn, shapeOf } from './shapes'

export type JsonReasonCode =
  | 'unterminated'
  | 'controlChar'
  | 'badUnicode'
  | 'badEscape'
  | 'end'
  | 'trailingComma'
  | 'propertyName'
  | 'colon'
  | 'afterValue'
  | 'afterEntry'
  | 'afterEnd'
  | 'unexpected'
  | 'comment'

/** The reason findJsonError gives where a comment starts: JSON has none. */
export const COMMENT_REASON = 'JSON allows no comments (// … or /* … */); remove it'

/**
 * Each reason's English exactly as findJsonError words it (a `{name}` for each part that varies),
 * and what a part may hold where it is narrower than any text. The English is written here only:
 * the English screen says it from here (issueText), the Chinese one from importJsonReason.<code>
 * of src/i18n/problems/zh.ts. The first whose shape matches a reason wins.
 */
const REASONS = [
  ['unterminated', 'unterminated string'],
  ['controlChar', 'control character (such as a line break) inside a string; write it as \\n'],
  ['badUnicode', 'bad \\u escape in a string'],
  ['badEscape', 'bad escape "{escape}" in a string', { escape: '.*' }],
  ['end', 'unexpected end of file; a value is missing'],
  ['trailingComma', 'trailing comma before "{bracket}"', { bracket: '.' }],
  ['propertyName', 'expected a property name in double quotes, found {found}'],
  ['colon', 'expected ":" after the property name, found {found}'],
  ['afterValue', 'expected "," or "}" after a property value, found {found}'],
  ['afterEntry', 'expected "," or "]" after a list entry, found {found}'],
  ['afterEnd', 'unexpected {found} after the end of the JSON value'],
  ['unexpected', 'unexpected {found}'],
  ['comment', COMMENT_REASON],
] as const satisfies readonly (readonly [JsonReasonCode, string, Readonly<Record<string, string>>?])[]

/** Each reason's English, as findJsonError words it. */
export const JSON_REASON_ENGLISH: Readonly<Record<JsonReasonCode, string>> = Object.fromEntries(REASONS.map(([code, english]) => [code, english])) as Record<
  JsonReasonCode,
  string
>

const SHAPES: readonly [RegExp, JsonReasonCode, readonly string[]][] = REASONS.map(([code, english, parts]) => {
  const [shape, names] = shapeOf(english, parts)
  return [shape, code, names]
})

/** A reason in English from its code and parts: what findJsonError wrote. */
export function jsonReasonEnglish(code: JsonReasonCode, params: Readonly<Record<string, string | number>> = {}): string {
  return fillIn(JSON_REASON_ENGLISH[code], params)
}

/** The code and parts of a JSON reason, or null when its shape is not one listed. */
export function codeJsonReason(reason: string): { code: JsonReasonCode; params: Record<string, string> } | null {
  for (const [shape, code, names] of SHAPES) {
    const m = shape.exec(reason)
    if (m !== null) return { code, params: Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ''])) }
  }
  return null
}
