import { describe, expect, it } from 'vitest'
import { codeValidatorMessage } from './validatorCodes'

describe('codeValidatorMessage', () => {
  it('recognises the commonest shapes, with their parts', () => {
    expect(codeValidatorMessage('missing')).toEqual({ code: 'vMissing' })
    expect(codeValidatorMessage('unknown field "extra"')).toEqual({ code: 'vUnknownField', params: { field: '"extra"' } })
    expect(codeValidatorMessage('"TODO" looks like a placeholder, not a real text')).toEqual({ code: 'vPlaceholder', params: { text: '"TODO"' } })
    expect(codeValidatorMessage('must have at most 12 entries (has 30)')).toEqual({ code: 'vMaxEntries', params: { n: '12', has: '30' } })
  })

  it('names a kind of value as a token the screen says in words; data stays as it is', () => {
    expect(codeValidatorMessage('must be a string, got 42')).toEqual({ code: 'vWrongType', params: { expected: 'kind:string', got: '42' } })
    expect(codeValidatorMessage('must be true or false, got a list')).toEqual({ code: 'vWrongType', params: { expected: 'kind:boolean', got: 'kind:list' } })
    expect(codeValidatorMessage('must be a string or a number, got nothing')).toEqual({
      code: 'vWrongType',
      params: { expected: 'kind:string|number', got: 'kind:nothing' },
    })
    expect(codeValidatorMessage('must be a string, got "a list"')).toEqual({ code: 'vWrongType', params: { expected: 'kind:string', got: '"a list"' } })
    expect(codeValidatorMessage('must be "single" or a list, got 1')).toEqual({ code: 'vWrongType', params: { expected: '"single" or a list', got: '1' } })
  })

  it('leaves any other message without a code', () => {
    for (const message of ['missing something', 'needs at least one thing', 'is not a valid question set', 'must have at least 1 entries (has 0)'])
      expect(codeValidatorMessage(message)).toBeNull()
  })
})
