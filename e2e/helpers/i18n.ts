// The app's own message files, so specs check what users read without copying strings here.
import en from '../../src/i18n/en'
import zh from '../../src/i18n/zh'
import enProblems from '../../src/i18n/problems/en'
import zhProblems from '../../src/i18n/problems/zh'
import { VALIDATOR_ENGLISH } from '../../src/domain/import/validatorCodes'
import { JSON_REASON_ENGLISH } from '../../src/domain/import/jsonReasons'

export type Locale = 'zh' | 'en'
export const LOCALES: readonly Locale[] = ['zh', 'en']

// The set validator's messages and why strict JSON stops are said in English as they are worded
// (validatorCodes.ts, jsonReasons.ts).
const messages: Record<Locale, unknown> = {
  zh: { ...zh, ...zhProblems },
  en: {
    ...en,
    ...enProblems,
    importIssue: { ...enProblems.importIssue, ...VALIDATOR_ENGLISH },
    importJsonReason: { ...enProblems.importJsonReason, ...JSON_REASON_ENGLISH },
  },
}

/** A UI string as the app shows it: `t('en', 'home.questions', { n: 28 })` → "28 questions". */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = messages[locale]
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined
  }
  if (typeof node !== 'string') throw new Error(`No ${locale} message for "${key}"`)
  // A plural message ("{n} question | {n} questions") picks its form by n, as vue-i18n does.
  const forms = node.split(' | ')
  if (forms.length === 2) node = params.n === 1 ? forms[0]! : forms[1]!
  return (node as string).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** Text that must match exactly, for getByText / toHaveText with a RegExp. */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)
}
