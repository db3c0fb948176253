import { computed, ref } from 'vue'

/** The parts of navigator.storage we use; each may be missing (older Safari, insecure origins, tests). */
export interface StorageManagerLike {
  persisted?: () => Promise<boolean>
  persist?: () => Promise<boolean>
  estimate?: () => Promise<{ usage?: number; quota?: number }>
}

function defaultManager(): StorageManagerLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManagerLike | undefined)
}

/** Runs a storage call, or gives undefined when the API is missing or refuses (never throws). */
async function attempt<T>(call: (() => Promise<T>) | undefined): Promise<T | undefined> {
  if (typeof call !== 'function') return undefined
  try {
    return await call()
  } catch {
    return undefined
  }
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const

/** 1536 → "1.5 KB"; one decimal below 10 of a unit, whole numbers above (binary units). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Number.isFinite(bytes) ? Math.max(0, bytes) : 0
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${UNITS[unit]}`
}

/**
 * Whether the browser keeps this site's data for good, how much it uses, and a way to ask for
 * persistence. Every field stays null where the browser does not say.
 */
export function useStorageStatus(manager: StorageManagerLike | undefined = defaultManager()) {
  /** true/false as the browser reports; null when it cannot tell us. */
  const persisted = ref<boolean | null>(null)
  const usage = ref<number | null>(null)
  const quota = ref<number | null>(null)
  /** The last request for persistence was turned down. */
  const denied = ref(false)
  const canRequest = computed(() => typeof manager?.persist === 'function' && persisted.value !== true)

  async function refresh(): Promise<void> {
    const [isPersisted, estimate] = await Promise.all([
      attempt(manager?.persisted?.bind(manager)),
      attempt(manager?.estimate?.bind(manager)),
    ])
    persisted.value = typeof isPersisted === 'boolean' ? isPersisted : null
    usage.value = typeof estimate?.usage === 'number' ? estimate.usage : null
    quota.value = typeof estimate?.quota === 'number' ? estimate.quota : null
  }

  /** Asks the browser to keep the data (it may prompt, decide silently, or refuse). */
  async function requestPersist(): Promise<boolean> {
    const granted = (await attempt(manager?.persist?.bind(manager))) === true
    denied.value = !granted
    if (granted) persisted.value = true
    else await refresh()
    return granted
  }

  const ready = refresh()
  return { persisted, usage, quota, denied, canRequest, refresh, requestPersist, ready }
}
