/** For store tests (imported by tests only): each test starts with a fresh Pinia and ends by deleting the app's database. */
import { afterEach, beforeEach } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDB } from '@/db/database'

export function freshStoresEachTest(): void {
  beforeEach(() => {
    setActivePinia(createPinia())
  })
  afterEach(async () => {
    const db = getDB()
    db.close()
    await db.delete()
  })
}
