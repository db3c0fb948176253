import { describe, expect, it } from 'vitest'
import type { QuestionSet } from '@/domain/content/schema'
import { validateSet } from '@/domain/content/validate'
import { applyPrefix, prefixedId } from './ids'
import { exportSetJson, parseImport, type ImportOptions, type ImportResult } from './index'

const builtIn = import.meta.glob<QuestionSet>('../../../questions/*.json', { import: 'default', eager: true })
const builtInSets = Object.entries(builtIn)
  .filter(([path]) => !path.endsWith('question-set.schema.json'))
  .map(([, set]) => set)

const P = 'imp-test'
const opts = (o: Partial<ImportOptions> = {}): ImportOptions => ({ format: 'json', idPrefix: P, ...o })

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a set, got ${JSON.stringify(result.errors)}`)
  return result
}
function errors(result: ImportResult) {
  if (result.ok) throw new Error('expected errors, got a set')
  return result.errors
}

const small = (): Record<string, unknown> => ({
  id: 'mine',
  title: { zh: '我的', en: 'Mine' },
  keyPoints: [{ zh: '要点', en: 'A point' }],
  questions: [
    {
      id: 'mine-q1',
      type: 'single',
      prompt: { zh: '哪个？', en: 'Which?' },
      explanation: { zh: '因为', en: 'Because' },
      choices: [
        { id: 'a', text: { zh: '甲', en: 'A' } },
        { id: 'b', text: { zh: '乙', en: 'B' } },
      ],
      answer: 'b',
    },
  ],
})

describe('parseImport: the app JSON format', () => {
  it('imports a set under the prefix, keeping answers (they refer to choice ids)', () => {
    const { set } = ok(parseImport(JSON.stringify(small()), opts()))
    expect(set.id).toBe(P)
    expect(set.questions[0]).toMatchObject({ id: `${P}-q1`, answer: 'b', choices: [{ id: 'a' }, { id: 'b' }] })
    expect(validateSet(set, { file: 'x' }).ok).toBe(true)
  })

  it('detects JSON in auto mode, with a BOM and leading space', () => {
    expect(ok(parseImport(`\uFEFF  \n${JSON.stringify(small())}`, opts({ format: 'auto' }))).meta?.format).toBe('json')
  })

  it('prefixes question ids that do not carry the set id as they are', () => {
    const data = small()
    ;(data.questions as { id: string }[])[0]!.id = 'other-q1'
    expect(ok(parseImport(JSON.stringify(data), opts())).set.questions[0]!.id).toBe(`${P}-other-q1`)
  })

  it('imports every built-in set (ids never collide with the built-in ones)', () => {
    const builtInIds = new Set(builtInSets.flatMap((s) => [s.id, ...s.questions.map((q) => q.id)]))
    expect(builtInSets.length).toBeGreaterThan(0)
    for (const original of builtInSets) {
      const { set } = ok(parseImport(JSON.stringify(original), opts()))
      expect(set.questions).toHaveLength(original.questions.length)
      for (const q of set.questions) expect(builtInIds.has(q.id)).toBe(false)
      expect(set.$schema).toBeUndefined()
    }
  })

  it('uses the same messages as the built-in sets', () => {
    const data = small()
    ;(data.questions as Record<string, unknown>[])[0]!.answer = 'z'
    expect(errors(parseImport(JSON.stringify(data), opts()))).toEqual([
      { path: 'mine-q1 › answer', code: 'vNotAChoice', params: { value: '"z"', list: 'a, b' }, message: '"z" is not one of the choices (a, b)' },
    ])
    expect(errors(parseImport('{"id":"x"}', opts()))).toContainEqual({ path: 'title', code: 'vMissing', message: 'missing' })
  })

  it('reports invalid JSON with its line and column', () => {
    expect(errors(parseImport('{\n  "id": "x",\n  "title": }\n', opts()))).toEqual([
      { line: 3, column: 12, code: 'invalidJson', params: { reason: 'unexpected "}"' }, message: 'invalid JSON: unexpected "}"' },
    ])
  })

  it('refuses deep nesting with a clear error instead of overflowing the stack', () => {
    const text = `${'['.repeat(10_000)}${']'.repeat(10_000)}`
    expect(errors(parseImport(text, opts()))).toEqual([
      { line: 1, column: 65, code: 'tooDeep', params: { max: 64 }, message: 'the data is nested more than 64 levels deep; a question set needs fewer than 10' },
    ])
    // Unbalanced and inside objects too, and brackets inside strings do not count.
    expect(errors(parseImport(`{"a":${'{"b":'.repeat(5000)}`, opts()))[0]!.message).toMatch(/nested more than 64/)
    expect(ok(parseImport(JSON.stringify({ ...small(), description: { zh: '['.repeat(100), en: '{'.repeat(100) } }), opts())).set)
      .toBeDefined()
  })

  it('refuses more than 20,000 questions before validating them', () => {
    const data = { ...small(), questions: Array.from({ length: 20_001 }, () => 0) }
    expect(errors(parseImport(JSON.stringify(data), opts()))).toEqual([
      { path: 'questions', code: 'tooManyQuestions', params: { n: '20,001', max: '20,000' }, message: 'the set has 20,001 questions; the limit is 20,000' },
    ])
  })

  it('drops __proto__, constructor and prototype keys without touching Object.prototype', () => {
    const text = `{
      "__proto__": { "polluted": true },
      "constructor": { "prototype": { "polluted": true } },
      "id": "mine",
      "title": { "zh": "我的", "en": "Mine", "__proto__": { "polluted": true } },
      "keyPoints": [{ "zh": "要点", "en": "A point" }],
      "questions": [{ "__proto__": { "isAdmin": true }, "id": "mine-q1", "type": "truefalse",
        "prompt": { "zh": "对吗", "en": "True?" }, "explanation": { "zh": "因为", "en": "Because" }, "answer": true }]
    }`
    const result = ok(parseImport(text, opts()))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(Object.getPrototypeOf(result.set)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(result.set.questions[0])).toBe(Object.prototype)
    expect(Object.keys(result.set.title)).toEqual(['zh', 'en'])
    expect(validateSet(result.set, { file: 'x' }).ok).toBe(true)
    expect(result.warnings).toEqual([
      {
        code: 'unsafeKeys',
        params: { keys: '"__proto__", "constructor", "prototype"' },
        message: 'Ignored unsafe keys: "__proto__", "constructor", "prototype".',
      },
    ])
  })
})

describe('id prefixes', () => {
  it('re-prefixes an exported imported set instead of prefixing twice (strip, then re-apply)', () => {
    const first = ok(parseImport(JSON.stringify(small()), opts())).set
    const again = ok(parseImport(exportSetJson(first), opts({ idPrefix: 'imp-other' }))).set
    expect(again.questions[0]!.id).toBe('imp-other-q1')
    expect(ok(parseImport(exportSetJson(first), opts())).set).toEqual(first)
  })

  it('keeps ids within 80 characters, unique, and stable', () => {
    const long = 'x'.repeat(70)
    const a = prefixedId('imp-abcdefghij', `${long}-one`)
    const b = prefixedId('imp-abcdefghij', `${long}-two`)
    expect(a.length).toBeLessThanOrEqual(80)
    expect(a).not.toBe(b)
    expect(a).toBe(prefixedId('imp-abcdefghij', `${long}-one`))
    expect(a).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)

    const data = small()
    ;(data.questions as { id: string }[])[0]!.id = `${'q'.repeat(80)}`
    const { set } = ok(parseImport(JSON.stringify(data), opts()))
    expect(set.questions[0]!.id.length).toBeLessThanOrEqual(80)
    expect(validateSet(set, { file: 'x' }).ok).toBe(true)
    expect(ok(parseImport(exportSetJson(set), opts())).set).toEqual(set)
  })

  it('applyPrefix leaves the set id out of question ids only when all of them carry it', () => {
    const set = ok(parseImport(JSON.stringify(small()), opts())).set
    const mixed: QuestionSet = { ...set, id: 'mine', questions: [{ ...set.questions[0]!, id: 'mine-a' }, { ...set.questions[0]!, id: 'b' }] }
    expect(applyPrefix(mixed, 'p').questions.map((q) => q.id)).toEqual(['p-mine-a', 'p-b'])
  })

  it('refuses a prefix that is not kebab-case', () => {
    expect(errors(parseImport('{}', opts({ idPrefix: 'Bad Prefix' })))[0]!.message).toMatch(/kebab-case/)
  })
})

describe('parseImport: a key written twice in one object', () => {
  it('refuses it at the second key, rather than keeping only the last value without a word', () => {
    const text = '{"id":"s","title":{"zh":"题","en":"Set"},"keyPoints":[{"zh":"点","en":"Point"}],\n"questions":[{"id":"q","type":"truefalse","prompt":{"zh":"对吗？","en":"True?"},"explanation":{"zh":"是。","en":"Yes."},\n"answer":true, "answer":false}]}'
    expect(errors(parseImport(text, opts()))).toEqual([
      { line: 3, column: 16, code: 'duplicateKey', params: { key: '"answer"' }, message: 'the key "answer" appears twice in one object (JSON keeps only the last); remove one of them' },
    ])
  })

  it('finds it however the key is spelled, and keeps the same key in different objects', () => {
    const spelled = '{"id":"s","i\\u0064":"t"}'
    expect(errors(parseImport(spelled, opts()))[0]).toMatchObject({ code: 'duplicateKey', params: { key: '"id"' }, line: 1, column: 11 })
    ok(parseImport(JSON.stringify(small()), opts()))
  })
})
