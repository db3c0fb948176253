/**
 * Study settings: bounds, and reading stored values defensively (a field that is missing or
 * out of range falls back to its default, so an old or hand-edited row never breaks the app).
 */
import { DEFAULT_SETTINGS, type Settings } from './types'
import { isStep } from './fsrs'

export const RETENTION_MIN = 0.7
export const RETENTION_MAX = 0.97
export const CLEAR_STREAK_MIN = 1
export const CLEAR_STREAK_MAX = 5
export const MAX_INTERVAL_DAYS_MAX = 36_500
export const NEW_PER_DAY_MAX = 9_999
export const MAX_LEARNING_STEPS = 10

/**
 * The fields of the study settings, in the order the settings screen shows them: the one list
 * (the form shows all but the relearning steps, see settingsForm.ts; a backup's are checked
 * against it, see domain/backup/settings.ts).
 */
export const SETTING_FIELDS = ['retention', 'newPerDay', 'maxIntervalDays', 'learningSteps', 'relearningSteps', 'notebookClearStreak'] as const satisfies readonly (keyof Settings)[]
export type SettingField = (typeof SETTING_FIELDS)[number]

/** What a setting allows: a number between bounds, a whole number between bounds, or a list of at most `max` steps. */
export interface Allowed {
  rule: 'retention' | 'whole' | 'steps'
  min?: number
  max: number
}

/** What each setting allows, for the learner (a backup's note words it: backupSetting.allowed.<rule>): the bounds settingsErrors holds it to. */
export const SETTING_ALLOWED: { readonly [F in SettingField]: Allowed } = {
  retention: { rule: 'retention', min: RETENTION_MIN, max: RETENTION_MAX },
  newPerDay: { rule: 'whole', min: 0, max: NEW_PER_DAY_MAX },
  maxIntervalDays: { rule: 'whole', min: 1, max: MAX_INTERVAL_DAYS_MAX },
  learningSteps: { rule: 'steps', max: MAX_LEARNING_STEPS },
  relearningSteps: { rule: 'steps', max: MAX_LEARNING_STEPS },
  notebookClearStreak: { rule: 'whole', min: CLEAR_STREAK_MIN, max: CLEAR_STREAK_MAX },
}

type Check = (value: unknown) => string | null

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value)

const whole =
  ({ min = 0, max }: Allowed): Check =>
  (v) =>
    isInt(v) && v >= min && v <= max ? null : `must be a whole number from ${min} to ${max}`

const steps =
  ({ max }: Allowed, like: string): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && isStep(s)) ? null : `must be a list of at most ${max} steps like ${like}`

const checks: { [K in keyof Settings]-?: Check } = {
  retention: (v) =>
    typeof v === 'number' && v >= RETENTION_MIN && v <= RETENTION_MAX
      ? null
      : `must be a number from ${RETENTION_MIN} to ${RETENTION_MAX}`,
  newPerDay: whole(SETTING_ALLOWED.newPerDay),
  maxIntervalDays: whole(SETTING_ALLOWED.maxIntervalDays),
  learningSteps: steps(SETTING_ALLOWED.learningSteps, '"1m", "10m", "1h", "1d"'),
  relearningSteps: steps(SETTING_ALLOWED.relearningSteps, '"10m"'),
  notebookClearStreak: whole(SETTING_ALLOWED.notebookClearStreak),
}

/** Problems with a settings patch, one message per bad field ("retention: must be ..."). */
export function settingsErrors(patch: Partial<Record<keyof Settings, unknown>>): string[] {
  const errors: string[] = []
  for (const key of Object.keys(patch)) {
    if (!(SETTING_FIELDS as readonly string[]).includes(key)) {
      errors.push(`${key}: unknown setting`)
      continue
    }
    const value = patch[key as keyof Settings]
    if (value === undefined) continue
    const problem = checks[key as keyof Settings](value)
    if (problem) errors.push(`${key}: ${problem}`)
  }
  return errors
}

/** Stored settings (of any shape) with defaults for every missing or invalid field. */
export function normalizeSettings(raw: unknown): Settings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    learningSteps: [...DEFAULT_SETTINGS.learningSteps],
  }
  for (const key of SETTING_FIELDS) {
    if (!Object.hasOwn(source, key)) continue
    const value = source[key]
    if (checks[key](value) !== null) continue
    ;(settings as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...value] : value
  }
  return settings
}

