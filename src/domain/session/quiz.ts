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

/** Questions of the chosen sets and types, in article order (sets in bank order, then as written). */
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
  const pool = eligibleQuestions(sets, selection).map((e) => e.question.id)
  const n = selection.count === 'all' ? pool.length : Math.min(selection.count, pool.length)
  if (selection.order === 'article') {
    if (n === pool.length) return pool
    // A sample that still reads in article order.
    const keep = new Set(shuffle(pool, seed).slice(0, n))
    return pool.filter((id) => keep.has(id))
  }
  return shuffle(pool, seed).slice(0, n)
}
