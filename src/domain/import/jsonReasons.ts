/**
 * Why strict JSON stops where it does, as findJsonError words it in English
 * (src/domain/content/validate.ts), recognised by shape so the screens say it in the learner's
 * language (importJsonReason.* in src/i18n/problems). A reason not listed is shown as it is.
 */

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

const SHAPES: readonly [RegExp, JsonReasonCode, readonly string[]][] = [
  [/^unterminated string$/, 'unterminated', []],
  [/^control character \(such as a line break\) inside a string; write it as \\n$/, 'controlChar', []],
  [/^bad \\u escape in a string$/, 'badUnicode', []],
  [/^bad escape "(.*)" in a string$/s, 'badEscape', ['escape']],
  [/^unexpected end of file; a value is missing$/, 'end', []],
  [/^trailing comma before "(.)"$/, 'trailingComma', ['bracket']],
  [/^expected a property name in double quotes, found (.+)$/s, 'propertyName', ['found']],
  [/^expected ":" after the property name, found (.+)$/s, 'colon', ['found']],
  [/^expected "," or "}" after a property value, found (.+)$/s, 'afterValue', ['found']],
  [/^expected "," or "]" after a list entry, found (.+)$/s, 'afterEntry', ['found']],
  [/^unexpected (.+) after the end of the JSON value$/s, 'afterEnd', ['found']],
  [/^unexpected (.+)$/s, 'unexpected', ['found']],
  [/^JSON allows no comments \(\/\/ … or \/\* … \*\/\); remove it$/, 'comment', []],
]

/** The code and parts of a JSON reason, or null when its shape is not one listed. */
export function codeJsonReason(reason: string): { code: JsonReasonCode; params: Record<string, string> } | null {
  for (const [shape, code, names] of SHAPES) {
    const m = shape.exec(reason)
    if (m !== null) return { code, params: Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ''])) }
  }
  return null
}
