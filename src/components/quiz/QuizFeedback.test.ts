// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n, setLocale } from '@/i18n'
import QuizFeedback from './QuizFeedback.vue'

const base = {
  score: 0,
  overridden: false,
  yourAnswer: '',
  correctAnswer: '',
  explanation: 'Why',
  quotes: [],
  paragraphs: [],
  canOverride: false,
  gradeChoices: [],
  grade: null,
}

function mountFeedback(props: Partial<InstanceType<typeof QuizFeedback>['$props']> & { correct: boolean }) {
  return mount(QuizFeedback, { props: { ...base, ...props }, global: { plugins: [i18n] } })
}

describe('QuizFeedback', () => {
  afterEach(async () => {
    await setLocale('zh')
  })

  it('says a forgiven typo was accepted, with the expected spelling, in both languages', async () => {
    await setLocale('en')
    const props = { correct: true, score: 1, yourAnswer: 'malicous PR campaign', correctAnswer: 'malicious PR campaign' }
    const note = { kind: 'spelling', expected: 'malicious PR campaign' } as const
    expect(mountFeedback({ ...props, note }).get('[data-testid="verdict"]').text()).toBe('✓ Accepted — spelling: malicious PR campaign')
    await setLocale('zh')
    expect(mountFeedback({ ...props, note }).get('[data-testid="verdict"]').text()).toBe('✓ 正确——拼写：malicious PR campaign')
  })

  it('names the expected unit when the unit given contradicts it', async () => {
    await setLocale('en')
    const w = mountFeedback({ correct: false, yourAnswer: '$380bn', correctAnswer: '380 billion yuan', canOverride: true, note: { kind: 'unit', unit: 'yuan' } })
    expect(w.get('[data-testid="verdict"]').text()).toContain('Not quite')
    expect(w.get('[data-testid="grade-note"]').text()).toBe('Wrong unit: this question asks for yuan.')
    await setLocale('zh')
    const zh = mountFeedback({ correct: false, note: { kind: 'unit', unit: '元' } })
    expect(zh.get('[data-testid="grade-note"]').text()).toBe('单位不对：本题要的单位是元。')
  })

  it('says nothing more without a note, and an override is never called a spelling match', () => {
    expect(mountFeedback({ correct: false }).find('[data-testid="grade-note"]').exists()).toBe(false)
    const w = mountFeedback({ correct: true, overridden: true, note: { kind: 'spelling', expected: 'x' } })
    expect(w.get('[data-testid="verdict"]').text()).toBe('✓ 已按正确计')
  })

  it('labels the grade buttons with a full-width colon in Chinese', () => {
    const w = mountFeedback({ correct: true, score: 1, gradeChoices: [{ grade: 3, interval: '1 天' }], grade: 3 })
    expect(w.get('.regrade .muted').text()).toBe('修改评分：')
  })
})
