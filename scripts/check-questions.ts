/**
 * `npm run check:questions`: validates the whole question bank (shape, rules, cross-set ids)
 * and prints every problem, one per line. Exit 1 on any problem, or when there is no set.
 */
import { relative } from 'node:path'
import { formatError } from '../src/domain/content/validate'
import { loadBank, QUESTIONS_DIR } from './load-questions'

const { sets, errors } = loadBank(QUESTIONS_DIR)

for (const e of errors) console.log(formatError(e))

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
if (errors.length > 0) {
  const broken = new Set(errors.map((e) => e.file)).size
  console.log(`${plural(errors.length, 'problem')} in ${plural(broken, 'file')}`)
  process.exit(1)
}
if (sets.length === 0) {
  console.log(`no question sets in ${relative(process.cwd(), QUESTIONS_DIR) || '.'}/ (expected *.json files)`)
  process.exit(1)
}
const questions = sets.reduce((n, s) => n + s.questions.length, 0)
console.log(`${plural(sets.length, 'set')}, ${plural(questions, 'question')}: OK`)
