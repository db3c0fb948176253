import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Question, QuestionSet } from '../src/domain/content/schema'
import { formatError } from '../src/domain/content/validate'
import {
  editorialProblems,
  foldEn,
  foldZh,
  glossaryProblems,
  halfWidthMarks,
  parseGlossary,
  punctuationProblems,
  trueFalseProblems,
  usesRendering,
} from './editorial-rules'
import { GLOSSARY_PATH, articleParagraphs, loadBank } from './load-questions'

const t = (zh: string, en: string) => ({ zh, en })
const tf = (id: string, answer: boolean, prompt = t('对吗？', 'True?')): Question => ({
  id,
  type: 'truefalse',
  prompt,
  explanation: t('见第 1 段。', 'See paragraph 1.'),
  answer,
})
const set = (questions: Question[], extra: Partial<QuestionSet> = {}): QuestionSet => ({
  id: 's',
  title: t('题组', 'Set'),
  keyPoints: [t('要点。', 'Point.')],
  questions,
  ...extra,
})
const FILE = 'questions/s.json'

describe('halfWidthMarks', () => {
  it('finds ASCII punctuation in Chinese text and names the full-width mark to use', () => {
    expect(halfWidthMarks('修改评分:好,对吗?(第 2 段);真!').map((m) => `${m.mark}${m.use}`)).toEqual([
      ':：',
      ',，',
      '?？',
      '(（',
      ')）',
      ';；',
      '!！',
    ])
    expect(halfWidthMarks('这是一句话.')).toEqual([{ index: 5, mark: '.', use: '。' }])
  })

  it('leaves numbers, versions and full-width text alone', () => {
    expect(halfWidthMarks('一千万（10,000,000）行，Gemini 2.5-Pro 与 0.3%，10:30。')).toEqual([])
  })

  it('finds nothing in text already using only full-width punctuation (property)', () => {
    const full = fc.constantFrom('，', '。', '？', '：', '；', '！', '（', '）', '文', '字', '1', 'A', ' ')
    fc.assert(fc.property(fc.array(full), (chars) => halfWidthMarks(chars.join('')).length === 0))
  })
})

describe('punctuationProblems', () => {
  it('reports each Chinese string and quote with half-width marks, with its path', () => {
    const q: Question = {
      ...tf('s-1', true, t('对吗?', 'True?')),
      source: { paragraph: 2, quote: ['来源:某处', '好'] },
    }
    const problems = punctuationProblems(set([q], { description: t('说明,一句', 'A, b') }), FILE).map(formatError)
    expect(problems).toEqual([
      'questions/s.json › description.zh: Chinese text takes full-width punctuation: "," → "，" (first near "说明,一句")',
      'questions/s.json › s-1 › prompt.zh: Chinese text takes full-width punctuation: "?" → "？" (first near "对吗?")',
      'questions/s.json › s-1 › source.quote[0]: Chinese text takes full-width punctuation: ":" → "：" (first near "来源:某处")',
    ])
  })

  it('ignores English text and the accepted forms a learner may type', () => {
    const q: Question = {
      id: 's-b',
      type: 'blank',
      prompt: t('填空：____。', 'Fill in: ____.'),
      explanation: t('见第 1 段。', 'See paragraph 1, (really).'),
      answer: t('英伟达', 'Nvidia'),
      accepted: ['Nvidia, Inc.', '英伟达(Nvidia)'],
    }
    expect(punctuationProblems(set([q]), FILE)).toEqual([])
  })
})

describe('trueFalseProblems', () => {
  const answers = (yes: number, no: number): Question[] => [
    ...Array.from({ length: yes }, (_, i) => tf(`s-y${i}`, true)),
    ...Array.from({ length: no }, (_, i) => tf(`s-n${i}`, false)),
  ]

  it('accepts a set whose true share is between 35 % and 65 %, bounds included', () => {
    expect(trueFalseProblems(set(answers(3, 3)), FILE)).toEqual([])
    expect(trueFalseProblems(set(answers(7, 13)), FILE)).toEqual([]) // 35 %
    expect(trueFalseProblems(set(answers(13, 7)), FILE)).toEqual([]) // 65 %
    expect(trueFalseProblems(set([]), FILE)).toEqual([])
  })

  it('says how skewed a set is and which way to fix it', () => {
    expect(trueFalseProblems(set(answers(1, 5)), FILE).map(formatError)).toEqual([
      'questions/s.json › questions: 1 of 6 true/false answers are "true" (17 %); keep it between 35 % and 65 %: recast some false statements as true ones',
    ])
    expect(trueFalseProblems(set(answers(4, 1)), FILE)[0]?.message).toContain('recast some true statements as false ones')
  })
})

