/**
 * A JSON value kept in web storage under one key, read and written synchronously (what keeps an
 * answer across a reload must be there before `unload`). Storage that is blocked, full, or holds
 * something that is not JSON reads as null and refuses the write (`write` says whether it kept
 * it): whoever uses it goes on, only without the copy. The storage is named by a function, so
 * that a browser that blocks it throws here, inside the guard, not where the module loads.
 */
export interface StoredJson<T> {
  read(): T | null
  /** Stores `value`, or removes the key for null. False when the storage refused it. */
  write(value: T | null): boolean
}

export function storedJson<T>(storage: () => Storage, key: string): StoredJson<T> {
  return {
    read() {
      try {
        const raw = storage().getItem(key)
        return raw ? (JSON.parse(raw) as T) : null
      } catch {
        return null
      }
    },
    write(value) {
      try {
        if (value === null) storage().removeItem(key)
        else storage().setItem(key, JSON.stringify(value))
        return true
      } catch {
        return false
      }
    },
  }
}
