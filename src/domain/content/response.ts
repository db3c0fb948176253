/**
 * What a learner gives as an answer, one shape per question type.
 * Plain data: it is stored as-is in the review log, attempts and the notebook.
 */
import type { Localized } from './schema.ts'

export type Grade = 1 | 2 | 3 | 4 // Again, Hard, Good, Easy (FSRS ratings)

export type Response =
  | { type: 'single'; choice: string }
  | { type: 'multiple'; choices: string[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'blank'; text: string }
  | { type: 'numeric'; text: string }
  /** Item ids in the order the learner put them. */
  | { type: 'ordering'; order: string[] }
  /** Left pair id → the pair id whose right side the learner chose for it. */
  | { type: 'matching'; pairs: Record<string, string> }
  /** Free recall, graded by the learner. */
  | { type: 'flashcard'; grade: Grade }
  /** "Don't know": always wrong, shows the answer. */
  | { type: 'skip' }

/** Why a typed answer got its verdict, when the learner should be told more than right or wrong. */
export type GradeNote =
  /** Right, with one typo forgiven: `expected` is the accepted form as the bank spells it. */
  | { kind: 'spelling'; expected: string }
  /** Wrong: the learner named a unit that contradicts the question's (¥ for $, 百分点 for a share in %). */
  | { kind: 'unit'; expected: Localized }

export interface CheckResult {
  correct: boolean
  /** Fraction of the answer that was right, 0..1 (partial credit is shown, never counted as correct). */
  score: number
  /** Present only when there is something to say besides the verdict. */
  note?: GradeNote
}
