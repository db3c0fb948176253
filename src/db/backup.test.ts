import { afterEach, describe, expect, it } from 'vitest'
import { createDB, type StudyDB } from './database'
import { BACKUP_FORMAT, type BackupFile } from '@/domain/backup/format'
import { describeBackupProblem } from '@/domain/backup/english'
import { backupWith, makeImportedSet as importedSet } from '@/domain/progress/testing'
import { exportProgress, importProgress, isEmpty, parseBackup, resetProgress, WRITE_CHUNK } from './backup'
import { BANK_SIGNATURE_KEY, createAttempt, finishAttempt, recordAnswer, saveSettings, setSetting, syncBank, undoAnswer } from './progress'
import { DEFAULT_SETTINGS } from './records'
import { DAY, dumpAll, expectedDaily, freshDB, freshDBEachTest, HOUR, makeAttempt, makeCard, makeEntry, MIN, T0, importedSetsOf } from './test-utils'

let db: StudyDB
const extra: StudyDB[] = []
freshDBEachTest((fresh) => (db = fresh))
afterEach(() => {
  for (const other of extra.splice(0)) other.close()
})

/** A database with something in every table. */
async function populate(target: StudyDB): Promise<void> {
  const S = DEFAULT_SETTINGS
  await createAttempt(target, makeAttempt())
  await recordAnswer(target, { questionId: 'q1', setId: 'set-a', mode: 'practice', answer: { type: 'single', choice: 'b' }, correct: false, grade: 1, durationMs: 4000, now: T0, attemptId: 'attempt-1' }, S)
  await recordAnswer(target, { questionId: 'q2', setId: 'set-a', mode: 'practice', answer: { type: 'matching', pairs: { p1: 'p2', p2: 'p1' } }, correct: false, grade: 1, durationMs: 9000, now: T0 + 1000, attemptId: 'attempt-1' }, S)
  await recordAnswer(target, { questionId: 'q3', setId: 'set-b', mode: 'review', answer: { type: 'truefalse', value: true }, correct: true, grade: 4, durationMs: 1000, now: T0 + 2000 }, S)
  await recordAnswer(target, { questionId: 'old', setId: 'set-b', mode: 'exam', answer: { type: 'skip' }, correct: false, grade: 1, durationMs: 100, now: T0 + 3000 }, S)
  await finishAttempt(target, 'attempt-1', T0 + HOUR)
  await saveSettings(target, { retention: 0.85, learningSteps: ['2m'] }, T0)
  await syncBank(target, ['q1', 'q2', 'q3'].map((id) => ({ id, setId: id === 'q3' ? 'set-b' : 'set-a' })), T0 + DAY)
  await importedSetsOf(target).add(importedSet())
}

const withoutExportedAt = ({ exportedAt: _ignored, ...rest }: BackupFile) => rest

describe('exportProgress', () => {
  it('holds every table, in key order, stamped with the export time', async () => {
    await populate(db)
    const backup = await exportProgress(db, T0 + 2 * DAY)
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, version: 1, exportedAt: T0 + 2 * DAY })
    const dump = await dumpAll(db)
    for (const table of ['cards', 'reviews', 'attempts', 'notebook', 'settings', 'archive', 'importedSets'] as const) {
      expect(backup[table]).toEqual(dump[table])
      expect(backup[table].length).toBeGreaterThan(0)
    }
  })
})

