/**
 * Synthetic progress for the benchmark (bench/) and for tests: an imported question set of any
 * size, the cards of its questions and a review log, written through the app's own tables so
 * the real screens read them as they would a learner's data.
 *
 * Deterministic: the same options give the same rows (a seeded generator, `now` passed in).
 */
import type { Grade, Response } from '@/domain/content/response'
import type { Question, QuestionSet } from '@/domain/content/schema'
import { mulberry32 } from '@/domain/random'
import type { StudyDB } from './database'
import { putImportedSets } from './importedQuestions'
import { recordAnswer } from './progress'
import { DEFAULT_SETTINGS, type CardRecord, type NotebookEntry, type ReviewLogRecord } from './records'
import { rebuildDailyStats } from './stats'

const DAY = 86_400_000
const HOUR = 3_600_000

export interface SeedOptions {
  /** Questions in the imported set. */
  questions: number
  /** Review log entries, oldest first, spread evenly over the last `days` days before `now`. Entry i answers question i mod `questions`. */
  logs: number
  now: number
  /** Id of the imported set, also the prefix of its question ids. Default 'bench'. */
  setId?: string
  /** Days of history the log covers. Default 180. */
  days?: number
  /** 'bulk' only: each answered question gets a review-state card, this fraction of them due at `now`. Default 0.03. */
  dueFraction?: number
  /**
   * 'bulk' writes rows directly with bulkPut, `chunk` rows per transaction: fast enough for
   * 100,000. 'answers' records every log entry through recordAnswer (one transaction each, real
   * FSRS states): realistic, but only for small counts.
   */
  via?: 'bulk' | 'answers'
  /** Rows per bulkPut transaction. Default 5000. */
  chunk?: number
  /** Seed of the generator. Default 1. */
  seed?: number
  /** Log entries written so far, of `logs`. */
  onProgress?: (done: number, total: number) => void
}

export interface SeedResult {
  setId: string
  questions: number
  cards: number
  logs: number
  notebook: number
  /** Cards due at `now`. */
  due: number
}

/** `<setId>-q000042`: ids sort in question order. */
export function seedQuestionId(setId: string, index: number): string {
  return `${setId}-q${String(index).padStart(6, '0')}`
}

function seedQuestion(setId: string, i: number): Question {
  const base = {
    id: seedQuestionId(setId, i),
    prompt: { zh: `第 ${i + 1} 题：千问的开源模型下载量排第几？`, en: `Question ${i + 1}: where do Qwen's open models rank in downloads?` },
    explanation: { zh: `基准测试题 ${i + 1} 的解析。`, en: `Explanation of benchmark question ${i + 1}.` },
  }
  switch (i % 3) {
    case 0:
      return {
        ...base,
        type: 'single',
        choices: ['a', 'b', 'c', 'd'].map((id, k) => ({ id, text: { zh: `选项 ${k + 1}`, en: `Choice ${k + 1}` } })),
        answer: 'a',
      }
    case 1:
      return { ...base, type: 'truefalse', answer: i % 2 === 0 }
    default:
      return { ...base, type: 'flashcard', back: { zh: `答案 ${i + 1}`, en: `Answer ${i + 1}` } }
  }
}

/** An imported-style question set of `count` questions (single choice, true/false, flashcards in turn). */
export function seedQuestionSet(setId: string, count: number): QuestionSet {
  return {
    id: setId,
    title: { zh: `基准测试 · ${count} 题`, en: `Benchmark · ${count} questions` },
    keyPoints: [{ zh: '合成数据，用于测速。', en: 'Synthetic data for the benchmark.' }],
    questions: Array.from({ length: count }, (_, i) => seedQuestion(setId, i)),
  }
}

function answerFor(question: Question, correct: boolean, grade: Grade): Response {
  switch (question.type) {
    case 'single':
      return { type: 'single', choice: correct ? 'a' : 'b' }
    case 'truefalse':
      return { type: 'truefalse', value: correct ? question.answer : !question.answer }
    default:
      return { type: 'flashcard', grade }
  }
}

/** A review-state card last reviewed before `now`, due in the past for about `dueFraction` of calls. */
function reviewCard(questionId: string, setId: string, now: number, dueFraction: number, rand: () => number): CardRecord {
  const stability = 1 + rand() * 180
  const scheduledDays = Math.max(1, Math.round(stability))
  // Due: a little overdue (up to three days), or anywhere up to the interval ahead.
  const due = rand() < dueFraction ? now - Math.floor(rand() * 3 * DAY) : now + HOUR + Math.floor(rand() * scheduledDays * DAY)
  return {
    questionId,
    setId,
    due,
    stability,
    difficulty: 1 + rand() * 9,
    elapsedDays: scheduledDays,
    scheduledDays,
    learningSteps: 0,
    reps: 1 + Math.floor(rand() * 8),
    lapses: Math.floor(rand() * 2),
    state: 2,
    lastReview: due - scheduledDays * DAY,
  }
}

