import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { tsvField } from './export'
import { parseImport, type ImportResult } from './index'

function ok(result: ImportResult) {
  if (!result.ok) throw new Error(`expected a set, got ${JSON.stringify(result.errors)}`)
  return result
}

describe("Anki's text export headers", () => {
  it('reads the tags column as tags, not as a choice', () => {
    const text = '#separator:tab\n#html:false\n#tags column:3\ncat\tchat\tanimals pets\ndog\tchien\t\n'
    const { set } = ok(parseImport(text, { format: 'auto', idPrefix: 'imp-a' }))
    expect(set.questions.map((q) => q.type)).toEqual(['flashcard', 'blank', 'flashcard', 'blank'])
    expect(set.questions.map((q) => q.tags)).toEqual([['animals', 'pets'], ['animals', 'pets'], undefined, undefined])
  })

  it('skips the guid, note type and deck columns, and adds the #tags header to every card', () => {
    const text = [
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#notetype column:2',
      '#deck column:3',
      '#tags column:6',
      '#tags:imported',
      'g1\tBasic\tWords\t<b>cat</b>\tchat\tanimals::mammals',
      '',
    ].join('\n')
    const { set } = ok(parseImport(text, { format: 'auto', idPrefix: 'imp-a' }))
    expect(set.questions).toHaveLength(2)
    expect(set.questions[0]).toMatchObject({ type: 'flashcard', prompt: { en: 'cat' }, back: { en: 'chat' }, tags: ['imported', 'animals::mammals'] })
  })

  it('keeps tags within what a question may hold: 40 characters each, each once', () => {
    const long = 'x'.repeat(41)
    const text = `#tags column:3\na\tb\tone one ${long} two\n`
    const { set } = ok(parseImport(text, { format: 'auto', idPrefix: 'imp-a' }))
    expect(set.questions[0]!.tags).toEqual(['one', 'x'.repeat(40), 'two'])
  })

  // Tags as Anki writes them: space-separated words, hierarchical ones joined by "::".
  const tag = fc.stringMatching(/^[A-Za-z0-9_\u4e00-\u9fa5]{1,8}(?:::[A-Za-z0-9_]{1,6})?$/)
  const word = fc.stringMatching(/^[A-Za-z\u4e00-\u9fa5][A-Za-z0-9 \u4e00-\u9fa5]{0,10}[A-Za-z\u4e00-\u9fa5]$/)
  const row = fc.record({ front: word, back: word, tags: fc.uniqueArray(tag, { maxLength: 4 }) })

  it('gives every card the tags of its row and never a choice question (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 12, selector: (r) => r.front }).filter((rows) =>
          rows.every((r) => r.front !== r.back),
        ),
        fc.constantFrom(1, 3),
        (rows, tagsColumn) => {
          const line = (r: { front: string; back: string; tags: string[] }) => {
            const cells = [r.front, r.back]
            cells.splice(tagsColumn - 1, 0, r.tags.join(' '))
            return cells.map(tsvField).join('\t')
          }
          const text = `#separator:tab\n#html:false\n#tags column:${tagsColumn}\n${rows.map(line).join('\n')}\n`
          const { set } = ok(parseImport(text, { format: 'auto', idPrefix: 'imp-p' }))
          expect(set.questions.some((q) => q.type === 'single')).toBe(false)
          expect(set.questions).toHaveLength(rows.length * 2)
          rows.forEach((r, i) => {
            const expected = r.tags.length > 0 ? r.tags : undefined
            expect(set.questions[2 * i]).toMatchObject({ type: 'flashcard', prompt: { en: r.front }, back: { en: r.back } })
            expect(set.questions[2 * i]!.tags).toEqual(expected)
            expect(set.questions[2 * i + 1]!.tags).toEqual(expected)
          })
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('media in an Anki export', () => {
  it('leaves out sound references, and says a cell of media only is one the app cannot show', async () => {
    const { parseImport } = await import('./index')
    const r = parseImport('#separator:tab\n#html:true\ncat [sound:cat.mp3]\tchat\n<img src="dog.jpg">\tchien\n[sound:a.mp3]\tson\n', { format: 'auto', idPrefix: 'imp' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [4, 1, 'mediaOnly'],
      [5, 1, 'mediaOnly'],
    ])
    // A file whose first card opens with a sound is read as Anki's text, not as JSON.
    const first = parseImport('[sound:a.mp3]\tson\n', { format: 'auto', idPrefix: 'imp' })
    expect(!first.ok && first.errors.map((e) => e.code)).toEqual(['mediaOnly'])
    const fine = parseImport('cat [sound:cat.mp3]\tchat\n', { format: 'auto', idPrefix: 'imp' })
    expect(fine.ok && fine.set.questions.map((q) => q.prompt.en)).toEqual(['cat', 'chat'])
  })
})
