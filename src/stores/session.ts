import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { gradeAnswer, isTypedAnswer, prepareGrading } from '@/domain/content/grade'
import type { CheckResult, Grade, GradeNote, Response } from '@/domain/content/response'
import type { MatchingPair, Question } from '@/domain/content/schema'
import { draftToResponse, emptyDraft, isDraftTouched, responseToDraft, restoreDraft, type Draft } from '@/domain/session/draft'
import { activeDuration } from '@/domain/session/attempt'
import { seedFor, shuffledQuestion, shuffledRights } from '@/domain/session/random'
import { gradeFor, previewGrades, type GradePreview } from '@/domain/scheduling/fsrs'
import { getDB } from '@/db/database'
import { getCards, recordAnswer, regradeAnswer, replaceAnswer, undoAnswer, type AnswerInput, type AnswerWritten } from '@/db/progress'
import type { AttemptAnswer, AttemptRecord, CardRecord, ReviewLogRecord } from '@/db/records'
import { requestPersistenceOnce } from '@/composables/usePersistAfterFirstAnswer'
import { useActivityStore } from './activity'
import { useAppStore } from './app'
import { useBankStore } from './bank'
import { describeError } from './describeError'
import { readDraft, writeDraft } from './draftStorage'
import { forgetSentAnswer, keepSentAnswer, type SentAnswer } from './pendingAnswer'
import { useQuizAttempt } from './session/quiz'
import { useReviewQueue } from './session/review'

export { reviewScopeOf } from './session/review'

/** 'unreadable': the session could not be read from storage (`loadError` says why; opening it again retries). */
export type Phase = 'loading' | 'answering' | 'feedback' | 'done' | 'missing' | 'unreadable'

export interface AnswerResult {
  correct: boolean
  score: number
  /** The grader's note on a typed answer (a typo forgiven, a unit that contradicts). */
  note?: GradeNote
  response: Response
  log: ReviewLogRecord
}

/** What a quiz attempt and a review queue each do their own way; the loop asks the one that is open. */
export interface SessionPart {
  /** Takes an answer to the question on screen. */
  answer(r: Response, grade?: Grade): Promise<void>
  /** After the last question. */
  end(): Promise<void>
  /** The last answer was taken back (the attempt is as the undo left it): bring a question back. */
  undone(): Promise<void>
}

/** An answer to write: the earlier answer it replaces (an exam's), and what follows once it is saved. */
interface PendingAnswer {
  input: AnswerInput
  replaces?: string
  after: (written: AnswerWritten) => void
}

/**
 * The loop a quiz and a review share: the question on screen in the attempt's seeded order, the
 * draft answer, the answer written (card + log + notebook + attempt, one transaction) before
 * feedback shows, regrade and "I was right", undo. The attempt on screen is always the one the
 * last write returned. `loop` is for the parts (`session/quiz.ts`, `session/review.ts`), not for screens.
 */
