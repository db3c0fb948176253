/**
 * Writes the answers that pages closed before storing them (see pendingAnswer.ts): each graded
 * again and recorded at the time it was sent, in the quiz it was sent in. Loaded only when one
 * is waiting. An answer is written by one page, once:
 * - only once the page that sent it is gone (its lock free); while that page is open it is left
 *   to it (the next start-up after it closes writes it);
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
import { gradeFor } from '@/domain/scheduling/fsrs'
import type { Settings } from '@/db/records'
import { getDB } from '@/db/database'
import { answeredSince, hasReviewLog, ProgressError, recordAnswer, replaceAnswer } from '@/db/progress'
import { useBankStore } from './bank'
import { describeError } from './describeError'
import { forgetSentAnswer, isThisPage, pageLockName, pageLocks, sentAnswer, sentAnswers, type SentAnswer } from './pendingAnswer'

/** What the learner is told about an answer replayed. */
export type ReplayNote =
  /** Its question is no longer in the bank: it was dropped. */
  | { kind: 'gone'; questionId: string }
  /** It could not be written now (`reason`, in the learner's language where known): it is kept and tried again. */
  | { kind: 'failed'; reason: string }

type Bank = ReturnType<typeof useBankStore>
type Outcome = 'written' | 'dropped' | ReplayNote

/** Writes what closed pages left; `note` hears what the learner should be told. */
export async function replayPendingAnswers(settings: () => Settings, note: (n: ReplayNote) => void): Promise<void> {
  const bank = useBankStore()
  const locks = pageLocks()
  const pages = [...new Set(sentAnswers().map((a) => a.page))].filter((p) => !isThisPage(p))
  for (const page of pages) {
    const run = () => replayPage(page, bank, settings, note)
    // Without Web Locks no page can tell whether another is open: the write's own check keeps it once.
    await (locks ? locks.request(pageLockName(page), { ifAvailable: true }, (lock) => lock && run()) : run())
  }
}

/** Writes the answers `page` left, oldest first, each read again just before. */
async function replayPage(page: string, bank: Bank, settings: () => Settings, note: (n: ReplayNote) => void): Promise<void> {
  for (const { input } of sentAnswers().filter((a) => a.page === page)) {
    const sent = sentAnswer(input.id)
    if (!sent) continue
    const outcome = await replayOne(sent, bank, settings())
    if (outcome !== 'written' && outcome !== 'dropped') note(outcome)
    // Written or dropped (its draft, if any, gives way to the next question's).
    if (outcome === 'written' || outcome === 'dropped' || outcome.kind === 'gone') forgetSentAnswer(input.id)
  }
}

async function replayOne({ input, replaces }: SentAnswer, bank: Bank, settings: Settings): Promise<Outcome> {
  const db = getDB()
  try {
    if (await hasReviewLog(db, input.id)) return 'dropped'
    // The learner answered the question again since: this answer came too late to count.
    if (await answeredSince(db, input.questionId, input.now)) return 'dropped'
    await bank.loadQuestions([input.questionId])
    const found = bank.questionIndex.get(input.questionId)
    if (!found) return { kind: 'gone', questionId: input.questionId }
    const verdict = await gradeAnswer(found.question, input.answer)
    const answer = { ...input, setId: found.setId, correct: verdict.correct, grade: input.grade ?? gradeFor(verdict.correct) }
    if (replaces !== undefined && (await hasReviewLog(db, replaces))) await replaceAnswer(db, replaces, answer, settings)
    else {
      await recordAnswer(db, answer, settings).catch((e: unknown) => {
        // A quiz dropped since keeps its answers in the log, not in a quiz: so does this one.
        if (e instanceof ProgressError && e.code === 'not-found' && answer.attemptId) return recordAnswer(db, { ...answer, attemptId: null }, settings)
        throw e
      })
    }
    return 'written'
  } catch (e) {
    // What it refers to changed so that it has no place left (an exam answer it replaces was
    // taken over by another answer): there is nothing it could be written into.
    if (e instanceof ProgressError) return 'dropped'
    return { kind: 'failed', reason: describeError(e) }
  }
}
