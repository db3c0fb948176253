// The app's IndexedDB database, opened from a test's page to check (or hold) what is stored,
// beside the app and without its code.
import type { JSHandle, Page } from '@playwright/test'

/** The database's name, as the app opens it (src/db/names.ts). */
export const APP_DATABASE = 'qwen-study'

/**
 * Opens the app's database in `page` (at its current version) and returns a handle to it: run
 * code on it with `db.evaluate((db, arg) => …, arg)`, and close it when done (`withAppDatabase`
 * does both).
 */
export function openAppDatabase(page: Page): Promise<JSHandle<IDBDatabase>> {
  return page.evaluateHandle(
    (name) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onsuccess = () => resolve(open.result)
        open.onerror = () => reject(open.error)
      }),
    APP_DATABASE,
  )
}

/** Runs `read` on the app's database in `page` with `arg`, then closes the database. */
export async function withAppDatabase<R, Arg>(page: Page, read: (db: IDBDatabase, arg: Arg) => R | Promise<R>, arg?: Arg): Promise<R> {
  const db = await openAppDatabase(page)
  try {
    return await db.evaluate(read as (db: IDBDatabase, arg: unknown) => R | Promise<R>, arg)
  } finally {
    await db.evaluate((d) => d.close())
    await db.dispose()
  }
}

/**
 * Holds every answer's write back, as a slow disk would, until `release()`: a readwrite
 * transaction on the review log, kept going from a blank window of the app's origin that
 * `opener` (a page of the app) opens, where the app does not run (IndexedDB runs overlapping
 * readwrite transactions one after the other, so each write of an answer waits behind it). A
 * page of the app closed meanwhile never writes what it sent; the window outlives its opener.
 */
export async function holdAnswerWrites(opener: Page): Promise<{ release: () => Promise<void> }> {
  const [page] = await Promise.all([opener.context().waitForEvent('page'), opener.evaluate(() => void window.open('about:blank', '_blank'))])
  const db = await openAppDatabase(page)
  await db.evaluate(
    (d) =>
      new Promise<void>((held, failed) => {
        const store = d.transaction('reviews', 'readwrite').objectStore('reviews')
        const w = window as unknown as { __releaseWrites?: boolean }
        w.__releaseWrites = false
        // A transaction commits once no request is left: one more each time, until released.
        // Running from its first answer on: every write of an answer queues behind it.
        const next = () => {
          const req = store.get('hold')
          req.onsuccess = () => {
            held()
            if (!w.__releaseWrites) next()
          }
          req.onerror = () => failed(req.error)
        }
        next()
      }),
  )
  return {
    release: async () => {
      await page.evaluate(() => void ((window as unknown as { __releaseWrites?: boolean }).__releaseWrites = true))
      await db.evaluate((d) => d.close())
      await db.dispose()
      await page.close()
    },
  }
}

/** The answers a page of the app has sent and not stored yet, as their log ids. */
export function answersNotStored(page: Page): Promise<string[]> {
  const prefix = 'qwen-study.pending-answer:'
  return page.evaluate((p) => Object.keys(localStorage).flatMap((k) => (k.startsWith(p) ? [k.slice(p.length)] : [])), prefix)
}
