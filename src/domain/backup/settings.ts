/**
 * The settings of a backup file. The app reads its study settings defensively (a field that is
 * missing or out of range falls back to its default), so a bad value in a backup would be
 * imported and then quietly read as something else. A backup's settings are checked instead,
 * field by field, with the rules of saveSettings (settingsErrors): a bad value is not imported,
 * and the learner is told which setting, what the file held, what is allowed and what the setting
 * is now. Everything else in the file is imported as usual; nothing saved here is lost (a merge
 * keeps our value of a field the file's row lacks, see merge.ts).
 */
import { SETTING_FIELDS, settingsErrors, type SettingField } from '@/domain/scheduling/settings'
import { DEFAULT_RELEARNING_STEPS, type Settings } from '@/domain/scheduling/types'
import { BANK_SIGNATURE_KEY, STUDY_SETTINGS_KEY, type SettingRecord } from '@/domain/progress/records'

/** A setting's value as it is in use, the same in every language: `0.9`, `20`, `["1m","10m"]`. */
export function settingValue(settings: Settings, field: SettingField): string {
  const value = field === 'relearningSteps' ? (settings.relearningSteps ?? DEFAULT_RELEARNING_STEPS) : settings[field]
  return typeof value === 'number' ? String(value) : JSON.stringify(value)
}

/** A setting of the file that was not imported, as data the screen words in the learner's language (backupSetting.*). */
export type SettingNote =
  /** A study setting whose value breaks its rule; `got` is the value, short, as the file holds it. */
  | { code: 'invalid'; path: string; field: SettingField; got: string }
  /** A field of the study settings that this app does not have (`language`, `theme`...). */
  | { code: 'unknownField'; path: string; field: string }
  /** The study settings are not an object of fields at all. */
  | { code: 'notObject'; path: string; got: string }
  /** A settings row under a key no backup of this app holds. */
  | { code: 'unknownKey'; path: string; key: string }

/** A value, short and the same in every language: `7`, `"many"`, `["5x"]`, `{…}`. */
function shortValue(value: unknown): string {
  const text = typeof value === 'object' && value !== null && !Array.isArray(value) ? '{…}' : (JSON.stringify(value) ?? String(value))
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

const isField = (key: string): key is SettingField => (SETTING_FIELDS as readonly string[]).includes(key)
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The settings rows of a backup as an import takes them: the study settings without the fields
 * that break a rule or that this app does not have, no row under a key this app does not keep;
 * and a note for each thing left out. The device's bookkeeping row (the bank signature) is left
 * out without a note: it is never the learner's.
 */
export function checkBackupSettings(rows: readonly SettingRecord[]): { rows: SettingRecord[]; notes: SettingNote[] } {
  const kept: SettingRecord[] = []
  const notes: SettingNote[] = []
  rows.forEach((row, index) => {
    const path = `settings[${index}]`
    if (row.key === BANK_SIGNATURE_KEY) return
    if (row.key !== STUDY_SETTINGS_KEY) {
      notes.push({ code: 'unknownKey', path: `${path}.key`, key: row.key })
      return
    }
    if (!isObject(row.value)) {
      notes.push({ code: 'notObject', path: `${path}.value`, got: shortValue(row.value) })
      return
    }
    const value: Record<string, unknown> = {}
    for (const [field, fieldValue] of Object.entries(row.value)) {
      const at = `${path}.value.${field}`
      if (!isField(field)) notes.push({ code: 'unknownField', path: at, field })
      else if (settingsErrors({ [field]: fieldValue }).length > 0) notes.push({ code: 'invalid', path: at, field, got: shortValue(fieldValue) })
      else value[field] = fieldValue
    }
    kept.push({ ...row, value })
  })
  return { rows: kept, notes }
}
