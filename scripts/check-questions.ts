/**
 * `npm run check:questions`: validates the whole question bank (shape, rules, cross-set ids)
 * and prints every problem, one per line. Exit 1 on any problem, or when there is no set.
 */
import { relative } from 'node:path'
import { formatError } from '../src/domain/content/validate'
import { ARTICLE_PATH, articleParagraphs, loadBank, QUESTIONS_DIR } from './load-questions'

const { sets, errors } = loadBank(QUESTIONS_DIR)
// The article is not part of this repository: without it, paragraph numbers are checked against
// the app's own paragraph count, and the quotes only by the grounding check beside the article.
if (articleParagraphs(ARTICLE_PATH) === null) {
  console.log(`article not found at ${relative(process.cwd(), ARTICLE_PATH)}: skipped the paragraph count check against it (numbers are bounded by the app's own count)`)
}

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
