/**
 * The answer being written, kept in this tab's sessionStorage from the moment it is sent until it
 * is stored: a reload (or the tab killed) between the two does not drop it. Start-up writes it
 * when its log entry is not there (`replayPendingAnswer.ts`); its log id is chosen when it is
 * sent, so it is written once at most. Per tab on purpose: another tab's start-up must never
 * write an answer this tab is still writing. Synchronous, like the draft: it must be there before
 * `unload`.
 */
import type { Grade } from '@/domain/content/response'
import type { AnswerInput } from '@/db/progress'
import { storedJson } from './storedJson'

const KEY = 'qwen-study.pending-answer'

export interface SentAnswer {
  /** Where its draft was kept ('quiz:<attempt id>' or 'review'), to drop that draft once written. */
  where: string
  /** The answer as sent, before grading: its log id chosen, a flashcard's grade if any. */
  input: Omit<AnswerInput, 'correct' | 'grade'> & { id: string; grade?: Grade }
}

const stored = storedJson<SentAnswer>(() => sessionStorage, KEY)

export function readPendingAnswer(): SentAnswer | null {
  return stored.read()
}

/** Storage blocked or full: the answer is written as before, only without this safety net. */
export function writePendingAnswer(value: SentAnswer | null): void {
  stored.write(value)
}
