// Answers in words for feedback, results and the notebook. True/false reads as the screen's own
// buttons (对/错, True/False), so it never collides with "正确答案"; matching and ordering come
// as lists, each of the learner's items marked right or wrong.
import { describeCorrect, describeResponse, pick, type Lang } from '@/domain/content/describe'
import type { Response } from '@/domain/content/response'
import type { Question } from '@/domain/content/schema'

export interface AnswerItem {
  text: string
  /** null: nothing to mark (the right answer's own list). */
  ok: boolean | null
}

export interface TrueFalseWords {
  yes: string
  no: string
}

export function answerText(q: Question, r: Response, lang: Lang, tf: TrueFalseWords): string {
  if (r.type === 'truefalse') return r.value ? tf.yes : tf.no
  return describeResponse(q, r, lang)
}

export function correctText(q: Question, lang: Lang, tf: TrueFalseWords): string {
  if (q.type === 'truefalse') return q.answer ? tf.yes : tf.no
  return describeCorrect(q, lang)
}

/** The learner's matching pairs or ordering, one item each, marked; null for other types. */
export function answerItems(q: Question, r: Response, lang: Lang): AnswerItem[] | null {
  if (q.type === 'matching' && r.type === 'matching') {
    return q.pairs.map((p) => {
      const chosen = q.pairs.find((x) => x.id === r.pairs[p.id])
      return { text: `${pick(p.left, lang)} → ${chosen ? pick(chosen.right, lang) : '?'}`, ok: r.pairs[p.id] === p.id }
    })
  }
  if (q.type === 'ordering' && r.type === 'ordering') {
    return r.order.map((id, i) => {
      const item = q.items.find((x) => x.id === id)
      return { text: item ? pick(item.text, lang) : id, ok: q.answer[i] === id }
    })
  }
  return null
}

/** The right matching pairs or ordering, one item each; null for other types. */
export function correctItems(q: Question, lang: Lang): AnswerItem[] | null {
  if (q.type === 'matching') return q.pairs.map((p) => ({ text: `${pick(p.left, lang)} → ${pick(p.right, lang)}`, ok: null }))
  if (q.type === 'ordering') {
    return q.answer.map((id) => {
      const item = q.items.find((x) => x.id === id)
      return { text: item ? pick(item.text, lang) : id, ok: null }
    })
  }
  return null
}

/** What the grader has to say besides the verdict, in the learner's language. */
export type FeedbackNote = { kind: 'spelling'; expected: string } | { kind: 'unit'; unit: string }

type Translate = (key: string, params?: Record<string, unknown>) => string

/** The verdict in words, as the feedback's heading shows it and the status line reads it out. */
export function verdictText(t: Translate, f: { correct: boolean; overridden: boolean; note?: FeedbackNote | null }): string {
  if (!f.correct) return t('quiz.wrong')
  if (f.overridden) return t('quiz.overridden')
  if (f.note?.kind === 'spelling') return t('grading.acceptedSpelling', { expected: f.note.expected })
  return t('quiz.correct')
}
