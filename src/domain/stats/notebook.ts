/**
 * The mistake notebook's rows: entries joined with their questions, filtered and sorted.
 * Pure: entries and the question index come in as plain data.
 */
import { QUESTION_TYPES, type Question, type QuestionType } from '../content/schema'

/** The fields of a notebook entry these helpers use (db/records.ts NotebookEntry fits). */
export interface NotebookLike {
  questionId: string
  missCount: number
  lastWrongAt: number
}

export interface NotebookRow<E extends NotebookLike> {
  entry: E
  question: Question
  /** The set the question is in now (the bank's word, not the entry's). */
  setId: string
}

export type NotebookSort = 'missed' | 'recent'

export interface NotebookFilter {
  setId: string | null
  tag: string | null
  type: QuestionType | null
  sort: NotebookSort
}

export const NO_FILTER: NotebookFilter = { setId: null, tag: null, type: null, sort: 'missed' }

/** Entries with their questions; entries whose question left the bank are skipped. */
export function joinNotebook<E extends NotebookLike>(
  entries: readonly E[],
  index: ReadonlyMap<string, { question: Question; setId: string }>,
): NotebookRow<E>[] {
  const rows: NotebookRow<E>[] = []
  for (const entry of entries) {
    const hit = index.get(entry.questionId)
    if (hit) rows.push({ entry, question: hit.question, setId: hit.setId })
  }
  return rows
}

const byId = (a: NotebookLike, b: NotebookLike) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0)

/** Rows matching every chosen filter, sorted (ties broken so the order never flickers). */
export function filterNotebook<E extends NotebookLike>(
  rows: readonly NotebookRow<E>[],
  filter: NotebookFilter,
): NotebookRow<E>[] {
  const kept = rows.filter(
    (r) =>
      (filter.setId === null || r.setId === filter.setId) &&
      (filter.type === null || r.question.type === filter.type) &&
      (filter.tag === null || (r.question.tags ?? []).includes(filter.tag)),
  )
  const missed = (a: NotebookRow<E>, b: NotebookRow<E>) => b.entry.missCount - a.entry.missCount
  const recent = (a: NotebookRow<E>, b: NotebookRow<E>) => b.entry.lastWrongAt - a.entry.lastWrongAt
  const [first, second] = filter.sort === 'missed' ? [missed, recent] : [recent, missed]
  return kept.sort((a, b) => first(a, b) || second(a, b) || byId(a.entry, b.entry))
}

/** The choices the filters offer: the sets, tags and types that occur among the rows. */
export function notebookFacets(rows: readonly NotebookRow<NotebookLike>[]): {
  setIds: string[]
  tags: string[]
  types: QuestionType[]
} {
  const setIds = new Set<string>()
  const tags = new Set<string>()
  const types = new Set<QuestionType>()
  for (const r of rows) {
    setIds.add(r.setId)
    types.add(r.question.type)
    for (const tag of r.question.tags ?? []) tags.add(tag)
  }
  return {
    setIds: [...setIds],
    tags: [...tags].sort(),
    types: QUESTION_TYPES.filter((t) => types.has(t)),
  }
}
