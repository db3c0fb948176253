/** The parts of `document` this needs (a test passes its own). */
export interface IntentSource {
  addEventListener: EventTarget['addEventListener']
  removeEventListener: EventTarget['removeEventListener']
  /** The page's own origin: links elsewhere are not followed in the app. */
  location: Pick<Location, 'origin'>
}

/**
 * What says a learner is about to follow a link: the pointer comes over it, it takes the keyboard
 * focus, or it is pressed (a finger's press comes about a tenth of a second before its click).
 */
const INTENTS = ['pointerover', 'focusin', 'pointerdown'] as const

/**
 * Calls `prepare` with the path (and query) of an in-app link the learner is about to follow,
 * once per path, so what that screen needs can load while the hand is still moving: on a phone
 * the press, with a mouse the hover, with a keyboard the focus come before the click. Returns a
 * function that stops listening.
 */
export function onIntentToFollow(prepare: (path: string) => void, source: IntentSource = document): () => void {
  const seen = new Set<string>()
  const onIntent = (event: Event): void => {
    const target = event.target as Partial<Element> | null
    const link = typeof target?.closest === 'function' ? target.closest('a[href]') : null
    if (!(link instanceof HTMLAnchorElement) || link.origin !== source.location.origin || link.target === '_blank') return
    const path = link.pathname + link.search
    if (seen.has(path)) return
    seen.add(path)
    prepare(path)
  }
  // Capture: a handler that stops the event on its way down must not hide the intent.
  for (const type of INTENTS) source.addEventListener(type, onIntent, { capture: true, passive: true })
  return () => {
    for (const type of INTENTS) source.removeEventListener(type, onIntent, { capture: true })
  }
}
