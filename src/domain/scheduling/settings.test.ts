import { describe, expect, it } from 'vitest'
import { normalizeSettings, SETTING_FIELDS, settingsErrors } from './settings'
import { DEFAULT_SETTINGS, type Settings } from './types'

describe('SETTING_FIELDS', () => {
  it('lists every study setting once', () => {
    // Typed as every field required: a setting added to Settings fails the type check here until it is given.
    const every: Required<Settings> = { retention: 0.9, newPerDay: 20, maxIntervalDays: 365, learningSteps: ['1m'], relearningSteps: ['10m'], notebookClearStreak: 2 }
    expect([...SETTING_FIELDS].sort()).toEqual(Object.keys(every).sort())
    expect(normalizeSettings(every)).toEqual(every)
  })
})

describe('normalizeSettings', () => {
  it('fills every missing field with its default', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS)
    expect(normalizeSettings({ retention: 0.85 })).toEqual({ ...DEFAULT_SETTINGS, retention: 0.85 })
  })

  it('replaces invalid or out-of-range fields with defaults and ignores unknown ones', () => {
    const raw = { retention: 2, newPerDay: -1, maxIntervalDays: 'x', learningSteps: ['1m', 'soon'], notebookClearStreak: 4, extra: 1 }
    expect(normalizeSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, notebookClearStreak: 4 })
  })

  it('returns copies: changing the result never changes the defaults', () => {
    const settings = normalizeSettings({})
    settings.learningSteps.push('1d')
    expect(DEFAULT_SETTINGS.learningSteps).toEqual(['1m', '10m'])
  })
})

describe('settingsErrors', () => {
  it('accepts a valid patch', () => {
    expect(settingsErrors({ retention: 0.95, newPerDay: 0, learningSteps: ['5m'], relearningSteps: [] })).toEqual([])
  })

  it('names each bad field', () => {
    expect(settingsErrors({ retention: 0.5, notebookClearStreak: 6, learningSteps: ['x'] })).toEqual([
      'retention: must be a number from 0.7 to 0.97',
      'notebookClearStreak: must be a whole number from 1 to 5',
      'learningSteps: must be a list of at most 10 steps like "1m", "10m", "1h", "1d"',
    ])
    expect(settingsErrors({ colour: 'red' } as never)).toEqual(['colour: unknown setting'])
  })

  it('holds every field to its bounds, inclusive, and says them', () => {
    expect(settingsErrors({ newPerDay: 10_000, maxIntervalDays: 0, relearningSteps: Array<string>(11).fill('1m') })).toEqual([
      'newPerDay: must be a whole number from 0 to 9999',
      'maxIntervalDays: must be a whole number from 1 to 36500',
      'relearningSteps: must be a list of at most 10 steps like "10m"',
    ])
    expect(settingsErrors({ newPerDay: 9_999, maxIntervalDays: 1, learningSteps: Array<string>(10).fill('1d'), relearningSteps: ['1h'], notebookClearStreak: 1.5 })).toEqual([
      'notebookClearStreak: must be a whole number from 1 to 5',
    ])
  })
})
