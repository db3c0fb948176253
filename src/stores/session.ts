import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { checkAnswer, isTypedAnswer } from '@/domain/content/answer'
import type { Grade, Response } from '@/domain/content/response'
import type { MatchingPair, Question } from '@/domain/content/schema'
import { draftToResponse, emptyDraft, isDraftTouched, responseToDraft, restoreDraft, sameResponse, type Draft } from '@/domain/session/draft'
import { activeDuration, endTime } from '@/domain/session/attempt'
import { seedFor, shuffledQuestion, shuffledRights } from '@/domain/session/random'
import { buildReviewQueue } from '@/domain/session/queue'
import { gradeFor, previewGrades, type GradePreview } from '@/domain/scheduling/fsrs'
import { getDB } from '@/db/database'
import {
  finishAttempt,
  getCards,
  recordAnswer,
  regradeAnswer,
  replaceAnswer,
  setFlag,
  undoAnswer,
  type AnswerInput,
} from '@/db/progress'
import { getAttempt, nextDueAfter, readReviewQueue } from '@/db/queries'
import { localMidnight } from '@/db/stats'
import type { AttemptAnswer, AttemptRecord, CardRecord, ReviewLogRecord } from '@/db/records'
import { requestPersistenceOnce } from '@/composables/usePersistAfterFirstAnswer'
import { useActivityStore } from './activity'
import { useAppStore } from './app'
import { useBankStore } from './bank'
import { describeError } from './describeError'
import { readDraft, writeDraft } from './draftStorage'

/** 'unreadable': the session could not be read from storage (`loadError` says why; opening it again retries). */
export type Phase = 'loading' | 'answering' | 'feedback' | 'done' | 'missing' | 'unreadable'

export interface AnswerResult {
  correct: boolean
  score: number
  response: Response
  log: ReviewLogRecord
}

/** Review sessions fetch due cards in pages: enough for a sitting, cheap at 100k cards. */
const REVIEW_PAGE = 200

/** The set a review is limited to, from the route's `?set=`: only a set the bank has; otherwise every set. */
export function reviewScopeOf(query: Record<string, unknown>, sets: { has(id: string): boolean }): string | null {
  const s = query.set
  return typeof s === 'string' && sets.has(s) ? s : null
}

/**
 * The quiz or review session on screen: which question, the learner's draft answer, and the
 * verdict. Every submitted answer is written (card + log + notebook + attempt, one transaction)
 * before feedback shows, so a crash loses at most the answer being typed.
 */
