import { describe, expect, it } from 'vitest'
import { codeValidatorMessage } from './validatorCodes'

describe('codeValidatorMessage', () => {
  it('recognises the commonest shapes, with their parts', () => {
    expect(codeValidatorMessage('missing')).toEqual({ code: 'vMissing' })
    expect(codeValidatorMessage('unknown field "extra"')).toEqual({ code: 'vUnknownField', params: { field: '"extra"' } })
    expect(codeValidatorMessage('"TODO" looks like a placeholder, not a real text')).toEqual({ code: 'vPlaceholder', params: { text: '"TODO"' } })
    expect(codeValidatorMessage('must have at most 12 entries (has 30)')).toEqual({ code: 'vMaxEntries', params: { n: '12', has: '30' } })
    expect(codeValidatorMessage('needs at least one question')).toEqual({ code: 'vNeedsQuestion' })
    expect(codeValidatorMessage('"z" is not one of the choices (a, b)')).toEqual({ code: 'vNotAChoice', params: { value: '"z"', list: 'a, b' } })
    expect(codeValidatorMessage('must be a string, got 42')).toEqual({ code: 'vMustBe', params: { expected: 'a string', got: '42' } })
    expect(codeValidatorMessage('must be a finite number, got Infinity')).toEqual({ code: 'vFiniteGot', params: { got: 'Infinity' } })
  })

  it('leaves any other message without a code', () => {
    // Two sets of the built-in bank sharing an id: the authoring scripts' message, never an import's.
    for (const message of ['missing something', 'set id "a" is also used by b.json', '"q" is also a question id in b.json'])
      expect(codeValidatorMessage(message)).toBeNull()
  })
})
