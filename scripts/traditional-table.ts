/**
 * The traditional → simplified table the typed-answer grader folds with (src/domain/content/traditional.ts; its data,
 * traditionalPairs.ts, is what this writes),
 * built from opencc-js's character dictionary for the characters the built-in bank's typed answers
 * are written with: every Han character of a blank question's prompt, answer and accepted forms.
 * A fold only matters where it can make two texts equal, and one side is always one of those forms.
 * `npm run traditional:questions` writes the file; scripts/traditional-table.test.ts fails when it is stale.
 */
import TS_CHARACTERS from 'opencc-js/dict/TSCharacters'
import type { QuestionSet } from '../src/domain/content/schema'

const HAN = /\p{Script=Han}/u

/** The Han characters of the bank's typed blanks (prompt, answer and accepted forms). */
export function blankCharacters(sets: readonly QuestionSet[]): Set<string> {
  const chars = new Set<string>()
  for (const set of sets)
    for (const q of set.questions) {
      if (q.type !== 'blank') continue
      for (const text of [q.prompt.zh, q.prompt.en, q.answer.zh, q.answer.en, ...(q.accepted ?? [])])
        for (const ch of text) if (HAN.test(ch)) chars.add(ch)
    }
  return chars
}

/**
 * "傳传億亿…": each traditional character followed by its simplified one, for every simplified
 * character in `chars`, in code point order. A traditional character that is itself one of `chars`
 * is left out (乾 is also simplified, as in 乾坤): folding it would change a form's own text.
 */
export function traditionalPairs(chars: ReadonlySet<string>): string {
  const pairs: [string, string][] = []
  for (const entry of TS_CHARACTERS.split('|')) {
    const [traditional, candidates] = entry.split(' ', 2) as [string, string | undefined]
    const simplified = candidates?.split(' ')[0]
    if (simplified === undefined || [...traditional].length !== 1 || traditional === simplified) continue
    if (chars.has(simplified) && !chars.has(traditional)) pairs.push([traditional, simplified])
  }
  pairs.sort((a, b) => a[0].codePointAt(0)! - b[0].codePointAt(0)!)
  return pairs.map(([t, s]) => t + s).join('')
}

/** The generated data module's text, as committed (src/domain/content/traditionalPairs.ts). */
export function traditionalModule(pairs: string): string {
  return `/**
 * Traditional characters, each followed by its simplified form, for every character of the
 * built-in bank's typed answers and their prompts (see traditional.ts). Generated from opencc-js's
 * character dictionary (Apache-2.0) by \`npm run traditional:questions\`; do not edit by hand.
 */
export const TRADITIONAL_PAIRS = '${pairs}'
`
}
