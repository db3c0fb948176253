// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import en from '@/i18n/problems/en'
import zh from '@/i18n/problems/zh'
import { decodeFile, emptyFileIssue, emptyPasteIssue, parseImport, pasteTooBigIssue, unreadableFileIssue, type ImportIssue } from '@/domain/import'
import { nameIssue } from '@/domain/import/name'
import { MAX_BLANK_LINES } from '@/domain/import/csv'
import { issue, type IssueCode } from '@/domain/import/types'
import { VALIDATOR_ENGLISH, VALIDATOR_WORDS } from '@/domain/import/validatorCodes'
import { codeJsonReason } from '@/domain/import/jsonReasons'
import ImportIssues from './ImportIssues.vue'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  i18n.global.locale.value = 'en'
})

function render(issues: ImportIssue[], locale: 'zh' | 'en'): string[] {
  i18n.global.locale.value = locale
  wrapper?.unmount()
  wrapper = mount(ImportIssues, { props: { issues, title: 't', testid: 'issues' }, global: { plugins: [i18n] } })
  return wrapper.findAll('li').map((li) => li.text())
}

const P = 'imp-i'
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)))
const issuesOf = (text: string, format: 'auto' | 'json' | 'csv' = 'auto', more: object = {}): ImportIssue[] => {
  const r = parseImport(text, { format, idPrefix: P, ...more })
  return r.ok ? r.warnings : r.errors
}
const decodeIssues = (b: Uint8Array): ImportIssue[] => {
  const r = decodeFile(b)
  return r.ok ? [] : r.errors
}
const set = (extra: object = {}) =>
  JSON.stringify({ id: 's', title: { zh: 't', en: 't' }, keyPoints: [{ zh: 'k', en: 'k' }], questions: [{ id: 'q', type: 'truefalse', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, answer: true }], ...extra })

