import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { StorageMode } from '@/db/boot'
import { DEFAULT_SETTINGS, type Settings } from '@/db/records'
import { useBankStore } from './bank'
import { describeError } from './describeError'
import { dbApi } from './dbApi'
import { yieldToMain } from '@/composables/yieldToMain'
import { firstLearnerAction } from '@/composables/firstLearnerAction'
import { databaseExists } from '@/db/exists'

const MINUTE = 60_000
/** The performance measure of start-up's database reads (see start()). */
export const STARTUP_READS = 'app: start-up reads'

/** A fingerprint of which questions are in which set (FNV-1a over the id list). */
export function bankSignature(ids: readonly { id: string; setId: string }[]): string {
  let h = 0x811c9dc5
  for (const { id, setId } of ids) {
    const s = `${setId}/${id};`
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  }
  return `${ids.length}:${(h >>> 0).toString(16)}`
}

/**
 * Where storage is blocked, merely reading `indexedDB` can throw. Dexie reads it (with
 * IDBKeyRange) once as it loads, and after a throw its range logic stays broken even for the
 * in-memory fallback (live queries over compound keys fail). So, before Dexie loads, an
 * unreadable `indexedDB` is made plainly absent; db/boot.ts then opens the in-memory copy.
 */
function settleUnreadableIndexedDB(): void {
  try {
    void globalThis.indexedDB
  } catch {
    try {
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true, writable: true })
    } catch {
      // Not redefinable: the app still opens in memory, with fewer live updates.
    }
  }
}

/**
 * App-wide state: the database connection and how it is stored, the study settings, the due
 * count shown in the navigation, and the conditions the banners report. The home screen draws
 * before the database opens (on a first visit, before it exists: see openWhenNeeded); screens
 * that need it wait for `whenReady()` (see router.ts).
 */
export const useAppStore = defineStore('app', () => {
  const ready = ref(false)
  const storageMode = ref<StorageMode>('indexeddb')
  const storageError = ref<string | null>(null)
  /** Why start-up failed after the database opened (its records could not be read); null otherwise. */
  const startError = ref<string | null>(null)
  /** Another tab upgraded the database: this one must reload. */
  const mustReload = ref(false)
  const settings = shallowRef<Settings>({ ...DEFAULT_SETTINGS })
  const dueCount = ref(0)
  /** A clock that ticks each minute, so "due now" moves on while the app stays open. */
  const now = ref(Date.now())

  let starting: Promise<void> | null = null
  /** Opens the database (once); resolves when every screen can use it. */
  function whenReady(): Promise<void> {
    // A failed start is not retried here (it would open a second connection and watchers): the
    // banner says why, and a reload starts afresh.
    starting ??= start().catch((e: unknown) => {
      startError.value = describeError(e)
      throw e
    })
    return starting
  }

  let markOpened: () => void = () => {}
  const opened = new Promise<void>((resolve) => (markOpened = resolve))
  /** Resolves once the database is open, without opening it (what a screen shows may wait; it need not start it). */
  function whenOpened(): Promise<void> {
    return opened
  }

  /**
   * Opens the database after the first screen. On a first visit this browser has stored
   * nothing, so the first screen has nothing to read from it: loading and creating the database
   * waits for the learner's first action (or the first screen that needs it, see router.ts)
   * instead of competing with them for the first seconds. A browser that cannot tell opens at once.
   */
  async function openWhenNeeded(action: () => Promise<void> = firstLearnerAction): Promise<void> {
    if ((await databaseExists()) === false) await action()
    await whenReady()
  }

  async function start(): Promise<void> {
    settleUnreadableIndexedDB()
    const db = await dbApi()
    // Each step in a task of its own (the database chunk has just been evaluated in this one):
    // start-up runs beside the first screen, which must stay responsive.
    await yieldToMain()
    const opened = await db.openStudyDB(() => {
      mustReload.value = true
    })
    storageMode.value = opened.mode
    storageError.value = opened.error ?? null
    await yieldToMain()
    // What start-up reads (the imported sets, the bank's signature, the settings, the due count)
    // is timed as a performance measure, for the benchmark and DevTools.
    const readsStart = performance.now()
    const bank = useBankStore()
    // The imported sets' info rows only: their questions are read by the screens that show them.
    const imported = await db.listImportedSetInfo(db.getDB())
    bank.setImported(imported)
    void bank.watchImported()
    // Progress of questions that left the bank is archived, and restored if they come back.
    // Reconciling reads every card, so do it only when the bank is not the one last reconciled;
    // the signature comes from the built-in index and each imported set's fingerprint of its ids.
    const signature = [bankSignature(bank.builtInQuestionIds), ...imported.map((r) => `${r.id}=${r.questionsHash}`)].join(' ')
    if ((await db.getSetting(db.getDB(), db.BANK_SIGNATURE_KEY)) !== signature) {
      const ids = [...bank.builtInQuestionIds, ...(await db.importedQuestionIds(db.getDB()))]
      await db.syncBank(db.getDB(), ids, Date.now())
      await db.setSetting(db.getDB(), db.BANK_SIGNATURE_KEY, signature)
    }
    settings.value = await db.getSettings(db.getDB())
    await watchSettings()
    setInterval(() => {
      now.value = Date.now()
      // The due count depends on the clock as well as the data: re-run it as time passes.
      void watchDue()
    }, MINUTE)
    await watchDue()
    performance.measure(STARTUP_READS, { start: readsStart })
    ready.value = true
    markOpened()
    // The questions themselves are for the next screen (home lists sets from the index): load
    // them once start-up is done. A screen that needs them first waits for them (router.ts).
    void yieldToMain().then(() => bank.ensureLoaded())
  }

  let unwatchDue: (() => void) | null = null
  async function watchDue(): Promise<void> {
    const db = await dbApi()
    unwatchDue?.()
    unwatchDue = db.observe(
      () => db.countDue(db.getDB(), Date.now()),
      (n) => {
        dueCount.value = n
      },
    )
  }

  let unwatchSettings: (() => void) | null = null
  /** Settings are live data: a save in another tab (or an import) shows here at once. */
  async function watchSettings(): Promise<void> {
    const db = await dbApi()
    unwatchSettings?.()
    unwatchSettings = db.observe(
      () => db.getSettings(db.getDB()),
      (next) => {
        // Every UI preference lives in the same table: only a real change is news.
        if (JSON.stringify(next) !== JSON.stringify(settings.value)) settings.value = next
      },
    )
  }

  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    const db = await dbApi()
    settings.value = await db.saveSettings(db.getDB(), patch, Date.now())
  }

  async function reloadSettings(): Promise<void> {
    const db = await dbApi()
    settings.value = await db.getSettings(db.getDB())
  }

  return {
    ready,
    storageMode,
    storageError,
    startError,
    mustReload,
    settings,
    dueCount,
    now,
    whenReady,
    whenOpened,
    openWhenNeeded,
    updateSettings,
    reloadSettings,
    watchSettings,
  }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAppStore, import.meta.hot))