async function inChunks<T>(rows: readonly T[], size: number, write: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size))
}

/**
 * Writes an imported set of `count` questions and no progress (a set the learner has not
 * opened yet), replacing one of the same id. Returns how many questions it holds.
 */
export async function seedSet(db: StudyDB, setId: string, count: number, now: number): Promise<number> {
  const set = seedQuestionSet(setId, Math.max(1, Math.floor(count)))
  await putImportedSets(db, [{ id: setId, name: set.title.zh, importedAt: now, updatedAt: now, set }])
  return set.questions.length
}

/**
 * Writes an imported set of `questions` questions (stored like a learner's import, so the bank
 * store merges it) and `logs` review log entries with the cards and mistakes they leave behind.
 * Adds to what is there; the set is replaced if it exists.
 */
export async function seedProgress(db: StudyDB, options: SeedOptions): Promise<SeedResult> {
  const { now, logs } = options
  const count = Math.max(1, Math.floor(options.questions))
  const setId = options.setId ?? 'bench'
  const days = options.days ?? 180
  const dueFraction = options.dueFraction ?? 0.03
  const chunk = options.chunk ?? 5000
  const rand = mulberry32(options.seed ?? 1)
  const set = seedQuestionSet(setId, count)
  const start = now - days * DAY
  const timeOf = (i: number): number => start + Math.floor(((i + 0.5) / Math.max(1, logs)) * days * DAY)
  const gradeOf = (): { correct: boolean; grade: Grade } => {
    const r = rand()
    return r < 0.15 ? { correct: false, grade: 1 } : { correct: true, grade: r < 0.25 ? 2 : r < 0.9 ? 3 : 4 }
  }
  const progress = (done: number): void => options.onProgress?.(done, logs)

  await putImportedSets(db, [{ id: setId, name: set.title.zh, importedAt: now, updatedAt: now, set }])

  if (options.via === 'answers') {
    for (let i = 0; i < logs; i++) {
      const question = set.questions[i % count]!
      const { correct, grade } = gradeOf()
      const input = { questionId: question.id, setId, mode: 'review' as const, correct, grade, durationMs: 4000, now: timeOf(i) }
      await recordAnswer(db, { ...input, answer: answerFor(question, correct, grade) }, DEFAULT_SETTINGS)
      if ((i + 1) % 100 === 0) progress(i + 1)
    }
  } else {
    const cards = new Map<string, CardRecord>()
    const notebook = new Map<string, NotebookEntry>()
    const reviews: ReviewLogRecord[] = []
    for (let i = 0; i < logs; i++) {
      const question = set.questions[i % count]!
      const { correct, grade } = gradeOf()
      const time = timeOf(i)
      const cardBefore = cards.get(question.id) ?? null
      const notebookBefore = notebook.get(question.id) ?? null
      reviews.push({
        id: `${setId}-log-${String(i).padStart(7, '0')}`,
        questionId: question.id,
        setId,
        time,
        mode: 'review',
        correct,
        overridden: false,
        answer: answerFor(question, correct, grade),
        grade,
        durationMs: 2000 + Math.floor(rand() * 18_000),
        cardBefore,
        notebookBefore,
        attemptId: null,
      })
      cards.set(question.id, reviewCard(question.id, setId, now, dueFraction, rand))
      if (!correct) {
        notebook.set(question.id, {
          questionId: question.id,
          setId,
          missCount: (notebookBefore?.missCount ?? 0) + 1,
          lastWrongAnswer: answerFor(question, false, grade),
          lastWrongAt: time,
          correctStreak: 0,
          cleared: 0,
          clearedAt: null,
        })
      }
    }
    let written = 0
    await inChunks(reviews, chunk, async (part) => {
      await db.reviews.bulkPut(part)
      progress((written += part.length))
    })
    await inChunks([...cards.values()], chunk, (part) => db.cards.bulkPut(part))
    await inChunks([...notebook.values()], chunk, (part) => db.notebook.bulkPut(part))
    // The log was written around recordAnswer: count the stats screen's daily totals from it.
    await rebuildDailyStats(db)
  }
  progress(logs)

  const [cardCount, due, logCount, notebookCount] = await Promise.all([
    db.cards.where('setId').equals(setId).count(),
    db.cards.where('[setId+due]').between([setId, -Infinity], [setId, now], true, true).count(),
    db.reviews.where('setId').equals(setId).count(),
    db.notebook.where('setId').equals(setId).count(),
  ])
  return { setId, questions: count, cards: cardCount, logs: logCount, notebook: notebookCount, due }
}