describe('round trip', () => {
  it('export → text → parse → reset → import → export gives the same backup', async () => {
    await populate(db)
    const first = await exportProgress(db, T0 + 2 * DAY)
    const parsed = parseBackup(JSON.stringify(first))
    if (!parsed.ok) throw new Error(parsed.problems.map(describeBackupProblem).join('\n'))
    expect(parsed.backup).toEqual(first)

    await resetProgress(db)
    expect(await isEmpty(db)).toBe(true)
    await importProgress(db, parsed.backup, 'replace')
    const second = await exportProgress(db, T0 + 3 * DAY)
    expect(withoutExportedAt(second)).toEqual(withoutExportedAt(first))
  })

  it("keeps the notebook's streak day and an exam's flagged questions", async () => {
    await populate(db)
    const entry = (await db.notebook.toArray())[0]!
    await db.notebook.put({ ...entry, streakDay: '2026-03-02' })
    const attempt = (await db.attempts.toArray())[0]!
    await db.attempts.put({ ...attempt, flagged: ['q2'] })
    const parsed = parseBackup(JSON.stringify(await exportProgress(db, T0)))
    if (!parsed.ok) throw new Error(parsed.problems.map(describeBackupProblem).join('\n'))
    await resetProgress(db)
    await importProgress(db, parsed.backup, 'replace')
    expect((await db.notebook.get(entry.questionId))?.streakDay).toBe('2026-03-02')
    expect((await db.attempts.get(attempt.id))?.flagged).toEqual(['q2'])
  })

  it('merging a backup into an empty database gives the same database', async () => {
    await populate(db)
    const backup = await exportProgress(db, T0)
    const other = freshDB()
    extra.push(other)
    await importProgress(other, backup, 'merge')
    expect(await dumpAll(other)).toEqual(await dumpAll(db))
  })
})

