/**
 * Choosing the questions of a quiz from the bank. Pure: the seed comes in.
 */
import type { Question, QuestionSet, QuestionType } from '../content/schema'
import { shuffle } from './random'

export interface QuizSelection {
  setIds: string[]
  types: QuestionType[]
  count: number | 'all'
  order: 'shuffled' | 'article'
}

export interface BankEntry {
  question: Question
  setId: string
}

/** The first paragraph a question cites (questions citing none come last). */
export function firstParagraph(question: Question): number {
  const p = question.source?.paragraph
  return p === undefined ? Infinity : Math.min(...[p].flat())
}

/** Entries in the article's order: by the first paragraph they cite, then as given (stable). */
export function inArticleOrder<T extends { question: Question }>(entries: readonly T[]): T[] {
  return entries
    .map((e, i) => ({ e, i, p: firstParagraph(e.question) }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.e)
}

/** Questions of the chosen sets and types, sets in bank order, each set's questions as written. */
export function eligibleQuestions(sets: readonly QuestionSet[], selection: Pick<QuizSelection, 'setIds' | 'types'>): BankEntry[] {
  const wanted = new Set(selection.setIds)
  const types = new Set(selection.types)
  const out: BankEntry[] = []
  for (const set of sets) {
    if (!wanted.has(set.id)) continue
    for (const question of set.questions) if (types.has(question.type)) out.push({ question, setId: set.id })
  }
  return out
}

/** The question ids of a new quiz. Shuffled quizzes draw a random sample; article order keeps the text's order. */
export function pickQuizQuestions(sets: readonly QuestionSet[], selection: QuizSelection, seed: number): string[] {
  const eligible = eligibleQuestions(sets, selection)
  const pool = (selection.order === 'article' ? inArticleOrder(eligible) : eligible).map((e) => e.question.id)
  const n = selection.count === 'all' ? pool.length : Math.min(selection.count, pool.length)
  if (selection.order === 'article') {
    if (n === pool.length) return pool
    // A sample that still reads in article order.
    const keep = new Set(shuffle(pool, seed).slice(0, n))
    return pool.filter((id) => keep.has(id))
  }
  return shuffle(pool, seed).slice(0, n)
}
