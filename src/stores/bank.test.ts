import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDB } from '@/db/database'
import { freshDBEachTest } from '@/db/test-utils'
import { putImportedSets } from '@/db/importedQuestions'
import { deleteImportedSet } from '@/db/importedSets'
import type { QuestionSet } from '@/domain/content/schema'
import { useBankStore } from './bank'

vi.mock('virtual:question-bank', () => ({
  loadSet: async (id: string) => {
    if (id !== 'demo') throw new Error(`no set ${id}`)
    return {
      id: 'demo',
      title: { zh: '示例', en: 'Demo' },
      keyPoints: [{ zh: '要点', en: 'Point' }],
      questions: [{ id: 'demo-1', type: 'truefalse', prompt: { zh: '对吗', en: 'True?' }, explanation: { zh: '对', en: 'Yes' }, answer: true }],
    }
  },
}))
vi.mock('virtual:question-index', () => ({
  default: [{ id: 'demo', title: { zh: '示例', en: 'Demo' }, questions: ['demo-1'], typeCounts: { truefalse: 1 } }],
}))

const T0 = Date.UTC(2026, 0, 1)

function set(id: string, n: number): QuestionSet {
  return {
    id,
    title: { zh: id, en: id },
    keyPoints: [{ zh: '要点', en: 'Point' }],
    questions: Array.from({ length: n }, (_, i) => ({
      id: `${id}-${i}`,
      type: i % 2 ? ('flashcard' as const) : ('truefalse' as const),
      prompt: { zh: `问 ${i}`, en: `Q ${i}` },
      explanation: { zh: '说明', en: 'Why' },
      ...(i % 2 ? { back: { zh: '背面', en: 'Back' } } : { answer: true }),
    })) as QuestionSet['questions'],
  }
}

freshDBEachTest(undefined, { app: true })
beforeEach(async () => {
  setActivePinia(createPinia())
  await putImportedSets(getDB(), [
    { id: 'imp-a', name: 'A', importedAt: T0, updatedAt: T0, set: set('imp-a', 5) },
    { id: 'imp-b', name: 'B', importedAt: T0 + 1, updatedAt: T0 + 1, set: set('imp-b', 3) },
  ])
})

async function bankWithInfo() {
  const bank = useBankStore()
  await bank.watchImported()
  return bank
}

describe('bank store: imported questions fetched by the screens that show them', () => {
  it('lists every set from the info rows, with counts per type, and holds no imported question', async () => {
    const bank = await bankWithInfo()
    expect(bank.sets.map((s) => [s.set.id, s.count, s.imported])).toEqual([
      ['demo', 1, false],
      ['imp-a', 5, true],
      ['imp-b', 3, true],
    ])
    expect(bank.setById.get('imp-a')?.typeCounts).toEqual({ truefalse: 3, flashcard: 2 })
    expect(bank.summaries.map((s) => s.count)).toEqual([1, 5, 3])
    expect(bank.questionIndex.size).toBe(0)
  })

  it('fetches questions by id, once, and leaves out ids no set has', async () => {
    const bank = await bankWithInfo()
    const read = vi.spyOn(getDB().importedQuestions, 'bulkGet')
    await bank.loadQuestions(['imp-a-3', 'imp-b-0', 'demo-1', 'gone'])
    expect(bank.questionIndex.get('imp-a-3')?.setId).toBe('imp-a')
    expect(bank.questionIndex.get('imp-b-0')?.question.prompt.en).toBe('Q 0')
    expect(bank.questionIndex.has('gone')).toBe(false)
    expect(read).toHaveBeenCalledTimes(1)
    expect(read.mock.calls[0]![0]).toEqual(['imp-a-3', 'imp-b-0', 'gone'])
    await bank.loadQuestions(['imp-a-3', 'demo-1'])
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('reads whole sets only when asked, in bank order', async () => {
    const bank = await bankWithInfo()
    const sets = await bank.loadSets(['imp-b', 'demo'])
    expect(sets.map((s) => [s.id, s.questions.map((q) => q.id)])).toEqual([
      ['demo', ['demo-1']],
      ['imp-b', ['imp-b-0', 'imp-b-1', 'imp-b-2']],
    ])
    expect(bank.queueSets('imp-a')).toEqual([{ id: 'imp-a', count: 5 }])
  })

  it('forgets the questions of a set that was deleted', async () => {
    const bank = await bankWithInfo()
    await bank.loadQuestions(['imp-a-1', 'imp-b-1'])
    await deleteImportedSet(getDB(), 'imp-a')
    await vi.waitFor(() => expect(bank.sets).toHaveLength(2))
    expect(bank.questionIndex.has('imp-a-1')).toBe(false)
    expect(bank.questionIndex.has('imp-b-1')).toBe(true)
    expect(bank.setById.has('imp-a')).toBe(false)
  })
})