describe('parseBackup, then importProgress', () => {
  it('drops __proto__ and constructor keys: nothing reaches Object.prototype, once stored and read back', async () => {
    await populate(db)
    const text = JSON.stringify({ ...(await exportProgress(db, T0)), settings: [] }).replace(
      '"settings":[]',
      '"settings":[{"key":"settings","value":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"retention":0.8}}]',
    )
    const result = parseBackup(text)
    if (!result.ok) throw new Error(result.problems.map(describeBackupProblem).join('\n'))
    // And it stays harmless once stored and read back.
    await importProgress(db, result.backup, 'replace')
    const stored = await db.settings.get('settings')
    expect({ ...(stored?.value as object) }).toEqual({ retention: 0.8 })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('importProgress', () => {
  it('replace: the database becomes the backup', async () => {
    await populate(db)
    const backup = backupWith({
      cards: [makeCard({ questionId: 'only' })],
      settings: [{ key: 'locale', value: 'en' }],
    })
    expect(await importProgress(db, backup, 'replace')).toEqual({
      cards: 1,
      reviews: 0,
      attempts: 0,
      notebook: 0,
      settings: 1,
      archive: 0,
      importedSets: 0,
    })
    expect(await dumpAll(db)).toEqual({
      cards: [makeCard({ questionId: 'only' })],
      reviews: [],
      attempts: [],
      notebook: [],
      settings: [{ key: 'locale', value: 'en' }],
      archive: [],
      importedSets: [],
      daily: [],
    })
  })

  it('merge: the union, where the newer record wins', async () => {
    await db.cards.bulkAdd([
      makeCard({ questionId: 'mine-newer', lastReview: T0 + DAY, reps: 9 }),
      makeCard({ questionId: 'theirs-newer', lastReview: T0, reps: 1 }),
      makeCard({ questionId: 'only-mine' }),
    ])
    await db.attempts.bulkAdd([makeAttempt({ id: 'a1', updatedAt: T0 + DAY }), makeAttempt({ id: 'a2', updatedAt: T0 })])
    await db.notebook.bulkAdd([
      makeEntry({ questionId: 'n1', lastWrongAt: T0, cleared: 1, clearedAt: T0 + 2 * DAY }),
      makeEntry({ questionId: 'n2', lastWrongAt: T0 }),
    ])
    await db.settings.bulkAdd([
      { key: 'settings', value: { retention: 0.8 }, updatedAt: T0 + DAY },
      { key: 'locale', value: 'zh' },
    ])
    await importedSetsOf(db).add(importedSet({ updatedAt: T0 }))

    const backup = backupWith({
      cards: [
        makeCard({ questionId: 'mine-newer', lastReview: T0, reps: 2 }),
        makeCard({ questionId: 'theirs-newer', lastReview: T0 + DAY, reps: 5 }),
        makeCard({ questionId: 'only-theirs' }),
      ],
      attempts: [makeAttempt({ id: 'a1', updatedAt: T0, total: 99 }), makeAttempt({ id: 'a2', updatedAt: T0 + DAY, total: 77 })],
      notebook: [
        makeEntry({ questionId: 'n1', lastWrongAt: T0 + DAY, missCount: 4 }),
        makeEntry({ questionId: 'n2', lastWrongAt: T0 + DAY, missCount: 5 }),
      ],
      settings: [
        { key: 'settings', value: { retention: 0.95 }, updatedAt: T0 },
        { key: 'locale', value: 'en', updatedAt: T0 },
      ],
      archive: [{ questionId: 'gone', archivedAt: T0, card: null, notebook: null }],
      importedSets: [importedSet({ updatedAt: T0 + DAY, name: 'Renamed' })],
    })
    const summary = await importProgress(db, backup, 'merge')

    expect(summary).toEqual({ cards: 2, reviews: 0, attempts: 1, notebook: 1, settings: 1, archive: 1, importedSets: 1 })
    expect((await db.cards.get('mine-newer'))?.reps).toBe(9)
    expect((await db.cards.get('theirs-newer'))?.reps).toBe(5)
    expect(await db.cards.get('only-mine')).toBeDefined()
    expect(await db.cards.get('only-theirs')).toBeDefined()
    expect((await db.attempts.get('a1'))?.total).toBe(3)
    expect((await db.attempts.get('a2'))?.total).toBe(77)
    expect((await db.notebook.get('n1'))?.missCount).toBe(1) // cleared after their last miss
    expect((await db.notebook.get('n2'))?.missCount).toBe(5)
    expect((await db.settings.get('settings'))?.value).toEqual({ retention: 0.8 })
    expect((await db.settings.get('locale'))?.value).toBe('en')
    expect(await db.archive.count()).toBe(1)
    expect((await importedSetsOf(db).get('mine'))?.name).toBe('Renamed')
  })

  it('merge: log entries are added by id and never overwritten', async () => {
    await populate(db)
    const backup = await exportProgress(db, T0)
    const other = freshDB()
    extra.push(other)
    const [first, ...rest] = backup.reviews
    await importProgress(other, { ...backup, reviews: [{ ...first!, durationMs: 1 }] }, 'merge')
    const summary = await importProgress(other, backup, 'merge')
    expect(summary.reviews).toBe(rest.length)
    expect(await other.reviews.count()).toBe(backup.reviews.length)
    expect((await other.reviews.get(first!.id))?.durationMs).toBe(1)
  })

  it('writes nothing when the import fails halfway', async () => {
    await populate(db)
    const before = await dumpAll(db)
    const backup = await exportProgress(db, T0)
    const broken = { ...backup, reviews: [...backup.reviews, backup.reviews[0]!] } // duplicate key
    await expect(importProgress(db, broken, 'replace')).rejects.toThrow()
    expect(await dumpAll(db)).toEqual(before)
  })

  it('writes in bulk slices, reports its progress, and a cancel halfway writes nothing', async () => {
    const many = Array.from({ length: WRITE_CHUNK * 2 + 1 }, (_, i) => makeCard({ questionId: `c${i}` }))
    const backup = { ...(await exportProgress(db, T0)), cards: many }
    await db.cards.put(makeCard({ questionId: 'mine' }))
    const before = await dumpAll(db)
    const controller = new AbortController()
    const seen: number[] = []
    const cancelled = importProgress(db, backup, 'merge', {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done)
        controller.abort()
      },
    })
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' })
    expect(seen).toHaveLength(1)
    expect(await dumpAll(db)).toEqual(before)

    const progress: number[] = []
    await importProgress(db, backup, 'merge', { onProgress: (done) => progress.push(done) })
    expect(progress).toHaveLength(3)
    expect(progress.at(-1)).toBe(1)
    expect(await db.cards.count()).toBe(many.length + 1)
    // 10,001 cards written twice: seconds on a busy machine.
  }, 30_000)
})

describe('parseBackup, then importProgress: cards at the limits of the check', () => {
  it('every card the check lets through can still be answered, and the next export restores', async () => {
    const edge = [
      makeCard({ questionId: 'low', stability: 0.001, difficulty: 1, due: 0, lastReview: 0, elapsedDays: 0, scheduledDays: 0 }),
      makeCard({ questionId: 'high', stability: 36_500, difficulty: 10, due: 8.64e15, lastReview: T0 - DAY }),
      makeCard({ questionId: 'new', stability: 0, difficulty: 0, state: 0, reps: 0, lastReview: null }),
    ]
    const parsed = parseBackup(JSON.stringify(backupWith({ cards: edge })))
    if (!parsed.ok) throw new Error(parsed.problems.map(describeBackupProblem).join('\n'))
    await importProgress(db, parsed.backup, 'replace')
    for (const card of edge) {
      for (const grade of [1, 3] as const) {
        await recordAnswer(db, { questionId: card.questionId, setId: 'set-a', mode: 'review', answer: { type: 'skip' }, correct: grade === 3, grade, durationMs: 1, now: T0 }, DEFAULT_SETTINGS)
      }
      const after = await db.cards.get(card.questionId)
      expect(Number.isFinite(after?.stability) && Number.isFinite(after?.difficulty)).toBe(true)
    }
    const again = parseBackup(JSON.stringify(await exportProgress(db, T0)))
    if (!again.ok) throw new Error(again.problems.map(describeBackupProblem).join('\n'))
  })
})

describe('importProgress: daily stats', () => {
  /** Answers to q1 across two days in `target` (retention counted on the second day). */
  async function study(target: StudyDB, times: number[], questionId = 'q1'): Promise<void> {
    for (const now of times) {
      const input = { questionId, setId: 'set-a', mode: 'review' as const, answer: { type: 'skip' as const }, correct: false, grade: 1 as const, durationMs: 1000, now }
      await recordAnswer(target, input, DEFAULT_SETTINGS)
    }
  }

  it('are not in the backup file', async () => {
    await populate(db)
    expect(await db.daily.count()).toBeGreaterThan(0)
    expect(Object.keys(await exportProgress(db, T0))).not.toContain('daily')
  })

  it('replace: counted again from the imported log', async () => {
    const other = freshDB()
    extra.push(other)
    await study(other, [T0, T0 + DAY, T0 + DAY + MIN])
    await study(db, [T0 + 5 * DAY], 'mine')
    await importProgress(db, await exportProgress(other, T0), 'replace')
    expect(await db.daily.toArray()).toEqual(await other.daily.toArray())
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
    expect((await db.daily.toArray()).map((r) => r.retentionTotal)).toEqual([0, 1])
  })

  it('replace: an entry whose first-of-day claim is wrong is stored corrected', async () => {
    const other = freshDB()
    extra.push(other)
    await study(other, [T0, T0 + HOUR])
    const backup = await exportProgress(other, T0)
    // A file that says both reviews of the day were its first.
    const claimed = backup.reviews.map((r) => ({ ...r, daily: { ...r.daily!, firstOfDay: true } }))
    await importProgress(db, { ...backup, reviews: claimed }, 'replace')
    expect(await db.reviews.toArray()).toEqual(backup.reviews)
    expect(await db.daily.toArray()).toEqual(await other.daily.toArray())
  })

  it('merge: counted again from the union of both logs, so undo stays exact', async () => {
    const other = freshDB()
    extra.push(other)
    // The other device reviewed q1 earlier on the same day: its review becomes the first of the day.
    await study(other, [T0, T0 + DAY])
    await study(db, [T0 - DAY, T0 + DAY + HOUR])
    await importProgress(db, await exportProgress(other, T0), 'merge')
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
    const day2 = await db.daily.get([new Date(T0 + DAY).toISOString().slice(0, 10), 'set-a'])
    expect(day2).toMatchObject({ reviews: 2, retentionTotal: 1 })

    // Our own later review of that day, now not its first: undoing it keeps the count right.
    const ours = (await db.reviews.filter((r) => r.time === T0 + DAY + HOUR).first())!
    expect(ours.daily?.firstOfDay).toBe(false)
    await undoAnswer(db, ours.id)
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
  })

  it('merge: a new entry that is no longer the first of its day is stored saying so', async () => {
    const other = freshDB()
    extra.push(other)
    // The other device's review of q1 was its first that day; ours came earlier the same day.
    await study(other, [T0 + DAY + HOUR])
    await study(db, [T0 + DAY])
    const theirs = (await other.reviews.toArray())[0]!
    expect(theirs.daily?.firstOfDay).toBe(true)
    await importProgress(db, await exportProgress(other, T0), 'merge')
    expect((await db.reviews.get(theirs.id))?.daily).toEqual({ ...theirs.daily, firstOfDay: false })
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))

    await undoAnswer(db, theirs.id)
    expect(await db.daily.toArray()).toEqual(await expectedDaily(db))
  })

  it('reset clears them', async () => {
    await populate(db)
    await resetProgress(db)
    expect(await db.daily.count()).toBe(0)
  })
})

