import { describe, expect, it } from 'vitest'
import { activeDuration, attemptOutcome, clockText, ranOutOfTime, timeUsed, type AttemptLike } from './attempt'

const MIN = 60_000
const base: AttemptLike = {
  status: 'active',
  questionIds: ['a', 'b', 'c'],
  answers: [{ questionId: 'a' }],
  startedAt: 1_000_000,
  updatedAt: 1_000_000 + MIN,
  finishedAt: null,
  deadline: null,
}
const all = () => true

describe('attemptOutcome', () => {
  it('is open while questions are left, complete when every one is answered', () => {
    expect(attemptOutcome(base, base.updatedAt, all)).toBe('open')
    const done = { ...base, answers: ['a', 'b', 'c'].map((questionId) => ({ questionId })) }
    expect(attemptOutcome(done, base.updatedAt, all)).toBe('complete')
  })
  it('an exam stays open with every question answered, until it is handed in', () => {
    const exam = { ...base, config: { mode: 'exam' as const }, answers: ['a', 'b', 'c'].map((questionId) => ({ questionId })) }
    expect(attemptOutcome(exam, base.updatedAt, all)).toBe('open')
  })
  it('leaves out questions no longer in the bank', () => {
    expect(attemptOutcome(base, base.updatedAt, (id) => id === 'a')).toBe('complete')
  })
  it('says finished for a finished attempt, whatever the clock', () => {
    expect(attemptOutcome({ ...base, status: 'finished', deadline: 0 }, 1e12, all)).toBe('finished')
  })
  it('an exam is over at its deadline, answered or not, on the page or away', () => {
    const exam = { ...base, deadline: base.startedAt + 5 * MIN }
    expect(attemptOutcome(exam, exam.deadline - 1, all)).toBe('open')
    expect(attemptOutcome(exam, exam.deadline, all)).toBe('timeup')
    expect(attemptOutcome(exam, exam.deadline + 60 * MIN, all)).toBe('timeup')
  })
})

describe('timeUsed and ranOutOfTime', () => {
  it('never counts past the deadline', () => {
    const exam = { ...base, status: 'finished' as const, deadline: base.startedAt + 5 * MIN, finishedAt: base.startedAt + 10 * MIN }
    expect(timeUsed(exam)).toBe(5 * MIN)
    expect(ranOutOfTime(exam)).toBe(true)
    expect(clockText(timeUsed(exam))).toBe('5:00')
  })
  it('an exam submitted early used what it used', () => {
    const exam = { ...base, status: 'finished' as const, deadline: base.startedAt + 5 * MIN, finishedAt: base.startedAt + 2 * MIN }
    expect(timeUsed(exam)).toBe(2 * MIN)
    expect(ranOutOfTime(exam)).toBe(false)
  })
})

describe('clockText', () => {
  it('writes m:ss, and h:mm:ss from an hour on', () => {
    expect(clockText(0)).toBe('0:00')
    expect(clockText(65_000)).toBe('1:05')
    expect(clockText(3_725_000)).toBe('1:02:05')
  })
})

describe('activeDuration', () => {
  it('counts from the later of the session start and the previous answer, capped', () => {
    expect(activeDuration(1000 + 40_000, 1000)).toBe(40_000)
    expect(activeDuration(0, 1000)).toBe(0)
    expect(activeDuration(60 * MIN, 0)).toBe(5 * MIN)
  })
})
