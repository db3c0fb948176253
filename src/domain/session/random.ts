/**
 * Seeded shuffles for sessions: an attempt stores one seed, and every shuffle is derived from it
 * (with the generator and hash of domain/random.ts), so reopening an attempt shows the same order.
 */
import type { Choice, MatchingPair, MatchingQuestion, Question } from '@/domain/content/schema'
import { hashSeed, mulberry32 } from '@/domain/random'

/** A new array with the items in a seeded Fisher–Yates order; the same seed gives the same order. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = items.slice()
  const next = mulberry32(seed)
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    const tmp = out[i]!
    out[i] = out[j]!
    out[j] = tmp
  }
  return out
}

/** MurmurHash3's finalizer: spreads nearby inputs (attempt 1, 2, 3...) over all 32 bits. */
function mix32(x: number): number {
  let h = x >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** The seed for one question within an attempt: stable, and unrelated between questions. */
export function seedFor(attemptSeed: number, questionId: string): number {
  return mix32(hashSeed(questionId) ^ mix32(attemptSeed))
}

/** `shuffled`, rotated by one until it no longer matches `keyOf` order `sorted` (needs ≥ 2 distinct items). */
function avoidOrder<T>(shuffled: T[], sorted: readonly string[], keyOf: (item: T) => string): T[] {
  let out = shuffled
  for (let turn = 0; turn < out.length && out.length >= 2; turn++) {
    if (out.some((item, index) => keyOf(item) !== sorted[index])) return out
    out = [...out.slice(1), out[0]!]
  }
  return out
}

/**
 * A copy of the question with choices (single, multiple) or items (ordering) in a seeded order.
 * Answers refer to ids, so grading is unchanged. Ordering items never start in the correct
 * order. Matching pairs are left as they are: shuffle the right column with `shuffledRights`.
 */
export function shuffledQuestion(question: Question, seed: number): Question {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { ...question, choices: shuffle(question.choices, seed) }
    case 'ordering':
      return {
        ...question,
        items: avoidOrder<Choice>(shuffle(question.items, seed), question.answer, (item) => item.id),
      }
    default:
      return { ...question }
  }
}

/**
 * The order of the right-hand column of a matching question. With two or more pairs it never
 * lines up with the left column, which would give the answer away.
 */
export function shuffledRights(question: MatchingQuestion, seed: number): MatchingPair[] {
  return avoidOrder(
    shuffle(question.pairs, seed),
    question.pairs.map((pair) => pair.id),
    (pair) => pair.id,
  )
}
