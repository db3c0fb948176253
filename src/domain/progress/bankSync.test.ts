import { describe, expect, it } from 'vitest'
import { bankSignatureOf, planBankSync, unchangedImportedSets } from './bankSync'
import { makeCard, makeEntry } from './testing'

const T0 = Date.UTC(2026, 0, 1, 8, 0)
const DAY = 86_400_000

describe('planBankSync', () => {
  it('archives the progress of a question that left the bank, with what the archive held of it', () => {
    const card = makeCard({ questionId: 'gone' })
    const oldEntry = makeEntry({ questionId: 'gone', lastWrongAt: T0 - DAY })
    const plan = planBankSync([], [card], [], [{ questionId: 'gone', archivedAt: T0 - DAY, card: null, notebook: oldEntry }], T0)
    expect(plan.archived).toEqual(['gone'])
    expect(plan.archivePuts).toEqual([{ questionId: 'gone', archivedAt: T0, card, notebook: oldEntry }])
    expect(plan.cardDeletes).toEqual(['gone'])
    expect(plan.entryDeletes).toEqual([])
  })

  it('restores a question that is back: the later reviewed card and the later missed entry, in its current set', () => {
    const live = makeCard({ lastReview: T0 })
    const archivedCard = makeCard({ lastReview: T0 - DAY, reps: 9 })
    const archivedEntry = makeEntry({ lastWrongAt: T0 + DAY })
    const plan = planBankSync([{ id: 'q1', setId: 'set-b' }], [live], [makeEntry()], [{ questionId: 'q1', archivedAt: T0, card: archivedCard, notebook: archivedEntry }], T0)
    expect(plan.restored).toEqual(['q1'])
    expect(plan.cardPuts).toEqual([{ ...live, setId: 'set-b' }])
    expect(plan.entryPuts).toEqual([{ ...archivedEntry, setId: 'set-b' }])
    expect(plan.archivePuts).toEqual([])
  })

  it('moves the progress of a question that changed sets, and leaves the rest alone', () => {
    const plan = planBankSync(
      [{ id: 'q1', setId: 'set-b' }, { id: 'q2', setId: 'set-a' }],
      [makeCard(), makeCard({ questionId: 'q2' })],
      [makeEntry({ questionId: 'q2' })],
      [],
      T0,
    )
    expect(plan.cardPuts).toEqual([makeCard({ setId: 'set-b' })])
    expect(plan.entryPuts).toEqual([])
    expect([plan.archived, plan.restored, plan.cardDeletes]).toEqual([[], [], []])
  })
})

describe('the bank signature', () => {
  const a = { id: 'imp-a', questionsHash: '4:aa' }
  const b = { id: 'imp-b', questionsHash: '2:bb' }

  it('joins the built-in fingerprint and each imported set’s', () => {
    expect(bankSignatureOf('167:ff', [])).toBe('167:ff')
    expect(bankSignatureOf('167:ff', [a, b])).toBe('167:ff imp-a=4:aa imp-b=2:bb')
  })

  it('names the imported sets whose fingerprint is the one last reconciled, whatever else changed', () => {
    const reconciled = bankSignatureOf('167:ff', [a, b])
    expect(unchangedImportedSets(reconciled, [a, b])).toEqual(new Set(['imp-a', 'imp-b']))
    expect(unchangedImportedSets(reconciled.replace('167:ff', '170:01'), [a, b])).toEqual(new Set(['imp-a', 'imp-b']))
    expect(unchangedImportedSets(reconciled, [a, { ...b, questionsHash: '3:bc' }])).toEqual(new Set(['imp-a']))
    expect(unchangedImportedSets(reconciled, [a, b, { id: 'imp-c', questionsHash: '1:cc' }])).toEqual(new Set(['imp-a', 'imp-b']))
  })

  it('names none when nothing was reconciled, and never the built-in part', () => {
    expect(unchangedImportedSets(undefined, [a])).toEqual(new Set())
    expect(unchangedImportedSets('', [a])).toEqual(new Set())
    expect(unchangedImportedSets('imp-a=4:aa', [a])).toEqual(new Set())
  })
})
