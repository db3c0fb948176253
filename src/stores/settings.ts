import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { exportProgress, importProgress, isEmpty, parseBackup, resetProgress, type BackupFile } from '@/db/backup'
import { getDB } from '@/db/database'
import { useAppStore } from './app'

export type ImportMode = 'merge' | 'replace'

/** Where an import stands after the file was read. */
export type ImportStart =
  | { status: 'invalid'; errors: string[] }
  /** There is progress already: the learner must choose merge or replace (finishImport). */
  | { status: 'choose' }
  | { status: 'done' }

const pad = (n: number) => String(n).padStart(2, '0')

/** qwen-study-backup-YYYY-MM-DD.json, by the learner's local date. */
export function backupFileName(now: number): string {
  const d = new Date(now)
  return `qwen-study-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`
}

/** Backup, import and reset of the learner's progress (the settings screen's database work). */
export const useSettingsStore = defineStore('settings', () => {
  const busy = ref(false)
  // The parsed file waiting for the learner's merge/replace choice.
  const pending = shallowRef<BackupFile | null>(null)

  async function run<T>(work: () => Promise<T>): Promise<T> {
    busy.value = true
    try {
      return await work()
    } finally {
      busy.value = false
    }
  }

  /** All progress as a pretty-printed JSON file. */
  function exportBackup(now: number = Date.now()): Promise<{ blob: Blob; filename: string }> {
    return run(async () => {
      const backup = await exportProgress(getDB(), now)
      const blob = new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' })
      return { blob, filename: backupFileName(now) }
    })
  }

  /**
   * Reads a backup file's text. An invalid file changes nothing; into an empty database it is
   * imported at once; otherwise it waits for finishImport(mode) or cancelImport().
   */
  function startImport(text: string): Promise<ImportStart> {
    return run(async () => {
      pending.value = null
      const parsed = parseBackup(text)
      if (!parsed.ok) return { status: 'invalid', errors: parsed.errors }
      if (await isEmpty(getDB())) {
        // Merge, not replace: replace would also drop imported question sets, which are not progress.
        await apply(parsed.backup, 'merge')
        return { status: 'done' }
      }
      pending.value = parsed.backup
      return { status: 'choose' }
    })
  }

  /** Imports the file that startImport() held back. False when there is none. */
  function finishImport(mode: ImportMode): Promise<boolean> {
    return run(async () => {
      const backup = pending.value
      if (!backup) return false
      pending.value = null
      await apply(backup, mode)
      return true
    })
  }

  function cancelImport(): void {
    pending.value = null
  }

  async function apply(backup: BackupFile, mode: ImportMode): Promise<void> {
    await importProgress(getDB(), backup, mode)
    await useAppStore().reloadSettings()
  }

  /** Deletes all progress (imported question sets stay). */
  function reset(): Promise<void> {
    return run(async () => {
      await resetProgress(getDB())
      await useAppStore().reloadSettings()
    })
  }

  return { busy, exportBackup, startImport, finishImport, cancelImport, reset }
})