/** Files that between them raise every problem the importer names. */
function corpus(): ImportIssue[] {
  const wide = ['t', 'd', ...Array.from({ length: 12 }, (_, i) => `c${i}`)].join(',')
  return [
    ...decodeIssues(new Uint8Array(10 * 1024 * 1024 + 1)),
    ...issuesOf('   '),
    ...decodeIssues(bytes([0xff, 0xfe, 0x00, 0xd8])),
    ...decodeIssues(bytes([...'a\tb\nc\td\n'].flatMap((c) => [c.charCodeAt(0), 0]))),
    ...decodeIssues(bytes([0x50, 0x4b, 0x03, 0x04])),
    ...decodeIssues(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ...decodeIssues(bytes('%PDF-1.7\n')),
    ...decodeIssues(bytes([0x1f, 0x8b, 8])),
    ...decodeIssues(bytes('SQLite format 3', [0])),
    ...decodeIssues(bytes('caf', [0xe9])),
    ...issuesOf('a\u0000\tb'),
    ...issuesOf('a\u0001\tb'),
    ...issuesOf('{"id": "x",\n"title": }\n'),
    ...issuesOf(JSON.stringify({ format: 'qwen-study-backup', version: 1 })),
    ...issuesOf(`${'['.repeat(100)}${']'.repeat(100)}`),
    ...issuesOf('{"id":"a","id":"b"}'),
    ...issuesOf(set({ questions: Array.from({ length: 20_001 }, () => 0) })),
    ...issuesOf(`{"__proto__": {}, ${set().slice(1)}`),
    ...issuesOf('a"b', 'csv', { separator: '"' }),
    ...issuesOf('a,b\n"never closed,x\n'),
    ...issuesOf('a,b\n"bad"x,y\n'),
    ...issuesOf('#html:true\n<b>a</b>,b\n'),
    ...issuesOf('term,definition\na,b\n'),
    ...(() => {
      const r = parseImport(undefined as unknown as string, { format: 'auto', idPrefix: P })
      return r.ok ? [] : r.errors
    })(),
    // Out of reach of a file: two ids with the same fingerprint, and the safety net for a crash.
    issue('shortenIds', 'two question ids both shorten to "imp-x-a"; shorten them', { id: '"imp-x-a"' }),
    issue('unreadable', 'The file could not be read: boom', { reason: 'boom' }),
    ...issuesOf(Array.from({ length: 10_001 }, (_, i) => `t${i}\td${i}`).join('\n')),
    ...issuesOf(`a\tb\n${'\n'.repeat(MAX_BLANK_LINES + 1)}c\td\n`),
    ...issuesOf('term,definition\n'),
    ...issuesOf('#separator:tab\n#html:false\n'),
    ...issuesOf('cat\tchat\ndog,chien\n'),
    ...issuesOf(Array.from({ length: 101 }, () => ',x').join('\n')),
    ...issuesOf('just words\nmore words\n'),
    ...issuesOf('a\tb\nlonely\n'),
    ...issuesOf('a,b\nlonely\n'),
    ...issuesOf('a;b\nlonely\n'),
    ...issuesOf('a|b\nlonely\n', 'csv', { separator: '|' }),
    ...issuesOf(`a,b\n${wide}\n`),
    ...issuesOf(`${'x'.repeat(2001)}\t${'y'.repeat(2001)}\tz\t${'w'.repeat(2001)}\nq\tsame\tsame\na\t\n`),
    ...issuesOf('bank\triver\nbank\tmoney\n🍎\tapple\n'),
    ...issuesOf('cat\tchat\n[sound:dog.mp3]\tchien\n'),
    // The set validator's commonest messages.
    ...issuesOf('{"id":"x"}'),
    ...issuesOf(set({ title: { zh: 't' } })),
    ...issuesOf(set({ questions: [{ id: 'q', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' } }] })),
    ...issuesOf(set({ questions: [{ id: 'q', type: 'essay', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' } }] })),
    ...issuesOf(set({ extra: 1, keyPoints: [], title: { zh: '', en: 'x'.repeat(2001) } })),
    ...issuesOf(set({ questions: [{ id: 'q', type: 'single', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, choices: [{ id: 'a', text: { zh: 'a', en: 'a' } }], answer: 'a' }] })),
    ...issuesOf(set({ questions: [{ id: 'q', type: 'single', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, choices: Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, text: { zh: `c${i}`, en: `c${i}` } })), answer: 'c0' }] })),
    ...issuesOf('TODO\tfine\n'),
    ...issuesOf(set({ questions: [{ id: 'q', type: 'blank', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, answer: { zh: '$', en: 'a' } }] })),
    ...issuesOf('[1]'),
    ...issuesOf('{"a":', 'json'),
    ...issuesOf(set({ questions: [{ id: 'q', type: 'truefalse', prompt: { zh: 'p', en: 'p' }, explanation: { zh: 'e', en: 'e' }, answer: true, tags: ['x'.repeat(41)] }] })),
    nameIssue('', true)!,
    nameIssue('x'.repeat(201), true)!,
    nameIssue('todo', true)!,
    ...validatorCorpus(),
    // Where the text comes from.
    emptyFileIssue('deck.csv'),
    emptyPasteIssue(),
    pasteTooBigIssue(11 * 1024 * 1024),
    unreadableFileIssue('deck.csv'),
  ]
}

/** Broken sets that between them break every rule of the set validator a learner's file can reach. */
function validatorCorpus(): ImportIssue[] {
  const L = (text: string) => ({ zh: text, en: text })
  const q = (extra: object) => ({ id: 'q', prompt: L('p'), explanation: L('e'), ...extra })
  const choices = (...ids: string[]) => ids.map((id) => ({ id, text: L(`text ${id}`) }))
  const broken = (questions: object[], extra: object = {}) => issuesOf(set({ questions, ...extra }), 'json')
  return [
    ...broken([q({ type: 'truefalse', answer: true }), q({ type: 'truefalse', answer: false })]),
    ...broken([q({ id: '__proto__', type: 'truefalse', answer: true })]),
    ...broken([q({ id: 'x'.repeat(81), type: 'truefalse', answer: true })]),
    ...broken([q({ type: 'truefalse', answer: 'yes' })]),
    ...broken([q({ type: 'truefalse', answer: true, tags: 'x' })]),
    ...broken([q({ type: 'truefalse', answer: true, tags: [''] })]),
    ...broken([q({ type: 'truefalse', answer: true, source: { paragraph: 0.5, quote: 'ab' } })]),
    ...broken([q({ type: 'truefalse', answer: true, source: { paragraph: 0, quote: 'ab' } })]),
    ...broken([q({ type: 'truefalse', answer: true, source: { paragraph: 100000, quote: 'ab' } })]),
    ...broken([q({ type: 'single', choices: choices('a', 'a'), answer: 'z' })]),
    ...broken([q({ type: 'single', choices: [{ id: 'a b', text: L('x') }, { id: 'b', text: L('x') }], answer: 'b' })]),
    ...broken([q({ type: 'multiple', choices: choices('a', 'b'), answer: ['a'] })]),
    ...broken([q({ type: 'multiple', choices: choices('a', 'b', 'c'), answer: ['a', 'a', 'z'] })]),
    ...broken([q({ type: 'multiple', choices: choices('a', 'b', 'c'), answer: ['a', 'b', 'c'] })]),
    ...broken([q({ type: 'ordering', items: choices('a', 'b'), answer: ['a', 'b'] })]),
    ...broken([q({ type: 'ordering', items: choices('a', 'b', 'c'), answer: ['a', 'a', 'z'] })]),
    ...broken([q({ type: 'matching', pairs: [{ id: 'a', left: L('l'), right: L('r') }] })]),
    ...broken([q({ type: 'numeric', value: 1, tolerance: -1 })]),
    ...broken([q({ type: 'numeric', value: 'NaN', tolerance: 0 })]),
    ...broken([q({ type: 'numeric', value: 10, tolerance: 10 })]),
    ...broken([q({ type: 'numeric', value: 100, tolerance: 50 })]),
    ...broken([q({ type: 'numeric', value: 0.1, tolerance: 0, unit: { zh: '亿', en: 'yi' } })]),
    ...broken([q({ type: 'blank', answer: L('cat'), accepted: ['CAT'] })]),
    ...broken([q({ type: 'blank', answer: L('2'), accepted: ['3'] })]),
    ...broken([q({ type: 'flashcard', back: L('b'), extra: 1 })]),
    ...broken([], { order: 'first' }),
    ...broken([q({ type: 'truefalse', answer: true })], { keyPoints: [] }),
    ...broken([q({ type: 'truefalse', answer: true })], { id: 'Not Kebab' }),
    ...broken([q({ type: 'truefalse', answer: true })], { title: 7 }),
    ...broken([q({ type: 'truefalse', answer: true, prompt: L('x'.repeat(2001)) })]),
    ...broken([q({ type: 'truefalse', answer: true, source: { paragraph: [], quote: 'a' } })]),
    ...broken([q({ type: 'numeric', value: 0.1, tolerance: 0, unit: { zh: '亿', en: 'hundred million' } })]),
    // JSON has no Infinity, but a number too big for a double reads as one.
    ...issuesOf(set({ questions: [q({ type: 'numeric', value: 1, tolerance: 0 })] }).replace('"value":1', '"value":1e400'), 'json'),
    ...issuesOf(set({ order: 1 }).replace('"order":1', '"order":1e400'), 'json'),
    ...broken([q({ type: 'multiple', choices: choices('a', 'b', 'c'), answer: ['a'] })]),
    ...broken([q({ type: 'truefalse', answer: true, prompt: L('\u200b\u202e') })]),
    ...broken([q({ type: 'truefalse', answer: true, prompt: L('p\ud800') })]),
  ]
}

describe('ImportIssues: why JSON stops', () => {
  it('says each reason as strict JSON words it in English, and in Chinese without its English', () => {
    const broken = ['"abc', '"a\nb"', '"\\u12"', '"\\q"', '{"a":1', '[1,]', '{"a":1,}', '{a:1}', '{"a" 1}', '{"a":1 "b"}', '[1 2]', '{} x', '{"a": @}', '// note\n{}']
    const issues = broken.map((text) => issuesOf(text, 'json')[0]!).map(({ line: _l, column: _c, ...rest }) => rest)
    expect(issues.every((i) => i.code === 'invalidJson')).toBe(true)
    expect(render(issues, 'en')).toEqual(issues.map((i) => i.message))
    for (const text of render(issues, 'zh')) expect(text).not.toMatch(/\b(?:expected|unexpected|found|string|comma|end of file|escape|comments?)\b/)
  })
})

describe('ImportIssues: the set validator’s messages', () => {
  const issues = validatorCorpus()

  it('every message of the validator a broken set raises has a code', () => {
    expect(issues.length).toBeGreaterThan(30)
    expect(issues.filter((i) => i.code === undefined).map((i) => i.message)).toEqual([])
  })

  it('in English, each reads as the validator wrote it; in Chinese, it is Chinese, with no English words left', () => {
    const bare = issues.map(({ line: _l, column: _c, path: _p, ...rest }) => rest)
    expect(render(bare, 'en')).toEqual(bare.map((i) => i.message))
    for (const [i, text] of render(bare, 'zh').entries()) {
      expect(text, bare[i]!.message).toMatch(/\p{Script=Han}/u)
      expect(text, bare[i]!.message).not.toMatch(/\b(?:must|got|needs?|is not|already|listed|leaves|tolerance|reads|repeats|past|expected|nothing|a list|an object|a string|a number|missing|characters|entries|same text)\b/)
    }
  })
})

describe('ImportIssues: the learner’s language', () => {
  const issues = corpus()

  it('the corpus raises every problem the importer names, and every code has a message in both languages', () => {
    const codes = new Set(issues.map((i) => i.code))
    // The validator's messages have their English beside the shapes that recognise them, and a Chinese wording here.
    const all = [...Object.keys(en.importIssue), ...Object.keys(VALIDATOR_ENGLISH)].sort() as IssueCode[]
    expect([...codes].filter((c) => c !== undefined).sort()).toEqual(all)
    expect(Object.keys(zh.importIssue).sort()).toEqual(all)
  })

  it('in English, each coded problem reads exactly as the importer’s own message', () => {
    const coded = issues.filter((i) => i.code !== undefined).map(({ line: _l, column: _c, path: _p, ...rest }) => rest)
    expect(render(coded, 'en')).toEqual(coded.map((i) => i.message))
  })

  it('in Chinese, each coded problem is Chinese, with its parameters filled in', () => {
    const coded = issues.filter((i) => i.code !== undefined).map(({ line: _l, column: _c, path: _p, ...rest }) => rest)
    const texts = render(coded, 'zh')
    for (const [i, text] of texts.entries()) {
      expect(text, coded[i]!.message).toMatch(/\p{Script=Han}/u)
      expect(text).not.toMatch(/\{\w+\}/)
      // The validator's own words (`a list`) and why JSON stops are said in Chinese too; everything else shows as it is.
      for (const [name, value] of Object.entries(coded[i]!.params ?? {}))
        if (name === 'reason' && codeJsonReason(String(value)) !== null) expect(text).not.toContain(String(value))
        else if (!['expected', 'got'].includes(name) || !VALIDATOR_WORDS.has(value as never)) expect(text).toContain(String(value))
    }
  })

  it('shows the line and column before the message, and an uncoded (validator) message as it is', () => {
    const texts = render(
      [
        { line: 3, column: 1, code: 'termEmpty', message: 'the term is empty' },
        { path: 'q › prompt.zh', message: 'must be a string' },
      ],
      'zh',
    )
    expect(texts).toEqual(['第 3 行，第 1 列：词条是空的', 'q › prompt.zh：must be a string'])
  })
})
