import { describe, expect, it } from 'vitest'
import zhCore from './zh'
import zhProblems from './problems/zh'
import enCore from './en'
import enProblems from './problems/en'

const zh = { ...zhCore, ...zhProblems }

/** Every message of a nested messages object, with its dotted key. */
function messages(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]): [string, string][] =>
    v && typeof v === 'object' ? messages(v as object, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]],
  )
}

/** Half-width marks that Chinese text writes full-width; a comma or colon between digits is a number. */
function halfWidth(text: string): string[] {
  return [...text.matchAll(/[,;:?!()]/g)]
    .filter((m) => {
      const i = m.index
      return !(/[,:]/.test(m[0]) && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))
    })
    .map((m) => m[0])
}

describe('Chinese interface strings', () => {
  it('use full-width punctuation (，。？：；！（）)', () => {
    const offending = messages(zh)
      .filter(([, text]) => halfWidth(text).length > 0)
      .map(([key, text]) => `${key}: ${text}`)
    expect(offending).toEqual([])
  })

  it('the check finds half-width marks and leaves numbers alone', () => {
    expect(halfWidth('修改评分:')).toEqual([':'])
    expect(halfWidth('共 1,000 题（10:30）')).toEqual([])
  })
})

describe('English interface strings', () => {
  it('write an apostrophe inside a word as ’, as the rest of the app does', () => {
    const offending = messages({ ...enCore, ...enProblems })
      .filter(([, text]) => /\p{L}'\p{L}/u.test(text))
      .map(([key, text]) => `${key}: ${text}`)
    expect(offending).toEqual([])
  })
})
