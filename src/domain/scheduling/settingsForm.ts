/**
 * The settings form: the study settings as the learner types them (strings), parsed back into a
 * settings patch with one specific, fixable problem per field; and the workload estimate shown
 * next to the retention slider. Bounds come from settings.ts, and settingsErrors() has the last
 * word, so the form can never accept what saveSettings() would refuse.
 */
import {
  MAX_LEARNING_STEPS,
  RETENTION_MAX,
  RETENTION_MIN,
  SETTING_ALLOWED,
  SETTING_FIELDS,
  settingsErrors,
  type Allowed,
  type SettingField,
} from './settings'
import type { Settings } from './types'

/** A field the form shows: every study setting but the relearning steps (kept at their default or a backup's value). */
export type FormField = Exclude<SettingField, 'relearningSteps'>

/** The form's fields, in the screen's order. */
export const FORM_FIELDS: readonly FormField[] = SETTING_FIELDS.filter((field): field is FormField => field !== 'relearningSteps')

/** Values as the inputs hold them: Vue's v-model gives a number for type="number" when it parses. */
export type SettingsFormValues = Record<FormField, string | number>

/** Why a field was refused; the view turns it into a sentence in the learner's language. */
export type FieldProblem =
  | { code: 'required' }
  | { code: 'notNumber'; value: string; min: number; max: number }
  | { code: 'notWhole'; value: string; min: number; max: number }
  | { code: 'range'; value: string; min: number; max: number }
  | { code: 'retentionRange'; min: number; max: number }
  | { code: 'badStep'; step: string }
  | { code: 'tooManySteps'; count: number; max: number }
  /** A problem only settingsErrors() found (its English reason). */
  | { code: 'other'; reason: string }

export type SettingsFormResult =
  | { ok: true; patch: Pick<Settings, FormField> }
  | { ok: false; problems: Partial<Record<FormField, FieldProblem>> }

// Stricter than isStep() (which also takes "1.5h"): whole numbers are what the hint promises.
const STEP = /^\d+[mhd]$/
// Learners type commas too, including the full-width ones of a Chinese keyboard.
const STEP_SEPARATORS = /[\s,，、;；]+/

/** The form's starting values for these settings. */
export function formFromSettings(settings: Settings): SettingsFormValues {
  return {
    retention: settings.retention,
    newPerDay: String(settings.newPerDay),
    maxIntervalDays: String(settings.maxIntervalDays),
    learningSteps: settings.learningSteps.join(' '),
    notebookClearStreak: String(settings.notebookClearStreak),
  }
}

/** "1m 10m" → ['1m', '10m']; also accepts commas and upper case ("1M, 10M"). */
export function splitSteps(text: string): string[] {
  return text
    .trim()
    .split(STEP_SEPARATORS)
    .filter((s) => s !== '')
    .map((s) => s.toLowerCase())
}

function parseWhole(raw: string | number, { min = 0, max }: Allowed): number | FieldProblem {
  const value = String(raw).trim()
  if (value === '') return { code: 'required' }
  const n = Number(value)
  if (!Number.isFinite(n)) return { code: 'notNumber', value, min, max }
  if (!Number.isInteger(n)) return { code: 'notWhole', value, min, max }
  if (n < min || n > max) return { code: 'range', value, min, max }
  return n
}

function parseRetention(raw: string | number): number | FieldProblem {
  const value = String(raw).trim()
  if (value === '') return { code: 'required' }
  // Two decimals: the slider's step arithmetic can leave 0.9000000000000001.
  const n = Math.round(Number(value) * 100) / 100
  if (!Number.isFinite(n) || n < RETENTION_MIN || n > RETENTION_MAX) {
    return { code: 'retentionRange', min: RETENTION_MIN, max: RETENTION_MAX }
  }
  return n
}

function parseSteps(raw: string | number): string[] | FieldProblem {
  const steps = splitSteps(String(raw))
  const bad = steps.find((s) => !STEP.test(s))
  if (bad !== undefined) return { code: 'badStep', step: bad }
  if (steps.length > MAX_LEARNING_STEPS) return { code: 'tooManySteps', count: steps.length, max: MAX_LEARNING_STEPS }
  return steps
}

const isProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'code' in value

/** The form's values as a settings patch, or every field's problem. */
export function parseSettingsForm(form: SettingsFormValues): SettingsFormResult {
  const parsed = {
    retention: parseRetention(form.retention),
    newPerDay: parseWhole(form.newPerDay, SETTING_ALLOWED.newPerDay),
    maxIntervalDays: parseWhole(form.maxIntervalDays, SETTING_ALLOWED.maxIntervalDays),
    learningSteps: parseSteps(form.learningSteps),
    notebookClearStreak: parseWhole(form.notebookClearStreak, SETTING_ALLOWED.notebookClearStreak),
  }
  const problems: Partial<Record<FormField, FieldProblem>> = {}
  for (const field of FORM_FIELDS) {
    const value = parsed[field]
    if (isProblem(value)) problems[field] = value
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems }

  const patch = parsed as Pick<Settings, FormField>
  // The store's own rules decide in the end ("retention: must be ...").
  for (const error of settingsErrors(patch)) {
    const colon = error.indexOf(': ')
    const field = error.slice(0, colon) as FormField
    if (FORM_FIELDS.includes(field)) problems[field] = { code: 'other', reason: error.slice(colon + 2) }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, patch }
}

/**
 * The forgetting curve's decay in the scheduler: ts-fsrs's default FSRS-6 parameters (w[20] =
 * 0.1542), which schedulerFor() uses. settingsForm.test.ts checks they still agree.
 */
export const SCHEDULER_DECAY = -0.1542
export const BASELINE_RETENTION = 0.9

/**
 * Roughly how many reviews this retention costs compared with `baseline`. An FSRS interval is
 * proportional to R^(1/decay) − 1 for the same memory stability, and the number of reviews to
 * the inverse of the interval, so the ratio is interval(baseline) / interval(R). It ignores the
 * extra relearning that a low retention brings, hence "roughly".
 */
export function workloadRatio(retention: number, decay: number = SCHEDULER_DECAY, baseline: number = BASELINE_RETENTION): number {
  const interval = (r: number) => r ** (1 / decay) - 1
  return interval(baseline) / interval(retention)
}

const sameValue = (a: string | number, b: string | number) => String(a).trim() === String(b).trim()

/** The fields the learner changed: those whose value differs from the one the form was filled with. */
export function editedFields(form: SettingsFormValues, base: SettingsFormValues): FormField[] {
  return FORM_FIELDS.filter((field) => !sameValue(form[field], base[field]))
}

/**
 * The form after the stored settings changed underneath it (another tab, an import): each field
 * the learner has not touched shows the new value; a field they edited keeps what they typed.
 */
export function rebaseForm(form: SettingsFormValues, oldBase: SettingsFormValues, newBase: SettingsFormValues): SettingsFormValues {
  const edited = new Set(editedFields(form, oldBase))
  const out = { ...newBase }
  for (const field of edited) out[field] = form[field]
  return out
}

/** Only the edited fields of a parsed patch: a save must not write back values it never changed. */
export function changedPatch(
  patch: Pick<Settings, FormField>,
  form: SettingsFormValues,
  base: SettingsFormValues,
): Partial<Pick<Settings, FormField>> {
  const out: Partial<Pick<Settings, FormField>> = {}
  for (const field of editedFields(form, base)) (out as Record<string, unknown>)[field] = patch[field]
  return out
}
