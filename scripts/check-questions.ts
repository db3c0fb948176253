/**
 * `npm run check:questions`: validates the whole question bank (shape, rules, cross-set ids),
 * then the editorial rules (scripts/editorial-rules.ts: Chinese punctuation, true/false balance,
 * the glossary in questions/GLOSSARY.md), and prints every problem, one per line.
 * Exit 1 on any problem, or when there is no set.
 */
import { existsSync, readFileSync } from 'node:fs'
import { relative } from 'node:path'
import { formatError } from '../src/domain/content/validate.ts'
import type { ContentError } from '../src/domain/content/validate.ts'
import { editorialProblems, parseGlossary } from './editorial-rules.ts'
import { ARTICLE_PATH, articleParagraphs, GLOSSARY_PATH, loadBank, QUESTIONS_DIR } from './load-questions.ts'

const { files, sets, errors } = loadBank(QUESTIONS_DIR)
const problems: ContentError[] = [...errors]
// The article is not part of this repository: without it, paragraph numbers are checked against
// the app's own paragraph count, and the quotes only by the grounding check beside the article.
if (articleParagraphs(ARTICLE_PATH) === null) {
  console.log(`article not found at ${relative(process.cwd(), ARTICLE_PATH)}: skipped the paragraph count check against it (numbers are bounded by the app's own count)`)
}

const glossaryFile = relative(process.cwd(), GLOSSARY_PATH) || 'GLOSSARY.md'
if (!existsSync(GLOSSARY_PATH)) {
  problems.push({ file: glossaryFile, path: '', message: 'missing: it lists one English rendering per heading and key term' })
} else {
  const { terms, problems: glossaryProblems } = parseGlossary(readFileSync(GLOSSARY_PATH, 'utf8'))
  for (const message of glossaryProblems) problems.push({ file: glossaryFile, path: '', message })
  const fileOf = (setId: string): string =>
    files.find((f) => (f.data as { id?: unknown } | null)?.id === setId)?.file ?? `questions/${setId}.json`
  problems.push(...editorialProblems(sets, fileOf, terms))
}

for (const e of problems) console.log(formatError(e))

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
if (problems.length > 0) {
  const broken = new Set(problems.map((e) => e.file)).size
  console.log(`${plural(problems.length, 'problem')} in ${plural(broken, 'file')}`)
  process.exit(1)
}
if (sets.length === 0) {
  console.log(`no question sets in ${relative(process.cwd(), QUESTIONS_DIR) || '.'}/ (expected *.json files)`)
  process.exit(1)
}
const questions = sets.reduce((n, s) => n + s.questions.length, 0)
console.log(`${plural(sets.length, 'set')}, ${plural(questions, 'question')}: OK`)
