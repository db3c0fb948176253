import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { QuestionSet } from '@/domain/content/schema'
import { validateSet } from '@/domain/content/validate'
import { exportSetJson, exportSetTsv, naturalPairs, parseImport, type ImportOptions } from './index'
import { tsvField } from './export'

const builtIn = import.meta.glob<QuestionSet>('../../../questions/*.json', { import: 'default', eager: true })
const builtInSets = Object.entries(builtIn)
  .filter(([path]) => !path.endsWith('question-set.schema.json'))
  .map(([, set]) => set)

const prefix = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/)

const options: fc.Arbitrary<ImportOptions> = fc.record(
  {
    format: fc.constantFrom('auto', 'json', 'csv'),
    separator: fc.oneof(fc.constantFrom('tab', 'comma', 'semicolon', '', '\\t', '|', '"', '\n'), fc.string({ maxLength: 3 })),
    header: fc.constantFrom(true, false, 'auto'),
    name: fc.string({ maxLength: 30 }),
    idPrefix: fc.oneof(prefix, fc.string({ maxLength: 50 })),
  },
  { requiredKeys: ['format', 'idPrefix'] },
) as fc.Arbitrary<ImportOptions>

// Text that is often almost right: delimited rows and JSON fragments, not only noise.
const cell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '"', '""', '#separator:tab', '#html:true', '<b>x</b>', '__proto__', 'TODO', '\r\n', '{', '['),
)
const delimited = fc
  .array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 })
  .chain((rows) => fc.constantFrom('\t', ',', ';').map((sep) => rows.map((r) => r.join(sep)).join('\n')))
const jsonish = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.constantFrom(...builtInSets.slice(0, 2).map((s) => JSON.stringify(s))).chain((text) =>
    fc.nat(text.length).map((cut) => text.slice(0, cut)),
  ),
)
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), delimited, jsonish)

/** A word that survives as a typed answer: it has a letter or digit and is no placeholder. */
const word = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
  .filter((s) => /[\p{L}\p{N}]/u.test(s) && s.trim() === s && !/^(?:todo|tbd|fixme|xxx+|lorem ipsum.*|待定|待补充?)$/i.test(s))
const tricky = fc.oneof(
  word,
  fc.tuple(word, fc.constantFrom('\t', '\n', '"', ', ', '; ', '""'), word).map(([a, s, b]) => `${a}${s}${b}`),
  // What a spreadsheet would run as a formula, and the apostrophe that guards it (formula.ts).
  fc.tuple(fc.constantFrom('=', '+', '-', '@', "'", "'=", "''+", '-1', '+2.5'), word).map(([a, b]) => `${a}${b}`),
)
const pairs = fc.uniqueArray(fc.tuple(tricky, tricky), { minLength: 1, maxLength: 15, selector: ([t]) => t })

function csvOf(rows: [string, string][]): string {
  return rows.map(([t, d]) => `${tsvField(t)}\t${tsvField(d)}`).join('\n')
}