describe('resetProgress / isEmpty', () => {
  it('clears all progress but keeps imported sets', async () => {
    expect(await isEmpty(db)).toBe(true)
    await importedSetsOf(db).add(importedSet())
    expect(await isEmpty(db)).toBe(true) // imported sets are not progress
    await setSetting(db, 'locale', 'en')
    expect(await isEmpty(db)).toBe(false)
    await importedSetsOf(db).clear()
    await populate(db)
    await resetProgress(db)
    expect(await isEmpty(db)).toBe(true)
    const dump = await dumpAll(db)
    expect(dump.importedSets).toEqual([importedSet()])
    for (const [name, rows] of Object.entries(dump)) if (name !== 'importedSets') expect(rows).toEqual([])
  })
})

describe('isEmpty and the start-up bookkeeping row', () => {
  it('a database holding only the bank signature counts as empty; a real setting does not', async () => {
    const db = createDB('test-' + crypto.randomUUID())
    await db.open()
    await db.settings.put({ key: BANK_SIGNATURE_KEY, value: '2:abc' })
    expect(await isEmpty(db)).toBe(true)
    await db.settings.put({ key: 'theme', value: 'dark' })
    expect(await isEmpty(db)).toBe(false)
    db.close()
    await db.delete()
  })

  it('an export leaves it out; an import drops ours and never takes one from the file, so the next start-up reconciles the bank', async () => {
    await populate(db)
    await db.settings.put({ key: BANK_SIGNATURE_KEY, value: '3:ours' })
    const backup = await exportProgress(db, T0)
    expect(backup.settings.map((row) => row.key)).not.toContain(BANK_SIGNATURE_KEY)
    expect(backup.settings.length).toBeGreaterThan(0)

    const fromOtherDevice = { ...backup, settings: [...backup.settings, { key: BANK_SIGNATURE_KEY, value: '9:theirs' }] }
    for (const mode of ['merge', 'replace'] as const) {
      await db.settings.put({ key: BANK_SIGNATURE_KEY, value: '3:ours' })
      await importProgress(db, fromOtherDevice, mode)
      expect(await db.settings.get(BANK_SIGNATURE_KEY)).toBeUndefined()
    }
  })
})
