import { describe, expect, it } from 'vitest'
import type { Question } from '@/domain/content/schema'
import { parseImport } from './index'
import { clozeCards } from './cloze'

const parse = (text: string) => parseImport(text, { format: 'auto', idPrefix: 'imp' })
const questionsOf = (text: string): Question[] => {
  const r = parse(text)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.set.questions
}

describe('clozeCards', () => {
  it('makes one card per cloze number, the others shown as their text, a hint in place of the blank', () => {
    expect(clozeCards('{{c1::Paris}} is the capital of {{c2::France::country}}')).toEqual({
      full: 'Paris is the capital of France',
      cards: [
        { n: 1, prompt: '[…] is the capital of France', answer: 'Paris' },
        { n: 2, prompt: 'Paris is the capital of [country]', answer: 'France' },
      ],
    })
  })

  it('blanks every deletion of one number together, and orders the cards by number', () => {
    expect(clozeCards('{{c2::b}} {{c1::a}} {{c1::A}}').cards).toEqual([
      { n: 1, prompt: 'b […] […]', answer: 'a, A' },
      { n: 2, prompt: '[…] a A', answer: 'b' },
    ])
  })
})

describe('an Anki export of cloze notes', () => {
  const anki = [
    '#separator:tab',
    '#html:true',
    '#notetype column:1',
    '#tags column:4',
    'Cloze\t<b>{{c1::千问}}</b> 是 {{c2::阿里巴巴::公司}} 的模型\t见原文&nbsp;第 2 段\tai',
    'Cloze\t{{c1::DeepSeek}} 位于杭州\t\tai',
    'Basic\t<i>cat</i>\tchat\t',
  ].join('\n')

  it('makes a typed question of each cloze, with the markup and HTML gone, the whole sentence as the explanation', () => {
    const qs = questionsOf(anki)
    expect(qs.map((q) => [q.type, q.prompt.zh, q.type === 'blank' ? q.answer.zh : null, q.explanation.zh])).toEqual([
      ['blank', '[…] 是 阿里巴巴 的模型', '千问', '千问 是 阿里巴巴 的模型 — 见原文 第 2 段'],
      ['blank', '千问 是 [公司] 的模型', '阿里巴巴', '千问 是 阿里巴巴 的模型 — 见原文 第 2 段'],
      ['blank', '[…] 位于杭州', 'DeepSeek', 'DeepSeek 位于杭州'],
      ['flashcard', 'cat', null, 'cat — chat'],
      ['blank', 'chat', 'cat', 'cat — chat'],
    ])
    expect(qs[0]!.tags).toEqual(['ai'])
    for (const q of qs) expect(JSON.stringify([q.prompt, q.explanation, q.type === 'blank' ? q.answer : null])).not.toMatch(/\{\{|\}\}|<\/?[a-z]/)
  })

  it('takes a cloze row with nothing in its second column, or no second column at all', () => {
    expect(questionsOf('{{c1::Paris}} is the capital of France\n').map((q) => q.prompt.en)).toEqual(['[…] is the capital of France'])
    expect(questionsOf('{{c1::Paris}} is the capital of France\t\n').map((q) => q.type)).toEqual(['blank'])
  })

  it('refuses a file whose cloze notes would make more questions than a set holds, before making them', () => {
    const row = Array.from({ length: 100 }, (_, i) => `{{c${i + 1}::w${i}}}`).join(' ')
    const r = parse(Array.from({ length: 210 }, () => row).join('\n'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ code: 'tooManyQuestions', params: { n: '21,000', max: '20,000' } })])
  })
})
