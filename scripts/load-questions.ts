/**
 * Reading the question bank from disk (Node only): used by the check and coverage scripts,
 * the tests and the Vite plugin (build/questions-plugin.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ARTICLE } from '../src/domain/content/article.ts'
import type { QuestionSet } from '../src/domain/content/schema.ts'
import { parseSetJson, validateBank } from '../src/domain/content/validate.ts'
import type { BankFile, ContentError } from '../src/domain/content/validate.ts'

/** The project's questions/ folder. */
export const QUESTIONS_DIR = fileURLToPath(new URL('../questions', import.meta.url))
/** The source article beside the project (../shared/source/article.zh.txt). */
export const ARTICLE_PATH = fileURLToPath(new URL('../../shared/source/article.zh.txt', import.meta.url))

export interface LoadedFile extends BankFile {
  /** Absolute path on disk. */
  path: string
}

export interface LoadResult {
  /** Every set file that is valid JSON, sorted by name; `file` reads `questions/<name>.json`. */
  files: LoadedFile[]
  /** One per file that is not valid JSON: `invalid JSON at line 12, column 5: ...`. */
  errors: ContentError[]
}

/** The set files of a folder: every `*.json` except `*.schema.json`, sorted by name. */
export function questionFileNames(dir: string = QUESTIONS_DIR): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.schema.json'))
    .map((e) => e.name)
    .sort()
}

/** Reads and parses every set file of `dir`; invalid JSON is reported with its line and column. */
export function loadQuestionFiles(dir: string = QUESTIONS_DIR): LoadResult {
  const files: LoadedFile[] = []
  const errors: ContentError[] = []
  const label = basename(dir)
  for (const name of questionFileNames(dir)) {
    const path = join(dir, name)
    const file = `${label}/${name}`
    const parsed = parseSetJson(file, readFileSync(path, 'utf8'))
    if (parsed.ok) files.push({ file, path, data: parsed.data })
    else errors.push(parsed.error)
  }
  return { files, errors }
}

/** The article's non-empty lines (paragraph n is index n - 1), or null when the file is absent. */
export function articleParagraphs(path: string = ARTICLE_PATH): string[] | null {
  if (!existsSync(path)) return null
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/**
 * How many paragraphs source.paragraph may point to: counted from the article when a path is
 * given and the file is there, else the app's own count (ARTICLE.paragraphCount).
 */
export function articleParagraphCount(path: string | null = ARTICLE_PATH): number {
  return (path === null ? null : articleParagraphs(path))?.length ?? ARTICLE.paragraphCount
}

/** Loads and validates the whole bank: JSON problems first, then validateBank's. */
export function loadBank(
  dir: string = QUESTIONS_DIR,
  articlePath: string | null = ARTICLE_PATH,
): { files: LoadedFile[]; sets: QuestionSet[]; errors: ContentError[] } {
  const { files, errors: loadErrors } = loadQuestionFiles(dir)
  const { sets, errors } = validateBank(files, { paragraphCount: articleParagraphCount(articlePath) })
  return { files, sets, errors: [...loadErrors, ...errors] }
}

/** questions/GLOSSARY.md: one English rendering per heading and key term (checked by check:questions). */
export const GLOSSARY_PATH = fileURLToPath(new URL('../questions/GLOSSARY.md', import.meta.url))

/** questions/README.md: the authors' guide, ending with the coverage table. */
export const README_PATH = fileURLToPath(new URL('../questions/README.md', import.meta.url))

/** What questions/README.md starts as when it does not exist yet. */
export const README_TEMPLATE = `# Question bank

Each quiz set is one JSON file here, \`questions/<set-id>.json\`, grounded in the article
\`../shared/source/article.zh.txt\`. The full field reference and examples are in
[FORMAT.md](FORMAT.md); the writing rules in \`../shared/docs/CONTENT.md\`.

## Fields in short

- Set: \`id\` (kebab-case, never renamed), \`order\`, \`title\` {zh,en}, \`description\`,
  \`keyPoints\` [{zh,en}], \`questions\` [...]; start the file with
  \`"$schema": "./question-set.schema.json"\` for completion and checks in your editor.
- Question: \`id\` (prefixed with the set id, unique across all sets), \`type\` (single, multiple,
  truefalse, blank, numeric, ordering, matching, flashcard), \`prompt\` and \`explanation\`
  {zh,en}, \`source\` {\`paragraph\`, \`quote\`}, optional \`tags\`, plus the fields of its type.
- Every learner-facing string has both \`zh\` and \`en\`.

## Check your work

\`\`\`sh
npm run check:questions                               # shape and rules, every problem with its place
node ../shared/tools/check-grounding.mjs questions    # quotes verbatim in their paragraph; no copying
\`\`\`

A message reads \`questions/<file> › <question id> › <field>: <problem>\`. \`vite build\` and
\`npm test\` fail on the same problems.

## Regenerate

- \`npm run schema:questions\` rewrites \`question-set.schema.json\` after a change to
  \`src/domain/content/schema.ts\` (a test fails while it is stale).
- \`npm run coverage:questions\` rewrites the table below: which questions cite each paragraph
  of the article. A test fails while it is stale or while a paragraph has no question.

## Coverage

<!-- coverage:start -->
<!-- coverage:end -->
`
