// The built-in question sets, read from questions/*.json: the specs know the right answers.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Question, QuestionSet } from '../../src/domain/content/schema'

export const SET_IDS = ['accusation', 'routes', 'figures', 'alibaba-stack', 'history', 'argument'] as const

const dir = fileURLToPath(new URL('../../questions/', import.meta.url))
const sets = new Map<string, QuestionSet>(
  SET_IDS.map((id) => [id, JSON.parse(readFileSync(`${dir}${id}.json`, 'utf8')) as QuestionSet]),
)
const questions = new Map<string, { question: Question; setId: string }>()
for (const set of sets.values()) for (const question of set.questions) questions.set(question.id, { question, setId: set.id })

export function getSet(id: string): QuestionSet {
  const set = sets.get(id)
  if (!set) throw new Error(`No question set ${id}`)
  return set
}

export function getQuestion(id: string): Question {
  const entry = questions.get(id)
  if (!entry) throw new Error(`No question ${id} in questions/*.json`)
  return entry.question
}


/** Ids of a set's questions in the quiz's "article order": first paragraph cited, then as written. */
export function articleOrder(setId: string): string[] {
  const first = (p: number | number[] | undefined) => (p === undefined ? Infinity : Math.min(...[p].flat()))
  return getSet(setId)
    .questions.map((q, i) => ({ id: q.id, p: first(q.source?.paragraph), i }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.id)
}
