// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import QuizChoiceList from './QuizChoiceList.vue'

const options = [
  { id: 'a', label: 'Alibaba' },
  { id: 'b', label: 'Meta' },
  { id: 'c', label: 'OpenAI' },
]
function mountList(props: Partial<InstanceType<typeof QuizChoiceList>['$props']> = {}) {
  return mount(QuizChoiceList, {
    props: { name: 'q', legend: 'Who?', options, multiple: false, modelValue: [], disabled: false, ...props },
    global: { plugins: [i18n] },
  })
}

describe('QuizChoiceList', () => {
  it('single choice uses radio semantics and emits the one chosen id', async () => {
    const w = mountList()
    const radios = w.findAll('input[type="radio"]')
    expect(radios).toHaveLength(3)
    await radios[1]!.setValue(true)
    expect(w.emitted('update:modelValue')?.[0]).toEqual([['b']])
  })
  it('multiple select uses checkboxes and keeps the options in display order', async () => {
    const w = mountList({ multiple: true, modelValue: ['c'] })
    const boxes = w.findAll('input[type="checkbox"]')
    expect(boxes).toHaveLength(3)
    await boxes[0]!.setValue(true)
    expect(w.emitted('update:modelValue')?.[0]).toEqual([['a', 'c']])
  })
  it('after feedback, says in words which option was right and which was the wrong pick', () => {
    i18n.global.locale.value = 'en'
    const w = mountList({ modelValue: ['b'], correctIds: ['a'], disabled: true })
    expect(w.find('[data-testid="choice-a"]').text()).toContain('Correct answer')
    expect(w.find('[data-testid="choice-b"]').text()).toContain('Your answer')
    expect(w.find('[data-testid="choice-c"]').text()).not.toContain('answer')
  })
})
