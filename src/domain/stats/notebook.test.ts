import { describe, expect, it } from 'vitest'
import type { Question } from '../content/schema'
import { filterNotebook, joinNotebook, NO_FILTER, notebookFacets } from './notebook'

const L = (s: string) => ({ zh: s, en: s })
const tf = (id: string, tags?: string[]): Question => ({ id, type: 'truefalse', prompt: L(id), explanation: L('e'), answer: true, ...(tags ? { tags } : {}) })
const card = (id: string, tags?: string[]): Question => ({ id, type: 'flashcard', prompt: L(id), explanation: L('e'), back: L('b'), ...(tags ? { tags } : {}) })

const index = new Map([
  ['a1', { question: tf('a1', ['money']), setId: 'a' }],
  ['a2', { question: card('a2', ['people', 'money']), setId: 'a' }],
  ['b1', { question: tf('b1'), setId: 'b' }],
])
const entry = (questionId: string, missCount: number, lastWrongAt: number, setId = 'old') => ({ questionId, missCount, lastWrongAt, setId })
const entries = [entry('a1', 1, 300), entry('a2', 3, 100), entry('b1', 3, 200), entry('gone', 9, 999)]
const rows = joinNotebook(entries, index)

describe('joinNotebook', () => {
  it('skips questions no longer in the bank and takes the set from the bank', () => {
    expect(rows.map((r) => r.entry.questionId)).toEqual(['a1', 'a2', 'b1'])
    expect(rows.map((r) => r.setId)).toEqual(['a', 'a', 'b'])
  })
})

describe('filterNotebook', () => {
  const ids = (f: Partial<typeof NO_FILTER>) => filterNotebook(rows, { ...NO_FILTER, ...f }).map((r) => r.entry.questionId)

  it('sorts by misses, then by the latest miss', () => {
    expect(ids({ sort: 'missed' })).toEqual(['b1', 'a2', 'a1'])
  })

  it('sorts by the latest miss', () => {
    expect(ids({ sort: 'recent' })).toEqual(['a1', 'b1', 'a2'])
  })

  it('filters by set, tag and type together', () => {
    expect(ids({ setId: 'a' })).toEqual(['a2', 'a1'])
    expect(ids({ tag: 'money' })).toEqual(['a2', 'a1'])
    expect(ids({ tag: 'people' })).toEqual(['a2'])
    expect(ids({ type: 'truefalse' })).toEqual(['b1', 'a1'])
    expect(ids({ setId: 'a', type: 'truefalse', tag: 'money' })).toEqual(['a1'])
    expect(ids({ setId: 'b', tag: 'money' })).toEqual([])
  })

  it('does not reorder its input', () => {
    filterNotebook(rows, NO_FILTER)
    expect(rows.map((r) => r.entry.questionId)).toEqual(['a1', 'a2', 'b1'])
  })

  it('handles an empty notebook', () => {
    expect(filterNotebook([], NO_FILTER)).toEqual([])
    expect(notebookFacets([])).toEqual({ setIds: [], tags: [], types: [] })
  })
})

describe('notebookFacets', () => {
  it('offers the sets, tags and types that occur', () => {
    expect(notebookFacets(rows)).toEqual({ setIds: ['a', 'b'], tags: ['money', 'people'], types: ['truefalse', 'flashcard'] })
  })
})
