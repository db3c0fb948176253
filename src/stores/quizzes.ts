import { acceptHMRUpdate, defineStore } from 'pinia'
import type { QuestionType } from '@/domain/content/schema'
import { attemptOutcome, endTime } from '@/domain/session/attempt'
import { pickQuizQuestions } from '@/domain/session/quiz'
import { getDB } from '@/db/database'
import { abandonAttempt, createAttempt, finishAttempt } from '@/db/progress'
import { getAttempt, latestActiveQuiz } from '@/db/queries'
import type { AttemptRecord, QuizConfig } from '@/db/records'
import { useBankStore } from './bank'

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

  function latestActive(): Promise<AttemptRecord | undefined> {
    return latestActiveQuiz(getDB())
  }

  async function discard(id: string): Promise<void> {
    await abandonAttempt(getDB(), id)
  }

  function load(id: string): Promise<AttemptRecord | undefined> {
    return getAttempt(getDB(), id)
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
      a = await getAttempt(db, id)
    } catch {
      return null
    }
    if (!a) return null
    try {
      await bank.loadQuestions(a.questionIds)
    } catch {
      return null
    }
    const now = Date.now()
    const outcome = attemptOutcome(a, now, (q) => bank.questionIndex.has(q))
    if (outcome === 'open') return 'quiz'
    if (outcome !== 'finished') await finishAttempt(db, id, endTime(a, now))
    return 'results'
  }

  return { start, startWith, latestActive, discard, load, place }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useQuizzesStore, import.meta.hot))
