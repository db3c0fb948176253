import { describe, expect, it } from 'vitest'
import { codeValidatorMessage } from './validatorCodes'

describe('codeValidatorMessage', () => {
  it('recognises the commonest shapes, with their parts', () => {
    expect(codeValidatorMessage('missing')).toEqual({ code: 'vMissing' })
    expect(codeValidatorMessage('unknown field "extra"')).toEqual({ code: 'vUnknownField', params: { field: '"extra"' } })
    expect(codeValidatorMessage('"TODO" looks like a placeholder, not a real text')).toEqual({ code: 'vPlaceholder', params: { text: '"TODO"' } })
    expect(codeValidatorMessage('must have at most 12 entries (has 30)')).toEqual({ code: 'vMaxEntries', params: { n: '12', has: '30' } })
  })

  it('leaves any other message without a code', () => {
    for (const message of ['needs at least one question', '"z" is not one of the choices (a, b)', 'missing something', 'must be a string, got 42'])
      expect(codeValidatorMessage(message)).toBeNull()
  })
})
