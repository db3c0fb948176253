/**
 * Backup files in and out of the database. The file's format, its checks and the merge rules are
 * the domain's (domain/backup/): this module reads what they compare and writes what they pick.
 * Export → reset → import gives back exactly the same database.
 */
import type { BackupFile } from '@/domain/backup/format'
import {
  MERGE_RULES,
  heldKeys,
  importable,
  isProgressSetting,
  mergeWrites,
  newLogEntries,
  recordCount,
  type ImportMode,
  type ImportSummary,
  type MergeRule,
} from '@/domain/backup/merge'
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/domain/backup/format'
import type { StudyDB } from './database'
import type { ImportedSetRecord } from './records'
import { dailyRecount, replaceDailyRows } from './stats'
import { importedTables, joinImportedSet, putImportedSets, readImportedSets } from './importedQuestions'
import { BANK_SIGNATURE_KEY } from './names'

export { parseBackup, type BackupProblem, type SetConflict } from '@/domain/backup/format'

// The daily stats are progress too (reset clears them), though derived: never exported.
function progressTables(db: StudyDB) {
  return [db.cards, db.reviews, db.attempts, db.notebook, db.settings, db.archive, db.daily]
}

/** Everything in the database, as a backup file (tables in key order). */
export function exportProgress(db: StudyDB, now: number): Promise<BackupFile> {
  return db.transaction('r', [...progressTables(db), ...importedTables(db)], async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    cards: await db.cards.toArray(),
    reviews: await db.reviews.toArray(),
    attempts: await db.attempts.toArray(),
    notebook: await db.notebook.toArray(),
    settings: (await db.settings.toArray()).filter(isProgressSetting),
    archive: await db.archive.toArray(),
    importedSets: await readImportedSets(db),
  }))
}

/** Records written per bulk call: each call is one short task, so the page stays responsive. */
export const WRITE_CHUNK = 1000

export interface ImportOptions {
  /** Called with the fraction written (0..1) after each bulk write. */
  onProgress?: (done: number) => void
  /** Aborting rolls the whole import back: nothing is written. */
  signal?: AbortSignal
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError')
}

/**
 * Writes a parsed backup, in one transaction, in bulk calls of WRITE_CHUNK records: 'replace'
 * makes the database the backup, 'merge' keeps what the domain's merge rules pick
 * (domain/backup/merge.ts: the newer record wins, log entries are never overwritten).
 * Returns how many records of each table were written. A failure or a cancel writes nothing.
 */
