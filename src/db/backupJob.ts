/**
 * Importing a backup file as a job the screen can follow and cancel: read (only after its size
 * is checked), check every record a slice at a time, find clashing question sets, then write in
 * bulk. A big backup (100,000 log entries is about 50 MB) takes seconds of parsing and writing,
 * so the app runs the job in a worker (backup.worker.ts) and the page never freezes; where a
 * worker cannot reach the database (the in-memory fallback, tests) it runs here, in slices that
 * yield between them.
 */
import {
  findSetConflicts,
  parseBackupSteps,
  type BackupFile,
  type BackupProblem,
  type BuiltInIds,
  type SetConflict,
} from '@/domain/backup/format'
import type { ImportMode, ImportSummary } from '@/domain/backup/merge'
import type { SettingNote } from '@/domain/backup/settings'
import { decodeBackup } from '@/domain/backup/read'
import { importProgress, isEmpty } from './backup'
import type { StudyDB } from './database'
import { importedQuestionIds, readImportedSets } from './importedQuestions'
import { syncBank } from './progress'
import { isQuotaError } from './quota'
import { yieldToMain } from '@/composables/yieldToMain'

/** 300 MB: several years of daily study; far beyond that is not a backup of this app. */
export const MAX_BACKUP_BYTES = 300 * 1024 * 1024

export type CheckResult =
  /** What is wrong with the file, as data the screen words in the learner's language. */
  | { status: 'invalid'; problems: BackupProblem[] }
  /** The file is bigger than MAX_BACKUP_BYTES; it was not read. */
  | { status: 'tooBig'; bytes: number }
  /** Imported sets of the backup clash with built-in ones: refused whatever the mode. */
  | { status: 'conflict'; conflicts: SetConflict[] }
  /**
   * Ready to write. `empty`: there is no progress here yet. `mergeConflicts`: sets that clash with
   * sets imported on this device (a merge is refused; a replace drops ours, so it may go ahead).
   */
  | { status: 'ready'; empty: boolean; mergeConflicts: SetConflict[] }
  | { status: 'cancelled' }

export type Phase = 'read' | 'check' | 'write'
export type OnProgress = (phase: Phase, done: number) => void

export type ApplyResult =
  /** Written; `notes`: the file's settings that were not valid and so not written (said to the learner). */
  | { status: 'done'; summary: ImportSummary; notes: SettingNote[] }
  | { status: 'conflict'; conflicts: SetConflict[] }
  | { status: 'cancelled' }

/** The built-in bank as the job needs it: its ids (clashes) and each question with its set (reconciling). */
export interface BuiltInBank extends BuiltInIds {
  questions: readonly { id: string; setId: string }[]
}

export interface BackupJob {
  check(file: Blob, builtIn: BuiltInBank, onProgress: OnProgress): Promise<CheckResult>
  apply(mode: ImportMode, onProgress: OnProgress): Promise<ApplyResult>
  /** Stops the running step; a write in progress is rolled back. */
  cancel(): void
  /** Forgets the checked file (and ends the worker). */
  close(): void
}

/** An error as it can cross from a worker: its name, message, and whether storage was full. */
export interface ErrorInfo {
  name: string
  message: string
  quota: boolean
}

export function errorInfo(e: unknown): ErrorInfo {
  return e instanceof Error || e instanceof DOMException
    ? { name: e.name, message: e.message, quota: isQuotaError(e) }
    : { name: 'Error', message: String(e), quota: false }
}

export function errorFrom(info: ErrorInfo): Error {
  const error = new Error(info.message)
  // A full disk keeps the name that describeError() recognises, whatever wrapped it.
  error.name = info.quota ? 'QuotaExceededError' : info.name
  return error
}

/**
 * Whether a backup holds a card or notebook entry for a question neither the built-in bank nor
 * its own imported sets have. (Such progress may still be for a set imported here: syncBank then
 * finds it in the bank and leaves it.)
 */
function holdsUnknownProgress(backup: BackupFile, bank: BuiltInBank['questions']): boolean {
  const known = new Set(bank.map((q) => q.id))
  for (const record of backup.importedSets) for (const q of record.set.questions) known.add(q.id)
  return backup.cards.some((c) => !known.has(c.questionId)) || backup.notebook.some((n) => !known.has(n.questionId))
}

