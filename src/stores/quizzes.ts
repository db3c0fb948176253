import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { QuestionType } from '@/domain/content/schema'
import { attemptOutcome, endTime } from '@/domain/session/attempt'
import { pickQuizQuestions } from '@/domain/session/quiz'
import { getDB } from '@/db/database'
import { abandonAttempt, createAttempt, finishAttempt, listAttempts } from '@/db/progress'
import { getAttempt, latestActiveQuiz } from '@/db/queries'
import type { AttemptRecord, QuizConfig } from '@/db/records'
import { useAppStore } from './app'
import { useBankStore } from './bank'
import { describeError } from './describeError'
import { liveResource } from './liveResource'

/**
 * An attempt, with its questions loaded into the bank (imported questions are fetched by the
 * screens that show them); undefined when there is none. How every screen of a quiz reads one.
 */
export async function readAttempt(id: string): Promise<AttemptRecord | undefined> {
  const a = await getAttempt(getDB(), id)
  if (a) await useBankStore().loadQuestions(a.questionIds)
  return a
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}

/** Starting, resuming and reading quiz attempts. */
export const useQuizzesStore = defineStore('quizzes', () => {
  const bank = useBankStore()

  async function create(config: QuizConfig, questionIds: string[], seed: number, setOf: (id: string) => string | undefined): Promise<string> {
    const now = Date.now()
    const setIds = [...new Set(questionIds.map(setOf).filter((x): x is string => !!x))]
    const attempt: AttemptRecord = {
      id: crypto.randomUUID(),
      kind: 'quiz',
      status: 'active',
      config,
      setIds,
      questionIds,
      seed,
      answers: [],
      startedAt: now,
      updatedAt: now,
      finishedAt: null,
      deadline: config.mode === 'exam' && config.timeLimitMin ? now + config.timeLimitMin * 60_000 : null,
      correctCount: 0,
      total: questionIds.length,
    }
    return createAttempt(getDB(), attempt)
  }

  /** A new quiz drawn from the bank by the setup choices. Returns its id, or null when nothing matches. */
  async function start(config: QuizConfig): Promise<string | null> {
    const seed = randomSeed()
    // Only the chosen sets' questions are read.
    const sets = await bank.loadSets(config.setIds)
    const ids = pickQuizQuestions(
      sets,
      { setIds: config.setIds, types: config.types as QuestionType[], count: config.count, order: config.order },
      seed,
    )
    const setOf = new Map(sets.flatMap((s) => s.questions.map((q) => [q.id, s.id] as const)))
    return ids.length ? create(config, ids, seed, (id) => setOf.get(id)) : null
  }

  /** A practice quiz on given questions (retry the missed ones, redo the notebook). */
  async function startWith(questionIds: string[]): Promise<string | null> {
    await bank.loadQuestions(questionIds)
    const ids = questionIds.filter((id) => bank.questionIndex.has(id))
    if (!ids.length) return null
    const setIds = [...new Set(ids.map((id) => bank.questionIndex.get(id)!.setId))]
    const config: QuizConfig = { setIds, count: 'all', types: [], order: 'article', mode: 'practice', timeLimitMin: null }
    return create(config, ids, randomSeed(), (id) => bank.questionIndex.get(id)?.setId)
  }

  /** The quiz the setup screen offers to resume: the latest one still open (undefined: none). */
  const resumable = shallowRef<AttemptRecord | undefined>(undefined)

  /** Reads it for the setup screen. A failed read offers none (and is logged): starting a quiz still works. */
  async function openSetup(): Promise<void> {
    resumable.value = undefined
    try {
      resumable.value = await latestActiveQuiz(getDB())
    } catch (e) {
      console.warn('open quiz unreadable', e)
    }
  }

  async function discard(id: string): Promise<void> {
    await abandonAttempt(getDB(), id)
    if (resumable.value?.id === id) resumable.value = undefined
  }

  /** The attempt on the results screen: undefined while it is read, null when there is none. */
  const results = shallowRef<AttemptRecord | null | undefined>(undefined)
  /** Why it could not be read (opening it again retries); null otherwise. */
  const resultsError = ref<string | null>(null)

  /** Counts the reads, so that of two that overlap only the one asked for last lands. */
  let resultReads = 0

  async function openResults(id: string): Promise<void> {
    const read = ++resultReads
    results.value = undefined
    resultsError.value = null
    try {
      const a = (await readAttempt(id)) ?? null
      if (read === resultReads) results.value = a
    } catch (e) {
      if (read === resultReads) resultsError.value = describeError(e)
    }
  }

  /**
   * Where an attempt belongs, decided before either of its screens renders: an open one on the
   * quiz screen, one that is over on its results. One whose questions are all answered, or an
   * exam past its deadline, is ended here (the exam at its deadline: time used stops there).
   * A missing or unreadable attempt stays where it was asked for; that screen says so.
   */
  async function place(id: string): Promise<'quiz' | 'results' | null> {
    const db = getDB()
    let a: AttemptRecord | undefined
    try {
      a = await readAttempt(id)
    } catch {
      return null
    }
    if (!a) return null
    const now = Date.now()
    const outcome = attemptOutcome(a, now, (q) => bank.questionIndex.has(q))
    if (outcome === 'open') return 'quiz'
    if (outcome !== 'finished') await finishAttempt(db, id, endTime(a, now))
    return 'results'
  }

  /**
   * An exam's clock runs whatever screen is shown (or none, offline): each one is handed in at
   * its deadline, and one whose deadline passed while the app was closed is handed in at that
   * deadline as soon as the app has started (it follows the open attempts for its lifetime).
   */
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined
  const open = liveResource(() => listAttempts(getDB(), { status: 'active' }), {
    initial: [] as AttemptRecord[],
    ready: () => useAppStore().whenReady(),
    onValue: (attempts) => void endExamsAtDeadline(attempts),
  })

  async function endExamsAtDeadline(attempts: AttemptRecord[]): Promise<void> {
    clearTimeout(deadlineTimer)
    const now = Date.now()
    const timed = attempts.filter((a) => a.deadline !== null)
    for (const a of timed) if (a.deadline! <= now) await finishAttempt(getDB(), a.id, a.deadline!)
    const next = Math.min(...timed.map((a) => a.deadline!).filter((d) => d > now))
    if (Number.isFinite(next)) deadlineTimer = setTimeout(() => void endExamsAtDeadline(open.data.value), Math.min(next - now, 2 ** 31 - 1))
  }

  return { start, startWith, resumable, openSetup, discard, results, resultsError, openResults, place, keepExamDeadlines: open.watch }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useQuizzesStore, import.meta.hot))
