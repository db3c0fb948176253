import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { schedulerFor } from './fsrs'
import { normalizeSettings, settingsErrors } from './settings'
import {
  SCHEDULER_DECAY,
  changedPatch,
  editedFields,
  rebaseForm,
  formFromSettings,
  parseSettingsForm,
  splitSteps,
  workloadRatio,
  type SettingsFormValues,
} from './settingsForm'
import { DEFAULT_SETTINGS } from './types'

const valid: SettingsFormValues = formFromSettings(DEFAULT_SETTINGS)
const withField = (patch: Partial<SettingsFormValues>): SettingsFormValues => ({ ...valid, ...patch })

describe('parseSettingsForm', () => {
  it('gives back the settings the form started from', () => {
    expect(parseSettingsForm(valid)).toEqual({
      ok: true,
      patch: {
        retention: 0.9,
        newPerDay: 20,
        maxIntervalDays: 365,
        learningSteps: ['1m', '10m'],
        notebookClearStreak: 2,
      },
    })
  })

  it('reads numbers whether the input gave a number or a string', () => {
    const result = parseSettingsForm(withField({ newPerDay: 50, maxIntervalDays: ' 180 ', notebookClearStreak: '5' }))
    expect(result).toMatchObject({ ok: true, patch: { newPerDay: 50, maxIntervalDays: 180, notebookClearStreak: 5 } })
  })

  it('names the step that is not a step', () => {
    expect(parseSettingsForm(withField({ learningSteps: '1m 10x 1d' }))).toEqual({
      ok: false,
      problems: { learningSteps: { code: 'badStep', step: '10x' } },
    })
    // Fractions are refused too: the hint promises whole numbers.
    expect(parseSettingsForm(withField({ learningSteps: '1.5h' }))).toMatchObject({
      ok: false,
      problems: { learningSteps: { code: 'badStep', step: '1.5h' } },
    })
  })

  it('accepts commas, full-width commas, upper case and no steps at all', () => {
    expect(parseSettingsForm(withField({ learningSteps: '1M，10m, 1d' }))).toMatchObject({
      ok: true,
      patch: { learningSteps: ['1m', '10m', '1d'] },
    })
    expect(parseSettingsForm(withField({ learningSteps: '  ' }))).toMatchObject({ ok: true, patch: { learningSteps: [] } })
  })

  it('refuses more than ten steps', () => {
    const steps = Array.from({ length: 11 }, (_, i) => `${i + 1}m`).join(' ')
    expect(parseSettingsForm(withField({ learningSteps: steps }))).toEqual({
      ok: false,
      problems: { learningSteps: { code: 'tooManySteps', count: 11, max: 10 } },
    })
  })

  it('says what is wrong with each number field, all at once', () => {
    const result = parseSettingsForm(
      withField({ newPerDay: '', maxIntervalDays: '1.5', notebookClearStreak: '6', retention: 0.5 }),
    )
    expect(result).toEqual({
      ok: false,
      problems: {
        retention: { code: 'retentionRange', min: 0.7, max: 0.97 },
        newPerDay: { code: 'required' },
        maxIntervalDays: { code: 'notWhole', value: '1.5', min: 1, max: 36_500 },
        notebookClearStreak: { code: 'range', value: '6', min: 1, max: 5 },
      },
    })
    expect(parseSettingsForm(withField({ newPerDay: 'lots' }))).toMatchObject({
      ok: false,
      problems: { newPerDay: { code: 'notNumber', value: 'lots', min: 0, max: 9_999 } },
    })
    expect(parseSettingsForm(withField({ newPerDay: '-1' }))).toMatchObject({
      ok: false,
      problems: { newPerDay: { code: 'range', value: '-1' } },
    })
  })

  it('rounds the slider value to two decimals', () => {
    expect(parseSettingsForm(withField({ retention: 0.9000000000000001 }))).toMatchObject({
      ok: true,
      patch: { retention: 0.9 },
    })
  })

  it('never accepts a form that saveSettings would refuse', () => {
    const anyText = fc.oneof(fc.string(), fc.integer({ min: -10, max: 40_000 }), fc.double({ noNaN: false }))
    fc.assert(
      fc.property(
        fc.record({
          retention: fc.oneof(fc.double({ min: 0.6, max: 1 }), fc.string()),
          newPerDay: anyText,
          maxIntervalDays: anyText,
          learningSteps: fc.oneof(fc.string(), fc.array(fc.constantFrom('1m', '10m', '2d', 'x', '1.5h', ' ', ',')).map((a) => a.join(' '))),
          notebookClearStreak: anyText,
        }),
        (form) => {
          const result = parseSettingsForm(form)
          if (result.ok) expect(settingsErrors(result.patch)).toEqual([])
        },
      ),
    )
  })

  it('round-trips any valid settings', () => {
    fc.assert(
      fc.property(
        fc.record({
          retention: fc.integer({ min: 70, max: 97 }).map((n) => n / 100),
          newPerDay: fc.integer({ min: 0, max: 9_999 }),
          maxIntervalDays: fc.integer({ min: 1, max: 36_500 }),
          learningSteps: fc.array(fc.tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('m', 'h', 'd')).map(([n, u]) => `${n}${u}`), { maxLength: 10 }),
          notebookClearStreak: fc.integer({ min: 1, max: 5 }),
        }),
        (settings) => {
          expect(parseSettingsForm(formFromSettings(normalizeSettings(settings)))).toEqual({ ok: true, patch: settings })
        },
      ),
    )
  })
})

