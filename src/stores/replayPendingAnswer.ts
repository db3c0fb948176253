/**
 * Writes the answers that pages closed before storing them (see pendingAnswer.ts): each graded
 * again and recorded at the time it was sent, in the quiz it was sent in. Loaded only when one
 * is waiting. An answer is written by one page, once:
 * - only once the page that sent it is gone (its lock free, or it is the page this tab was
 *   reloaded from); while that page is open it is left to it, and written here as soon as it closes;
 * - under that page's lock, so two pages never write the same answers at once, and read again
 *   under it (another page may have written it meanwhile);
 * - with the log id chosen when it was sent: an answer stored already is not written again (the
 *   write itself checks, in its transaction).
 * An answer whose question left the bank is dropped with a note; one that a later answer to its
 * question superseded is dropped; one whose quiz was dropped is recorded without it. One that
 * cannot be written now (a full disk, a storage error, the grader not fetched) is kept for the
 * next start-up, with a note that says why.
 */
import { gradeAnswer } from '@/domain/content/grade'
import type { Localized } from '@/domain/content/schema'
import { gradeFor } from '@/domain/scheduling/fsrs'
import type { Settings } from '@/db/records'
import { getDB } from '@/db/database'
import { answeredSince, hasReviewLog, ProgressError, recordAnswer, replaceAnswer } from '@/db/progress'
import { getAttempt } from '@/db/queries'
import { useBankStore } from './bank'
import { describeError } from './describeError'
import { readDraft, writeDraft } from './draftStorage'
import { forgetSentAnswer, isThisPage, pageLockName, pageLocks, sentAnswer, sentAnswers, wasThisTab, type SentAnswer } from './pendingAnswer'

/** What the learner is told about an answer replayed. */
export type ReplayNote =
  /** Its question is no longer in the bank: it was dropped. `prompt`: the question's, as it was sent. */
  | { kind: 'gone'; questionId: string; prompt?: Localized }
  /** It could not be written now (`reason`, in the learner's language where known): it is kept and tried again. */
  | { kind: 'failed'; reason: string }

type Bank = ReturnType<typeof useBankStore>
type Outcome = 'written' | 'dropped' | ReplayNote

/** Pages whose lock this page waits for, to write their answers once they close. */
const waitingFor = new Set<string>()

/**
 * Writes what closed pages left; for a page still open, waits (without holding anything up) for
 * it to close and writes what it left then. Resolves once the answers of closed pages are
 * written; `note` hears what the learner should be told.
 */
export async function replayPendingAnswers(settings: () => Settings, note: (n: ReplayNote) => void): Promise<void> {
  const bank = useBankStore()
  const locks = pageLocks()
  const pages = [...new Set(sentAnswers().map((a) => a.page))].filter((p) => !isThisPage(p))
  for (const page of pages) {
    // Without Web Locks no page can tell whether another is open: the write's own check keeps it once.
    if (!locks) {
      await replayPage(page, bank, settings, note)
      continue
    }
    const done = await locks.request(pageLockName(page), { ifAvailable: true }, async (lock) => {
      if (lock) await replayPage(page, bank, settings, note)
      return lock !== null
    })
    // The page this tab was reloaded from is gone, whatever its lock says a moment longer.
    if (!done && wasThisTab(page)) await replayPage(page, bank, settings, note)
    else if (!done && !waitingFor.has(page)) {
      waitingFor.add(page)
      void locks.request(pageLockName(page), () => replayPage(page, bank, settings, note)).finally(() => waitingFor.delete(page))
    }
  }
}

/** Writes the answers `page` left, oldest first, each read again just before. */
async function replayPage(page: string, bank: Bank, settings: () => Settings, note: (n: ReplayNote) => void): Promise<void> {
  for (const { input } of sentAnswers().filter((a) => a.page === page)) {
    const sent = sentAnswer(input.id)
    if (!sent) continue
    const outcome = await replayOne(sent, bank, settings())
    if (outcome !== 'written' && outcome !== 'dropped') note(outcome)
    if (outcome === 'written' || outcome === 'dropped' || outcome.kind === 'gone') {
      forgetSentAnswer(input.id)
      // Written or dropped: its draft would only bring the old answer back into the box.
      if (readDraft(sent.where, input.questionId) !== null) writeDraft(null)
    }
  }
}

async function replayOne({ input, replaces, prompt }: SentAnswer, bank: Bank, settings: Settings): Promise<Outcome> {
  const db = getDB()
  try {
    if (await hasReviewLog(db, input.id)) return 'dropped'
    // The learner answered the question again since: this answer came too late to count.
    if (await answeredSince(db, input.questionId, input.now)) return 'dropped'
    await bank.loadQuestions([input.questionId])
    const found = bank.questionIndex.get(input.questionId)
    if (!found) return { kind: 'gone', questionId: input.questionId, ...(prompt ? { prompt } : {}) }
    const verdict = await gradeAnswer(found.question, input.answer)
    // A quiz dropped since keeps its answers in the log, not in a quiz: so does this one.
    const attemptId = input.attemptId && (await getAttempt(db, input.attemptId)) ? input.attemptId : null
    const answer = { ...input, setId: found.setId, attemptId, correct: verdict.correct, grade: input.grade ?? gradeFor(verdict.correct) }
    if (replaces !== undefined && attemptId !== null && (await hasReviewLog(db, replaces))) await replaceAnswer(db, replaces, answer, settings)
    else await recordAnswer(db, answer, settings)
    return 'written'
  } catch (e) {
    // What it refers to changed so that it has no place left (an exam answer it replaces was
    // taken over by another answer): there is nothing it could be written into.
    if (e instanceof ProgressError) return 'dropped'
    return { kind: 'failed', reason: describeError(e) }
  }
}
