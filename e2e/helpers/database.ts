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
