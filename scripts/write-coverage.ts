/**
 * `npm run coverage:questions`: rewrites the coverage table in questions/README.md (between
 * `<!-- coverage:start -->` and `<!-- coverage:end -->`), creating the README when absent.
 * Sets with problems are left out of the table (and named); fix them with `npm run check:questions`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { coverageMarkdown, coverageTable, replaceCoverageSection, uncoveredParagraphs } from '../src/domain/content/coverage'
import { README_PATH, README_TEMPLATE, articleParagraphs, loadBank } from './load-questions'

const paragraphs = articleParagraphs()
if (paragraphs === null) {
  console.error('coverage: the article ../shared/source/article.zh.txt is missing')
  process.exit(1)
}
const { sets, errors } = loadBank()
if (errors.length > 0) {
  const files = [...new Set(errors.map((e) => e.file))]
  console.warn(`coverage: ${files.join(', ')} left out (problems; run npm run check:questions)`)
}
const rows = coverageTable(sets, paragraphs)
const before = existsSync(README_PATH) ? readFileSync(README_PATH, 'utf8') : README_TEMPLATE
const after = replaceCoverageSection(before, coverageMarkdown(rows))
if (after !== before || !existsSync(README_PATH)) writeFileSync(README_PATH, after)
const missing = uncoveredParagraphs(rows)
console.log(
  `questions/README.md: ${rows.length - missing.length} of ${rows.length} paragraphs cited` +
    (missing.length > 0 ? `; not yet: ${missing.join(', ')}` : ''),
)
