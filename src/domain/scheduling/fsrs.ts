/**
 * The only door to ts-fsrs. Pure: every function takes `now` (epoch ms) and returns plain
 * CardRecords; fuzz is off so the same input always gives the same card.
 */
import { fsrs, type Card, type FSRS, type StepUnit } from 'ts-fsrs'
import type { Grade } from '@/domain/content/response'
import { DEFAULT_RELEARNING_STEPS, type CardRecord, type Settings } from './types'

const DAY_MS = 86_400_000
const STEP = /^\d+(?:\.\d+)?[mhd]$/

/** True for a learning step ts-fsrs understands: '1m', '10m', '1.5h', '1d'. */
export function isStep(step: string): step is StepUnit {
  return STEP.test(step)
}

function steps(list: readonly string[]): StepUnit[] {
  return list.filter(isStep)
}

// Building an FSRS instance migrates its parameters; rescheduling thousands of cards reuses one.
const cache = new Map<string, FSRS>()

/** The ts-fsrs scheduler for these settings (no fuzz). */
export function schedulerFor(settings: Settings): FSRS {
  const learning = steps(settings.learningSteps)
  const relearning = steps(settings.relearningSteps ?? DEFAULT_RELEARNING_STEPS)
  const key = JSON.stringify([settings.retention, settings.maxIntervalDays, learning, relearning])
  let scheduler = cache.get(key)
  if (!scheduler) {
    scheduler = fsrs({
      enable_fuzz: false,
      request_retention: settings.retention,
      maximum_interval: settings.maxIntervalDays,
      learning_steps: learning,
      relearning_steps: relearning,
    })
    if (cache.size >= 16) cache.clear()
    cache.set(key, scheduler)
  }
  return scheduler
}

/** A new (never answered) card, due now. */
export function emptyCard(questionId: string, setId: string, now: number): CardRecord {
  return {
    questionId,
    setId,
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    lastReview: null,
  }
}

/**
 * The card as ts-fsrs takes it at `now`. A last review later than now (the device's clock was set
 * back, or a backup came from a device whose clock ran fast) counts as now: ts-fsrs refuses a
 * negative elapsed time, and the learner must still be able to answer.
 */
function toFsrs(card: CardRecord, now: number): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.lastReview === null ? {} : { last_review: new Date(Math.min(card.lastReview, now)) }),
  }
}

function fromFsrs(card: Card, questionId: string, setId: string): CardRecord {
  return {
    questionId,
    setId,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as CardRecord['state'],
    lastReview: card.last_review ? card.last_review.getTime() : null,
  }
}

// ts-fsrs keeps Hard < Good < Easy by adding a day after clamping to maximum_interval, so a
// capped card can land a day or two past the learner's maximum. Cap it again.
function capped(card: CardRecord, settings: Settings): CardRecord {
  if (card.state !== 2 || card.lastReview === null || card.scheduledDays <= settings.maxIntervalDays) return card
  return { ...card, scheduledDays: settings.maxIntervalDays, due: card.lastReview + settings.maxIntervalDays * DAY_MS }
}

export interface GradePreview {
  card: CardRecord
  /** Time from `now` until the card is due again. */
  intervalMs: number
}

/** The four possible next states, to label the grade buttons ("10 min", "1 d", "4 d"). */
export function previewGrades(
  card: CardRecord | null,
  questionId: string,
  setId: string,
  now: number,
  settings: Settings,
): Record<Grade, GradePreview> {
  const start = toFsrs(card ?? emptyCard(questionId, setId, now), now)
  const log = schedulerFor(settings).repeat(start, new Date(now))
  const entry = (grade: Grade): GradePreview => {
    const next = capped(fromFsrs(log[grade].card, questionId, setId), settings)
    return { card: next, intervalMs: next.due - now }
  }
  return { 1: entry(1), 2: entry(2), 3: entry(3), 4: entry(4) }
}

/** The card after answering with `grade` at `now` (a null card is a new question). */
export function applyGrade(
  card: CardRecord | null,
  questionId: string,
  setId: string,
  grade: Grade,
  now: number,
  settings: Settings,
): CardRecord {
  const start = toFsrs(card ?? emptyCard(questionId, setId, now), now)
  const next = schedulerFor(settings).next(start, new Date(now), grade)
  return capped(fromFsrs(next.card, questionId, setId), settings)
}

/** The grade of a checked (not self-graded) answer: wrong → Again, right → Good. */
export function gradeFor(correct: boolean): Grade {
  return correct ? 3 : 1
}

/**
 * A reviewed card's due date recomputed from its stability and last review for the settings'
 * retention and maximum interval. New, learning and relearning cards keep their (minute) steps.
 */
export function rescheduleForRetention(card: CardRecord, settings: Settings): CardRecord {
  if (card.state !== 2 || card.lastReview === null) return card
  const days = schedulerFor(settings).next_interval(card.stability, card.elapsedDays)
  return { ...card, scheduledDays: days, due: card.lastReview + days * DAY_MS }
}

export type IntervalUnit = 'min' | 'h' | 'd' | 'mo' | 'y'

/**
 * An interval for a label, in the largest unit that reads naturally: minutes and hours and days
 * are whole, months and years have one decimal (10 min, 5 h, 4 d, 1.5 mo, 2.1 y).
 */
export function formatInterval(ms: number): { value: number; unit: IntervalUnit } {
  const safe = Number.isFinite(ms) ? Math.max(0, ms) : 0
  const minutes = Math.round(safe / 60_000)
  if (minutes < 60) return { value: Math.max(1, minutes), unit: 'min' }
  const hours = Math.round(safe / 3_600_000)
  if (hours < 24) return { value: hours, unit: 'h' }
  const days = Math.round(safe / DAY_MS)
  if (days < 30) return { value: days, unit: 'd' }
  const months = Math.round((days / 30) * 10) / 10
  if (months < 12) return { value: months, unit: 'mo' }
  return { value: Math.round((days / 365) * 10) / 10, unit: 'y' }
}
