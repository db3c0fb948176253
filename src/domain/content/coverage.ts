/**
 * Which questions cite which paragraph of the article (source.paragraph), as the table kept in
 * questions/README.md between the coverage markers (`npm run coverage:questions`).
 */
import type { QuestionSet } from './schema.ts'

export interface CoverageRow {
  /** 1-based, as in source.paragraph. */
  paragraph: number
  /** The paragraph's first characters (at most 20, then "…"): short enough never to count as copying. */
  label: string
  /** Ids of the questions that cite the paragraph, in bank order. */
  questionIds: string[]
}

export const COVERAGE_START = '<!-- coverage:start -->'
export const COVERAGE_END = '<!-- coverage:end -->'
export const LABEL_CHARS = 20

/** At most LABEL_CHARS characters (code points) of the paragraph, plus "…" when cut. */
export function paragraphLabel(paragraph: string): string {
  const chars = [...paragraph.trim().replace(/\s+/g, ' ')]
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS).join('')}…` : chars.join('')
}

/** One row per paragraph (paragraphs[n - 1] is paragraph n), with the questions citing it. */
export function coverageTable(sets: readonly QuestionSet[], paragraphs: readonly string[]): CoverageRow[] {
  const rows: CoverageRow[] = paragraphs.map((p, i) => ({ paragraph: i + 1, label: paragraphLabel(p), questionIds: [] }))
  for (const set of sets) {
    for (const q of set.questions) {
      if (q.source === undefined) continue
      const cited = new Set(Array.isArray(q.source.paragraph) ? q.source.paragraph : [q.source.paragraph])
      for (const n of cited) rows[n - 1]?.questionIds.push(q.id)
    }
  }
  return rows
}

/** Paragraph numbers that no question cites. */
export function uncoveredParagraphs(rows: readonly CoverageRow[]): number[] {
  return rows.filter((r) => r.questionIds.length === 0).map((r) => r.paragraph)
}

const cell = (s: string): string => s.replace(/\|/g, '\\|')

/** The Markdown table (with a one-line summary) that goes between the markers. */
export function coverageMarkdown(rows: readonly CoverageRow[]): string {
  const covered = rows.length - uncoveredParagraphs(rows).length
  const lines = [
    `${covered} of ${rows.length} paragraphs are cited by at least one question.`,
    '',
    '| ¶ | Paragraph begins | Questions |',
    '| ---: | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.paragraph} | ${cell(r.label)} | ${r.questionIds.length === 0 ? '**none**' : r.questionIds.map((id) => `\`${id}\``).join(', ')} |`,
    ),
  ]
  return lines.join('\n')
}

/**
 * `document` with the text between the coverage markers replaced by `table`; the markers are
 * appended when missing.
 */
export function replaceCoverageSection(document: string, table: string): string {
  const block = `${COVERAGE_START}\n${table}\n${COVERAGE_END}`
  const start = document.indexOf(COVERAGE_START)
  const end = document.indexOf(COVERAGE_END, start + COVERAGE_START.length)
  if (start === -1 || end === -1) return `${document.replace(/\s*$/, '')}\n\n${block}\n`
  return document.slice(0, start) + block + document.slice(end + COVERAGE_END.length)
}

/** The text between the markers, or null when they are missing. */
export function coverageSection(document: string): string | null {
  const start = document.indexOf(COVERAGE_START)
  const end = document.indexOf(COVERAGE_END, start + COVERAGE_START.length)
  if (start === -1 || end === -1) return null
  return document.slice(start + COVERAGE_START.length, end).replace(/^\n/, '').replace(/\n$/, '')
}
