import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  COVERAGE_END,
  COVERAGE_START,
  coverageMarkdown,
  coverageSection,
  coverageTable,
  paragraphLabel,
  replaceCoverageSection,
  uncoveredParagraphs,
} from '../src/domain/content/coverage'
import type { QuestionSet } from '../src/domain/content/schema'
import { formatError } from '../src/domain/content/validate'
import { README_PATH, articleParagraphCount, articleParagraphs, loadBank, loadQuestionFiles, questionFileNames } from './load-questions'

const t = (zh: string, en: string) => ({ zh, en })
const q = (id: string, paragraph?: number | number[]) => ({
  id,
  type: 'truefalse' as const,
  prompt: t('对吗?', 'True?'),
  explanation: t('对。', 'Yes.'),
  answer: true,
  ...(paragraph === undefined ? {} : { source: { paragraph, quote: '示例' } }),
})
const set = (id: string, questions: ReturnType<typeof q>[]): QuestionSet => ({
  id,
  title: t('题组', 'Set'),
  keyPoints: [t('要点', 'Point')],
  questions,
})

describe('coverageTable', () => {
  const paragraphs = ['标题', '第二段的文字,比二十个字符还要长得多得多得多的一段文字。', '来源:某处']

  it('lists, for every paragraph, the questions citing it', () => {
    const rows = coverageTable(
      [set('a', [q('a-1', 1), q('a-2', [1, 2]), q('a-3')]), set('b', [q('b-1', 2), q('b-2', [2, 2]), q('b-3', 9)])],
      paragraphs,
    )
    expect(rows).toEqual([
      { paragraph: 1, label: '标题', questionIds: ['a-1', 'a-2'] },
      { paragraph: 2, label: '第二段的文字,比二十个字符还要长得多得多…', questionIds: ['a-2', 'b-1', 'b-2'] },
      { paragraph: 3, label: '来源:某处', questionIds: [] },
    ])
    expect(uncoveredParagraphs(rows)).toEqual([3])
  })

  it('keeps labels under 30 characters (the grounding check flags 30 copied characters)', () => {
    const label = paragraphLabel('一'.repeat(100))
    expect([...label]).toHaveLength(21)
    expect(label.endsWith('…')).toBe(true)
  })

  it('renders a Markdown table and replaces only the marked section', () => {
    const table = coverageMarkdown(coverageTable([set('a', [q('a-1', 1)])], ['A | B', 'C']))
    expect(table).toBe(
      [
        '1 of 2 paragraphs are cited by at least one question.',
        '',
        '| ¶ | Paragraph begins | Questions |',
        '| ---: | --- | --- |',
        '| 1 | A \\| B | `a-1` |',
        '| 2 | C | **none** |',
      ].join('\n'),
    )
    const doc = `# Guide\n\ntext\n\n${COVERAGE_START}\nold\n${COVERAGE_END}\n\nafter\n`
    const updated = replaceCoverageSection(doc, table)
    expect(updated).toBe(`# Guide\n\ntext\n\n${COVERAGE_START}\n${table}\n${COVERAGE_END}\n\nafter\n`)
    expect(coverageSection(updated)).toBe(table)
    expect(replaceCoverageSection('# Guide\n', 'T')).toBe(`# Guide\n\n${COVERAGE_START}\nT\n${COVERAGE_END}\n`)
  })
})

// The loader (scripts/load-questions.ts) lives with these Node-side tests: src/ tests are
// type-checked without Node's types.
describe('loadQuestionFiles', () => {
  it('reads *.json except *.schema.json, sorted, and reports invalid JSON with line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'questions-'))
    try {
      writeFileSync(join(dir, 'b.json'), '{\n  "id": "b",\n  "title": tru\n}\n')
      writeFileSync(join(dir, 'c.json'), JSON.stringify(set('c', [q('c-1', 1)])))
      writeFileSync(join(dir, 'a.json'), '\uFEFF{"id": "a"}')
      writeFileSync(join(dir, 'question-set.schema.json'), '{ not json')
      writeFileSync(join(dir, 'notes.md'), '# notes')
      const { files, errors } = loadQuestionFiles(dir)
      const label = basename(dir)
      expect(files.map((f) => f.file)).toEqual([`${label}/a.json`, `${label}/c.json`])
      expect(files[0]!.data).toEqual({ id: 'a' })
      expect(errors.map(formatError)).toEqual([`${label}/b.json: invalid JSON at line 3, column 12: unexpected "t"`])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('gives no files for a missing folder', () => {
    expect(loadQuestionFiles(join(tmpdir(), 'no-such-questions-dir-xyz'))).toEqual({ files: [], errors: [] })
  })

  it('counts the article paragraphs, or falls back to 39', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-'))
    try {
      writeFileSync(join(dir, 'a.txt'), 'title\n\n  \nfirst\r\nsecond\n')
      expect(articleParagraphCount(join(dir, 'a.txt'))).toBe(3)
      expect(articleParagraphCount(join(dir, 'missing.txt'))).toBe(39)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

// The real bank: runs whenever question files exist, and always in CI (where the bank must exist).
const paragraphs = articleParagraphs()
const hasBank = questionFileNames().length > 0
describe.skipIf(!hasBank && !process.env.CI)('questions/README.md coverage of the real bank', () => {
  it('has question files', () => {
    expect(questionFileNames().length, 'no questions/*.json').toBeGreaterThan(0)
  })

  // A clone without ../shared has no article text: the paragraph labels cannot be rebuilt then,
  // so the comparison ignores that column, and the paragraph count falls back to the known 39.
  const withoutLabels = (table: string | null) => (table ?? '').replace(/^(\| *\d+ *\|)[^|]*\|/gm, '$1|')

  it('is up to date and every paragraph has a question', () => {
    const { sets, errors } = loadBank()
    expect(errors.map(formatError), 'the bank has problems: run npm run check:questions').toEqual([])
    const rows = coverageTable(sets, paragraphs ?? Array.from({ length: articleParagraphCount() }, () => ''))
    const readme = existsSync(README_PATH) ? readFileSync(README_PATH, 'utf8') : ''
    const stale = paragraphs
      ? coverageSection(readme) !== coverageMarkdown(rows)
      : withoutLabels(coverageSection(readme)) !== withoutLabels(coverageMarkdown(rows))
    if (stale) throw new Error('the coverage table in questions/README.md is stale: run `npm run coverage:questions`')
    expect(uncoveredParagraphs(rows), 'paragraphs no question cites (source.paragraph)').toEqual([])
  })
})
