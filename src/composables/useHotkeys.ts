import { onKeyStroke } from '@vueuse/core'

export type HotkeyHandler = (e: KeyboardEvent) => boolean | void

/**
 * Where a key already means something: typing in a field, or activating a focused control.
 * (VueUse's `onStartTyping` has its own idea of an editable element, without these input types.)
 */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'range'].includes(target.type)
}

export function isActivatable(target: EventTarget | null): boolean {
  return target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement || (target instanceof HTMLElement && target.tagName === 'SUMMARY')
}

/**
 * Page-level keyboard shortcuts. The handler returns true when it used the key, which then
 * does nothing else. Keys typed into a text field and keys pressed while a modal dialog is open
 * are left alone (Esc included: the dialog closes itself).
 */
export function useHotkeys(handler: HotkeyHandler): void {
  onKeyStroke((e) => {
    if (e.defaultPrevented || e.isComposing) return
    if (document.querySelector('dialog[open]')) return
    if (handler(e) === true) e.preventDefault()
  })
}
