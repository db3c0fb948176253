import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { QuestionSet } from '../src/domain/content/schema'
import { loadBank } from './load-questions'
import { DEFAULT_LIST, formatProbe, parseTypedAnswers, probeTypedAnswers } from './probe-typed-answers'
import type { TypedAnswer } from './probe-typed-answers'

const t = (zh: string, en: string) => ({ zh, en })
const bank: QuestionSet[] = [
  {
    id: 'a',
    title: t('题组', 'Set'),
    keyPoints: [t('要点', 'Point')],
    questions: [
      {
        id: 'a-blank',
        type: 'blank',
        prompt: t('____', '____'),
        explanation: t('。', '.'),
        answer: t('英伟达', 'Nvidia'),
        accepted: ['辉达'],
      },
      {
        id: 'a-numeric',
        type: 'numeric',
        prompt: t('几年?', 'How many years?'),
        explanation: t('。', '.'),
        value: 16,
        tolerance: 0,
      },
      { id: 'a-tf', type: 'truefalse', prompt: t('对吗?', 'True?'), explanation: t('。', '.'), answer: true },
    ],
  },
]
const entry = (id: string, typed: string, expected: 'right' | 'wrong', set = 'a'): TypedAnswer => ({
  set,
  id,
  lang: 'en',
  typed,
  expected,
})

describe('probeTypedAnswers', () => {
  it('counts entries graded as expected and lists each miss with what the checker said', () => {
    const result = probeTypedAnswers(bank, [
      entry('a-blank', 'Nvidia', 'right'),
      entry('a-blank', '辉达', 'right'),
      entry('a-blank', 'Microsoft', 'right'),
      entry('a-numeric', '16', 'right'),
      entry('a-numeric', '61', 'wrong'),
      entry('a-numeric', '16', 'wrong'),
    ])
    expect(result.graded).toBe(6)
    expect(result.asExpected).toBe(4)
    expect(result.misses).toEqual([
      { ...entry('a-blank', 'Microsoft', 'right'), graded: 'wrong' },
      { ...entry('a-numeric', '16', 'wrong'), graded: 'right' },
    ])
    const lines = formatProbe(result)
    expect(lines[0]).toBe('4 of 6 graded as expected')
    expect(lines).toContain('right answers graded wrong (1):')
    expect(lines).toContain('  a-blank [en] "Microsoft"')
    expect(lines).toContain('wrong answers graded right (1):')
  })

  it('leaves out, with a reason, entries whose question is missing, in another set or not typed', () => {
    const result = probeTypedAnswers(bank, [
      entry('a-gone', 'x', 'right'),
      entry('a-blank', 'Nvidia', 'right', 'b'),
      entry('a-tf', 'true', 'right'),
    ])
    expect(result.graded).toBe(0)
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'no such question in the bank',
      'the question is in set "a"',
      'a truefalse question takes no typed answer',
    ])
  })
})

describe('parseTypedAnswers', () => {
  it('names the malformed entry', () => {
    expect(() => parseTypedAnswers('{}', 'list.json')).toThrow('list.json: expected a JSON array of entries')
    expect(() =>
      parseTypedAnswers(JSON.stringify([entry('a-blank', 'x', 'right'), { ...entry('a-blank', 'x', 'right'), lang: 'fr' }]), 'list.json'),
    ).toThrow('list.json: entry 1 "lang" must be "zh" or "en"')
    expect(() => parseTypedAnswers(JSON.stringify([{ ...entry('a-blank', 'x', 'right'), expected: 'yes' }]), 'l')).toThrow(
      'l: entry 0 "expected" must be "right" or "wrong"',
    )
  })

  it('reads the project list, every entry of which is a typed question of the bank', () => {
    const entries = parseTypedAnswers(readFileSync(DEFAULT_LIST, 'utf8'), DEFAULT_LIST)
    const { sets, errors } = loadBank()
    expect(errors).toEqual([])
    // Which set holds each typed question: no grading here, the next test grades the whole list.
    const typed = new Map(
      sets.flatMap((set) => set.questions.filter((q) => q.type === 'blank' || q.type === 'numeric').map((q) => [q.id, set.id] as const)),
    )
    expect(entries.filter((e) => typed.get(e.id) !== e.set)).toEqual([])
    // Both kinds are there: right answers to accept and near-misses to refuse, in both languages.
    for (const expected of ['right', 'wrong'] as const)
      for (const lang of ['zh', 'en'] as const) expect(entries.some((e) => e.expected === expected && e.lang === lang)).toBe(true)
  })

  it('grades every realistic typed answer of the project list as a careful reader would', () => {
    const entries = parseTypedAnswers(readFileSync(DEFAULT_LIST, 'utf8'), DEFAULT_LIST)
    const result = probeTypedAnswers(loadBank().sets, entries)
    expect(result.misses.map((m) => `${m.id} [${m.lang}] "${m.typed}" should be ${m.expected}`)).toEqual([])
    expect(result.asExpected).toBe(entries.length)
    // About 2,000 answers at under a millisecond each; a busy machine may take several times that.
  }, 30_000)
})
