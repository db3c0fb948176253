import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { exportProgress, resetProgress, type BackupProblem, type SetConflict } from '@/db/backup'
import { backupJobWithFallback, inlineBackupJob, MAX_BACKUP_BYTES, type BackupJob, type Phase } from '@/db/backupJob'
import { getDB } from '@/db/database'
import { dayKeyAt } from '@/db/localDays'
import type { SettingNote } from '@/domain/backup/settings'
import { useAppStore } from './app'
import { useBankStore } from './bank'

export type ImportMode = 'merge' | 'replace'

/** Where an import stands after the file was read and checked. */
export type ImportStart =
  | { status: 'invalid'; problems: BackupProblem[] }
  /** Bigger than any backup of this app: not read at all. */
  | { status: 'tooBig'; bytes: number; max: number }
  /** Imported sets in the file clash with sets the app has (nothing was written). */
  | { status: 'conflict'; conflicts: SetConflict[] }
  /** There is progress already: the learner must choose merge or replace (finishImport). */
  | { status: 'choose' }
  /** Imported; `notes`: the file's settings that were not valid and were left out. */
  | { status: 'done'; notes: SettingNote[] }
  | { status: 'cancelled' }

/** qwen-study-backup-YYYY-MM-DD.json, by the learner's local date. */
export function backupFileName(now: number): string {
  return `qwen-study-backup-${dayKeyAt(now)}.json`
}

/** Backup, import and reset of the learner's progress (the settings screen's database work). */
export const useSettingsStore = defineStore('settings', () => {
  const busy = ref(false)
  /** How far a backup import is (phase and 0..1), while one runs; null otherwise. */
  const progress = shallowRef<{ phase: Phase; done: number } | null>(null)
  // The job holding the checked file while the learner chooses merge or replace, or after a
  // write failed (a full disk): Retry writes it again without reading the file again.
  const job = shallowRef<BackupJob | null>(null)
  /** The mode of the last write that failed: what Retry repeats. */
  const failedMode = ref<ImportMode | null>(null)

  /** All progress as a pretty-printed JSON file. */
  function exportBackup(now: number = Date.now()): Promise<{ blob: Blob; filename: string }> {
    return run(async () => {
      const backup = await exportProgress(getDB(), now)
      const blob = new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' })
      return { blob, filename: backupFileName(now) }
    })
  }

  /** A worker where one can reach the database; here otherwise (the in-memory fallback, tests). */
  function newJob(): BackupJob {
    const inline = useAppStore().storageMode === 'memory' || typeof Worker === 'undefined' || import.meta.env.MODE === 'test'
    return inline ? inlineBackupJob(getDB()) : backupJobWithFallback(getDB)
  }

  function dropJob(): void {
    job.value?.close()
    job.value = null
    failedMode.value = null
  }

  const track = (phase: Phase, done: number) => {
    progress.value = { phase, done }
  }

  /** Runs `work` with the store busy (and the import's progress cleared before and after). */
  async function run<T>(work: () => Promise<T>): Promise<T> {
    busy.value = true
    progress.value = null
    try {
      return await work()
    } finally {
      busy.value = false
      progress.value = null
    }
  }

  /**
   * Reads and checks a backup file (its size first: a file far too big is never read). An
   * invalid or clashing file changes nothing; into a database without progress it is imported at
   * once; otherwise it waits for finishImport(mode) or cancelImport().
   */
  function startImport(file: Blob | string): Promise<ImportStart> {
    dropJob()
    const blob = typeof file === 'string' ? new Blob([file], { type: 'application/json' }) : file
    const current = newJob()
    job.value = current
    return run(async () => {
      const bank = useBankStore()
      const builtIn = {
        setIds: new Set(bank.builtInQuestionIds.map((q) => q.setId)),
        questionIds: new Set(bank.builtInQuestionIds.map((q) => q.id)),
        questions: bank.builtInQuestionIds,
      }
      const checked = await current.check(blob, builtIn, track)
      if (checked.status !== 'ready') {
        if (job.value === current) dropJob()
        if (checked.status === 'tooBig') return { status: 'tooBig', bytes: checked.bytes, max: MAX_BACKUP_BYTES }
        return checked
      }
      if (checked.empty) return write(current, 'merge')
      return { status: 'choose' }
    })
  }

  // Merge, not replace, into an empty database: replace would also drop imported question sets,
  // which are not progress.
  async function write(current: BackupJob, mode: ImportMode): Promise<ImportStart> {
    try {
      const result = await current.apply(mode, track)
      if (result.status === 'done') {
        if (job.value === current) dropJob()
        await useAppStore().showStoredSettings()
        return { status: 'done', notes: result.notes }
      }
      if (result.status === 'conflict') return { status: 'conflict', conflicts: result.conflicts }
      if (job.value === current) dropJob()
      return { status: 'cancelled' }
    } catch (e) {
      // Nothing was written (one transaction); the checked file stays for a retry.
      failedMode.value = mode
      throw e
    }
  }

  /** Imports the file that startImport() held back (again, after a failed write). False when there is none. */
  function finishImport(mode: ImportMode): Promise<ImportStart | false> {
    const current = job.value
    if (!current) return Promise.resolve(false)
    failedMode.value = null
    return run(() => write(current, mode))
  }

  /** Stops a check or write under way (a write is rolled back), or forgets the file waiting for a choice. */
  function cancelImport(): void {
    if (busy.value) job.value?.cancel()
    else dropJob()
  }

  /** Deletes all progress (imported question sets stay). */
  function reset(): Promise<void> {
    return run(async () => {
      await resetProgress(getDB())
      await useAppStore().showStoredSettings()
    })
  }

  return { busy, progress, failedMode, exportBackup, startImport, finishImport, cancelImport, reset }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSettingsStore, import.meta.hot))
