import { describe, expect, it } from 'vitest'
import { firstLearnerAction, type ActionSource } from './firstLearnerAction'

/** A window stand-in: events dispatched on it, a document whose visibility the test sets. */
function fakeWindow() {
  const target = new EventTarget()
  const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState }
  doc.visibilityState = 'visible'
  const win = Object.assign(target, { document: doc }) as unknown as ActionSource
  return { win, target, doc }
}

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false
  void p.then(() => (done = true))
  await new Promise((r) => setTimeout(r, 0))
  return done
}

describe('firstLearnerAction', () => {
  it.each(['pointerdown', 'keydown'])('resolves on the first %s, not before', async (type) => {
    const { win, target } = fakeWindow()
    const action = firstLearnerAction(win)
    target.dispatchEvent(new Event('scroll'))
    target.dispatchEvent(new Event('pointermove'))
    expect(await settled(action)).toBe(false)
    target.dispatchEvent(new Event(type))
    expect(await settled(action)).toBe(true)
  })

  it('resolves when the learner comes back to the tab, not when they leave it', async () => {
    const { win, doc } = fakeWindow()
    const action = firstLearnerAction(win)
    doc.visibilityState = 'hidden'
    doc.dispatchEvent(new Event('visibilitychange'))
    expect(await settled(action)).toBe(false)
    doc.visibilityState = 'visible'
    doc.dispatchEvent(new Event('visibilitychange'))
    expect(await settled(action)).toBe(true)
  })

  it('stops listening once resolved', async () => {
    const { win, target, doc } = fakeWindow()
    const removed: string[] = []
    const remove = target.removeEventListener.bind(target)
    target.removeEventListener = (type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | EventListenerOptions)?]) => {
      removed.push(type)
      remove(type, ...rest)
    }
    const removeDoc = doc.removeEventListener.bind(doc)
    doc.removeEventListener = (type: string, ...rest: [EventListenerOrEventListenerObject | null, (boolean | EventListenerOptions)?]) => {
      removed.push(type)
      removeDoc(type, ...rest)
    }
    const action = firstLearnerAction(win)
    target.dispatchEvent(new Event('keydown'))
    await action
    expect(removed.sort()).toEqual(['keydown', 'pointerdown', 'visibilitychange'])
  })
})
