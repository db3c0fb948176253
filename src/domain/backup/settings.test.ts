import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { SETTING_FIELDS, settingsErrors } from '@/domain/scheduling/settings'
import { DEFAULT_SETTINGS } from '@/domain/scheduling/types'
import { BANK_SIGNATURE_KEY, STUDY_SETTINGS_KEY, type SettingRecord } from '@/domain/progress/records'
import { MERGE_RULES, mergeWrites } from './merge'
import { checkBackupSettings, settingValue } from './settings'

const T0 = Date.UTC(2026, 0, 1)
const study = (value: unknown, updatedAt = T0): SettingRecord => ({ key: STUDY_SETTINGS_KEY, value, updatedAt })

describe('checkBackupSettings', () => {
  it('keeps valid study settings as they are, with no note', () => {
    const rows = [study({ ...DEFAULT_SETTINGS, relearningSteps: ['5m'] })]
    expect(checkBackupSettings(rows)).toEqual({ rows, notes: [] })
  })

  it('leaves out each field that breaks its rule, naming it, its path and what the file held', () => {
    const { rows, notes } = checkBackupSettings([
      study({ retention: 7, newPerDay: -3, maxIntervalDays: 'many', learningSteps: ['1m', '5x'], relearningSteps: [], notebookClearStreak: 2.5 }),
    ])
    expect(rows).toEqual([study({ relearningSteps: [] })])
    expect(notes).toEqual([
      { code: 'invalid', path: 'settings[0].value.retention', field: 'retention', got: '7' },
      { code: 'invalid', path: 'settings[0].value.newPerDay', field: 'newPerDay', got: '-3' },
      { code: 'invalid', path: 'settings[0].value.maxIntervalDays', field: 'maxIntervalDays', got: '"many"' },
      { code: 'invalid', path: 'settings[0].value.learningSteps', field: 'learningSteps', got: '["1m","5x"]' },
      { code: 'invalid', path: 'settings[0].value.notebookClearStreak', field: 'notebookClearStreak', got: '2.5' },
    ])
  })

  it('leaves out fields and rows this app does not have, and study settings that are no group of fields', () => {
    const { rows, notes } = checkBackupSettings([
      { key: 'locale', value: 'fr' },
      study({ retention: 0.8, theme: 'neon' }),
      { key: BANK_SIGNATURE_KEY, value: '3:abc' },
    ])
    expect(rows).toEqual([study({ retention: 0.8 })])
    expect(notes).toEqual([
      { code: 'unknownKey', path: 'settings[0].key', key: 'locale' },
      { code: 'unknownField', path: 'settings[1].value.theme', field: 'theme' },
    ])
    for (const value of ['many', null, 7, ['a']])
      expect(checkBackupSettings([study(value)])).toEqual({ rows: [], notes: [{ code: 'notObject', path: 'settings[0].value', got: JSON.stringify(value) }] })
  })

  it('keeps only values saveSettings would take, and names every field it leaves out', () => {
    const anyValue = fc.oneof(fc.double(), fc.integer({ min: -10, max: 40_000 }), fc.string({ maxLength: 5 }), fc.constant(null), fc.array(fc.constantFrom('1m', '10m', '2d', 'x', ''), { maxLength: 12 }))
    const fieldName = fc.oneof(fc.constantFrom(...SETTING_FIELDS), fc.constantFrom('language', 'theme', 'x'))
    fc.assert(
      fc.property(fc.dictionary(fieldName, anyValue), (value) => {
        const { rows, notes } = checkBackupSettings([study(value)])
        const kept = rows[0]!.value as Record<string, unknown>
        expect(settingsErrors(kept)).toEqual([])
        const named = notes.map((n) => (n.code === 'invalid' || n.code === 'unknownField' ? n.field : ''))
        expect([...Object.keys(kept), ...named].sort()).toEqual(Object.keys(value).sort())
      }),
    )
  })

  it('says a value as it is in use, the same in every language', () => {
    expect(settingValue(DEFAULT_SETTINGS, 'retention')).toBe('0.9')
    expect(settingValue(DEFAULT_SETTINGS, 'learningSteps')).toBe('["1m","10m"]')
    expect(settingValue(DEFAULT_SETTINGS, 'relearningSteps')).toBe('["10m"]')
  })
})

describe('merging the study settings', () => {
  const rule = MERGE_RULES.settings
  const ours = study({ retention: 0.85, newPerDay: 30 }, T0)

  it('a newer row from the file wins field by field: a field it lacks keeps our value', () => {
    const theirs = study({ learningSteps: ['5m'] }, T0 + 1)
    expect(mergeWrites(rule, [theirs], new Set([STUDY_SETTINGS_KEY]), new Map([[STUDY_SETTINGS_KEY, ours]]))).toEqual([
      study({ retention: 0.85, newPerDay: 30, learningSteps: ['5m'] }, T0 + 1),
    ])
  })

  it('an older row is not written, and a row we do not hold is written as it is', () => {
    const theirs = study({ retention: 0.7 }, T0 - 1)
    expect(mergeWrites(rule, [theirs], new Set([STUDY_SETTINGS_KEY]), new Map([[STUDY_SETTINGS_KEY, ours]]))).toEqual([])
    expect(mergeWrites(rule, [theirs], new Set(), new Map())).toEqual([theirs])
  })
})
