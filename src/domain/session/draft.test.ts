import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Question } from '../content/schema'
import type { Response } from '../content/response'
import { draftToResponse, emptyDraft, isDraftTouched, responseToDraft, restoreDraft, sameResponse } from './draft'

const L = (s: string) => ({ zh: s, en: s })
const single: Question = {
  id: 's', type: 'single', prompt: L('p'), explanation: L('e'), answer: 'a',
  choices: [{ id: 'a', text: L('A') }, { id: 'b', text: L('B') }],
}
const ordering: Question = {
  id: 'o', type: 'ordering', prompt: L('p'), explanation: L('e'),
  items: [{ id: 'x', text: L('X') }, { id: 'y', text: L('Y') }, { id: 'z', text: L('Z') }], answer: ['x', 'y', 'z'],
}
const matching: Question = {
  id: 'm', type: 'matching', prompt: L('p'), explanation: L('e'),
  pairs: [{ id: 'p1', left: L('1'), right: L('I') }, { id: 'p2', left: L('2'), right: L('II') }],
}
const blank: Question = { id: 'b', type: 'blank', prompt: L('p'), explanation: L('e'), answer: L('ans') }

describe('restoreDraft', () => {
  it('gives back a draft made for the question', () => {
    const d = { ...emptyDraft(single), selected: ['b'] }
    expect(restoreDraft(single, JSON.parse(JSON.stringify(d)))).toEqual(d)
    const o = { ...emptyDraft(ordering), order: ['z', 'x', 'y'] }
    expect(restoreDraft(ordering, o)).toEqual(o)
    const m = { ...emptyDraft(matching), pairs: { p1: 'p2' } }
    expect(restoreDraft(matching, m)).toEqual(m)
  })
  it('refuses ids the question does not have, a partial ordering, a partner used twice', () => {
    expect(restoreDraft(single, { ...emptyDraft(single), selected: ['c'] })).toBeNull()
    expect(restoreDraft(ordering, { ...emptyDraft(ordering), order: ['x', 'y'] })).toBeNull()
    expect(restoreDraft(ordering, { ...emptyDraft(ordering), order: ['x', 'x', 'y'] })).toBeNull()
    expect(restoreDraft(matching, { ...emptyDraft(matching), pairs: { p1: 'p2', p2: 'p2' } })).toBeNull()
  })
  it('never throws, whatever was stored', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const q of [single, ordering, matching, blank]) {
          const d = restoreDraft(q, value)
          if (d !== null) expect(restoreDraft(q, d)).toEqual(d)
        }
      }),
    )
  })
})

describe('responseToDraft', () => {
  it('turns a saved answer back into the same answer', () => {
    const answers: [Question, Response][] = [
      [single, { type: 'single', choice: 'b' }],
      [ordering, { type: 'ordering', order: ['y', 'z', 'x'] }],
      [matching, { type: 'matching', pairs: { p1: 'p2', p2: 'p1' } }],
      [blank, { type: 'blank', text: 'hello' }],
    ]
    for (const [q, r] of answers) expect(sameResponse(draftToResponse(q, responseToDraft(q, r))!, r)).toBe(true)
  })
})

describe('isDraftTouched', () => {
  it('is false for a fresh draft and true once anything is put in', () => {
    expect(isDraftTouched(ordering, emptyDraft(ordering))).toBe(false)
    expect(isDraftTouched(ordering, { ...emptyDraft(ordering), order: ['y', 'x', 'z'] })).toBe(true)
    expect(isDraftTouched(blank, { ...emptyDraft(blank), text: 'a' })).toBe(true)
  })
})
