import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useBankStore } from './bank'

// Two built-in sets, each its own file: a screen fetches only the sets whose questions it shows.
const files = vi.hoisted(() => {
  const set = (id: string) => ({
    id,
    title: { zh: id, en: id },
    keyPoints: [{ zh: `${id} 要点`, en: `${id} point` }],
    questions: [1, 2].map((n) => ({ id: `${id}-${n}`, type: 'truefalse', prompt: { zh: '对吗', en: 'True?' }, explanation: { zh: '对', en: 'Yes' }, answer: true })),
  })
  return { sets: [set('first'), set('second')], fetched: [] as string[], fail: new Set<string>() }
})
vi.mock('virtual:question-bank', () => ({
  loadSet: async (id: string) => {
    files.fetched.push(id)
    if (files.fail.has(id)) throw new Error(`question bank: 503 for ${id}`)
    return files.sets.find((s) => s.id === id)
  },
}))
vi.mock('virtual:question-index', () => ({
  default: ['first', 'second'].map((id) => ({ id, title: { zh: id, en: id }, questions: [`${id}-1`, `${id}-2`], typeCounts: { truefalse: 2 } })),
}))

beforeEach(() => {
  setActivePinia(createPinia())
  files.fetched.length = 0
  files.fail.clear()
})

describe('bank store: built-in sets fetched one file each, when shown', () => {
  it('lists the sets, counts and review ids from the index without fetching a file', () => {
    const bank = useBankStore()
    expect(bank.sets.map((s) => [s.set.id, s.count, s.typeCounts])).toEqual([
      ['first', 2, { truefalse: 2 }],
      ['second', 2, { truefalse: 2 }],
    ])
    expect(bank.queueSets('second')).toEqual([{ id: 'second', count: 2, questions: [{ id: 'second-1' }, { id: 'second-2' }] }])
    expect(files.fetched).toEqual([])
  })

  it('fetches only the sets of the questions asked for, once', async () => {
    const bank = useBankStore()
    await Promise.all([bank.loadQuestions(['first-2', 'first-1']), bank.loadQuestions(['first-1'])])
    expect(files.fetched).toEqual(['first'])
    expect(bank.questionIndex.get('first-2')?.setId).toBe('first')
    expect(bank.questionIndex.has('second-1')).toBe(false)
    expect(bank.setById.get('first')?.set.keyPoints).toEqual([{ zh: 'first 要点', en: 'first point' }])
    expect(bank.setById.get('second')?.set.keyPoints).toBeUndefined()
    const [second] = await bank.loadSets(['second'])
    expect(second?.questions.map((q) => q.id)).toEqual(['second-1', 'second-2'])
    expect(files.fetched).toEqual(['first', 'second'])
  })

  it('fetches a set again after a failed fetch', async () => {
    const bank = useBankStore()
    files.fail.add('first')
    await expect(bank.loadQuestions(['first-1'])).rejects.toThrow('503')
    files.fail.clear()
    await bank.loadQuestions(['first-1'])
    expect(bank.questionIndex.has('first-1')).toBe(true)
    expect(files.fetched).toEqual(['first', 'first'])
  })
})
