import { describe, expect, it } from 'vitest'
import { i18n } from './index'
import enCore from './en'
import zhCore from './zh'
import enProblems from './problems/en'
import zhProblems from './problems/zh'
import { VALIDATOR_ENGLISH } from '@/domain/import/validatorCodes'
import { JSON_REASON_ENGLISH } from '@/domain/import/jsonReasons'

// The messages about refused files are their own chunk; together they are the interface. The set
// validator's messages are said in English as it words them (validatorCodes.ts), in Chinese here.
const en = {
  ...enCore,
  ...enProblems,
  importIssue: { ...enProblems.importIssue, ...VALIDATOR_ENGLISH },
  importJsonReason: { ...enProblems.importJsonReason, ...JSON_REASON_ENGLISH },
}
const zh = { ...zhCore, ...zhProblems }

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

describe('interface strings', () => {
  it('Chinese and English have exactly the same keys', () => {
    const zhKeys = keys(zh).sort()
    const enKeys = keys(en).sort()
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
  })
  it('every string is non-empty and placeholders match between languages', () => {
    const flat = (o: object) => Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o)]))
    const z = flat(zh)
    const e = flat(en)
    for (const k of Object.keys(z)) {
      expect(String(z[k]).trim(), k).not.toBe('')
      // The set of names: an English plural ("{n} minute | {n} minutes") names one twice.
      const ph = (s: unknown) => [...new Set([...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
      expect(ph(z[k]), k).toEqual(ph(e[k]))
    }
  })

  it('an English count of something has a singular form ("1 question", not "1 questions")', () => {
    // {n} before a plural noun, with no "singular | plural" choice: "1 questions" would show.
    const unchosen = Object.entries(flatten(enCore)).filter(([, m]) => /\{n\} [a-z]+s\b/.test(m) && !m.includes(' | '))
    // "{n} sets" counts the sets of a mixed quiz: two or more.
    expect(unchosen.map(([k]) => k)).toEqual(['home.mixedSets'])
    i18n.global.locale.value = 'en'
    expect(i18n.global.t('home.questions', { n: 1 }, 1)).toBe('1 question')
    expect(i18n.global.t('home.questions', { n: 28 }, 28)).toBe('28 questions')
    i18n.global.locale.value = 'zh'
    expect(i18n.global.t('home.questions', { n: 1 }, 1)).toBe(zhCore.home.questions.replace('{n}', '1'))
  })
})

function flatten(obj: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(obj).flatMap(([k, v]): [string, string][] =>
      v && typeof v === 'object' ? Object.entries(flatten(v as object, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]],
    ),
  )
}
