import { describe, expect, it } from 'vitest'
import type { AttemptRecord, ReviewLogRecord, SettingRecord } from '@/domain/progress/records'
import { backupWith, makeCard, makeEntry } from '@/domain/progress/testing'
import { heldKeys, importable, isProgressSetting, MERGE_RULES, mergeWrites, newLogEntries, recordCount, type MergeRule } from './merge'

const T0 = Date.UTC(2026, 0, 1, 8, 0)
const DAY = 86_400_000

/** mergeWrites against `ours`, every one of them held here. */
function merged<T>(rule: MergeRule<T>, theirs: readonly T[], ours: readonly T[]): T[] {
  return mergeWrites(rule, theirs, new Set(ours.map(rule.keyOf)), new Map(ours.map((o) => [rule.keyOf(o), o])))
}

describe('merge rules', () => {
  it('cards: the later review wins; a card never reviewed is the oldest; a tie keeps ours', () => {
    const ours = makeCard({ lastReview: T0 })
    expect(merged(MERGE_RULES.cards, [makeCard({ lastReview: T0 + 1 })], [ours])).toHaveLength(1)
    expect(merged(MERGE_RULES.cards, [makeCard({ lastReview: T0 })], [ours])).toEqual([])
    expect(merged(MERGE_RULES.cards, [makeCard({ lastReview: null })], [ours])).toEqual([])
    expect(merged(MERGE_RULES.cards, [makeCard({ lastReview: T0 - DAY })], [makeCard({ lastReview: null })])).toHaveLength(1)
  })

  it('notebook entries: the later change wins, a clearing counts as a change, and the entry comes whole (streak day included)', () => {
    const ours = makeEntry({ lastWrongAt: T0, correctStreak: 1, streakDay: '2026-01-01' })
    const cleared = makeEntry({ lastWrongAt: T0 - DAY, cleared: 1, clearedAt: T0 + DAY, correctStreak: 3, streakDay: '2026-01-02' })
    expect(merged(MERGE_RULES.notebook, [cleared], [ours])).toEqual([cleared])
    const older = makeEntry({ lastWrongAt: T0 - DAY, streakDay: '2026-03-01' })
    expect(merged(MERGE_RULES.notebook, [older], [ours])).toEqual([])
  })

  it('attempts: the later update wins, flagged questions with it', () => {
    const attempt = (updatedAt: number, flagged?: string[]) => ({ id: 'a1', updatedAt, ...(flagged ? { flagged } : {}) }) as AttemptRecord
    expect(merged(MERGE_RULES.attempts, [attempt(T0 + 1, ['q2'])], [attempt(T0)])).toEqual([attempt(T0 + 1, ['q2'])])
    expect(merged(MERGE_RULES.attempts, [attempt(T0 - 1, ['q2'])], [attempt(T0)])).toEqual([])
  })

  it('settings: the later write wins; a row without a time is the oldest', () => {
    const row = (updatedAt?: number): SettingRecord => ({ key: 'locale', value: 'en', ...(updatedAt === undefined ? {} : { updatedAt }) })
    expect(merged(MERGE_RULES.settings, [row(T0)], [row()])).toEqual([row(T0)])
    expect(merged(MERGE_RULES.settings, [row()], [row(T0)])).toEqual([])
    expect(merged(MERGE_RULES.settings, [row(T0)], [row(T0)])).toEqual([])
  })

  it('archive and imported sets: the later archiving or update wins', () => {
    const archived = (archivedAt: number) => ({ questionId: 'gone', archivedAt, card: null, notebook: null })
    expect(merged(MERGE_RULES.archive, [archived(T0 + 1)], [archived(T0)])).toHaveLength(1)
    expect(merged(MERGE_RULES.archive, [archived(T0)], [archived(T0 + 1)])).toEqual([])
    expect(MERGE_RULES.importedSets.newer({ updatedAt: T0 + 1 } as never, { updatedAt: T0 } as never)).toBe(true)
  })
})

describe('mergeWrites / heldKeys', () => {
  it('writes records not held here, and held ones newer than ours; reads only the held keys', () => {
    const theirs = [makeCard({ questionId: 'new' }), makeCard({ questionId: 'q1', lastReview: T0 }), makeCard({ questionId: 'q2', lastReview: T0 - 9 * DAY })]
    const held = new Set(['q1', 'q2', 'q3'])
    expect(heldKeys(MERGE_RULES.cards, theirs, held)).toEqual(['q1', 'q2'])
    const ours = new Map([['q1', makeCard({ lastReview: T0 - DAY })], ['q2', makeCard({ questionId: 'q2' })]])
    expect(mergeWrites(MERGE_RULES.cards, theirs, held, ours).map((c) => c.questionId)).toEqual(['new', 'q1'])
    // A key held but not read back (gone meanwhile) is written.
    expect(mergeWrites(MERGE_RULES.cards, theirs, held, new Map()).map((c) => c.questionId)).toEqual(['new', 'q1', 'q2'])
  })
})

describe('newLogEntries', () => {
  it('adds log entries by id and never overwrites one held here', () => {
    const log = (id: string) => ({ id }) as ReviewLogRecord
    expect(newLogEntries([log('r1'), log('r2'), log('r3')], new Set(['r2']))).toEqual([log('r1'), log('r3')])
  })
})

describe('importable / recordCount', () => {
  it("never takes another device's bank signature, and counts the records an import goes through", () => {
    const settings: SettingRecord[] = [{ key: 'bankSignature', value: '3:abc' }, { key: 'locale', value: 'zh' }]
    const backup = backupWith({ settings, cards: [makeCard()] })
    expect(importable(backup).settings).toEqual([{ key: 'locale', value: 'zh' }])
    expect(settings.filter(isProgressSetting)).toHaveLength(1)
    expect(recordCount(backup)).toBe(3)
    expect(recordCount(backupWith())).toBe(1)
  })
})
