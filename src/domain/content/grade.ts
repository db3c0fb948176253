/**
 * How the app grades: `gradeAnswer`. A choice, true/false, ordering, matching or flashcard answer
 * (and any "Don't know") is graded here at once; a typed answer (blank, numeric) by `checkAnswer`
 * in answer.ts, the typed-answer grader (normal forms, quantities, one typo forgiven), loaded the
 * first time one is graded or shown (`prepareGrading`). The verdict never depends on whether it
 * had loaded before: grading waits for it.
 * Total over its inputs: a response of the wrong type, or a malformed one, is wrong, never an exception.
 */
import type { BlankQuestion, NumericQuestion, Question } from './schema.ts'
import type { CheckResult, Response } from './response.ts'
import { normalizeText } from './normalForm.ts'

export const WRONG: CheckResult = { correct: false, score: 0 }
export const RIGHT: CheckResult = { correct: true, score: 1 }

export const verdict = (ok: boolean): CheckResult => (ok ? { ...RIGHT } : { ...WRONG })

/** Partial credit: correct only when every part is right. */
function partial(right: number, total: number): CheckResult {
  if (total <= 0) return { ...WRONG }
  return { correct: right === total, score: right / total }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

/** Every form a blank accepts, as written: the answer in both languages, then `accepted`. */
export function blankForms(question: Pick<BlankQuestion, 'answer' | 'accepted'>): string[] {
  return [question.answer.zh, question.answer.en, ...(question.accepted ?? [])]
}

/** Typed answers (blank, numeric) may be graded wrong on a technicality: the UI offers "I was right". */
export function isTypedAnswer(question: Question): question is BlankQuestion | NumericQuestion {
  return question.type === 'blank' || question.type === 'numeric'
}

/**
 * The verdict on every answer the typed-answer grader is not needed for; null for a typed answer
 * (the response's type is the question's, blank or numeric): `checkAnswer` in answer.ts decides.
 */
export function checkChosen(question: Question, response: Response): CheckResult | null {
  try {
    if (!response || typeof response !== 'object' || response.type !== question.type) return { ...WRONG }
    switch (question.type) {
      case 'single':
        return verdict(response.type === 'single' && response.choice === question.answer)

      case 'multiple': {
        if (response.type !== 'multiple' || !isStringArray(response.choices)) return { ...WRONG }
        const chosen = new Set(response.choices)
        const answer = new Set(question.answer)
        const known = new Set(question.choices.map((choice) => choice.id))
        const right = question.choices.filter((choice) => chosen.has(choice.id) === answer.has(choice.id)).length
        // An id that is not on the question counts as one more wrongly classified choice.
        const strays = [...chosen].filter((id) => !known.has(id)).length
        return partial(right, question.choices.length + strays)
      }

      case 'truefalse':
        return verdict(response.type === 'truefalse' && response.value === question.answer)

      case 'blank':
      case 'numeric':
        return null

      case 'ordering': {
        if (response.type !== 'ordering' || !isStringArray(response.order)) return { ...WRONG }
        const order = response.order
        const right = question.answer.filter((id, index) => order[index] === id).length
        // Missing or extra items count as positions out of place.
        return partial(right, Math.max(question.answer.length, order.length))
      }

      case 'matching': {
        if (response.type !== 'matching' || !response.pairs || typeof response.pairs !== 'object') return { ...WRONG }
        const chosen = response.pairs
        const right = question.pairs.filter((pair) => Object.hasOwn(chosen, pair.id) && chosen[pair.id] === pair.id).length
        return partial(right, question.pairs.length)
      }

      case 'flashcard':
        // Self-graded: anything but Again (1) counts as remembered.
        return verdict(response.type === 'flashcard' && [2, 3, 4].includes(response.grade))
    }
  } catch {
    // Only reachable with data that bypassed the types (e.g. a corrupted stored response).
    return { ...WRONG }
  }
  return { ...WRONG }
}

/** The typed-answer grader, fetched once (later calls share the first load). */
const typedGrader = () => import('./answer.ts')

/**
 * Grades the learner's answer: the same verdict as `checkAnswer`, for every question and response.
 * A typed answer waits for the typed-answer grader; a failed load rejects (nothing is graded).
 */
export async function gradeAnswer(question: Question, response: Response): Promise<CheckResult> {
  return checkChosen(question, response) ?? (await typedGrader()).checkAnswer(question, response)
}

/** A typed question is on screen: its grader starts loading now, so the answer need not wait for it. */
export function prepareGrading(question: Question): void {
  if (isTypedAnswer(question)) typedGrader().catch(() => {})
}

/** The response that would be fully correct; null for a flashcard, which the learner grades. */
export function correctResponse(question: Question): Response | null {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: question.answer }
    case 'multiple':
      return { type: 'multiple', choices: [...question.answer] }
    case 'truefalse':
      return { type: 'truefalse', value: question.answer }
    case 'blank': {
      return { type: 'blank', text: blankForms(question).find((form) => normalizeText(form).length > 0) ?? question.answer.zh }
    }
    case 'numeric':
      return { type: 'numeric', text: String(question.value) }
    case 'ordering':
      return { type: 'ordering', order: [...question.answer] }
    case 'matching':
      return { type: 'matching', pairs: Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.id])) }
    case 'flashcard':
      return null
  }
}
