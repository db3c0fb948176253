import { afterEach, describe, expect, it, vi } from 'vitest'
import { exportProgress } from './backup'
import { backupJobWithFallback, WorkerStartError, workerBackupJob } from './backupJob'
import { freshDB, T0 } from './test-utils'

const builtIn = { setIds: new Set<string>(), questionIds: new Set<string>() }

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
