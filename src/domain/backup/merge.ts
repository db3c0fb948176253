/**
 * How a backup joins what is already here. 'replace' makes the database the backup; 'merge'
 * takes the union, and where both sides hold a record (same key), the newer one wins whole: a
 * card by its last review, an attempt (with its flagged questions) by updatedAt, a notebook
 * entry (with its streak day) by its last change, a setting by updatedAt, an archived question
 * by archivedAt, an imported set by updatedAt (the study settings field by field: combineSettings). Log entries are never overwritten: those not
 * held here are added. db/backup.ts reads the records these rules compare and writes what they pick.
 */
import { reviewedLater } from '@/domain/scheduling/types'
import type { NotebookEntry } from '@/domain/session/notebook'
import { BANK_SIGNATURE_KEY, STUDY_SETTINGS_KEY, type ReviewLogRecord, type SettingRecord } from '@/domain/progress/records'
import type { BackupFile } from './format'

export type ImportMode = 'merge' | 'replace'

/** The record tables of a backup file. */
export type BackupTable = Exclude<keyof BackupFile, 'format' | 'version' | 'exportedAt'>

/** How many records of each table an import wrote. */
export type ImportSummary = Record<BackupTable, number>

const BACKUP_TABLES: readonly BackupTable[] = ['cards', 'reviews', 'attempts', 'notebook', 'settings', 'archive', 'importedSets']

/** A table's key, and when a record of the backup replaces ours. */
export interface MergeRule<T> {
  keyOf(item: T): string
  newer(theirs: T, ours: T): boolean
  /** What is written when theirs is newer than ours (theirs, unless said otherwise). */
  combine?(theirs: T, ours: T): T
}

const isFields = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The study settings are one row of fields: a newer row from the file wins field by field, so a
 * field it lacks (left out because its value was not valid, or written by an older version) keeps
 * our value instead of falling back to its default.
 */
function combineSettings(theirs: SettingRecord, ours: SettingRecord): SettingRecord {
  if (theirs.key !== STUDY_SETTINGS_KEY || !isFields(theirs.value) || !isFields(ours.value)) return theirs
  return { ...theirs, value: { ...ours.value, ...theirs.value } }
}

const orMinus = (n: number | null | undefined) => n ?? -Infinity
/** A notebook entry's last change: its latest miss, or its clearing. */
const touched = (e: NotebookEntry) => Math.max(e.lastWrongAt, orMinus(e.clearedAt))

/** The rules of every table a merge compares record by record (the log is only added to). */
export const MERGE_RULES: { [K in Exclude<BackupTable, 'reviews'>]: MergeRule<BackupFile[K][number]> } = {
  // A card is newer when it was reviewed later (a card never reviewed is oldest).
  cards: { keyOf: (c) => c.questionId, newer: reviewedLater },
  attempts: { keyOf: (a) => a.id, newer: (a, b) => a.updatedAt > b.updatedAt },
  notebook: { keyOf: (n) => n.questionId, newer: (a, b) => touched(a) > touched(b) },
  settings: { keyOf: (s) => s.key, newer: (a, b) => orMinus(a.updatedAt) > orMinus(b.updatedAt), combine: combineSettings },
  archive: { keyOf: (a) => a.questionId, newer: (a, b) => a.archivedAt > b.archivedAt },
  importedSets: { keyOf: (s) => s.id, newer: (a, b) => a.updatedAt > b.updatedAt },
}

/** False for the settings row that is this device's start-up bookkeeping (the bank signature): never exported, imported or counted as progress. */
export const isProgressSetting = (row: SettingRecord): boolean => row.key !== BANK_SIGNATURE_KEY

/** The backup as an import takes it: a file from an older export may carry another device's bank signature, never taken. */
export function importable(backup: BackupFile): BackupFile {
  return { ...backup, settings: backup.settings.filter(isProgressSetting) }
}

/** How many records an import goes through (at least 1: progress is a fraction of it). */
export function recordCount(backup: BackupFile): number {
  return BACKUP_TABLES.reduce((n, table) => n + backup[table].length, 0) || 1
}

/** The keys of `slice` that are held here: the only records of ours a merge reads to compare. */
export function heldKeys<T>(rule: MergeRule<T>, slice: readonly T[], held: ReadonlySet<unknown>): string[] {
  return slice.map(rule.keyOf).filter((key) => held.has(key))
}

/**
 * The records of `slice` a merge writes: those not held here, and those newer than ours.
 * `ours` holds our record for each held key that could be read.
 */
export function mergeWrites<T>(rule: MergeRule<T>, slice: readonly T[], held: ReadonlySet<unknown>, ours: ReadonlyMap<string, T>): T[] {
  const writes: T[] = []
  for (const item of slice) {
    const key = rule.keyOf(item)
    const mine = held.has(key) ? ours.get(key) : undefined
    if (mine === undefined) writes.push(item)
    else if (rule.newer(item, mine)) writes.push(rule.combine ? rule.combine(item, mine) : item)
  }
  return writes
}

/** The log entries a merge adds: those whose id is not held here (a held one is never overwritten). */
export function newLogEntries(reviews: readonly ReviewLogRecord[], held: ReadonlySet<string>): ReviewLogRecord[] {
  return reviews.filter((r) => !held.has(r.id))
}
