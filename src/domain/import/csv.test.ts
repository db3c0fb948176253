import { describe, expect, it } from 'vitest'
import type { Question } from '@/domain/content/schema'
import { validateSet } from '@/domain/content/validate'
import { parseImport, parseImportSteps, type ImportOptions, type ImportResult } from './index'

const P = 'imp-test'
const opts = (o: Partial<ImportOptions> = {}): ImportOptions => ({ format: 'csv', idPrefix: P, ...o })

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a set, got ${JSON.stringify(result.errors)}`)
  return result
}
function errors(result: ImportResult) {
  if (result.ok) throw new Error('expected errors, got a set')
  return result.errors
}
const pairsOf = (qs: Question[]) =>
  qs.filter((q) => q.type === 'flashcard').map((q) => (q.type === 'flashcard' ? [q.prompt.en, q.back.en] : []))

describe('parseImport: CSV / TSV', () => {
  it('turns each row into a flashcard and a typed-answer question, the same text in both languages', () => {
    const { set } = ok(parseImport('cat\tchat\ndog\tchien\n', opts()))
    expect(set.id).toBe(P)
    expect(set.questions).toHaveLength(4)
    expect(set.questions[0]).toEqual({
      id: `${P}-1-card`,
      type: 'flashcard',
      prompt: { zh: 'cat', en: 'cat' },
      back: { zh: 'chat', en: 'chat' },
      explanation: { zh: 'cat — chat', en: 'cat — chat' },
    })
    expect(set.questions[1]).toMatchObject({
      id: `${P}-1-blank`,
      type: 'blank',
      prompt: { zh: 'chat', en: 'chat' },
      answer: { zh: 'cat', en: 'cat' },
    })
    expect(validateSet(set, { file: 'x' }).ok).toBe(true)
  })

  it('makes a single-choice question instead of the blank when a row has extra columns', () => {
    const { set } = ok(parseImport('capital of France\tParis\tLyon\tMarseille\n', opts()))
    expect(set.questions.map((q) => q.type)).toEqual(['flashcard', 'single'])
    const q = set.questions[1]!
    expect(q).toMatchObject({ type: 'single', prompt: { en: 'capital of France' }, answer: 'a' })
    if (q.type !== 'single') throw new Error('single')
    expect(q.choices.map((c) => c.text.en)).toEqual(['Paris', 'Lyon', 'Marseille'])
  })

  it('ignores empty trailing and empty extra cells', () => {
    const { set } = ok(parseImport('a,b,,\nc,d,,e,\n', opts()))
    expect(set.questions.map((q) => q.type)).toEqual(['flashcard', 'blank', 'flashcard', 'single'])
  })

  it.each([
    ['tab', 'a\tb, with comma\n', '\t'],
    ['comma', 'a,"b; c"\n', ','],
    ['semicolon', 'a;b, c\n', ';'],
    ['|', 'a|b\n', '|'],
    ['::', 'a::b\n', '::'],
    ['\\t', 'a\tb\n', '\t'],
  ])('uses the separator %s', (separator, text, used) => {
    const result = ok(parseImport(text, opts({ separator })))
    expect(result.meta?.separator).toBe(used)
    expect(pairsOf(result.set.questions)[0]![0]).toBe('a')
  })

  it.each([
    ['tabs, even when definitions hold commas', 'a\tb, c\nd\te, f\n', '\t'],
    ['commas', 'a,b\nc,d\n', ','],
    ['semicolons', 'a;b\nc;d\n', ';'],
  ])('detects %s', (_what, text, used) => {
    expect(parseImport(text, opts()).meta?.separator).toBe(used)
  })

  it("takes names of Object's own keys literally", () => {
    expect(pairsOf(ok(parseImport('aconstructorb\n', opts({ separator: 'constructor' }))).set.questions)).toEqual([['a', 'b']])
    expect(pairsOf(ok(parseImport('#separator:__proto__\na__proto__b\n', opts())).set.questions)).toEqual([['a', 'b']])
    expect(pairsOf(ok(parseImport('#html:true\n&constructor;\tb\n', opts())).set.questions)).toEqual([['&constructor;', 'b']])
  })

  it('refuses a quote or line break as the separator', () => {
    expect(errors(parseImport('a"b\n', opts({ separator: '"' })))[0]!.message).toMatch(/separator cannot be a double quote/)
  })

  it.each([
    ['term,definition'],
    ['Front;Back'],
    ['问题\t答案'],
    ['"Term","Definition"'],
  ])('detects the header row %s', (head) => {
    const sep = head.includes(';') ? ';' : head.includes('\t') ? '\t' : ','
    const result = ok(parseImport(`${head}\ncat${sep}chat\n`, opts()))
    expect(result.meta?.header).toBe(true)
    expect(pairsOf(result.set.questions)).toEqual([['cat', 'chat']])
    expect(result.warnings[0]).toMatchObject({ line: 1 })
  })

  it('keeps the first row when told there is no header, and drops it when told there is', () => {
    expect(pairsOf(ok(parseImport('term,definition\na,b\n', opts({ header: false }))).set.questions)).toHaveLength(2)
    expect(pairsOf(ok(parseImport('word one,word two\na,b\n', opts({ header: true }))).set.questions)).toEqual([['a', 'b']])
    expect(ok(parseImport('word one,word two\na,b\n', opts({ header: 'auto' }))).meta?.header).toBe(false)
  })

  it('reads quoted fields with separators, doubled quotes and line breaks, a BOM and CRLF', () => {
    const text = '\uFEFF"a, b","say ""hi"""\r\n"multi\r\nline",x\r\n'
    const { set } = ok(parseImport(text, opts()))
    expect(pairsOf(set.questions)).toEqual([
      ['a, b', 'say "hi"'],
      ['multi\nline', 'x'],
    ])
  })

  it("skips Anki's header lines and bookkeeping columns, and counts their lines", () => {
    const text = '#separator:tab\n#html:false\n#guid column:1\n#tags column:4\nid1\tcat\tchat\tanimals\nid2\tdog\t\tpets\n'
    const result = parseImport(text, opts())
    expect(errors(result)).toEqual([{ line: 6, column: 3, code: 'definitionEmpty', message: 'the definition is empty' }])
  })

  it("follows Anki's #separator line", () => {
    expect(pairsOf(ok(parseImport('#separator:Semicolon\na;b, c\n', opts())).set.questions)).toEqual([['a', 'b, c']])
  })

  it('reads a first row that merely starts with # as data', () => {
    expect(pairsOf(ok(parseImport('#1 hit\tsong\n', opts())).set.questions)).toEqual([['#1 hit', 'song']])
  })

  it('strips tags from an #html:true export and keeps the text as text', () => {
    const result = ok(parseImport('#html:true\n<b>cat</b>\tchat<br>f&#233;line &lt;3\n', opts()))
    expect(pairsOf(result.set.questions)).toEqual([['cat', 'chat\nféline <3']])
    expect(result.warnings.map((w) => w.message)).toContain('HTML tags were removed: the file says #html:true.')
  })

  it('names the title after the name option, or a default', () => {
    expect(ok(parseImport('a,b\n', opts({ name: '  My deck ' }))).set.title).toEqual({ zh: 'My deck', en: 'My deck' })
    expect(ok(parseImport('a,b\n', opts())).set.title).toEqual({ zh: '导入的题组', en: 'Imported set' })
  })

  it('reports empty terms and definitions with their physical line and column', () => {
    const text = 'front,back\n"multi\nline",ok\n,no term\nno definition,\n'
    expect(errors(parseImport(text, opts()))).toEqual([
      { line: 4, column: 1, code: 'termEmpty', message: 'the term is empty' },
      { line: 5, column: 2, code: 'definitionEmpty', message: 'the definition is empty' },
    ])
  })

  it('reports rows with too few and too many columns', () => {
    const wide = ['t', 'd', ...Array.from({ length: 12 }, (_, i) => `c${i}`)].join(',')
    expect(errors(parseImport(`a,b\nlonely\n${wide}\n`, opts()))).toEqual([
      { line: 2, column: 2, code: 'oneColumnComma', message: 'found 1 column; a row needs a term and a definition separated by a comma' },
      {
        line: 3,
        column: 14,
        code: 'tooManyColumns',
        params: { n: 14, max: 13, choices: 11 },
        message: 'the row has 14 columns; the limit is 13 (a term, a definition and up to 11 wrong choices)',
      },
    ])
  })

  it('says when no separator can be found at all', () => {
    expect(errors(parseImport('just words\nmore words\n', opts()))[0]!.message).toBe(
      'found no separator (a tab, comma or semicolon) between a term and its definition',
    )
  })

  it('reports a field over the length limit with its size', () => {
    const rows = Array.from({ length: 11 }, (_, i) => `t${i}\td${i}`)
    rows.push(`term\t${'x'.repeat(2345)}`)
    expect(errors(parseImport(rows.join('\n'), opts()))).toEqual([
      { line: 12, column: 2, code: 'definitionTooLong', params: { n: '2,345', max: '2,000' }, message: 'the definition is 2,345 characters; the limit is 2,000' },
    ])
  })

  it('reports a repeated choice', () => {
    expect(errors(parseImport('q\tsame\tother\tsame\n', opts()))).toEqual([
      { line: 1, column: 4, code: 'choiceRepeats', params: { column: 2 }, message: 'this choice repeats column 2' },
    ])
  })

  it('reports broken quotes once, on the line where the field starts', () => {
    expect(errors(parseImport('a,b\n"never closed,x\nc,d\n', opts()))).toEqual([
      { line: 2, code: 'quoteNotClosed', message: 'a quoted field is never closed (a " is missing)' },
    ])
    expect(errors(parseImport('a,b\n"bad"x,y\n', opts()))).toHaveLength(1)
  })

  it("maps the validator's own rules (placeholders) to the cell", () => {
    expect(errors(parseImport('ok\tfine\nTODO\tfine\n!!!\tpunctuation only\n', opts()))).toEqual([
      { line: 2, column: 1, code: 'vPlaceholder', params: { text: '"TODO"' }, message: '"TODO" looks like a placeholder, not a real text' },
    ])
  })

  it('keeps a row whose term is an emoji or a symbol as a flashcard only, and says why', () => {
    const result = ok(parseImport('🍎\tapple\n∑\tsum\ncat\tchat\n!!!\tpunctuation only\n', opts()))
    expect(result.set.questions.map((q) => q.id)).toEqual([`${P}-1-card`, `${P}-2-card`, `${P}-3-card`, `${P}-3-blank`, `${P}-4-card`])
    expect(pairsOf(result.set.questions)).toEqual([
      ['🍎', 'apple'],
      ['∑', 'sum'],
      ['cat', 'chat'],
      ['!!!', 'punctuation only'],
    ])
    expect(result.warnings).toEqual(
      [[1, '"🍎"'], [2, '"∑"'], [4, '"!!!"']].map(([line, term]) => ({
        line,
        column: 1,
        code: 'noTypedQuestion',
        params: { term },
        message: `the term ${term} has no letters or digits to type, so this row makes only a flashcard (no typed question)`,
      })),
    )
    expect(validateSet(result.set, { file: 'x' }).ok).toBe(true)
  })

  it('still makes a choice question for an emoji term with wrong choices', () => {
    const { set } = ok(parseImport('🍎\tapple\tpear\n', opts()))
    expect(set.questions.map((q) => q.type)).toEqual(['flashcard', 'single'])
  })

  it('warns about a term that appears twice', () => {
    const result = ok(parseImport('bank\triver side\nbank\tmoney place\n', opts()))
    expect(result.warnings).toEqual([
      { line: 2, column: 1, code: 'duplicateTerm', params: { term: '"bank"', line: 1 }, message: 'the term "bank" is also on line 1' },
    ])
  })

  it('refuses a file with no rows; one with column names only says so, with the line', () => {
    expect(errors(parseImport('#separator:tab\n#html:false\n\n', opts()))).toEqual([
      { code: 'noRows', message: 'The file has no rows with a term and a definition.' },
    ])
    expect(errors(parseImport('\ufeff\nterm,definition\n\n', { ...opts(), format: 'auto' }))).toEqual([
      {
        line: 2,
        code: 'onlyHeader',
        params: { cells: 'term | definition' },
        message: 'The file has only column names (term | definition) and no cards below them. Add one row per card: a term, the separator, its definition.',
      },
    ])
  })

  it('says a row split by another separator than the rest of the file', () => {
    expect(errors(parseImport('cat\tchat\ndog,chien\nbird;oiseau\nfish\tpoisson\n', { ...opts(), format: 'auto' }))).toEqual([
      {
        line: 2,
        column: 2,
        code: 'mixedSeparator',
        params: { found: '","', used: '"\\t"' },
        message: 'found 1 column: this row has "," where the other rows have "\\t"; use one separator throughout the file',
      },
      {
        line: 3,
        column: 2,
        code: 'mixedSeparator',
        params: { found: '";"', used: '"\\t"' },
        message: 'found 1 column: this row has ";" where the other rows have "\\t"; use one separator throughout the file',
      },
    ])
  })

  it('guesses the separator from the start of a file whose first line is longer than the sample', () => {
    const long = `${'x'.repeat(100_000)}\t${'y'.repeat(100)}\nterm\tdefinition two\n`
    expect(errors(parseImport(long, { ...opts(), format: 'auto' }))).toEqual([
      { line: 1, column: 1, code: 'termTooLong', params: { n: '100,000', max: '2,000' }, message: 'the term is 100,000 characters; the limit is 2,000' },
    ])
    expect(errors(parseImport('z'.repeat(200_000), { ...opts(), format: 'auto' }))).toEqual([
      { line: 1, column: 2, code: 'noSeparator', message: 'found no separator (a tab, comma or semicolon) between a term and its definition' },
    ])
  })

  it('refuses more than 10,000 rows (20,000 questions)', () => {
    const text = Array.from({ length: 10_001 }, (_, i) => `t${i}\td${i}`).join('\n')
    expect(errors(parseImport(text, opts()))[0]!.message).toMatch(/more than 10,000 rows; the limit is 10,000/)
  })

  it('parses 10,000 rows, reporting rising progress on the way (its speed is a benchmark figure)', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `term ${i}\tthe definition of term ${i}, a little longer`).join('\n')
    const steps = parseImportSteps(text, opts())
    const fractions: number[] = []
    let step = steps.next()
    while (step.done !== true) {
      fractions.push(step.value)
      step = steps.next()
    }
    expect(ok(step.value).set.questions).toHaveLength(20_000)
    expect(fractions.length).toBeGreaterThan(5)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(fractions.at(-1)).toBe(1)
  }, 20_000)
})
