import { defineStore } from 'pinia'
import type { QuestionType } from '@/domain/content/schema'
import { pickQuizQuestions } from '@/domain/session/quiz'
import { getDB } from '@/db/database'
import { abandonAttempt, createAttempt } from '@/db/progress'
import { getAttempt, latestActiveQuiz } from '@/db/queries'
import type { AttemptRecord, QuizConfig } from '@/db/records'
import { useBankStore } from './bank'

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}

/** Starting, resuming and reading quiz attempts. */
export const useQuizzesStore = defineStore('quizzes', () => {
  const bank = useBankStore()

  async function create(config: QuizConfig, questionIds: string[], seed: number): Promise<string> {
    const now = Date.now()
    const setIds = [...new Set(questionIds.map((id) => bank.questionIndex.get(id)?.setId).filter((x): x is string => !!x))]
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
    const ids = pickQuizQuestions(
      bank.allQuestionSets,
      { setIds: config.setIds, types: config.types as QuestionType[], count: config.count, order: config.order },
      seed,
    )
    return ids.length ? create(config, ids, seed) : null
  }

  /** A practice quiz on given questions (retry the missed ones, redo the notebook). */
  async function startWith(questionIds: string[]): Promise<string | null> {
    const ids = questionIds.filter((id) => bank.questionIndex.has(id))
    if (!ids.length) return null
    const setIds = [...new Set(ids.map((id) => bank.questionIndex.get(id)!.setId))]
    const config: QuizConfig = { setIds, count: 'all', types: [], order: 'article', mode: 'practice', timeLimitMin: null }
    return create(config, ids, randomSeed())
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

  return { start, startWith, latestActive, discard, load }
})
