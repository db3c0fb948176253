// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { i18n } from '@/i18n'
import QuizMatching from './QuizMatching.vue'

const lefts = [
  { id: 'p1', label: 'Qwen3' },
  { id: 'p2', label: 'Llama' },
]
const rights = [
  { id: 'p1', label: '119 languages' },
  { id: 'p2', label: 'Overtaken in downloads' },
]

function mountMatching(modelValue: Record<string, string> = {}) {
  const w = mount(QuizMatching, {
    props: { lefts, rights, modelValue, disabled: false, 'onUpdate:modelValue': (v: Record<string, string>) => w.setProps({ modelValue: v }) },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return w
}

describe('QuizMatching', () => {
  it('partners wait for an item: disabled until one is picked', async () => {
    const w = mountMatching()
    expect(w.find('[data-testid="right-p1"]').attributes('disabled')).toBeDefined()
    await w.find('[data-testid="left-p1"]').trigger('click')
    expect(w.find('[data-testid="right-p1"]').attributes('disabled')).toBeUndefined()
    w.unmount()
  })

  it('after the last pair the partners stay enabled, so the one just pressed keeps the focus; pressing one picks its item again', async () => {
    const w = mountMatching()
    await w.find('[data-testid="left-p1"]').trigger('click')
    await w.find('[data-testid="right-p1"]').trigger('click')
    // The next open item is picked by itself.
    expect(w.find('[data-testid="left-p2"]').attributes('aria-pressed')).toBe('true')
    const last = w.find<HTMLButtonElement>('[data-testid="right-p2"]')
    last.element.focus()
    await last.trigger('click')
    expect(w.props('modelValue')).toEqual({ p1: 'p1', p2: 'p2' })
    expect(last.attributes('disabled')).toBeUndefined()
    expect(document.activeElement).toBe(last.element)
    // Nothing is picked now; pressing a partner picks the item it belongs to.
    expect(w.findAll('[aria-pressed="true"]')).toHaveLength(0)
    await w.find('[data-testid="right-p1"]').trigger('click')
    expect(w.find('[data-testid="left-p1"]').attributes('aria-pressed')).toBe('true')
    expect(w.props('modelValue')).toEqual({ p1: 'p1', p2: 'p2' })
    w.unmount()
  })
})
