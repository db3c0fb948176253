import { describe, expect, it } from 'vitest'
import { nextNotebookEntry, type NotebookAnswer, type NotebookEntry } from './notebook'

const HOUR = 3_600_000
const t0 = Date.UTC(2025, 2, 3, 9)
function ans(over: Partial<NotebookAnswer>): NotebookAnswer {
  return { questionId: 'q', setId: 's', correct: true, answer: { type: 'skip' }, time: t0, day: '2025-03-03', dueBefore: null, ...over }
}
const missed = nextNotebookEntry(null, ans({ correct: false }), 2)!

describe('nextNotebookEntry', () => {
  it('a miss opens an entry, a right answer without one makes none', () => {
    expect(missed).toMatchObject({ missCount: 1, correctStreak: 0, cleared: 0 })
    expect(nextNotebookEntry(null, ans({}), 2)).toBeNull()
  })
  it('two right answers the same day do not clear it', () => {
    const a = nextNotebookEntry(missed, ans({ time: t0 + 1000 }), 2)!
    const b = nextNotebookEntry(a, ans({ time: t0 + 2000, dueBefore: t0 }), 2)!
    expect(a).toMatchObject({ correctStreak: 1, streakDay: '2025-03-03', cleared: 0 })
    expect(b).toMatchObject({ correctStreak: 1, cleared: 0 })
  })
  it('a right answer on another day but before its review is due does not count', () => {
    const a = nextNotebookEntry(missed, ans({ time: t0 + 1000 }), 2)!
    const b = nextNotebookEntry(a, ans({ time: t0 + 24 * HOUR, day: '2025-03-04', dueBefore: t0 + 48 * HOUR }), 2)!
    expect(b.cleared).toBe(0)
  })
  it('a right answer on another day, at or after its review, clears it', () => {
    const a = nextNotebookEntry(missed, ans({ time: t0 + 1000 }), 2)!
    const due = t0 + 48 * HOUR
    const b = nextNotebookEntry(a, ans({ time: due, day: '2025-03-05', dueBefore: due }), 2)!
    expect(b).toMatchObject({ correctStreak: 2, cleared: 1, clearedAt: due })
  })
  it('a miss in between starts over', () => {
    const a = nextNotebookEntry(missed, ans({ time: t0 + 1000 }), 2)!
    const b = nextNotebookEntry(a, ans({ correct: false, time: t0 + 2000 }), 2)!
    expect(b).toMatchObject({ missCount: 2, correctStreak: 0, cleared: 0 })
    expect(b.streakDay).toBeUndefined()
  })
  it('an entry without a recorded day (older data) counts the next due right answer', () => {
    const old: NotebookEntry = { ...missed, correctStreak: 1 }
    expect(nextNotebookEntry(old, ans({ dueBefore: t0 }), 2)!.cleared).toBe(1)
  })
})
