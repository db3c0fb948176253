import { afterEach, describe, expect, it, vi } from 'vitest'
import { exportProgress } from './backup'
import { backupJobWithFallback, WorkerStartError, workerBackupJob } from './backupJob'
import { freshDB, T0 } from './test-utils'

const builtIn = { setIds: new Set<string>(), questionIds: new Set<string>(), questions: [] }

/** A Worker whose script never loads: its error event fires as soon as it is asked anything. */
class UnloadableWorker extends EventTarget {
  static made = 0
  constructor() {
    super()
    UnloadableWorker.made++
  }
  postMessage(): void {
    queueMicrotask(() => this.dispatchEvent(Object.assign(new Event('error'), { message: '' })))
  }
  terminate(): void {}
}

afterEach(() => {
  vi.unstubAllGlobals()
  UnloadableWorker.made = 0
})

describe('backupJobWithFallback', () => {
  it('says a worker that never started could not start', async () => {
    vi.stubGlobal('Worker', UnloadableWorker)
    const job = workerBackupJob()
    await expect(job.check(new Blob(['{}']), builtIn, () => {})).rejects.toBeInstanceOf(WorkerStartError)
  })

  it('checks and imports on the page when the worker cannot load (offline before its first use)', async () => {
    vi.stubGlobal('Worker', UnloadableWorker)
    const source = freshDB()
    const backup = await exportProgress(source, T0)
    source.close()
    const db = freshDB()
    const job = backupJobWithFallback(() => db)
    const checked = await job.check(new Blob([JSON.stringify(backup)]), builtIn, () => {})
    expect(UnloadableWorker.made).toBe(1)
    expect(checked.status).toBe('ready')
    const applied = await job.apply('merge', () => {})
    expect(applied.status).toBe('done')
    job.close()
    db.close()
  })
})

describe('a backup whose progress is for questions this app does not have', () => {
  it('keeps that progress in the archive at once, so no count shows cards no screen can show', async () => {
    const { inlineBackupJob } = await import('./backupJob')
    const { countDue } = await import('./progress')
    const { makeCard } = await import('./test-utils')
    const source = freshDB()
    await source.cards.bulkPut([makeCard({ questionId: 'q1', setId: 'set-a', due: T0 }), makeCard({ questionId: 'ghost', setId: 'gone', due: T0 })])
    const backup = await exportProgress(source, T0)
    source.close()
    const db = freshDB()
    const bank = { setIds: new Set(['set-a']), questionIds: new Set(['q1']), questions: [{ id: 'q1', setId: 'set-a' }] }
    const job = inlineBackupJob(db)
    expect((await job.check(new Blob([JSON.stringify(backup)]), bank, () => {})).status).toBe('ready')
    expect((await job.apply('merge', () => {})).status).toBe('done')
    expect(await countDue(db, T0 + 1)).toBe(1)
    expect((await db.cards.toArray()).map((c) => c.questionId)).toEqual(['q1'])
    // Kept, not dropped: it comes back if its question does.
    expect((await db.archive.get('ghost'))?.card?.questionId).toBe('ghost')
    db.close()
  })
})
