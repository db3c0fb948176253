/**
 * Writes the answer a reload interrupted (see pendingAnswer.ts): graded again and recorded at
 * the time it was sent, unless its log entry is already stored. Loaded only when one is waiting.
 */
import { gradeAnswer } from '@/domain/content/grade'
import { gradeFor } from '@/domain/scheduling/fsrs'
import type { Settings } from '@/db/records'
import { getDB } from '@/db/database'
import { hasReviewLog, recordAnswer } from '@/db/progress'
import { useBankStore } from './bank'
import { readDraft, writeDraft } from './draftStorage'
import { readPendingAnswer, writePendingAnswer } from './pendingAnswer'

export async function replayPendingAnswer(settings: Settings): Promise<void> {
  const pending = readPendingAnswer()
  if (!pending) return
  // Once only, whatever happens: an answer that cannot be written now is still in its draft.
  writePendingAnswer(null)
  const { input, where } = pending
  try {
    const db = getDB()
    if (await hasReviewLog(db, input.id)) return
    const bank = useBankStore()
    await bank.loadQuestions([input.questionId])
    const question = bank.questionIndex.get(input.questionId)?.question
    if (!question) return
    const verdict = await gradeAnswer(question, input.answer)
    await recordAnswer(db, { ...input, correct: verdict.correct, grade: input.grade ?? gradeFor(verdict.correct) }, settings)
    // Written: its draft would only bring the old answer back into the box.
    if (readDraft(where, input.questionId) !== null) writeDraft(null)
  } catch {
    // The question or its quiz is gone, or the grader cannot be fetched: the draft keeps the answer.
  }
}
