/**
 * Grading: a question and the learner's response in, a verdict out.
 * Total over its inputs: a response of the wrong type, or a malformed one, is wrong, never an exception.
 */
import type { BlankQuestion, NumericQuestion, Question } from './schema'
import type { CheckResult, Response } from './response'
import { normalizeText, parseNumber } from './normalize'

const WRONG: CheckResult = { correct: false, score: 0 }
const RIGHT: CheckResult = { correct: true, score: 1 }

const verdict = (ok: boolean): CheckResult => (ok ? { ...RIGHT } : { ...WRONG })

/** Partial credit: correct only when every part is right. */
function partial(right: number, total: number): CheckResult {
  if (total <= 0) return { ...WRONG }
  return { correct: right === total, score: right / total }
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

/** Every form a blank accepts, normalized; forms that normalize to nothing are left out. */
function blankForms(question: BlankQuestion): string[] {
  return [question.answer.zh, question.answer.en, ...(question.accepted ?? [])]
    .map(normalizeText)
    .filter((form) => form.length > 0)
}

/**
 * Whether `given` is within value ± tolerance. The tiny relative epsilon absorbs floating-point
 * error ("0.3" vs 0.1 + 0.2, 1.5 × 1e4), so a boundary answer is never rejected by rounding.
 */
export function withinTolerance(question: Pick<NumericQuestion, 'value' | 'tolerance'>, given: number): boolean {
  const { value, tolerance } = question
  if (!Number.isFinite(given) || !Number.isFinite(value)) return false
  const epsilon = 1e-9 * Math.max(Math.abs(value), Math.abs(tolerance))
  return Math.abs(given - value) <= Math.max(0, tolerance) + epsilon
}

export function checkAnswer(question: Question, response: Response): CheckResult {
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

      case 'blank': {
        if (response.type !== 'blank' || typeof response.text !== 'string') return { ...WRONG }
        const given = normalizeText(response.text)
        return verdict(given.length > 0 && blankForms(question).includes(given))
      }

      case 'numeric': {
        if (response.type !== 'numeric' || typeof response.text !== 'string') return { ...WRONG }
        const given = parseNumber(response.text)
        return verdict(given !== null && withinTolerance(question, given))
      }

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
      const forms = [question.answer.zh, question.answer.en, ...(question.accepted ?? [])]
      return { type: 'blank', text: forms.find((form) => normalizeText(form).length > 0) ?? question.answer.zh }
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

/** Typed answers (blank, numeric) may be graded wrong on a technicality: the UI offers "I was right". */
export function isTypedAnswer(question: Question): question is BlankQuestion | NumericQuestion {
  return question.type === 'blank' || question.type === 'numeric'
}