function useSessionCore() {
  const app = useAppStore()
  const bank = useBankStore()
  let part: SessionPart | null = null

  /** The quiz attempt answers go to; null in a review. */
  const attempt = shallowRef<AttemptRecord | null>(null)
  const queue = ref<string[]>([])
  const index = ref(0)
  const phase = ref<Phase>('loading')
  const draft = ref<Draft>(emptyDraft(null))
  const result = shallowRef<AnswerResult | null>(null)
  const currentCard = shallowRef<CardRecord | null>(null)
  /** The answer that could not be saved, kept to retry. */
  const unsaved = shallowRef<PendingAnswer | null>(null)
  const saveError = ref<string | null>(null)
  /** The typed-answer grader could not be fetched: nothing was graded or written; the draft stays. */
  const gradeError = ref(false)
  /** Why the quiz or review could not be read (phase 'unreadable'); null otherwise. */
  const loadError = ref<string | null>(null)
  const busy = ref(false)
  /** Review ids answered in this session, newest last, for undo. */
  const history = ref<string[]>([])
  /** When the session opened or the last answer was saved: an answer's study time counts from there. */
  let activeSince = Date.now()

  const seed = computed(() => attempt.value?.seed ?? 0)
  const currentId = computed(() => queue.value[index.value] ?? null)
  const entry = computed(() => (currentId.value ? bank.questionIndex.get(currentId.value) ?? null : null))
  /** The question as shown: choices and items in this attempt's seeded order. */
  const question = computed<Question | null>(() => {
    const e = entry.value
    return e ? shuffledQuestion(e.question, seedFor(seed.value, e.question.id)) : null
  })
  const rights = computed<MatchingPair[]>(() => {
    const q = question.value
    return q?.type === 'matching' ? shuffledRights(q, seedFor(seed.value, q.id)) : []
  })
  const response = computed(() => (question.value ? draftToResponse(question.value, draft.value) : null))
  const mode = computed(() => attempt.value?.config.mode ?? 'review')
  const isExam = computed(() => mode.value === 'exam')
  /** An exam's answers so far, by question id (they can be changed until it is handed in). */
  const examAnswers = computed(() => new Map<string, AttemptAnswer>(isExam.value ? (attempt.value?.answers ?? []).map((a) => [a.questionId, a]) : []))
  const inSession = computed(() => phase.value === 'answering' || phase.value === 'feedback')
  const activity = useActivityStore()
  watch(inSession, (v) => (activity.studying = v), { immediate: true })
  const canUndo = computed(() => !isExam.value && history.value.length > 0 && !busy.value)
  /** Where the draft on screen belongs, for the copy kept across a reload. */
  const draftPlace = computed(() => (attempt.value ? `quiz:${attempt.value.id}` : 'review'))

  /** Next intervals for the four grades: flashcard buttons before answering, regrade after. */
  const previews = computed<Record<Grade, GradePreview> | null>(() => {
    const e = entry.value
    if (!e) return null
    const log = result.value?.log
    if (log) return previewGrades(log.cardBefore, log.questionId, log.setId, log.time, app.settings)
    return previewGrades(currentCard.value, e.question.id, e.setId, app.now, app.settings)
  })

  function resetQuestion(): void {
    result.value = null
    saveError.value = null
    gradeError.value = false
    unsaved.value = null
    const q = question.value
    // A choice picked or text typed before a reload comes back; anything else starts empty.
    const kept = q && phase.value === 'answering' ? restoreDraft(q, readDraft(draftPlace.value, q.id)) : null
    // An exam question answered before shows that answer, to be looked at or changed.
    const given = q ? examAnswers.value.get(q.id) : undefined
    draft.value = kept ?? (q && given ? responseToDraft(q, given.answer) : emptyDraft(q))
    if (q) prepareGrading(q)
    void loadCard()
  }

  async function loadCard(): Promise<void> {
    const id = currentId.value
    currentCard.value = null
    if (!id) return
    const cards = await getCards(getDB(), [id])
    if (currentId.value === id) currentCard.value = cards.get(id) ?? null
  }

  /** Shows question `i`; past the last one, the session is done. */
  function show(i: number): void {
    index.value = i
    phase.value = i >= queue.value.length ? 'done' : 'answering'
    resetQuestion()
  }

  /** Opens a session of `opened`: nothing on screen until its questions are read. */
  function begin(opened: SessionPart): void {
    part = opened
    activeSince = Date.now()
    phase.value = 'loading'
    loadError.value = null
    attempt.value = null
    history.value = []
  }

  /** Nothing to show: the read failed. The reason is kept for the screen; the data is untouched. */
  function unreadable(e: unknown): void {
    loadError.value = describeError(e)
    queue.value = []
    index.value = 0
    phase.value = 'unreadable'
  }

  /**
   * Runs a write with the session busy. The attempt on screen becomes the one the write left (a
   * review's answers have none). Null when it failed: nothing was written; the reason is on screen.
   */
  async function write(run: () => Promise<AnswerWritten>): Promise<AnswerWritten | null> {
    busy.value = true
    try {
      const written = await run()
      if (written.attempt) attempt.value = written.attempt
      return written
    } catch (e) {
      saveError.value = describeError(e)
      return null
    } finally {
      busy.value = false
    }
  }

  async function save(p: PendingAnswer): Promise<boolean> {
    const written = await write(() =>
      p.replaces ? replaceAnswer(getDB(), p.replaces, p.input, app.settings) : recordAnswer(getDB(), p.input, app.settings),
    )
    // Nothing was written (one transaction); keep the answer here so it can be retried.
    if (!written) {
      unsaved.value = p
      return false
    }
    unsaved.value = null
    saveError.value = null
    // Ask the browser to keep the data once there is something worth keeping.
    if (app.storageMode === 'indexeddb') void requestPersistenceOnce()
    activeSince = p.input.now
    writeDraft(null)
    if (p.input.id) forgetSentAnswer(p.input.id)
    p.after(written)
    return true
  }

  /**
   * Records `r` as the answer to the question on screen (replacing the answer `replaces`, in an
   * exam); `after` follows once it is saved. False when it could not be saved.
   */
  async function record(r: Response, grade: Grade | undefined, after: (w: AnswerWritten, verdict: CheckResult) => void, replaces?: string): Promise<boolean> {
    const e = entry.value!
    const now = Date.now()
    const sent: SentAnswer['input'] = {
      id: crypto.randomUUID(), questionId: e.question.id, setId: e.setId, mode: mode.value, answer: r,
      durationMs: activeDuration(now, activeSince), now, attemptId: attempt.value?.id ?? null,
    }
    // From now until it is stored, a reload or the page closed does not drop it (pendingAnswer.ts).
    keepSentAnswer({ where: draftPlace.value, input: grade ? { ...sent, grade } : sent, ...(replaces ? { replaces } : {}) })
    // Busy while grading too: a typed answer may wait for its grader to load.
    busy.value = true
    gradeError.value = false
    let verdict: CheckResult
    try {
      verdict = await gradeAnswer(e.question, r)
    } catch {
      // Only the grader's download can fail here (grading itself never throws).
      gradeError.value = true
      forgetSentAnswer(sent.id)
      return false
    } finally {
      busy.value = false
    }
    const input: AnswerInput = { ...sent, correct: verdict.correct, grade: grade ?? gradeFor(verdict.correct) }
    return save({ input, replaces, after: (w) => after(w, verdict) })
  }

  /** Answers the question on screen and, once the answer is saved, shows the verdict. */
  async function answerWithFeedback(r: Response, grade?: Grade): Promise<void> {
    if (!entry.value || phase.value !== 'answering' || busy.value) return
    await record(r, grade, ({ log }, { score, note }) => {
      history.value = [...history.value, log.id]
      result.value = { correct: log.correct, score, ...(note ? { note } : {}), response: r, log }
      phase.value = 'feedback'
    })
  }

  const answer = async (r: Response, grade?: Grade): Promise<void> => part?.answer(r, grade)
  const submit = async (): Promise<void> => (response.value ? answer(response.value) : undefined)
  const dontKnow = (): Promise<void> => answer({ type: 'skip' })
  const gradeFlashcard = (grade: Grade): Promise<void> => answer({ type: 'flashcard', grade }, grade)

  async function retrySave(): Promise<void> {
    const p = unsaved.value
    if (p) await save({ ...p, input: { ...p.input, now: Date.now() } })
  }

  async function regrade(grade: Grade, change: { correct?: boolean; overridden?: boolean } = {}): Promise<void> {
    const r = result.value
    if (!r || busy.value) return
    const written = await write(() => regradeAnswer(getDB(), r.log.id, grade, Date.now(), app.settings, change))
    if (written) result.value = { ...r, correct: written.log.correct, log: written.log }
  }

  /** "I was right": a typed answer graded wrong counts as right (logged as overridden). */
  async function override(): Promise<void> {
    const e = entry.value
    if (!e || !isTypedAnswer(e.question) || result.value?.correct) return
    await regrade(3, { correct: true, overridden: true })
  }

  async function next(): Promise<void> {
    if (index.value < queue.value.length) index.value++
    if (index.value < queue.value.length) show(index.value)
    else await part?.end()
  }

  /** Takes back the last answer of this session; its question comes back on screen. */
  async function undo(): Promise<boolean> {
    const last = history.value[history.value.length - 1]
    if (!last || busy.value) return false
    if (!(await write(() => undoAnswer(getDB(), last)))) return false
    history.value = history.value.slice(0, -1)
    await part?.undone()
    return true
  }

  function setDraft(patch: Partial<Draft>): void {
    draft.value = { ...draft.value, ...patch }
    const q = question.value
    if (q && phase.value === 'answering') {
      writeDraft(isDraftTouched(q, draft.value) ? { where: draftPlace.value, questionId: q.id, draft: draft.value } : null)
    }
  }

  return {
    attempt, queue, index, phase, draft, result, saveError, gradeError, loadError, unsaved, busy, history, currentId, entry,
    question, rights, response, isExam, examAnswers, inSession, canUndo, previews,
    submit, dontKnow, gradeFlashcard, retrySave, regrade, override, next, undo, setDraft,
    loop: { begin, show, unreadable, resetQuestion, record, answerWithFeedback },
  }
}

type Core = ReturnType<typeof useSessionCore>
/** The shared state and actions, as the store exposes them. */
export type Session = Omit<Core, 'loop'>
/** What the quiz and review parts use of the loop. */
export type Loop = Core['loop']

/**
 * The quiz or review on screen: the shared loop above, and the part that differs, picked when a
 * quiz (`session/quiz.ts`: an attempt, exams) or a review (`session/review.ts`: the due queue) opens.
 */
export const useSessionStore = defineStore('session', () => {
  const { loop, ...session } = useSessionCore()
  return { ...session, ...useQuizAttempt(session, loop), ...useReviewQueue(session, loop) }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
