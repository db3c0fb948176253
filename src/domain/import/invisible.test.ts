import { describe, expect, it } from 'vitest'
import { parseImport, type ImportIssue, type ImportResult } from './index'

// Texts a learner cannot see: a set made of them would show empty prompts, choices that look
// alike and answers nobody can type. Every one is refused, naming the question and the field.
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00a0', '\u3000', '\u202a', '\u202e', '\u2066', '\u2069', '\u0001', '\u007f', '\u200b \u3000\u200d']

const L = (zh: string, en = zh) => ({ zh, en })
function set(patch: (q: Record<string, unknown>, s: Record<string, unknown>) => void): string {
  const q: Record<string, unknown> = {
    id: 'q1',
    type: 'single',
    prompt: L('哪一个？', 'Which one?'),
    explanation: L('因为如此。', 'Because so.'),
    choices: [
      { id: 'a', text: L('甲', 'A') },
      { id: 'b', text: L('乙', 'B') },
    ],
    answer: 'b',
  }
  const s: Record<string, unknown> = { id: 'mine', title: L('我的题', 'My set'), keyPoints: [L('要点', 'A point')], questions: [q] }
  patch(q, s)
  return JSON.stringify(s)
}
const errorsOf = (result: ImportResult): ImportIssue[] => (result.ok ? [] : result.errors)
const parse = (text: string, format: 'json' | 'csv' = 'json') => parseImport(text, { format, idPrefix: 'imp' })

describe('texts with nothing visible', () => {
  const fields: [string, (q: Record<string, unknown>, s: Record<string, unknown>, text: string) => void, string][] = [
    ['the prompt', (q, _s, t) => (q.prompt = L('哪一个？', t)), 'q1 › prompt.en'],
    ['a choice', (q, _s, t) => ((q.choices as { text: unknown }[])[1]!.text = L(t, 'B')), 'q1 › choices[1].text.zh'],
    ['the explanation', (q, _s, t) => (q.explanation = L(t)), 'q1 › explanation.zh'],
    ['the title', (_q, s, t) => (s.title = L('我的题', t)), 'title.en'],
    ['a key point', (_q, s, t) => (s.keyPoints = [L(t, 'A point')]), 'keyPoints[0].zh'],
  ]
  for (const [name, put, path] of fields)
    it(`refuses a set whose ${name} holds only invisible characters, naming the question and the field`, () => {
      for (const text of INVISIBLE) {
        const errors = errorsOf(parse(set((q, s) => put(q, s, text))))
        expect(errors.length, JSON.stringify(text)).toBeGreaterThan(0)
        const found = errors.find((e) => e.path === path)
        expect(found, `${JSON.stringify(text)}: ${JSON.stringify(errors)}`).toBeDefined()
        // Coded, so the screen says it in the learner's language.
        expect(found!.code, JSON.stringify(found)).toMatch(/^v/)
      }
    })

  it('refuses a blank whose answer or accepted form is invisible', () => {
    for (const text of ['\u200b', '\u2060\u200d', '\u202e']) {
      const blank = (q: Record<string, unknown>) => {
        delete q.choices
        Object.assign(q, { type: 'blank', answer: L('猫', 'cat'), accepted: [text] })
      }
      const errors = errorsOf(parse(set(blank)))
      expect(errors.map((e) => e.path), JSON.stringify(errors)).toContain('q1 › accepted[0]')
      const answer = errorsOf(parse(set((q) => (blank(q), (q.answer = L(text, 'cat')), delete q.accepted))))
      expect(answer.map((e) => e.path), JSON.stringify(answer)).toContain('q1 › answer.zh')
    }
  })

  it('names the invisible characters it found, so they can be searched for', () => {
    const errors = errorsOf(parse(set((q) => (q.prompt = L('\u200b\u202e', 'Which?')))))
    const found = errors.find((e) => e.path === 'q1 › prompt.zh')!
    expect(found.message).toContain('U+200B')
    expect(found.message).toContain('U+202E')
  })

  it('refuses a CSV row whose term is only zero-width characters, at its line and column', () => {
    const errors = errorsOf(parse('cat\tchat\n\u200b\u200d\tdog\n', 'csv'))
    expect(errors.some((e) => e.line === 2 && e.column === 1 && /^v/.test(e.code ?? '')), JSON.stringify(errors)).toBe(true)
  })

  it('keeps texts with something visible among invisible characters (a joined emoji, a word with a soft break)', () => {
    for (const text of ['👩\u200d💻', 'a\u200bb', '\u202bשלום\u202c', 'x\u00a0y', '\u3000答案']) expect(parse(set((q) => (q.prompt = L(text)))).ok, JSON.stringify(text)).toBe(true)
  })
})

describe('texts with a broken character', () => {
  it('refuses a lone surrogate (half of a pair, which no text can hold) in JSON or pasted CSV, naming where', () => {
    const json = errorsOf(parse(set((q) => (q.prompt = L('哪一个？\ud800', 'Which one?')))))
    const found = json.find((e) => e.path === 'q1 › prompt.zh')
    expect(found, JSON.stringify(json)).toMatchObject({ code: 'vBroken', params: { chars: 'U+D800' } })
    const title = errorsOf(parse(set((_q, s) => (s.title = L('我的题', 'My \udc00set')))))
    expect(title.map((e) => e.path)).toContain('title.en')
    const csv = errorsOf(parse('cat\tchat\ndog\tch\udfffien\n', 'csv'))
    expect(csv.some((e) => e.line === 2 && e.column === 2 && e.code === 'vBroken'), JSON.stringify(csv)).toBe(true)
  })

  it('keeps characters outside the basic plane, whose pairs are whole', () => {
    expect(parse(set((q) => (q.prompt = L('𠀀 是哪个字？', '😀 which?')))).ok).toBe(true)
  })
})
