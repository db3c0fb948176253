import type { StorageManagerLike } from './useStorageStatus'

let requested: Promise<boolean | null> | null = null

/**
 * Asks the browser to keep this site's data for good, at most once per page load. Meant to be
 * called after the first answer is saved: by then the learner has something worth keeping, and
 * browsers that decide by engagement (Chromium) are more likely to grant it.
 * Resolves to the browser's answer, or null when it has no such API; never throws.
 */
export function requestPersistenceOnce(
  manager: StorageManagerLike | undefined = typeof navigator === 'undefined' ? undefined : navigator.storage,
): Promise<boolean | null> {
  requested ??= ask(manager)
  return requested
}

async function ask(manager: StorageManagerLike | undefined): Promise<boolean | null> {
  if (typeof manager?.persist !== 'function') return null
  try {
    // Already kept: asking again could show Firefox's prompt for nothing.
    if ((await manager.persisted?.()) === true) return true
    return await manager.persist()
  } catch {
    return null
  }
}
