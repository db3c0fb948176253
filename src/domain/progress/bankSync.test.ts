import { describe, expect, it } from 'vitest'
import { planBankSync } from './bankSync'
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