export const useSessionStore = defineStore('session', () => {
  const app = useAppStore()
  const bank = useBankStore()

  const kind = ref<'quiz' | 'review'>('quiz')
  const attempt = shallowRef<AttemptRecord | null>(null)
  const reviewScope = ref<string | null>(null)
  const queue = ref<string[]>([])
  const index = ref(0)
  const phase = ref<Phase>('loading')
  const draft = ref<Draft>({ selected: [], text: '', order: [], pairs: {}, revealed: false })
  const result = shallowRef<AnswerResult | null>(null)
  const currentCard = shallowRef<CardRecord | null>(null)
  /** The answer that could not be saved, kept to retry. */
  const unsaved = shallowRef<AnswerInput | null>(null)
  const saveError = ref<string | null>(null)
  /** Why the quiz or review could not be read (phase 'unreadable'); null otherwise. */
  const loadError = ref<string | null>(null)
  const busy = ref(false)
  /** Review ids answered in this session, newest last, for undo. */
  const history = ref<string[]>([])
  const nextDue = ref<number | null>(null)
  const newLeft = ref(0)
  /** Ids in the review queue that were due (the rest are new). */
  const dueIds = shallowRef(new Set<string>())
  /** When the session opened or the last answer was saved: an answer's study time counts from there. */
  let activeSince = Date.now()

  const seed = computed(() => attempt.value?.seed ?? 0)
  const currentId = computed(() => queue.value[index.value] ?? null)
  const entry = computed(() => (currentId.value ? bank.questionIndex.get(currentId.value) ?? null : null))
  /** The question as shown: choices and items in this attempt's seeded order. */
  const question = computed<Question | null>(() => {
    const e = entry.value
    if (!e) return null
    return shuffledQuestion(e.question, seedFor(seed.value, e.question.id))
  })
  const rights = computed<MatchingPair[]>(() => {
    const q = question.value
    return q?.type === 'matching' ? shuffledRights(q, seedFor(seed.value, q.id)) : []
  })
  const response = computed(() => (question.value ? draftToResponse(question.value, draft.value) : null))
  const mode = computed(() => (kind.value === 'review' ? 'review' : attempt.value?.config.mode ?? 'practice'))
  const isExam = computed(() => mode.value === 'exam')
  /** An exam's answers so far, by question id (they can be changed until it is handed in). */
  const examAnswers = computed(() => new Map<string, AttemptAnswer>(isExam.value ? (attempt.value?.answers ?? []).map((a) => [a.questionId, a]) : []))
  const flagged = computed(() => new Set(attempt.value?.flagged ?? []))
  const inSession = computed(() => phase.value === 'answering' || phase.value === 'feedback')
  const activity = useActivityStore()
  watch(inSession, (v) => (activity.studying = v), { immediate: true })
  const answeredCount = computed(() => (kind.value === 'quiz' ? attempt.value?.answers.length ?? 0 : index.value))
  const correctCount = computed(() =>
    kind.value === 'quiz' ? attempt.value?.answers.filter((a) => a.correct).length ?? 0 : 0,
  )

  /** Next intervals for the four grades: flashcard buttons before answering, regrade after. */
  const previews = computed<Record<Grade, GradePreview> | null>(() => {
    const e = entry.value
    if (!e) return null
    if (result.value) {
      const log = result.value.log
      return previewGrades(log.cardBefore, log.questionId, log.setId, log.time, app.settings)
    }
    return previewGrades(currentCard.value, e.question.id, e.setId, app.now, app.settings)
  })

  /** Where the draft on screen belongs, for the copy kept across a reload. */
  const draftPlace = computed(() => (kind.value === 'quiz' ? `quiz:${attempt.value?.id ?? ''}` : 'review'))

  function resetQuestion(): void {
    result.value = null
    saveError.value = null
    unsaved.value = null
    const q = question.value
    // A choice picked or text typed before a reload comes back; anything else starts empty.
    const kept = q && phase.value === 'answering' ? restoreDraft(q, readDraft(draftPlace.value, q.id)) : null
    // An exam question answered before shows that answer, to be looked at or changed.
    const given = q ? examAnswers.value.get(q.id) : undefined
    draft.value = kept ?? (q && given ? responseToDraft(q, given.answer) : emptyDraft(q))
    void loadCard()
  }

  async function loadCard(): Promise<void> {
    const id = currentId.value
    currentCard.value = null
    if (!id) return
    const cards = await getCards(getDB(), [id])
    if (currentId.value === id) currentCard.value = cards.get(id) ?? null
  }

  // ----- quiz ------------------------------------------------------------------------------

  async function openQuiz(attemptId: string): Promise<'ok' | 'finished' | 'missing' | 'unreadable'> {
    activeSince = Date.now()
    phase.value = 'loading'
    loadError.value = null
    kind.value = 'quiz'
    history.value = []
    let a: AttemptRecord | undefined
    try {
      a = await getAttempt(getDB(), attemptId)
      if (a) await bank.loadQuestions(a.questionIds)
    } catch (e) {
      unreadable(e)
      return 'unreadable'
    }
    if (!a) {
      phase.value = 'missing'
      return 'missing'
    }
    attempt.value = a
    if (a.status === 'finished') return 'finished'
    // The answers already given can be taken back, the last first, also after a reload.
    history.value = a.answers.map((x) => x.reviewId)
    // Questions removed from the bank since the attempt began are skipped, not shown blank.
    queue.value = a.questionIds.filter((id) => bank.questionIndex.has(id))
    const answered = new Set(a.answers.map((x) => x.questionId))
    const firstOpen = queue.value.findIndex((id) => !answered.has(id))
    // An exam with every question answered is not over until it is handed in: it opens on its last question.
    const end = a.config.mode === 'exam' ? Math.max(0, queue.value.length - 1) : queue.value.length
    index.value = firstOpen === -1 ? end : firstOpen
    phase.value = index.value >= queue.value.length ? 'done' : 'answering'
    resetQuestion()
    return 'ok'
  }

  // ----- review ----------------------------------------------------------------------------

  async function openReview(setId: string | null): Promise<void> {
    activeSince = Date.now()
    phase.value = 'loading'
    loadError.value = null
    kind.value = 'review'
    attempt.value = null
    reviewScope.value = setId
    history.value = []
    await buildQueue()
  }

  /** Counts queue reads, so that of two that overlap (another set chosen while one is read) only the newer lands. */
  let queueReads = 0

  async function buildQueue(): Promise<void> {
    const read = ++queueReads
    try {
      await readQueue(read)
    } catch (e) {
      // Only the newest read may say so: an older one's failure is no longer on screen.
      if (read === queueReads) unreadable(e)
    }
  }

  async function readQueue(read: number): Promise<void> {
    const db = getDB()
    const now = Date.now()
    const scope = reviewScope.value
    const sets = bank.queueSets(scope)
    const { due, newIds, newLimit: limit } = await readReviewQueue(db, {
      now,
      dayStart: localMidnight(now),
      setId: scope ?? undefined,
      sets,
      newPerDay: app.settings.newPerDay,
      duePage: REVIEW_PAGE,
    })
    if (read !== queueReads) return
    await bank.loadQuestions([...due.map((c) => c.questionId), ...newIds])
    if (read !== queueReads) return
    newLeft.value = newIds.length
    // Cards of questions no longer in the bank cannot be shown: leave them out of the queue.
    const shown = due.filter((c) => bank.questionIndex.has(c.questionId))
    dueIds.value = new Set(shown.map((c) => c.questionId))
    queue.value = buildReviewQueue({ due: shown, newIds, newLimit: limit, now })
    index.value = 0
    if (queue.value.length === 0) {
      const when = await nextDueAfter(db, now, scope)
      if (read !== queueReads) return
      nextDue.value = when
      phase.value = 'done'
    } else phase.value = 'answering'
    resetQuestion()
  }

  /** Nothing to show: the read failed. The reason is kept for the screen; the data is untouched. */
  function unreadable(e: unknown): void {
    loadError.value = describeError(e)
    queue.value = []
    index.value = 0
    phase.value = 'unreadable'
  }

  const remaining = computed(() => {
    const rest = queue.value.slice(index.value + (phase.value === 'feedback' ? 1 : 0))
    const fresh = rest.filter((id) => !dueIds.value.has(id)).length
    return { due: rest.length - fresh, new: fresh }
  })

  // ----- answering -------------------------------------------------------------------------

  /** Records an answer (replacing the earlier answer `replaces`, in an exam); null when it could not be saved. */
  async function save(input: AnswerInput, replaces?: string): Promise<ReviewLogRecord | null> {
    busy.value = true
    try {
      const log = replaces
        ? await replaceAnswer(getDB(), replaces, input, app.settings)
        : await recordAnswer(getDB(), input, app.settings)
      unsaved.value = null
      saveError.value = null
      // Ask the browser to keep the data once there is something worth keeping.
      if (app.storageMode === 'indexeddb') void requestPersistenceOnce()
      return log
    } catch (e) {
      // Nothing was written (one transaction); keep the answer here so it can be retried.
      unsaved.value = input
      saveError.value = describeError(e)
      return null
    } finally {
      busy.value = false
    }
  }

  async function afterSave(log: ReviewLogRecord, score: number, r: Response): Promise<void> {
    writeDraft(null)
    history.value = [...history.value, log.id]
    if (attempt.value) attempt.value = (await getAttempt(getDB(), attempt.value.id)) ?? attempt.value
    result.value = { correct: log.correct, score, response: r, log }
    phase.value = 'feedback'
  }

  async function answer(r: Response, grade?: Grade): Promise<void> {
    if (isExam.value) {
      if (await examSave(r, grade)) await examGo(index.value + 1)
      return
    }
    const e = entry.value
    if (!e || phase.value !== 'answering' || busy.value) return
    // A page whose timers were held back (a tab in the background) may see the deadline late:
    // an answer after it is not taken; the exam ends at its deadline.
    const deadline = attempt.value?.deadline ?? null
    if (deadline !== null && Date.now() >= deadline) {
      await finishNow()
      return
    }
    const verdict = checkAnswer(e.question, r)
    const input: AnswerInput = {
      questionId: e.question.id,
      setId: e.setId,
      mode: mode.value,
      answer: r,
      correct: verdict.correct,
      grade: grade ?? gradeFor(verdict.correct),
      durationMs: activeDuration(Date.now(), activeSince),
      now: Date.now(),
      attemptId: attempt.value?.id ?? null,
    }
    const log = await save(input)
    if (log) {
      activeSince = input.now
      await afterSave(log, verdict.score, r)
    }
  }

  async function submit(): Promise<void> {
    if (response.value) await answer(response.value)
  }

  async function dontKnow(): Promise<void> {
    await answer({ type: 'skip' })
  }

  async function gradeFlashcard(grade: Grade): Promise<void> {
    await answer({ type: 'flashcard', grade }, grade)
  }

  async function retrySave(): Promise<void> {
    const input = unsaved.value
    if (!input) return
    if (isExam.value) {
      await examSave(input.answer, input.grade)
      return
    }
    const log = await save({ ...input, now: Date.now() })
    const e = entry.value
    if (log) activeSince = log.time
    if (log && e) await afterSave(log, checkAnswer(e.question, input.answer).score, input.answer)
  }

  async function regrade(grade: Grade, change: { correct?: boolean; overridden?: boolean } = {}): Promise<void> {
    const r = result.value
    if (!r || busy.value) return
    busy.value = true
    try {
      const log = await regradeAnswer(getDB(), r.log.id, grade, Date.now(), app.settings, change)
      if (attempt.value) attempt.value = (await getAttempt(getDB(), attempt.value.id)) ?? attempt.value
      result.value = { ...r, correct: log.correct, log }
    } catch (e) {
      saveError.value = describeError(e)
    } finally {
      busy.value = false
    }
  }

  /** "I was right": a typed answer graded wrong counts as right (logged as overridden). */
  async function override(): Promise<void> {
    const e = entry.value
    if (!e || !isTypedAnswer(e.question) || result.value?.correct) return
    await regrade(3, { correct: true, overridden: true })
  }

  async function next(): Promise<void> {
    if (index.value < queue.value.length) index.value++
    if (index.value >= queue.value.length) {
      if (kind.value === 'quiz') {
        phase.value = 'done'
        if (attempt.value) await finishAttempt(getDB(), attempt.value.id, Date.now())
      } else {
        // Learning steps may already be due again: look once more before saying "done".
        await buildQueue()
        return
      }
    } else phase.value = 'answering'
    resetQuestion()
  }

  /** Exam submitted or time ran out: unanswered questions count as wrong. Never ends after the deadline. */
  async function finishNow(): Promise<void> {
    if (attempt.value) await finishAttempt(getDB(), attempt.value.id, endTime(attempt.value, Date.now()))
    phase.value = 'done'
  }

  // ----- exams -------------------------------------------------------------------------------

  /**
   * Saves the answer to the exam question on screen (an unchanged one is left as it is). False
   * when it could not be saved (the reason is on screen) or the time is up (the exam ends).
   */
  async function examSave(r: Response, grade?: Grade): Promise<boolean> {
    const e = entry.value
    const a = attempt.value
    if (!e || !a || phase.value !== 'answering' || busy.value) return false
    if (a.deadline !== null && Date.now() >= a.deadline) {
      await finishNow()
      return false
    }
    const before = examAnswers.value.get(e.question.id)
    if (before && sameResponse(before.answer, r)) return true
    const verdict = checkAnswer(e.question, r)
    const now = Date.now()
    const input: AnswerInput = {
      questionId: e.question.id,
      setId: e.setId,
      mode: 'exam',
      answer: r,
      correct: verdict.correct,
      grade: grade ?? gradeFor(verdict.correct),
      durationMs: activeDuration(now, activeSince),
      now,
      attemptId: a.id,
    }
    const log = await save(input, before?.reviewId)
    if (!log) return false
    activeSince = now
    writeDraft(null)
    attempt.value = (await getAttempt(getDB(), a.id)) ?? a
    return true
  }

  /** Saves the answer on screen if it is complete. */
  async function examSaveCurrent(): Promise<boolean> {
    const r = response.value
    return r ? examSave(r) : true
  }

  /** Moves to exam question `i` (any, in any order), saving the answer on screen first. */
  async function examGo(i: number): Promise<void> {
    if (!isExam.value || i < 0 || i === index.value) return
    if (!(await examSaveCurrent())) return
    if (i >= queue.value.length) {
      // Past the last question: stay on it, its answer saved; handing in is the learner's call.
      resetQuestion()
      return
    }
    index.value = i
    phase.value = 'answering'
    resetQuestion()
  }

  /** Hands the exam in: the answer on screen is saved first; unanswered questions count as wrong. */
  async function handIn(): Promise<void> {
    if (await examSaveCurrent()) await finishNow()
  }

  async function toggleFlag(): Promise<void> {
    const a = attempt.value
    const id = currentId.value
    if (!a || !id) return
    try {
      await setFlag(getDB(), a.id, id, !flagged.value.has(id))
      attempt.value = (await getAttempt(getDB(), a.id)) ?? a
    } catch (e) {
      saveError.value = describeError(e)
    }
  }

  /** Positions (0-based) of the exam questions not answered yet. */
  const unanswered = computed(() => queue.value.flatMap((id, i) => (examAnswers.value.has(id) ? [] : [i])))

  const canUndo = computed(() => !isExam.value && history.value.length > 0 && !busy.value)

  /** Takes back the last answer of this session; its question comes back on screen. */
  async function undo(): Promise<boolean> {
    const last = history.value[history.value.length - 1]
    if (!last || busy.value) return false
    busy.value = true
    try {
      await undoAnswer(getDB(), last)
    } catch (e) {
      saveError.value = describeError(e)
      return false
    } finally {
      busy.value = false
    }
    history.value = history.value.slice(0, -1)
    if (kind.value === 'quiz' && attempt.value) {
      attempt.value = (await getAttempt(getDB(), attempt.value.id)) ?? attempt.value
      const answered = new Set(attempt.value.answers.map((x) => x.questionId))
      const open = queue.value.findIndex((id) => !answered.has(id))
      index.value = open === -1 ? queue.value.length : open
    } else {
      // The question returns to the front of the review.
      const back = phase.value === 'feedback' ? index.value : Math.max(0, index.value - 1)
      if (phase.value === 'done') {
        await buildQueue()
        return true
      }
      index.value = back
    }
    phase.value = 'answering'
    resetQuestion()
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
    kind, attempt, queue, index, phase, draft, result, currentCard, saveError, loadError, unsaved, busy, history,
    nextDue, newLeft, question, entry, rights, response, mode, isExam, inSession, answeredCount,
    correctCount, previews, remaining, dueIds, canUndo, examAnswers, flagged, unanswered,
    examGo, examSaveCurrent, handIn, toggleFlag, currentId,
    openQuiz, openReview, submit, dontKnow, gradeFlashcard, retrySave, regrade, override, next, finishNow,
    undo, setDraft,
  }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