describe('parseGlossary', () => {
  it('reads the rows of every table, skipping headers, separators and prose', () => {
    const md = [
      '# Glossary',
      '',
      '| zh | en | note |',
      '| --- | --- | --- |',
      '| 平视 | parity | meeting as equals |',
      '| `千问` | Qwen | |',
      '',
      'Prose | with a bar is not a table row.',
      '| zh | en |',
      '| :-- | :-- |',
      '| 单极 | unipolar |',
    ].join('\n')
    expect(parseGlossary(md)).toEqual({
      terms: [
        { zh: '平视', en: 'parity', line: 5 },
        { zh: '千问', en: 'Qwen', line: 6 },
        { zh: '单极', en: 'unipolar', line: 11 },
      ],
      problems: [],
    })
  })

  it('reports rows without both cells and terms listed twice', () => {
    const md = ['| zh | en |', '| --- | --- |', '| 平视 | parity |', '| 单极 | |', '| 平视 | eye level |'].join('\n')
    expect(parseGlossary(md).problems).toEqual([
      'line 4: a row needs the Chinese term and its English rendering',
      'line 5: "平视" is already listed on line 3',
    ])
  })
})

describe('usesRendering', () => {
  it('matches at a word start, ignoring case, hyphens, quote marks and a plural -s', () => {
    expect(usesRendering(foldEn('Back the “Definers”, not followers'), 'definer')).toBe(true)
    expect(usesRendering(foldEn('a debt laden route'), 'debt-laden')).toBe(true)
    expect(usesRendering(foldEn('the definer'), 'definers')).toBe(true)
    expect(usesRendering(foldEn('Alibaba’s stack'), 'Alibaba')).toBe(true)
    expect(usesRendering(foldEn('at eye level'), 'parity')).toBe(false)
    expect(usesRendering(foldEn('disparity'), 'parity')).toBe(false)
  })
})

describe('glossaryProblems', () => {
  const terms = [
    { zh: '平视时刻', en: 'moment of parity', line: 3 },
    { zh: '平视', en: 'parity', line: 4 },
  ]

  it('requires the rendering in the English text of a question whose Chinese names the term', () => {
    const q = tf('s-1', true, t('中美进入“平视时刻”。', 'China and the US reach an eye-level moment.'))
    expect(glossaryProblems(set([q]), FILE, terms).map(formatError)).toEqual([
      'questions/s.json › s-1: the Chinese names "平视时刻"; the English should use the glossary\'s "moment of parity" (questions/GLOSSARY.md, line 3)',
      'questions/s.json › s-1: the Chinese names "平视"; the English should use the glossary\'s "parity" (questions/GLOSSARY.md, line 4)',
    ])
  })

  it('accepts the rendering anywhere in the question, and checks key points one by one', () => {
    const q: Question = {
      ...tf('s-1', true, t('这是平视吗？', 'Is this it?')),
      explanation: t('对。', 'Yes: the moment of parity.'),
    }
    const problems = glossaryProblems(
      set([q], { keyPoints: [t('平视。', 'Parity.'), t('平视。', 'Eye level.')] }),
      FILE,
      terms,
    ).map(formatError)
    expect(problems).toEqual([
      'questions/s.json › keyPoints[1]: the Chinese names "平视"; the English should use the glossary\'s "parity" (questions/GLOSSARY.md, line 4)',
    ])
  })
})

describe('the question bank', () => {
  it('passes every editorial rule with the project glossary', () => {
    const { terms, problems } = parseGlossary(readFileSync(GLOSSARY_PATH, 'utf8'))
    expect(problems).toEqual([])
    expect(terms.length).toBeGreaterThan(40)
    const { files, sets, errors } = loadBank()
    expect(errors).toEqual([])
    const fileOf = (id: string): string => files.find((f) => (f.data as { id?: string }).id === id)?.file ?? id
    expect(editorialProblems(sets, fileOf, terms).map(formatError)).toEqual([])
  })

  // The article lives beside the project (../shared/source); without it there is nothing to compare.
  const article = articleParagraphs()
  it.skipIf(article === null)('lists Chinese terms exactly as the article writes them', () => {
    const text = foldZh((article ?? []).join(''))
    const { terms } = parseGlossary(readFileSync(GLOSSARY_PATH, 'utf8'))
    expect(terms.filter((term) => !text.includes(foldZh(term.zh))).map((term) => term.zh)).toEqual([])
  })
})
