// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import QuizTypedInput from './QuizTypedInput.vue'

function mountInput() {
  return mount(QuizTypedInput, { props: { modelValue: '千问', disabled: false, label: 'Answer', placeholder: '' } })
}

describe('QuizTypedInput', () => {
  it('submits on Enter', async () => {
    const w = mountInput()
    await w.find('input').trigger('keydown', { key: 'Enter' })
    expect(w.emitted('submit')).toHaveLength(1)
  })
  it('never submits on Enter while a Chinese input method is composing', async () => {
    const w = mountInput()
    const input = w.find('input')
    await input.trigger('compositionstart')
    await input.trigger('keydown', { key: 'Enter' })
    await input.trigger('keydown', { key: 'Enter', keyCode: 229 })
    expect(w.emitted('submit')).toBeUndefined()
    await input.trigger('compositionend')
    await input.trigger('keydown', { key: 'Enter' })
    expect(w.emitted('submit')).toHaveLength(1)
  })
  it('ignores Enter reported with the IME key code even without composition events', async () => {
    const w = mountInput()
    await w.find('input').trigger('keydown', { key: 'Enter', keyCode: 229 })
    expect(w.emitted('submit')).toBeUndefined()
  })
  it('emits what is typed and has an accessible label', async () => {
    const w = mountInput()
    const input = w.find('input')
    await input.setValue('阿里巴巴')
    expect(w.emitted('update:modelValue')?.[0]).toEqual(['阿里巴巴'])
    const id = input.attributes('id')
    expect(w.find(`label[for="${id}"]`).text()).toBe('Answer')
  })
})
