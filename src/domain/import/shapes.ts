/**
 * A message's shape read from its English: the text as it is, each `{name}` a captured part (any
 * text, or the pattern given for it). So the English of a message recognised by its shape (the set
 * validator's, why strict JSON stops) is written once, and the English screen says it from there.
 */

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const PART = /\{(\w+)\}/g

/** The shape of `english` and the names of its parts, in order. */
export function shapeOf(english: string, parts: Readonly<Record<string, string>> = {}): [RegExp, string[]] {
  const names: string[] = []
  let source = ''
  let at = 0
  for (const m of english.matchAll(PART)) {
    const name = m[1]!
    source += `${escape(english.slice(at, m.index))}(${parts[name] ?? '.+'})`
    names.push(name)
    at = m.index + m[0].length
  }
  source += escape(english.slice(at))
  return [new RegExp(`^${source}$`, 's'), names]
}

/** `english` with each `{name}` filled in from `params` (one not given stays as it is). */
export function fillIn(english: string, params: Readonly<Record<string, string | number>>): string {
  return english.replace(PART, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole))
}

/** A literal text inside a shape. */
export { escape as escapeForShape }
