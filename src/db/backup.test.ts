import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDB, type StudyDB } from './database'
import {
  BACKUP_FORMAT,
  exportProgress,
  findSetConflicts,
  importProgress,
  isEmpty,
  parseBackup,
  resetProgress,
  WRITE_CHUNK,
  type BackupFile,
} from './backup'
import { BANK_SIGNATURE_KEY, createAttempt, finishAttempt, recordAnswer, saveSettings, setSetting, syncBank, undoAnswer } from './progress'
import { DEFAULT_SETTINGS, type ImportedSetRecord } from './records'
import { DAY, dumpAll, expectedDaily, freshDB, HOUR, makeAttempt, makeCard, makeEntry, MIN, T0, importedSetsOf } from './test-utils'

let db: StudyDB
const extra: StudyDB[] = []
beforeEach(() => {
  db = freshDB()
})
afterEach(() => {
  db.close()
  for (const other of extra.splice(0)) other.close()
})

const importedSet = (overrides: Partial<ImportedSetRecord> = {}): ImportedSetRecord => ({
  id: 'mine',
  name: 'My set',
  importedAt: T0,
  updatedAt: T0,
  set: {
    id: 'mine',
    title: { zh: '我的', en: 'Mine' },
    keyPoints: [{ zh: '要点', en: 'Point' }],
    questions: [
      {
        id: 'm1',
        type: 'matching',
        prompt: { zh: '配对', en: 'Match' },
        explanation: { zh: '解释', en: 'Because' },
        pairs: [
          { id: 'p1', left: { zh: '甲', en: 'A' }, right: { zh: '乙', en: 'B' } },
          { id: 'p2', left: { zh: '丙', en: 'C' }, right: { zh: '丁', en: 'D' } },
        ],
      },
    ],
  },
  ...overrides,
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
  await setSetting(target, 'locale', 'zh', T0)
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
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
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
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
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

describe('parseBackup', () => {
  async function validText(): Promise<Record<string, unknown>> {
    await populate(db)
    return JSON.parse(JSON.stringify(await exportProgress(db, T0))) as Record<string, unknown>
  }

  it('names the path of each wrong type', async () => {
    const data = await validText()
    const cards = data.cards as Record<string, unknown>[]
    cards.push({ ...cards[0], questionId: 'x' }, { ...cards[0], questionId: 'y' })
    cards[3]!.due = 'tomorrow'
    cards[1]!.state = 7
    ;(data.reviews as Record<string, unknown>[])[0]!.answer = { type: 'single', choice: 3 }
    delete (data.notebook as Record<string, unknown>[])[0]!.setId
    const result = parseBackup(JSON.stringify(data))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual(
      expect.arrayContaining([
        'cards[3].due: expected a number',
        'cards[1].state: expected a state from 0 to 3',
        'reviews[0].answer.choice: expected a string',
        'notebook[0].setId: is missing',
      ]),
    )
    expect(result.errors).toHaveLength(4)
  })

  it('rejects what is not a backup', () => {
    expect(parseBackup('not json')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^not a JSON file/)] })
    expect(parseBackup('[]')).toEqual({ ok: false, errors: ['(file): expected a backup object'] })
    const wrong = parseBackup(JSON.stringify({ format: 'other', version: 2 }))
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) {
      expect(wrong.errors).toContain('format: expected "qwen-study-backup"')
      expect(wrong.errors).toContain('version: expected 1 (a newer app may have written this file)')
      expect(wrong.errors).toContain('cards: is missing')
    }
  })

  it('rejects duplicate keys', async () => {
    const data = await validText()
    const reviews = data.reviews as unknown[]
    reviews.push(reviews[0])
    expect(parseBackup(JSON.stringify(data))).toEqual({
      ok: false,
      errors: [`reviews[${reviews.length - 1}].id: duplicate ${JSON.stringify((reviews[0] as { id: string }).id)}`],
    })
  })

  it('checks imported sets against the question-set schema', async () => {
    const data = await validText()
    ;(data.importedSets as { set: { questions: unknown[] } }[])[0]!.set.questions = []
    const result = parseBackup(JSON.stringify(data))
    expect(result).toEqual({ ok: false, errors: ['importedSets[0].set.questions: needs at least one question'] })
  })

  it('checks imported sets with the same rules as a set import', async () => {
    const data = await validText()
    const set = (data.importedSets as { set: { questions: Record<string, unknown>[] } }[])[0]!.set
    set.questions.push({
      id: 'm2',
      type: 'single',
      prompt: { zh: '选', en: 'Pick' },
      explanation: { zh: '解释', en: 'Because' },
      choices: [
        { id: 'a', text: { zh: '甲', en: 'A' } },
        { id: 'b', text: { zh: '乙', en: 'B' } },
      ],
      answer: 'z',
    })
    const result = parseBackup(JSON.stringify(data))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/^importedSets\[0\]\.set › m2 › answer: /)
  })

  it('refuses two imported sets that share a question id', async () => {
    const data = await validText()
    const sets = data.importedSets as Record<string, unknown>[]
    sets.push({ ...sets[0], id: 'other', set: { ...(sets[0]!.set as object), id: 'other' } })
    const result = parseBackup(JSON.stringify(data))
    expect(result).toEqual({ ok: false, errors: ['importedSets[1].set › m1: the question id "m1" is also in importedSets[0]'] })
  })

  it('drops __proto__ and constructor keys: nothing reaches Object.prototype', async () => {
    expect(parseBackup('{"__proto__": {"polluted": true}}').ok).toBe(false)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()

    const data = await validText()
    const text = JSON.stringify(data)
      .replace('"settings":[', '"settings":[{"key":"evil","value":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"ok":1}},')
      .replace('"pairs":{', '"pairs":{"__proto__":"x",')
    const result = parseBackup(text)
    if (!result.ok) throw new Error(result.errors.join('\n'))
    const evil = result.backup.settings.find((s) => s.key === 'evil')
    expect(evil?.value).toEqual({ ok: 1 })
    expect(Object.keys(evil?.value as object)).toEqual(['ok'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(evil?.value)).toBe(Object.prototype)
    // And it stays harmless once stored and read back.
    await importProgress(db, result.backup, 'replace')
    const stored = await db.settings.get('evil')
    expect({ ...(stored?.value as object) }).toEqual({ ok: 1 })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('findSetConflicts', () => {
  const builtIn = { setIds: new Set(['figures']), questionIds: new Set(['figures-1', 'figures-2']) }
  const backupOf = (...sets: ImportedSetRecord[]): BackupFile => ({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: T0,
    cards: [],
    reviews: [],
    attempts: [],
    notebook: [],
    settings: [],
    archive: [],
    importedSets: sets,
  })

  it('finds an imported set that reuses a built-in set id', () => {
    const clash = importedSet({ id: 'figures', set: { ...importedSet().set, id: 'figures' } })
    expect(findSetConflicts(backupOf(clash), builtIn, [])).toEqual([{ index: 0, id: 'figures', name: 'My set', with: 'built-in' }])
  })

  it('finds an imported question that reuses a built-in question id', () => {
    const base = importedSet()
    const clash = importedSet({ set: { ...base.set, questions: [{ ...base.set.questions[0]!, id: 'figures-2' }] } })
    expect(findSetConflicts(backupOf(clash), builtIn, [])).toEqual([{ index: 0, id: 'mine', name: 'My set', with: 'built-in' }])
  })

  it('finds a different set under the id of one already imported here, and lets the same set through', () => {
    const ours = importedSet({ name: 'Ours' })
    expect(findSetConflicts(backupOf(importedSet({ updatedAt: T0 + 1 })), builtIn, [ours])).toEqual([])
    const base = importedSet().set
    const different = importedSet({ set: { ...base, questions: [{ ...base.questions[0]!, prompt: { zh: '别的', en: 'Other' } }] } })
    expect(findSetConflicts(backupOf(different), builtIn, [ours])).toEqual([
      { index: 0, id: 'mine', name: 'My set', with: 'imported', ours: 'Ours' },
    ])
    // Another set here holding one of its question ids is a clash too.
    const holder = importedSet({ id: 'holder', name: 'Holder', set: { ...base, id: 'holder' } })
    expect(findSetConflicts(backupOf(importedSet()), builtIn, [holder])).toEqual([
      { index: 0, id: 'mine', name: 'My set', with: 'imported', ours: 'Holder' },
    ])
  })
})

describe('importProgress', () => {
  const backupWith = (parts: Partial<BackupFile>): BackupFile => ({
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: T0,
    cards: [],
    reviews: [],
    attempts: [],
    notebook: [],
    settings: [],
    archive: [],
    importedSets: [],
    ...parts,
  })

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
    const ours = (await db.reviews.where('time').equals(T0 + DAY + HOUR).first())!
    expect(ours.daily?.firstOfDay).toBe(false)
    await undoAnswer(db, ours.id)
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