describe('parseImport properties', () => {
  it('never throws: any input gives a valid set or a non-empty error list', () => {
    fc.assert(
      fc.property(anyText, options, (text, opts) => {
        const result = parseImport(text, opts)
        if (result.ok) {
          expect(validateSet(result.set, { file: 'x' }).ok).toBe(true)
          expect(result.set.id).toBe(opts.idPrefix)
          for (const q of result.set.questions) expect(q.id.startsWith(`${opts.idPrefix}-`)).toBe(true)
        } else {
          expect(result.errors.length).toBeGreaterThan(0)
          for (const e of result.errors) expect(typeof e.message).toBe('string')
        }
      }),
      { numRuns: 600 },
    )
  }, 30_000)

  it('gives the same set for the same input and prefix', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, pairs.map(csvOf)), options, (text, opts) => {
        expect(parseImport(text, opts)).toEqual(parseImport(text, opts))
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it('round-trips export JSON → import to an equal set under the same prefix', () => {
    const sets = fc.oneof(
      pairs.map((rows) => parseImport(csvOf(rows), { format: 'csv', idPrefix: 'imp-a' })),
      fc
        .constantFrom(...builtInSets)
        .chain((s) => fc.subarray(s.questions, { minLength: 1 }).map((questions) => ({ ...s, questions })))
        .map((s) => parseImport(JSON.stringify(s), { format: 'json', idPrefix: 'imp-a' })),
    )
    fc.assert(
      fc.property(sets, prefix, (first, other) => {
        if (!first.ok) throw new Error(JSON.stringify(first.errors))
        const again = parseImport(exportSetJson(first.set), { format: 'auto', idPrefix: 'imp-a' })
        expect(again.ok && again.set).toEqual(first.set)
        // Under another prefix only the prefix changes: never prefixed twice.
        const moved = parseImport(exportSetJson(first.set), { format: 'auto', idPrefix: other })
        if (!moved.ok) throw new Error(JSON.stringify(moved.errors))
        expect(moved.set.questions.map((q) => q.id.slice(other.length))).toEqual(
          first.set.questions.map((q) => q.id.slice('imp-a'.length)),
        )
      }),
      { numRuns: 150 },
    )
  }, 30_000)

  it('round-trips export TSV → import to the same term–definition pairs', () => {
    fc.assert(
      fc.property(pairs, fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>, (rows, lang) => {
        const first = parseImport(csvOf(rows), { format: 'csv', idPrefix: 'imp-a' })
        if (!first.ok) throw new Error(JSON.stringify(first.errors))
        expect(naturalPairs(first.set, lang)).toEqual(rows)
        const back = parseImport(exportSetTsv(first.set, lang), { format: 'auto', idPrefix: 'imp-b' })
        if (!back.ok) throw new Error(JSON.stringify(back.errors))
        expect(naturalPairs(back.set, lang)).toEqual(rows)
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it('round-trips the built-in sets through TSV to their natural pairs', () => {
    for (const set of builtInSets) {
      for (const lang of ['zh', 'en'] as const) {
        const back = parseImport(exportSetTsv(set, lang), { format: 'auto', idPrefix: 'imp-b' })
        if (!back.ok) throw new Error(`${set.id}/${lang}: ${JSON.stringify(back.errors)}`)
        const flashcards = back.set.questions.flatMap((q) => (q.type === 'flashcard' ? [[q.prompt[lang], q.back[lang]]] : []))
        expect(flashcards).toEqual(naturalPairs(set, lang))
      }
    }
  })
})

describe('parseImport properties: awkward text', () => {
  it('refuses any text holding a C0 control character (not tab, CR, LF), naming its line and column', () => {
    const control = fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 9 && c !== 10 && c !== 13)
    fc.assert(
      fc.property(pairs.map(csvOf), control, fc.nat(), options, (text, code, at, opts) => {
        const cut = at % (text.length + 1)
        const bad = `${text.slice(0, cut)}${String.fromCharCode(code)}${text.slice(cut)}`
        const result = parseImport(bad, { ...opts, idPrefix: 'imp-a' })
        if (result.ok) throw new Error('a control character was let through')
        const before = bad.slice(0, cut)
        const line = before.split(/\r\n|\r|\n/).length
        const column = cut - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) // 1-based
        expect(result.errors).toEqual([expect.objectContaining({ code: code === 0 ? 'controlNul' : 'controlChar', line, column })])
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it('reads a TSV whose first term opens like JSON ("[…]", "{…}") as it reads it with CSV / TSV chosen', () => {
    const opener = fc.constantFrom('[', '{', '[[', '{"')
    fc.assert(
      fc.property(pairs, opener, (rows, open) => {
        const [[term, definition], ...rest] = rows as [[string, string], ...[string, string][]]
        const text = csvOf([[`${open}${term}`, definition], ...rest])
        const chosen = parseImport(text, { format: 'csv', idPrefix: 'imp-a' })
        if (!chosen.ok) return // a quoted opener such as `{"` can make the text no TSV at all
        expect(parseImport(text, { format: 'auto', idPrefix: 'imp-a' })).toEqual(chosen)
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it('gives the same pairs with empty lines between and after the rows', () => {
    fc.assert(
      fc.property(pairs, fc.array(fc.nat(3), { maxLength: 16 }), fc.nat(50), (rows, gaps, after) => {
        const spaced = rows.map((r, i) => `${tsvField(r[0])}\t${tsvField(r[1])}${'\n'.repeat(gaps[i] ?? 0)}`).join('\n')
        const result = parseImport(`${spaced}${'\n'.repeat(after)}`, { format: 'csv', idPrefix: 'imp-a' })
        if (!result.ok) throw new Error(JSON.stringify(result.errors))
        expect(naturalPairs(result.set, 'en')).toEqual(rows)
      }),
      { numRuns: 150 },
    )
  }, 30_000)
})

describe('export JSON → import: the same set', () => {
  /** The set's content, ids aside: title, description, key points and questions, in key order. */
  function content(set: QuestionSet): string {
    const { title, description, keyPoints, questions } = set
    return JSON.stringify({ title, description, keyPoints, questions: questions.map(({ id: _id, ...rest }) => rest) })
  }
  const validated = builtInSets.map((s) => {
    const checked = validateSet(s, { file: s.id })
    if (!checked.ok) throw new Error(`${s.id} is not valid`)
    return checked.set
  })

  it('gives back every built-in set, questions and key points included, in the same order', () => {
    for (const set of validated) {
      const back = parseImport(exportSetJson(set), { format: 'auto', idPrefix: 'imp-rt' })
      if (!back.ok) throw new Error(`${set.id}: ${JSON.stringify(back.errors)}`)
      expect(content(back.set)).toBe(content(set))
      // Each question keeps its own id under the new prefix.
      expect(back.set.questions.map((q) => q.id)).toEqual(set.questions.map((q) => `imp-rt-${q.id.replace(`${set.id}-`, '')}`))
    }
  })

  it('gives back any set: a part of a built-in one, its questions in any order (property)', () => {
    const sets = fc
      .constantFrom(...validated)
      .chain((s) => fc.shuffledSubarray(s.questions, { minLength: 1 }).map((questions) => ({ ...s, questions })))
    fc.assert(
      fc.property(sets, prefix, (set, other) => {
        const once = parseImport(exportSetJson(set), { format: 'auto', idPrefix: other })
        if (!once.ok) throw new Error(JSON.stringify(once.errors))
        expect(content(once.set)).toBe(content(set))
        const twice = parseImport(exportSetJson(once.set), { format: 'auto', idPrefix: 'imp-b' })
        if (!twice.ok) throw new Error(JSON.stringify(twice.errors))
        expect(content(twice.set)).toBe(content(set))
      }),
      { numRuns: 100 },
    )
  }, 30_000)
})
