/**
 * Where a quiz attempt belongs, decided once from plain data: still open (the quiz screen, at
 * its next question) or over (its results). An exam's clock runs whether or not the learner is
 * on the page: past its deadline it is over, ended at the deadline, never later.
 */

export interface AttemptLike {
  status: 'active' | 'finished'
  questionIds: readonly string[]
  answers: readonly { questionId: string }[]
  startedAt: number
  updatedAt: number
  finishedAt: number | null
  deadline: number | null
  config?: { mode: 'practice' | 'exam' }
}

/**
 * 'finished': already over. 'timeup': an exam whose deadline has passed (end it at the
 * deadline). 'complete': every question of a practice quiz still in the bank is answered (end
 * it now). 'open': questions are left, or an exam not yet handed in.
 */
export type AttemptOutcome = 'finished' | 'timeup' | 'complete' | 'open'

export function attemptOutcome(a: AttemptLike, now: number, inBank: (id: string) => boolean): AttemptOutcome {
  if (a.status === 'finished') return 'finished'
  if (a.deadline !== null && now >= a.deadline) return 'timeup'
  // An exam is over when it is handed in (or its time is up), not when the last question is
  // answered: answers can still be looked at and changed until then.
  if (a.config?.mode === 'exam') return 'open'
  const answered = new Set(a.answers.map((x) => x.questionId))
  return a.questionIds.some((id) => inBank(id) && !answered.has(id)) ? 'open' : 'complete'
}

/** When an attempt that is over ended: now, or its deadline if that came first. */
export function endTime(a: Pick<AttemptLike, 'deadline'>, now: number): number {
  return a.deadline === null ? now : Math.min(now, a.deadline)
}

/** The time an attempt took (ms), never more than its time limit. */
export function timeUsed(a: AttemptLike): number {
  const end = a.finishedAt ?? a.updatedAt
  return Math.max(0, endTime(a, end) - a.startedAt)
}

/** An exam that ended because its time ran out. */
export function ranOutOfTime(a: AttemptLike): boolean {
  return a.deadline !== null && a.finishedAt !== null && a.finishedAt >= a.deadline
}

/** Whole seconds as m:ss (h:mm:ss from an hour on). */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** The longest stretch between two answers that counts as study time; longer means the learner was away. */
export const ACTIVE_CAP_MS = 5 * 60_000

/** Study time of an answer: since the session opened or the previous answer, whichever was later, capped. */
export function activeDuration(now: number, since: number, cap = ACTIVE_CAP_MS): number {
  return Math.min(cap, Math.max(0, now - since))
}
