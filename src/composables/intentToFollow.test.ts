// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { onIntentToFollow } from './intentToFollow'

let stop: (() => void) | null = null

function page(html: string): string[] {
  document.body.innerHTML = html
  const prepared: string[] = []
  stop = onIntentToFollow((p) => prepared.push(p), document)
  return prepared
}

const fire = (selector: string, type: string): void => {
  document.querySelector(selector)!.dispatchEvent(new Event(type, { bubbles: true }))
}

afterEach(() => {
  stop?.()
  document.body.innerHTML = ''
})

describe('onIntentToFollow', () => {
  it.each(['pointerover', 'focusin', 'pointerdown'])('reports an in-app link once on %s, from inside it too', (type) => {
    const prepared = page('<a href="/review?set=a"><span>Start</span></a>')
    fire('span', type)
    fire('a', type)
    expect(prepared).toEqual(['/review?set=a'])
  })

  it('ignores moves and clicks, other origins, new tabs and what is not a link', () => {
    const prepared = page(
      '<a id="own" href="/stats">Stats</a><a id="far" href="https://example.org/x">x</a><a id="tab" href="/map" target="_blank">map</a><p id="text">text</p>',
    )
    fire('#own', 'pointermove')
    fire('#own', 'click')
    for (const id of ['far', 'tab', 'text']) fire(`#${id}`, 'pointerover')
    expect(prepared).toEqual([])
  })

  it('reports each path once, and another path again', () => {
    const prepared = page('<a id="a" href="/stats">a</a><a id="b" href="/notebook">b</a><a id="c" href="/stats">c</a>')
    for (const id of ['a', 'b', 'c', 'b']) fire(`#${id}`, 'pointerover')
    expect(prepared).toEqual(['/stats', '/notebook'])
  })

  it('stops listening when told to', () => {
    const prepared = page('<a href="/stats">a</a>')
    stop?.()
    fire('a', 'pointerdown')
    expect(prepared).toEqual([])
  })
})
