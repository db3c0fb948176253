// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { i18n } from '@/i18n'
import FileDrop from './FileDrop.vue'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})

function mountDrop(disabled = false): VueWrapper {
  i18n.global.locale.value = 'en'
  wrapper = mount(FileDrop, {
    props: { label: 'Choose a file', accept: '.txt', testid: 'pick', disabled },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
  return wrapper
}

/** A drag event carrying `files`, as the browser builds it for a file dragged from the desktop. */
function dragEvent(type: string, files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'dataTransfer', { value: { files, dropEffect: 'none', types: ['Files'] } })
  return event
}

describe('FileDrop', () => {
  const file = new File(['term\tdefinition\n'], 'deck.tsv', { type: 'text/tab-separated-values' })

  it('is a labelled file input drawn as a button, with a drop hint', () => {
    const w = mountDrop()
    const input = w.get('[data-testid="pick"]')
    expect(input.attributes('type')).toBe('file')
    const label = w.get(`label[for="${input.attributes('id')}"]`)
    expect(label.text()).toBe('Choose a file')
    expect(label.classes()).toContain('btn')
    expect(w.text()).toContain('or drop it here')
  })

  it('hands over a chosen file and a dropped file the same way', async () => {
    const w = mountDrop()
    const input = w.get('[data-testid="pick"]')
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')

    const zone = w.get('[data-testid="pick-drop"]')
    const enter = dragEvent('dragenter', [file])
    zone.element.dispatchEvent(enter)
    const over = dragEvent('dragover', [file])
    zone.element.dispatchEvent(over)
    await w.vm.$nextTick()
    // The browser must be told the zone takes the file, or it opens the file itself.
    expect(enter.defaultPrevented).toBe(true)
    expect(over.defaultPrevented).toBe(true)
    expect(zone.classes()).toContain('over')

    const drop = dragEvent('drop', [file])
    zone.element.dispatchEvent(drop)
    await w.vm.$nextTick()
    expect(drop.defaultPrevented).toBe(true)
    expect(zone.classes()).not.toContain('over')
    expect(w.emitted('file')).toEqual([[file], [file]])
  })

  it('drops the highlight when the file leaves, and takes nothing while disabled', async () => {
    const w = mountDrop(true)
    const zone = w.get('[data-testid="pick-drop"]')
    zone.element.dispatchEvent(dragEvent('dragenter', [file]))
    zone.element.dispatchEvent(dragEvent('drop', [file]))
    await w.vm.$nextTick()
    expect(zone.classes()).not.toContain('over')
    expect(w.emitted('file')).toBeUndefined()

    await w.setProps({ disabled: false })
    zone.element.dispatchEvent(dragEvent('dragenter', [file]))
    await w.vm.$nextTick()
    expect(zone.classes()).toContain('over')
    zone.element.dispatchEvent(dragEvent('dragleave', [file]))
    await w.vm.$nextTick()
    expect(zone.classes()).not.toContain('over')
  })

  it('keeps the keyboard focus while busy, opens no picker and takes no file', async () => {
    const w = mountDrop()
    const input = w.get('[data-testid="pick"]')
    const el = input.element as HTMLInputElement
    el.focus()
    await w.setProps({ disabled: true })
    // Only aria-disabled: a disabled input would drop the focus to the page.
    expect(el.disabled).toBe(false)
    expect(input.attributes('aria-disabled')).toBe('true')
    expect(document.activeElement).toBe(el)
    expect(w.get('[data-testid="pick-drop"]').classes()).toContain('off')

    // A press (by mouse, Enter or Space, or on the label) opens no picker.
    const press = new MouseEvent('click', { bubbles: true, cancelable: true })
    el.dispatchEvent(press)
    expect(press.defaultPrevented).toBe(true)
    Object.defineProperty(el, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    expect(w.emitted('file')).toBeUndefined()

    await w.setProps({ disabled: false })
    expect(input.attributes('aria-disabled')).toBeUndefined()
    const again = new MouseEvent('click', { bubbles: true, cancelable: true })
    el.dispatchEvent(again)
    expect(again.defaultPrevented).toBe(false)
    await input.trigger('change')
    expect(w.emitted('file')).toEqual([[file]])
  })
})
