/** For tests (imported by tests only): question sets and the longer question types, a line each. */
import type { Localized, MatchingQuestion, OrderingQuestion, Question, QuestionSet } from './schema'

/** A text in both languages. */
export const L = (zh: string, en: string): Localized => ({ zh, en })

/** A set with one key point. */
export function setOf(id: string, title: Localized, questions: Question[]): QuestionSet {
  return { id, title, keyPoints: [L('要点', 'Point')], questions }
}

/** An ordering question whose items, `[id, zh, en]` each, are listed in the right order. */
export function orderingOf(id: string, prompt: Localized, explanation: Localized, items: [string, string, string][]): OrderingQuestion {
  return {
    id,
    type: 'ordering',
    prompt,
    explanation,
    items: items.map(([item, zh, en]) => ({ id: item, text: L(zh, en) })),
    answer: items.map(([item]) => item),
  }
}

/** A matching question of `[id, left, right]` pairs. */
export function matchingOf(id: string, prompt: Localized, explanation: Localized, pairs: [string, Localized, Localized][]): MatchingQuestion {
  return { id, type: 'matching', prompt, explanation, pairs: pairs.map(([pair, left, right]) => ({ id: pair, left, right })) }
}
