import { describe, expect, it } from 'vitest'
import type { QuestionSet } from '@/domain/content/schema'
import { exportSetJson, exportSetTsv, naturalPairs, parseImport } from './index'
import { tsvField } from './export'

const L = (zh: string, en = zh) => ({ zh, en })
const base = { explanation: L('因为', 'Because') }

const set: QuestionSet = {
  id: 'demo',
  title: L('演示', 'Demo'),
  keyPoints: [L('要点', 'A point')],
  questions: [
    { ...base, id: 'demo-card', type: 'flashcard', prompt: L('猫', 'cat'), back: L('一种动物', 'an animal') },
    // The flashcard reversed: the same pair, not a new row.
    { ...base, id: 'demo-blank-rev', type: 'blank', prompt: L('一种动物', 'an animal'), answer: L('猫', 'cat') },
    { ...base, id: 'demo-blank', type: 'blank', prompt: L('首都是____', 'The capital is ____'), answer: L('北京', 'Beijing') },
    {
      ...base,
      id: 'demo-single',
      type: 'single',
      prompt: L('哪个是红色', 'Which is red?'),
      choices: [
        { id: 'a', text: L('天空', 'the sky') },
        { id: 'b', text: L('火', 'fire') },
      ],
      answer: 'b',
    },
    { ...base, id: 'demo-tf', type: 'truefalse', prompt: L('水是湿的', 'Water is wet'), answer: true },
    { ...base, id: 'demo-num', type: 'numeric', prompt: L('多少', 'How much'), value: 3e10, tolerance: 0, unit: L('美元', 'US dollars') },
    {
      ...base,
      id: 'demo-match',
      type: 'matching',
      pairs: [
        { id: 'p1', left: L('一', 'one'), right: L('1') },
        { id: 'p2', left: L('二', 'two'), right: L('2') },
      ],
      prompt: L('配对', 'Match'),
    },
    {
      ...base,
      id: 'demo-multi',
      type: 'multiple',
      prompt: L('选', 'Pick'),
      choices: [
        { id: 'a', text: L('甲', 'A') },
        { id: 'b', text: L('乙', 'B') },
        { id: 'c', text: L('丙', 'C') },
      ],
      answer: ['a', 'b'],
    },
  ],
}

describe('exportSetTsv', () => {
  it('writes an Anki header and one row per natural pair, in the chosen language', () => {
    expect(exportSetTsv(set, 'en')).toBe(
      [
        '#separator:tab',
        '#html:false',
        'cat\tan animal',
        'The capital is ____\tBeijing',
        'Which is red?\tfire',
        'Water is wet\tTrue',
        'How much\t30 billion US dollars',
        'one\t1',
        'two\t2',
        '',
      ].join('\n'),
    )
    expect(exportSetTsv(set, 'zh').split('\n')).toContain('水是湿的\t正确')
  })

  it('quotes fields with tabs, line breaks, quotes or a leading #, doubling quotes', () => {
    expect(tsvField('plain, text')).toBe('plain, text')
    expect(tsvField('a\tb')).toBe('"a\tb"')
    expect(tsvField('line\r\nbreak')).toBe('"line\nbreak"')
    expect(tsvField('say "hi"')).toBe('"say ""hi"""')
    expect(tsvField('#tag')).toBe('"#tag"')
  })

  it('keeps markup as text: the file says #html:false', () => {
    const xss: QuestionSet = {
      ...set,
      questions: [{ ...base, id: 'x', type: 'flashcard', prompt: L('<img src=x onerror=alert(1)>'), back: L('<script>alert(1)</script>') }],
    }
    const tsv = exportSetTsv(xss)
    expect(tsv).toContain('<img src=x onerror=alert(1)>\t<script>alert(1)</script>')
    const back = parseImport(tsv, { format: 'auto', idPrefix: 'p' })
    expect(back.ok && back.set.questions[0]).toMatchObject({ prompt: L('<img src=x onerror=alert(1)>') })
  })

  it('reads back as the same pairs', () => {
    const back = parseImport(exportSetTsv(set, 'en'), { format: 'auto', idPrefix: 'p' })
    if (!back.ok) throw new Error(JSON.stringify(back.errors))
    expect(naturalPairs(back.set, 'en')).toEqual(naturalPairs(set, 'en'))
  })
})

describe('exportSetJson', () => {
  it('is the set, pretty-printed', () => {
    const text = exportSetJson(set)
    expect(JSON.parse(text)).toEqual(set)
    expect(text).toContain('\n  "id": "demo",')
  })
})

describe('exportSetTsv: cells a spreadsheet would run as formulas', () => {
  const rows: [string, string][] = [
    ['=HYPERLINK("http://example.invalid","click")', '+1+1'],
    ['@SUM(A1)', '-A1'],
    ['-2', '+86'],
    ["'=already", 'plain'],
  ]
  const imported = parseImport(rows.map(([t, d]) => `${tsvField(t)}\t${tsvField(d)}`).join('\n'), { format: 'csv', idPrefix: 'imp' })

  it('writes each behind an apostrophe, which a spreadsheet shows as text; plain numbers stay as they are', () => {
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors))
    const lines = exportSetTsv(imported.set, 'en').trimEnd().split('\n').slice(2)
    expect(lines).toEqual([`"'=HYPERLINK(""http://example.invalid"",""click"")"\t'+1+1`, "'@SUM(A1)\t'-A1", '-2\t+86', "''=already\tplain"])
  })

  it('reads them back as they were', () => {
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors))
    const back = parseImport(exportSetTsv(imported.set, 'en'), { format: 'auto', idPrefix: 'imp-b' })
    if (!back.ok) throw new Error(JSON.stringify(back.errors))
    expect(naturalPairs(back.set, 'en')).toEqual(rows)
  })
})
