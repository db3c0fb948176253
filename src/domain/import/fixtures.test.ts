/**
 * A corpus of hostile and awkward files (src/domain/import/__fixtures__/), each read the way the
 * app reads a chosen file: bytes → decodeFile → parseImport.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateSet } from '@/domain/content/validate'
import { decodeFile, parseImport, type ImportIssue, type ImportResult } from './index'

const P = 'imp-fx'

function read(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)))
}

function importFixture(name: string): ImportResult | { ok: false; errors: ImportIssue[]; decode: true } {
  const decoded = decodeFile(read(name))
  if (!decoded.ok) return { ...decoded, decode: true }
  return parseImport(decoded.text, { format: 'auto', idPrefix: P })
}

function ok(name: string) {
  const result = importFixture(name)
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.errors)}`)
  expect(validateSet(result.set, { file: name }).ok).toBe(true)
  return result
}
function errors(name: string): ImportIssue[] {
  const result = importFixture(name)
  if (result.ok) throw new Error(`${name}: expected errors`)
  return result.errors
}

/** Every string inside a value. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(texts)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(texts)
  return []
}

describe('hostile files', () => {
  it('script-payload.tsv: markup and template syntax stay verbatim text', () => {
    const { set } = ok('script-payload.tsv')
    expect(set.questions[0]).toMatchObject({
      type: 'flashcard',
      prompt: { zh: '<img src=x onerror=alert(1)>', en: '<img src=x onerror=alert(1)>' },
      back: { en: '<script>alert("xss")</script>' },
    })
    expect(set.questions[2]).toMatchObject({
      prompt: { en: '<a href="javascript:alert(1)">click</a>' },
      back: { en: '{{ constructor.constructor("alert(1)")() }}' },
    })
  })

  it('script-payload.json: markup in titles, prompts and choices stays verbatim text', () => {
    const { set } = ok('script-payload.json')
    expect(set.title).toEqual({ zh: '<script>alert(1)</script>', en: '<img src=x onerror=alert(1)>' })
    expect(texts(set.questions[0]!)).toEqual(
      expect.arrayContaining(['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '&lt;plain&gt;', '{{ 7*7 }}']),
    )
  })

  it('anki-html.txt: an #html:true export loses its tags, and a payload is left as harmless text', () => {
    const { set, warnings } = ok('anki-html.txt')
    expect(set.questions[0]).toMatchObject({ prompt: { en: 'cat' }, back: { en: 'chat\nféline & <tag>' } })
    expect(set.questions[2]).toMatchObject({ prompt: { en: 'dog' }, back: { en: 'chien' } })
    expect(warnings.map((w) => w.message)).toContain('HTML tags were removed: the file says #html:true.')
  })

  it('invalid-utf8.tsv: refused with the line of the first bad byte', () => {
    expect(errors('invalid-utf8.tsv')).toEqual([
      {
        line: 2,
        code: 'notUtf8',
        params: { byte: '20' },
        message:
          'The file is not valid UTF-8 text (the first bad byte is byte 20). Save it as UTF-8 (in Excel: “CSV UTF-8”) and try again.',
      },
    ])
  })

  it('latin1.tsv: a Latin-1 "é" is not UTF-8', () => {
    expect(errors('latin1.tsv')[0]!.message).toMatch(/^The file is not valid UTF-8 text \(the first bad byte is byte 4\)/)
  })

  it('gbk-excel.csv: Chinese saved as "CSV" by Excel on a Chinese Windows (GB18030, CRLF) imports as it reads', () => {
    const decoded = decodeFile(read('gbk-excel.csv'))
    expect(decoded).toMatchObject({ ok: true, encoding: 'gb18030' })
    const { set } = ok('gbk-excel.csv')
    expect(set.questions.map((q) => q.prompt.zh)).toEqual(expect.arrayContaining(['开源', '闭源', '千问', '不公开源代码的软件，例如 ChatGPT']))
    expect(set.questions.find((q) => q.prompt.zh === '千问')).toMatchObject({ back: { zh: '阿里巴巴的大模型“通义千问”' } })
  })

  it('archive.apkg: a ZIP is named as one', () => {
    expect(errors('archive.apkg')[0]!.message).toMatch(/^This is a ZIP archive/)
  })

  it('a 10 MB+ single field: refused on its size before parsing', () => {
    const field = 'x'.repeat(10 * 1024 * 1024 + 200_000)
    const text = `term\t${field}\n`
    const expected = [{ code: 'fileTooBig', params: { size: '10.2' }, message: 'The file is 10.2 MB; the limit is 10 MB.' }]
    expect(parseImport(text, { format: 'auto', idPrefix: P })).toEqual({ ok: false, errors: expected })
    expect(decodeFile(new TextEncoder().encode(text))).toEqual({ ok: false, errors: expected })
  })

  it('deep-nesting.json: 10,000 nested lists give a clear error, not a stack overflow', () => {
    expect(errors('deep-nesting.json')).toEqual([
      { line: 1, column: 65, code: 'tooDeep', params: { max: 64 }, message: 'the data is nested more than 64 levels deep; a question set needs fewer than 10' },
    ])
  })

  it('duplicate-ids.json: the repeated id is named', () => {
    expect(errors('duplicate-ids.json')).toEqual([
      {
        path: 'dup-q1 › id',
        code: 'vQuestionIdUsed',
        params: { value: '"dup-q1"', other: 'questions[0]' },
        message: '"dup-q1" is already the id of questions[0] in this set',
      },
    ])
  })

  it('wrong-types.json: each wrong type is named', () => {
    expect(errors('wrong-types.json')).toEqual([
      { path: 'types-q1 › prompt', code: 'vMustBe', params: { expected: 'an object', got: '42' }, message: 'must be an object, got 42' },
      { path: 'types-q1 › answer', code: 'vMustBe', params: { expected: 'true or false', got: '"yes"' }, message: 'must be true or false, got "yes"' },
      {
        path: 'types-q2 › type',
        code: 'vNotAType',
        params: { value: '"essay"', list: 'single, multiple, truefalse, blank, numeric, ordering, matching, flashcard' },
        message: '"essay" is not one of single, multiple, truefalse, blank, numeric, ordering, matching, flashcard',
      },
    ])
  })

  it('proto-keys.json: __proto__ / constructor / prototype keys are dropped and pollute nothing', () => {
    const { set, warnings } = ok('proto-keys.json')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(Object.keys(set)).not.toContain('constructor')
    expect(set.questions[0]).toEqual({
      id: `${P}-q1`,
      type: 'flashcard',
      prompt: { zh: '正面', en: 'Front' },
      back: { zh: '背面', en: 'Back' },
      explanation: { zh: '解释', en: 'Why' },
    })
    expect(warnings).toEqual([
      {
        code: 'unsafeKeys',
        params: { keys: '"__proto__", "constructor", "prototype"' },
        message: 'Ignored unsafe keys: "__proto__", "constructor", "prototype".',
      },
    ])
  })

  it('invalid.json: a trailing comma is pointed at, saying the CSV / TSV reading failed too', () => {
    expect(errors('invalid.json')).toEqual([
      {
        line: 4,
        column: 49,
        code: 'triedBoth',
        params: { reason: 'trailing comma before "]"', first: '{' },
        message:
          'invalid JSON: trailing comma before "]". The text starts with “{”, so it was read as JSON; read as CSV / TSV it fails too. If it is a CSV / TSV file, choose “CSV / TSV” as the format to see its problems.',
      },
    ])
  })

  it('not-a-set.json: a list is not a set', () => {
    expect(errors('not-a-set.json')).toEqual([
      { code: 'vNotASet', params: { got: 'a list' }, message: 'must be an object (a question set), got a list' },
    ])
  })

  it('unclosed-quote.csv: the line where the open quote starts', () => {
    expect(errors('unclosed-quote.csv')).toEqual([{ line: 3, code: 'quoteNotClosed', message: 'a quoted field is never closed (a " is missing)' }])
  })

  it('columns.csv: too few and too many columns', () => {
    expect(errors('columns.csv')).toEqual([
      { line: 2, column: 2, code: 'oneColumnComma', message: 'found 1 column; a row needs a term and a definition separated by a comma' },
      {
        line: 4,
        column: 14,
        code: 'tooManyColumns',
        params: { n: 14, max: 13, choices: 11 },
        message: 'the row has 14 columns; the limit is 13 (a term, a definition and up to 11 wrong choices)',
      },
    ])
  })

  it('empty-fields.tsv: the empty term and the empty definition', () => {
    expect(errors('empty-fields.tsv')).toEqual([
      { line: 2, column: 1, code: 'termEmpty', message: 'the term is empty' },
      { line: 3, column: 2, code: 'definitionEmpty', message: 'the definition is empty' },
    ])
  })

  it('multi-line.csv: lines are physical lines, after a field that spans two', () => {
    expect(errors('multi-line.csv')).toEqual([{ line: 4, column: 2, code: 'definitionEmpty', message: 'the definition is empty' }])
  })

  it('placeholders.tsv: the validator’s placeholder rule, per cell (a term of punctuation only is a flashcard)', () => {
    expect(errors('placeholders.tsv')).toEqual([
      { line: 1, column: 1, code: 'vPlaceholder', params: { text: '"TODO"' }, message: '"TODO" looks like a placeholder, not a real text' },
    ])
  })

  it('choices.tsv: a repeated choice is named by its column', () => {
    expect(errors('choices.tsv')).toEqual([{ line: 3, column: 3, code: 'choiceRepeats', params: { column: 2 }, message: 'this choice repeats column 2' }])
  })
})

describe('real exports', () => {
  it('anki-export.txt: header lines and the tags column skipped', () => {
    const { set, meta } = ok('anki-export.txt')
    expect(meta).toMatchObject({ separator: '\t', header: false, rows: 3 })
    expect(set.questions.filter((q) => q.type === 'flashcard').map((q) => q.prompt.zh)).toEqual(['猫', '狗', '鸟'])
  })

  it('quizlet-export.txt: tab-separated, commas inside definitions', () => {
    const { set, meta } = ok('quizlet-export.txt')
    expect(meta).toMatchObject({ separator: '\t', header: false, rows: 3 })
    expect(set.questions[2]).toMatchObject({ type: 'flashcard', prompt: { en: 'mitochondria' }, back: { en: 'the powerhouse of the cell, where respiration happens' } })
  })

  it('bom-crlf.csv: BOM, CRLF, a header, quoted commas, quotes and line breaks', () => {
    const { set, meta } = ok('bom-crlf.csv')
    expect(meta).toMatchObject({ separator: ',', header: true, rows: 3 })
    const cards = set.questions.filter((q) => q.type === 'flashcard')
    expect(cards.map((q) => (q.type === 'flashcard' ? [q.prompt.en, q.back.en] : []))).toEqual([
      ['multi\nline term', 'a definition, with a comma'],
      ['say "hi"', 'greeting'],
      ['plain', 'text'],
    ])
  })

  it('semicolon.csv: a Chinese header row and semicolons', () => {
    const { set, meta } = ok('semicolon.csv')
    expect(meta).toMatchObject({ separator: ';', header: true, rows: 2 })
    expect(set.questions[1]).toMatchObject({ type: 'blank', prompt: { zh: '阿里巴巴的大模型' }, answer: { zh: '千问' } })
  })
})
