/** The parts of `window` this needs (a test passes its own). */
export interface ActionSource {
  addEventListener: EventTarget['addEventListener']
  removeEventListener: EventTarget['removeEventListener']
  document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>
}

const ACTIONS = ['pointerdown', 'keydown'] as const

/**
 * Resolves at the learner's first action on the page: a press (mouse, touch or pen), a key, or
 * coming back to the tab (another tab may have changed what this one shows). Scrolling and
 * hovering are not actions: they need nothing the first screen does not have. Plain listeners,
 * not `useEventListener`: they belong to no component and go at the first action.
 */
export function firstLearnerAction(source: ActionSource = window): Promise<void> {
  return new Promise((resolve) => {
    const onVisible = (): void => {
      if (source.document.visibilityState === 'visible') done()
    }
    const done = (): void => {
      for (const type of ACTIONS) source.removeEventListener(type, done, true)
      source.document.removeEventListener('visibilitychange', onVisible)
      resolve()
    }
    // Capture: a handler that stops the event on its way down must not hide the action.
    for (const type of ACTIONS) source.addEventListener(type, done, { capture: true, passive: true })
    source.document.addEventListener('visibilitychange', onVisible)
  })
}
