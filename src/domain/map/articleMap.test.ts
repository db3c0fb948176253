import { describe, expect, it } from 'vitest'
import mapJson from '../../../questions/map/article-map.json'
import { ARTICLE } from '../content/article'
import type { Question } from '../content/schema'
import { buildMap, masteryCounts, masteryOf, parseArticleMap, type Progress } from './articleMap'

const L = (s: string) => ({ zh: s, en: s })
const none: Progress = { cards: new Map(), notebook: new Set(), matureDays: 21 }

describe('questions/map/article-map.json', () => {
  it('has one summary in both languages for every paragraph of the article, in order', () => {
    const { map, errors } = parseArticleMap(mapJson, ARTICLE.paragraphCount)
    expect(errors).toEqual([])
    expect(map?.paragraphs).toHaveLength(ARTICLE.paragraphCount)
  })
})

describe('parseArticleMap', () => {
  const ok = { paragraphs: [{ n: 1, kind: 'title', summary: L('t') }, { n: 2, kind: 'text', summary: L('x') }] }
  it('accepts a complete map', () => {
    expect(parseArticleMap(ok, 2).errors).toEqual([])
  })
  it('says which paragraph is missing or out of place', () => {
    expect(parseArticleMap(ok, 3).errors).toEqual(['paragraphs[2]: expected paragraph 3, found nothing'])
    const swapped = { paragraphs: [ok.paragraphs[0], { ...ok.paragraphs[1], n: 3 }] }
    expect(parseArticleMap(swapped, 2).errors[0]).toContain('expected paragraph 2, found 3')
  })
  it('says where a summary is missing a language', () => {
    const bad = { paragraphs: [{ n: 1, kind: 'title', summary: { zh: 't' } }] }
    expect(parseArticleMap(bad, 1).errors[0]).toMatch(/^paragraphs\.0\.summary\.en: /)
  })
})

describe('buildMap', () => {
  const map = parseArticleMap(
    {
      paragraphs: [
        { n: 1, kind: 'title', summary: L('title') },
        { n: 2, kind: 'text', summary: L('two') },
        { n: 3, kind: 'heading', summary: L('head') },
        { n: 4, kind: 'text', summary: L('four') },
      ],
    },
    4,
  ).map!
  const q = (id: string, paragraph: number | number[], quote: string | string[]): { question: Question; setId: string } => ({
    setId: 's',
    question: { id, type: 'truefalse', prompt: L(id), explanation: L('e'), answer: true, source: { paragraph, quote } },
  })
  const bank = [q('a', 2, '短引'), q('b', [2, 4], ['甲', '乙']), q('c', 4, ['丙', '丙']), q('d', 2, '短')]

  it('groups paragraphs under their headings and lists each question under every paragraph it cites', () => {
    const sections = buildMap(map, bank, none)
    expect(sections.map((s) => [s.heading.n, s.rows.map((r) => r.n)])).toEqual([[1, [2]], [3, [4]]])
    expect(sections[0]!.rows[0]!.questions.map((x) => x.id)).toEqual(['a', 'b', 'd'])
    expect(sections[1]!.rows[0]!.questions.map((x) => x.id)).toEqual(['b', 'c'])
  })
  it('shows a quote only under the one paragraph its question cites, once, and not inside a longer one', () => {
    const sections = buildMap(map, bank, none)
    expect(sections[0]!.rows[0]!.quotes).toEqual(['短引'])
    expect(sections[1]!.rows[0]!.quotes).toEqual(['丙'])
  })
  it('tells new, learning, mastered and in the notebook apart', () => {
    const progress: Progress = {
      cards: new Map([
        ['a', { state: 1, stability: 1 }],
        ['b', { state: 2, stability: 30 }],
        ['c', { state: 2, stability: 30 }],
      ]),
      notebook: new Set(['c']),
      matureDays: 21,
    }
    expect(['a', 'b', 'c', 'd'].map((id) => masteryOf(id, progress))).toEqual(['learning', 'mastered', 'notebook', 'new'])
    const row = buildMap(map, bank, progress)[1]!.rows[0]!
    expect(masteryCounts(row.questions)).toEqual({ new: 0, learning: 0, mastered: 1, notebook: 1 })
  })
})
