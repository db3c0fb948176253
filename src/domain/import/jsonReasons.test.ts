import { describe, expect, it } from 'vitest'
import { findJsonError } from '@/domain/content/validate'
import { codeJsonReason, COMMENT_REASON } from './jsonReasons'

describe('codeJsonReason', () => {
  it('recognises every reason strict JSON gives, with its parts', () => {
    const broken = ['"abc', '"a\nb"', '"\\u12"', '"\\q"', '', '[1,]', '{"a":1,}', '{a:1}', '{"a" 1}', '{"a":1 "b"}', '[1 2]', '{} x', '@', 'tru']
    const reasons = broken.map((text) => findJsonError(text)?.message ?? `valid: ${text}`)
    expect(reasons.filter((r) => codeJsonReason(r) === null)).toEqual([])
    expect(new Set(reasons.map((r) => codeJsonReason(r)!.code)).size).toBe(12)
    expect(codeJsonReason(COMMENT_REASON)).toEqual({ code: 'comment', params: {} })
    expect(codeJsonReason('expected "," or "}" after a property value, found end of file')).toEqual({ code: 'afterValue', params: { found: 'end of file' } })
    expect(codeJsonReason('something else')).toBeNull()
  })
})
