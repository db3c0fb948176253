import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { defaultSetName, MAX_NAME_LENGTH, nameIssue, shortenName, visibleName } from './name'

describe('nameIssue', () => {
  it('accepts a real name', () => {
    expect(nameIssue('  Animals ', true)).toBeNull()
    expect(nameIssue('待定的词汇', true)).toBeNull()
  })

  it('refuses an empty name and one over the limit, with its length', () => {
    expect(nameIssue('  ', false)).toEqual({ code: 'nameEmpty', message: 'The set name is empty. Type a name for the set.' })
    expect(nameIssue('x'.repeat(300), false)).toEqual({
      code: 'nameTooLong',
      params: { n: '300', max: '200' },
      message: 'The set name is 300 characters; the limit is 200. Shorten it.',
    })
  })

  it('refuses a placeholder only where the name becomes the title (CSV / TSV)', () => {
    for (const name of ['todo', 'TBD', 'xxx', '...', '待定'])
      expect(nameIssue(name, true)).toEqual({
        code: 'namePlaceholder',
        params: { name: JSON.stringify(name) },
        message: `The set name ${JSON.stringify(name)} looks like a placeholder, not a real name. Type the name the set should have.`,
      })
    expect(nameIssue('todo', false)).toBeNull()
  })
})

describe('defaultSetName', () => {
  const fallback = 'Imported set (Dec 6, 2026)'

  it('takes the first candidate that makes a valid name', () => {
    expect(defaultSetName(['deck'], fallback)).toBe('deck')
    expect(defaultSetName(['', 'deck'], fallback)).toBe('deck')
  })

  it('falls back for an empty or placeholder-looking file name', () => {
    for (const stem of ['todo', 'xxx', '...', 'tbd', '待定', '', '   ', undefined]) expect(defaultSetName([stem], fallback)).toBe(fallback)
  })

  it('shortens a long title to the limit, ending it with "…"', () => {
    const name = defaultSetName(['T'.repeat(300)], fallback)
    expect(name).toBe(`${'T'.repeat(MAX_NAME_LENGTH - 1)}…`)
    expect(name).toHaveLength(MAX_NAME_LENGTH)
  })

  it('never cuts an emoji in half', () => {
    const name = shortenName(`${'a'.repeat(198)}🍎🍎`)
    expect(name).toBe(`${'a'.repeat(198)}…`)
  })

  it('always gives a name that can be saved, as the title too (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ maxLength: 400 }), { nil: undefined }), { maxLength: 3 }), fc.string({ maxLength: 300 }), (candidates, other) => {
        const name = defaultSetName(candidates, other.trim() === '' ? fallback : other)
        expect(nameIssue(name, true)).toBeNull()
      }),
      { numRuns: 300 },
    )
  })
})

describe('visibleName', () => {
  it('drops the characters that hide or reverse a name: direction overrides and isolates, zero-width spaces', () => {
    expect(visibleName('evil\u202Egpj.csv')).toBe('evilgpj.csv')
    expect(visibleName('\u200B\u200B\u200B')).toBe('')
    expect(visibleName(' \u2066Deck\u2069 \uFEFF')).toBe('Deck')
    // Joiners that build an emoji or a word stay.
    expect(visibleName('👩\u200D💻 notes')).toBe('👩\u200D💻 notes')
  })

  it('an invisible name is an empty one, and never a default', () => {
    expect(nameIssue('\u200B\u202E', false)).toMatchObject({ code: 'nameEmpty' })
    expect(defaultSetName(['\u200B\u200B'], 'Imported set (1 Jan)')).toBe('Imported set (1 Jan)')
    expect(defaultSetName(['evil\u202Egpj'], 'x')).toBe('evilgpj')
  })

  it('whatever the input, leaves no override, isolate or zero-width space', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\u202E', '\u202D', '\u2066', '\u2069', '\u200B', '\u200E', '\uFEFF', '字') }), (name) => {
        expect(visibleName(name)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/)
        expect(visibleName(name)).toBe(visibleName(name).trim())
      }),
    )
  })
})
