/**
 * The article map: the article walked paragraph by paragraph, in our own words (the full text
 * is not ours to ship). questions/map/article-map.json holds a one-line summary of each
 * paragraph; this module checks it and joins it with the questions and the learner's progress.
 * Pure: the map, the bank and the progress come in as plain data.
 */
import * as v from 'valibot'
import { LocalizedSchema, type Localized, type Question } from '../content/schema'

export const MAP_KINDS = ['title', 'heading', 'text', 'source'] as const
export type ParagraphKind = (typeof MAP_KINDS)[number]

const ParagraphSchema = v.strictObject({
  n: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  kind: v.picklist(MAP_KINDS, `must be one of ${MAP_KINDS.join(', ')}`),
  summary: LocalizedSchema,
})

export const ArticleMapSchema = v.object({
  paragraphs: v.array(ParagraphSchema),
})

export type ArticleMap = v.InferOutput<typeof ArticleMapSchema>

/**
 * The map, checked: its shape, and one entry for each paragraph 1..`paragraphCount`, in order.
 * Every problem is listed with where it is.
 */
export function parseArticleMap(data: unknown, paragraphCount: number): { map: ArticleMap; errors: [] } | { map: null; errors: string[] } {
  const parsed = v.safeParse(ArticleMapSchema, data)
  if (!parsed.success) {
    return { map: null, errors: parsed.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`) }
  }
  const errors: string[] = []
  const ns = parsed.output.paragraphs.map((p) => p.n)
  for (let n = 1; n <= paragraphCount; n++) if (ns[n - 1] !== n) errors.push(`paragraphs[${n - 1}]: expected paragraph ${n}, found ${ns[n - 1] ?? 'nothing'}`)
  if (ns.length > paragraphCount) errors.push(`paragraphs: ${ns.length} entries, the article has ${paragraphCount} paragraphs`)
  if (parsed.output.paragraphs[0]?.kind !== 'title') errors.push('paragraphs[0].kind: the first paragraph is the title')
  return errors.length ? { map: null, errors } : { map: parsed.output, errors: [] }
}

/** The learner's standing on a question. */
export type Mastery = 'new' | 'learning' | 'mastered' | 'notebook'

export interface MapQuestion {
  id: string
  setId: string
  prompt: Localized
  mastery: Mastery
}

export interface MapRow {
  n: number
  kind: ParagraphKind
  summary: Localized
  /** The short quotes that questions citing only this paragraph take from it, each once. */
  quotes: string[]
  questions: MapQuestion[]
}

export interface MapSection {
  /** The heading paragraph that opens the section (the title for the first). */
  heading: MapRow
  rows: MapRow[]
}

export interface Progress {
  /** Card by question id: its state (0 new … 2 review) and stability in days. */
  cards: ReadonlyMap<string, { state: number; stability: number }>
  /** Questions in the notebook, not yet cleared. */
  notebook: ReadonlySet<string>
  /** Stability from which a reviewed card counts as mastered. */
  matureDays: number
}

export function masteryOf(id: string, p: Progress): Mastery {
  if (p.notebook.has(id)) return 'notebook'
  const card = p.cards.get(id)
  if (!card || card.state === 0) return 'new'
  return card.state === 2 && card.stability >= p.matureDays ? 'mastered' : 'learning'
}

/**
 * Sections of the map, each paragraph with the questions that cite it (a question citing several
 * paragraphs is listed under each) and the quotes they cite from it.
 */
export function buildMap(
  map: ArticleMap,
  bank: readonly { question: Question; setId: string }[],
  progress: Progress,
): MapSection[] {
  const rows: MapRow[] = map.paragraphs.map((p) => ({ n: p.n, kind: p.kind, summary: p.summary, quotes: [], questions: [] }))
  for (const { question, setId } of bank) {
    const src = question.source
    if (!src) continue
    const paragraphs = [src.paragraph].flat()
    const quotes = [src.quote].flat()
    const mastery = masteryOf(question.id, progress)
    for (const n of paragraphs) {
      const row = rows[n - 1]
      if (!row) continue
      row.questions.push({ id: question.id, setId, prompt: question.prompt, mastery })
      // A quote is shown under the paragraph it comes from, which is certain only when the
      // question cites one paragraph (the article's text, which would tell, is not shipped).
      if (paragraphs.length === 1) for (const q of quotes) if (!row.quotes.includes(q)) row.quotes.push(q)
    }
  }
  // A quote inside a longer one on the same paragraph says nothing more: keep the longer.
  for (const row of rows) row.quotes = row.quotes.filter((q) => !row.quotes.some((o) => o !== q && o.includes(q)))
  const sections: MapSection[] = []
  for (const row of rows) {
    if (row.kind === 'title' || row.kind === 'heading' || sections.length === 0) sections.push({ heading: row, rows: [] })
    else sections[sections.length - 1]!.rows.push(row)
  }
  return sections
}

/** How many of a paragraph's questions are at each level of mastery. */
export function masteryCounts(questions: readonly MapQuestion[]): Record<Mastery, number> {
  const counts: Record<Mastery, number> = { new: 0, learning: 0, mastered: 0, notebook: 0 }
  for (const q of questions) counts[q.mastery]++
  return counts
}