/** The job on this thread, against `db`. */
export function inlineBackupJob(db: StudyDB): BackupJob {
  let backup: BackupFile | null = null
  let bank: BuiltInBank['questions'] = []
  let notes: SettingNote[] = []
  let mergeConflicts: SetConflict[] = []
  let controller = new AbortController()

  return {
    async check(file, builtIn, onProgress) {
      controller = new AbortController()
      const { signal } = controller
      backup = null
      bank = builtIn.questions
      if (file.size > MAX_BACKUP_BYTES) return { status: 'tooBig', bytes: file.size }
      onProgress('read', 0)
      let bytes: Uint8Array
      try {
        bytes = new Uint8Array(await file.arrayBuffer())
      } catch {
        // Moved, renamed, deleted or changed since it was chosen (NotFoundError, NotReadableError).
        return { status: 'invalid', problems: [{ code: 'unreadable', name: file instanceof File ? file.name : '' }] }
      }
      if (signal.aborted) return { status: 'cancelled' }
      const decoded = decodeBackup(bytes)
      if (!decoded.ok) return { status: 'invalid', problems: [decoded.problem] }
      const steps = parseBackupSteps(decoded.text)
      for (;;) {
        const step = steps.next()
        if (step.done === true) {
          if (!step.value.ok) return { status: 'invalid', problems: step.value.problems }
          backup = step.value.backup
          notes = step.value.notes
          break
        }
        onProgress('check', step.value)
        await yieldToMain()
        if (signal.aborted) return { status: 'cancelled' }
      }
      const fatal = findSetConflicts(backup, builtIn, [])
      if (fatal.length > 0) {
        backup = null
        return { status: 'conflict', conflicts: fatal }
      }
      // Every imported question here is read only when the backup has sets to compare them with.
      const ours = backup.importedSets.length > 0 ? await readImportedSets(db) : []
      mergeConflicts = findSetConflicts(backup, builtIn, ours)
      return { status: 'ready', empty: await isEmpty(db), mergeConflicts }
    },

    async apply(mode, onProgress) {
      if (backup === null) throw new Error('There is no checked backup to import.')
      if (mode === 'merge' && mergeConflicts.length > 0) return { status: 'conflict', conflicts: mergeConflicts }
      controller = new AbortController()
      const { signal } = controller
      onProgress('write', 0)
      try {
        const written = backup
        const summary = await importProgress(db, written, mode, { signal, onProgress: (done) => onProgress('write', done) })
        backup = null
        // Progress for questions this app does not have (a question since removed, a set deleted
        // here) goes to the archive now, as start-up would, rather than being counted as due until
        // the next start-up. Kept, never dropped: it comes back with its question. Only when the
        // file holds such progress: reconciling reads every card (seconds at 100,000).
        if (holdsUnknownProgress(written, bank)) await syncBank(db, [...bank, ...(await importedQuestionIds(db))], Date.now())
        return { status: 'done', summary, notes }
      } catch (e) {
        if (signal.aborted) return { status: 'cancelled' }
        throw e
      }
    },

    cancel() {
      controller.abort()
    },

    close() {
      controller.abort()
      backup = null
    },
  }
}

// ---------------------------------------------------------------------------------------------
// The worker's side of the conversation (backup.worker.ts relays these messages to an inline job).

export type ToWorker =
  | { id: number; type: 'check'; file: Blob; builtIn: { setIds: string[]; questions: { id: string; setId: string }[] } }
  | { id: number; type: 'apply'; mode: ImportMode }
  | { type: 'cancel' }

export type FromWorker =
  | { type: 'progress'; phase: Phase; done: number }
  | { id: number; type: 'result'; value: CheckResult | ApplyResult }
  | { id: number; type: 'error'; error: ErrorInfo }

/** The worker's script could not be loaded or run (offline before its first use, see below). */
export class WorkerStartError extends Error {
  override name = 'WorkerStartError'
}

/** The job in a worker: same answers as inlineBackupJob, with the page left free. */
export function workerBackupJob(): BackupJob {
  const worker = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'backup-import' })
  let heard = false
  let next = 0
  let onProgress: OnProgress = () => {}
  const waiting = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>()

  worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
    heard = true
    const message = event.data
    if (message.type === 'progress') return onProgress(message.phase, message.done)
    const call = waiting.get(message.id)
    if (!call) return
    waiting.delete(message.id)
    if (message.type === 'result') call.resolve(message.value as never)
    else call.reject(errorFrom(message.error))
  })
  worker.addEventListener('error', (event) => {
    const reason = `The import could not run: ${event.message || 'the worker failed to start'}`
    const error = heard ? new Error(reason) : new WorkerStartError(reason)
    for (const call of waiting.values()) call.reject(error)
    waiting.clear()
  })

  function ask<T>(message: ToWorker & { id: number }, progress: OnProgress): Promise<T> {
    onProgress = progress
    return new Promise<T>((resolve, reject) => {
      waiting.set(message.id, { resolve: resolve as (v: never) => void, reject })
      worker.postMessage(message)
    })
  }

  return {
    check(file, builtIn, progress) {
      const ids = { setIds: [...builtIn.setIds], questions: builtIn.questions.map(({ id, setId }) => ({ id, setId })) }
      return ask({ id: ++next, type: 'check', file, builtIn: ids }, progress)
    },
    apply(mode, progress) {
      return ask({ id: ++next, type: 'apply', mode }, progress)
    },
    cancel() {
      worker.postMessage({ type: 'cancel' } satisfies ToWorker)
    },
    close() {
      worker.terminate()
      for (const call of waiting.values()) call.resolve({ status: 'cancelled' } as never)
      waiting.clear()
    },
  }
}

/**
 * The worker job where the worker starts; the same job on the page's thread (in slices that
 * yield) where it does not. The worker's file is not precached: a backup import is rare, and the
 * worker carries its own copy of the database code (about 48 KB gzip) that every learner would
 * download for it. So offline, before the first import online, the worker cannot load, and the
 * import runs here instead: slower to the eye, never lost.
 */
export function backupJobWithFallback(db: () => StudyDB): BackupJob {
  let current = workerBackupJob()
  let onPage = false
  return {
    async check(file, builtIn, progress) {
      try {
        return await current.check(file, builtIn, progress)
      } catch (e) {
        if (onPage || !(e instanceof WorkerStartError)) throw e
        current.close()
        current = inlineBackupJob(db())
        onPage = true
        return current.check(file, builtIn, progress)
      }
    },
    apply: (mode, progress) => current.apply(mode, progress),
    cancel: () => current.cancel(),
    close: () => current.close(),
  }
}
