// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { i18n, loadProblemMessages, setLocale } from './index'
import enCore from './en'
import zhCore from './zh'
import enProblems from './problems/en'
import zhProblems from './problems/zh'

describe('the messages about refused files', () => {
  it('are their own files: no block is in both the interface strings and the problem messages', () => {
    for (const [core, problems] of [
      [enCore, enProblems],
      [zhCore, zhProblems],
    ] as const)
      expect(Object.keys(core).filter((k) => k in problems)).toEqual([])
  })

  it('load in the current language when asked, and come along with a later language switch', async () => {
    // As the app starts: each language's interface strings only.
    i18n.global.setLocaleMessage('en', enCore)
    i18n.global.setLocaleMessage('zh', zhCore)
    i18n.global.locale.value = 'en'
    expect(i18n.global.te('importIssue.noRows')).toBe(false)

    await loadProblemMessages()
    expect(i18n.global.t('importIssue.noRows')).toBe(enProblems.importIssue.noRows)
    expect(i18n.global.te('importIssue.noRows', 'zh')).toBe(false)

    await setLocale('zh')
    expect(i18n.global.t('importIssue.noRows')).toBe(zhProblems.importIssue.noRows)
    // The interface strings are still there beside them.
    expect(i18n.global.t('nav.home')).toBe(zhCore.nav.home)
  })
})
