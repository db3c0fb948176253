import type { DbApi } from '@/db/api'

let loading: Promise<DbApi> | null = null

/**
 * The database layer for the stores that the first screen uses, loaded on demand so Dexie is
 * not part of the first download. (Stores of lazily loaded screens import src/db directly.)
 */
export function dbApi(): Promise<DbApi> {
  loading ??= import('@/db/api')
  return loading
}
