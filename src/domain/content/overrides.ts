/**
 * The "I was right" overrides in a review log, per question: what learners typed that the grader
 * marked wrong and they counted as right. Read by `npm run report:overrides`, so the bank's
 * accepted forms grow from what learners really type. Pure.
 */
import { checkAnswer } from './answer.ts'
import { normalizeText } from './normalize.ts'
import type { Response } from './response.ts'
import type { Question } from './schema.ts'

/** The fields of a review-log entry this report reads. */
export interface OverrideLogEntry {
  questionId: string
  setId: string
  overridden: boolean
  answer: Response
}

export interface OverriddenAnswer {
  /** The typed text, as most often typed (trimmed) among the spellings that normalise alike; ties: the first in code-point order. */
  text: string
  count: number
  /** Whether the grader accepts it today; null when the question is not in the bank given. */
  acceptedNow: boolean | null
}

export interface QuestionOverrides {
  questionId: string
  setId: string
  /** Overrides of this question in all. */
  total: number
  /** Most often typed first. */
  answers: OverriddenAnswer[]
}

/** Overridden typed answers per question, most overridden question first. */
export function collectOverrides(
  reviews: readonly OverrideLogEntry[],
  questions: ReadonlyMap<string, Question> = new Map(),
): QuestionOverrides[] {
  const byQuestion = new Map<string, { setId: string; groups: Map<string, Map<string, number>> }>()
  for (const review of reviews) {
    const answer = review.answer
    if (!review.overridden || (answer.type !== 'blank' && answer.type !== 'numeric')) continue
    const text = answer.text.trim()
    let entry = byQuestion.get(review.questionId)
    if (!entry) {
      entry = { setId: review.setId, groups: new Map() }
      byQuestion.set(review.questionId, entry)
    }
    const key = normalizeText(text) || text
    const spellings = entry.groups.get(key) ?? new Map<string, number>()
    spellings.set(text, (spellings.get(text) ?? 0) + 1)
    entry.groups.set(key, spellings)
  }

  const report: QuestionOverrides[] = []
  for (const [questionId, { setId, groups }] of byQuestion) {
    const question = questions.get(questionId)
    const answers = [...groups.values()].map((spellings): OverriddenAnswer => {
      let text = ''
      let best = -1
      let count = 0
      for (const [spelling, n] of spellings) {
        count += n
        // Ties go to the spelling that sorts first, so the report does not depend on log order.
        if (n > best || (n === best && spelling < text)) {
          best = n
          text = spelling
        }
      }
      const acceptedNow =
        question && (question.type === 'blank' || question.type === 'numeric')
          ? checkAnswer(question, { type: question.type, text }).correct
          : null
      return { text, count, acceptedNow }
    })
    answers.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    report.push({ questionId, setId, total: answers.reduce((n, a) => n + a.count, 0), answers })
  }
  return report.sort((a, b) => b.total - a.total || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0))
}
