import { computed } from 'vue'
import type { Grade, Response } from '@/domain/content/response'
import { sameResponse } from '@/domain/session/draft'
import { endTime } from '@/domain/session/attempt'
import { getDB } from '@/db/database'
import { finishAttempt, setFlag } from '@/db/progress'
import type { AttemptRecord } from '@/db/records'
import { useBankStore } from '../bank'
import { readAttempt } from '../quizzes'
import { describeError } from '../describeError'
import type { Loop, Session, SessionPart } from '../session'

/**
 * A quiz: its attempt's questions in their order, resumed at the first one not answered; the
 * attempt ends after the last. An exam takes answers without feedback, in any order, to be
 * changed and flagged until it is handed in or its time runs out.
 */
export function useQuizAttempt(s: Session, loop: Loop) {
  const bank = useBankStore()
  const { attempt, queue, index, phase } = s

  const flagged = computed(() => new Set(attempt.value?.flagged ?? []))
  /** Positions (0-based) of the exam questions not answered yet. */
  const unanswered = computed(() => queue.value.flatMap((id, i) => (s.examAnswers.value.has(id) ? [] : [i])))
  const answeredCount = computed(() => attempt.value?.answers.length ?? 0)
  const correctCount = computed(() => attempt.value?.answers.filter((a) => a.correct).length ?? 0)

  /** The first question not answered yet; past the last when all are. */
  function firstOpen(): number {
    const answered = new Set(attempt.value?.answers.map((x) => x.questionId))
    const i = queue.value.findIndex((id) => !answered.has(id))
    return i === -1 ? queue.value.length : i
  }

  const part: SessionPart = {
    async answer(r, grade) {
      if (!s.isExam.value) return loop.answerWithFeedback(r, grade)
      if (await examSave(r, grade)) await examGo(index.value + 1)
    },
    async end() {
      await finishNow()
      loop.resetQuestion()
    },
    undone: async () => loop.show(firstOpen()),
  }

  async function openQuiz(attemptId: string): Promise<'ok' | 'finished' | 'missing' | 'unreadable'> {
    loop.begin(part)
    let a: AttemptRecord | undefined
    try {
      a = await readAttempt(attemptId)
    } catch (e) {
      loop.unreadable(e)
      return 'unreadable'
    }
    if (!a) {
      phase.value = 'missing'
      return 'missing'
    }
    attempt.value = a
    if (a.status === 'finished') return 'finished'
    // The answers already given can be taken back, the last first, also after a reload.
    s.history.value = a.answers.map((x) => x.reviewId)
    // Questions removed from the bank since the attempt began are skipped, not shown blank.
    queue.value = a.questionIds.filter((id) => bank.questionIndex.has(id))
    // An exam with every question answered is not over until it is handed in: it opens on its last question.
    loop.show(Math.min(firstOpen(), a.config.mode === 'exam' ? Math.max(0, queue.value.length - 1) : queue.value.length))
    return 'ok'
  }

  /** Ends the attempt: unanswered questions count as wrong. Never ends after an exam's deadline. */
  async function finishNow(): Promise<void> {
    if (attempt.value) await finishAttempt(getDB(), attempt.value.id, endTime(attempt.value, Date.now()))
    phase.value = 'done'
  }

  /**
   * Saves the answer to the exam question on screen (an unchanged one is left as it is). False
   * when it could not be saved (the reason is on screen) or the time is up (the exam ends).
   */
  async function examSave(r: Response, grade?: Grade): Promise<boolean> {
    const e = s.entry.value
    const a = attempt.value
    if (!e || !a || phase.value !== 'answering' || s.busy.value) return false
    // A page whose timers were held back (a tab in the background) may see the deadline late:
    // an answer after it is not taken; the exam ends at its deadline.
    if (a.deadline !== null && Date.now() >= a.deadline) {
      await finishNow()
      return false
    }
    const before = s.examAnswers.value.get(e.question.id)
    if (before && sameResponse(before.answer, r)) return true
    return loop.record(r, grade, () => {}, before?.reviewId)
  }

  /** Saves the answer on screen if it is complete. */
  async function examSaveCurrent(): Promise<boolean> {
    const r = s.response.value
    return r ? examSave(r) : true
  }

  /** Moves to exam question `i` (any, in any order), saving the answer on screen first. */
  async function examGo(i: number): Promise<void> {
    if (!s.isExam.value || i < 0 || i === index.value) return
    if (!(await examSaveCurrent())) return
    // Past the last question: stay on it, its answer saved; handing in is the learner's call.
    if (i >= queue.value.length) loop.resetQuestion()
    else loop.show(i)
  }

  /** Hands the exam in: the answer on screen is saved first; unanswered questions count as wrong. */
  async function handIn(): Promise<void> {
    if (await examSaveCurrent()) await finishNow()
  }

  async function toggleFlag(): Promise<void> {
    const a = attempt.value
    const id = s.currentId.value
    if (!a || !id) return
    try {
      attempt.value = (await setFlag(getDB(), a.id, id, !flagged.value.has(id))).attempt ?? a
    } catch (e) {
      s.saveError.value = describeError(e)
    }
  }

  return { flagged, unanswered, answeredCount, correctCount, openQuiz, finishNow, examGo, examSaveCurrent, handIn, toggleFlag }
}