describe('splitSteps', () => {
  it('splits on spaces and commas and drops empty parts', () => {
    expect(splitSteps(' 1m  10m,1h、1d ')).toEqual(['1m', '10m', '1h', '1d'])
    expect(splitSteps('')).toEqual([])
  })
})

describe('workloadRatio', () => {
  it('is 1 at the 90% baseline', () => {
    expect(workloadRatio(0.9)).toBeCloseTo(1, 10)
  })

  it('matches the ratio of the intervals the scheduler actually gives', () => {
    const interval = (retention: number) =>
      schedulerFor({ ...DEFAULT_SETTINGS, retention, maxIntervalDays: 36_500 }).next_interval(1_000, 0)
    for (const retention of [0.8, 0.95, 0.97]) {
      // The scheduler rounds intervals to whole days: a stability of 1000 days keeps that error small.
      expect(workloadRatio(retention)).toBeCloseTo(interval(0.9) / interval(retention), 1)
    }
  })

  it('uses the decay of the scheduler’s parameters', () => {
    expect(-(schedulerFor(DEFAULT_SETTINGS).parameters.w[20] ?? Number.NaN)).toBe(SCHEDULER_DECAY)
  })

  it('about 2.5× the reviews at 95%, fewer below 90%, and always rises with retention', () => {
    expect(workloadRatio(0.95)).toBeCloseTo(2.5, 1)
    expect(workloadRatio(0.8)).toBeLessThan(1)
    // With FSRS-5's decay of −0.5 the same step costs about 2.2×.
    expect(workloadRatio(0.95, -0.5)).toBeCloseTo(2.17, 2)
    fc.assert(
      fc.property(fc.integer({ min: 70, max: 96 }), (n) => {
        expect(workloadRatio((n + 1) / 100)).toBeGreaterThan(workloadRatio(n / 100))
      }),
    )
  })
})

describe('settings changed elsewhere', () => {
  const stored = formFromSettings({ ...DEFAULT_SETTINGS, newPerDay: 25 })

  it('finds the fields the learner edited, ignoring spaces around a value', () => {
    expect(editedFields(valid, valid)).toEqual([])
    expect(editedFields(withField({ newPerDay: ' 20 ', notebookClearStreak: '4' }), valid)).toEqual(['notebookClearStreak'])
  })

  it('shows the new stored values in untouched fields and keeps what the learner typed', () => {
    const typing = withField({ notebookClearStreak: '4' })
    expect(rebaseForm(typing, valid, stored)).toEqual({ ...stored, notebookClearStreak: '4' })
    // Typing the same value as the other save is no edit once it is stored.
    expect(editedFields(rebaseForm(withField({ newPerDay: '25' }), valid, stored), stored)).toEqual([])
  })

  it('saves only the edited fields', () => {
    const form = withField({ notebookClearStreak: '4' })
    const parsed = parseSettingsForm(form)
    if (!parsed.ok) throw new Error('valid form')
    expect(changedPatch(parsed.patch, form, valid)).toEqual({ notebookClearStreak: 4 })
  })
})