export function importProgress(
  db: StudyDB,
  incoming: BackupFile,
  mode: ImportMode,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const { onProgress, signal } = options
  checkAborted(signal)
  const backup = importable(incoming)
  const total = recordCount(backup)
  let done = 0
  const advance = (n: number) => {
    done += n
    onProgress?.(Math.min(done / total, 1))
    checkAborted(signal)
  }

  return db.transaction('rw', [...progressTables(db), ...importedTables(db)], async () => {
    // The imported cards may belong to questions this bank no longer has (or the other way
    // round): forgetting which bank was last reconciled makes the next start-up reconcile again.
    await db.settings.delete(BANK_SIGNATURE_KEY)
    if (mode === 'replace') {
      await Promise.all([...progressTables(db), ...importedTables(db)].map((table) => table.clear()))
      const add = async <T>(table: { bulkAdd(items: readonly T[]): Promise<unknown> }, items: readonly T[]): Promise<number> => {
        for (let start = 0; start < items.length; start += WRITE_CHUNK) {
          const slice = items.slice(start, start + WRITE_CHUNK)
          await table.bulkAdd(slice)
          advance(slice.length)
        }
        return items.length
      }
      // The daily totals are counted from the backup's log in memory, and each entry written
      // saying what it added (corrected where its claim is wrong), so the log is never read back.
      const recount = dailyRecount()
      recount.add(backup.reviews)
      const { rows, recounted } = recount.finish()
      const summary: ImportSummary = {
        cards: await add(db.cards, backup.cards),
        reviews: await add(db.reviews, backup.reviews.map(recounted)),
        attempts: await add(db.attempts, backup.attempts),
        notebook: await add(db.notebook, backup.notebook),
        settings: await add(db.settings, backup.settings),
        archive: await add(db.archive, backup.archive),
        importedSets: await add({ bulkAdd: (sets: readonly ImportedSetRecord[]) => putImportedSets(db, sets) }, backup.importedSets),
      }
      await replaceDailyRows(db.daily, rows)
      return summary
    }

    // Keeps each incoming record that is new here or newer than ours. The keys we hold are read
    // first (keys only, one request): only records that exist on both sides are read to compare.
    const merge = async <T>(
      table: {
        toCollection(): { primaryKeys(): Promise<unknown[]> }
        bulkGet(keys: string[]): Promise<(T | undefined)[]>
        bulkPut(items: readonly T[]): Promise<unknown>
      },
      incoming: readonly T[],
      rule: MergeRule<T>,
    ): Promise<number> => {
      if (incoming.length === 0) return 0
      const held = new Set(await table.toCollection().primaryKeys())
      let written = 0
      for (let start = 0; start < incoming.length; start += WRITE_CHUNK) {
        const slice = incoming.slice(start, start + WRITE_CHUNK)
        const keys = heldKeys(rule, slice, held)
        const ours = keys.length > 0 ? await table.bulkGet(keys) : []
        const byKey = new Map<string, T>()
        keys.forEach((key, i) => {
          if (ours[i] !== undefined) byKey.set(key, ours[i])
        })
        const writes = mergeWrites(rule, slice, held, byKey)
        if (writes.length > 0) await table.bulkPut(writes)
        written += writes.length
        advance(slice.length)
      }
      return written
    }

    // Log entries are never overwritten: those already here are read and the daily totals
    // recounted, in memory, from them and the new ones before anything is written. So each new
    // entry is written once, already saying what it added to its day (a merge can make an
    // earlier review of a question on a day the first), rather than written, read back and
    // corrected; of ours, only the entries whose claim the merge made wrong are written again.
    const before = backup.reviews.length > 0 ? await db.reviews.toArray() : []
    const added = newLogEntries(backup.reviews, new Set(before.map((r) => r.id)))
    const recount = dailyRecount()
    if (added.length > 0) {
      recount.add(before)
      recount.add(added)
    }
    const { rows, recounted } = recount.finish()
    if (added.length < backup.reviews.length) advance(backup.reviews.length - added.length)
    for (let start = 0; start < added.length; start += WRITE_CHUNK) {
      const slice = added.slice(start, start + WRITE_CHUNK).map(recounted)
      await db.reviews.bulkAdd(slice)
      advance(slice.length)
    }
    const summary: ImportSummary = {
      cards: await merge(db.cards, backup.cards, MERGE_RULES.cards),
      reviews: added.length,
      attempts: await merge(db.attempts, backup.attempts, MERGE_RULES.attempts),
      notebook: await merge(db.notebook, backup.notebook, MERGE_RULES.notebook),
      settings: await merge(db.settings, backup.settings, MERGE_RULES.settings),
      archive: await merge(db.archive, backup.archive, MERGE_RULES.archive),
      importedSets: await merge(importedSetsByInfo(db), backup.importedSets, MERGE_RULES.importedSets),
    }
    if (added.length > 0) {
      const changed = before.filter((log) => recounted(log) !== log).map(recounted)
      if (changed.length > 0) await db.reviews.bulkPut(changed)
      await replaceDailyRows(db.daily, rows)
    }
    return summary
  })
}

/**
 * The imported sets as the merge above reads and writes them: keys and the rows it compares
 * (`updatedAt`) from the info table, and each set written with its questions.
 */
function importedSetsByInfo(db: StudyDB) {
  return {
    toCollection: () => db.importedSetInfo.toCollection(),
    bulkGet: async (keys: string[]) =>
      (await db.importedSetInfo.bulkGet(keys)).map((info) => info && joinImportedSet(info, [])),
    bulkPut: (sets: readonly ImportedSetRecord[]) => putImportedSets(db, sets),
  }
}

/** Deletes all progress (cards, log, attempts, notebook, settings, archive, daily stats); imported sets stay. */
export async function resetProgress(db: StudyDB): Promise<void> {
  await db.transaction('rw', progressTables(db), async () => {
    for (const table of progressTables(db)) await table.clear()
  })
}

/** True when there is no progress at all (imported sets do not count). */
export async function isEmpty(db: StudyDB): Promise<boolean> {
  const counts = await db.transaction('r', progressTables(db), () =>
    Promise.all(
      progressTables(db).map((table) =>
        // The app's own bookkeeping row is written at every start-up: it is not progress.
        table === db.settings ? table.filter(isProgressSetting).count() : table.count(),
      ),
    ),
  )
  return counts.every((n) => n === 0)
}
