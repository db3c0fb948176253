import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { DbApi } from '@/db/api'
import type { StorageMode } from '@/db/boot'
import { DEFAULT_SETTINGS, type Settings } from '@/db/records'
import { useBankStore } from './bank'
import { describeError } from './describeError'
import { openPage, sentAnswers } from './pendingAnswer'
import type { ReplayNote } from './replayPendingAnswer'
import { dbApi } from './dbApi'
import { liveResource } from './liveResource'
import { yieldToMain } from '@/composables/yieldToMain'
import { databaseExists, settleUnreadableIndexedDB } from '@/db/exists'
import { unchangedImportedSets } from '@/domain/progress/bankSync'

const MINUTE = 60_000
/** The performance measure of start-up's database reads (see start()). */
export const STARTUP_READS = 'app: start-up reads'

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
  /** What the learner is told about answers a closed page left. */
  const replayNotes = ref<ReplayNote[]>([])
  /**
   * Settings are live data: a save here or in another tab, an import or a reset shows at once.
   * Every UI preference lives in the same table: only a real change is news.
   */
  const settingsLive = liveResource((db) => db.getSettings(db.getDB()), {
    initial: { ...DEFAULT_SETTINGS },
    same: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  })
  /**
   * Cards due now. The count moves with the clock as well as the data: the minute timer below
   * re-reads it without dropping the subscription. (Counting on the due index reads no card; a
   * live list of due times to count in memory would read every one.)
   */
  const due = liveResource((db) => db.countDue(db.getDB(), Date.now()), { initial: 0 })
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
   * waits for the learner's first action (`action`: App.vue listens for it from the first screen
   * on; or the first screen that needs it, see router.ts) instead of competing with them for the
   * first seconds. A browser that cannot tell opens at once.
   */
  async function openWhenNeeded(action: () => Promise<void>): Promise<void> {
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
    // What start-up reads before any screen may use the database (the imported sets, the bank's
    // signature, the settings) is timed as a performance measure, for the benchmark and DevTools.
    const readsStart = performance.now()
    const bank = useBankStore()
    // Side by side: the settings (they follow the database for the app's lifetime), the imported
    // sets' info rows only (their questions are read by the screens that show them), and the
    // signature of the bank last reconciled.
    const firstSettings = settingsLive.next()
    settingsLive.watch()
    const [imported, reconciled] = await Promise.all([bank.watchImported(), db.getSetting<string>(db.getDB(), db.BANK_SIGNATURE_KEY), firstSettings])
    // Progress of questions that left the bank is archived, and restored if they come back.
    // Reconciling reads every card, so do it only when the bank is not the one last reconciled
    // (bank.signature). A database created just now holds no progress: nothing to reconcile.
    const signature = bank.signature
    if (reconciled !== signature) {
      if (!opened.created) {
        // An imported set unchanged since then kept its progress in step: its cards are not read
        // (after an update of the built-in sets, 100,000 imported cards stay where they are).
        const kept = unchangedImportedSets(reconciled, imported)
        const changed = imported.filter((r) => !kept.has(r.id)).map((r) => r.id)
        const ids = [...bank.builtInQuestionIds, ...(await db.importedQuestionIds(db.getDB(), changed))]
        await db.syncBank(db.getDB(), ids, Date.now(), kept)
      }
      await db.setSetting(db.getDB(), db.BANK_SIGNATURE_KEY, signature)
    }
    followBankChanges(db, bank, signature)
    // An answer sent just before a reload, or before a tab was closed, is written now, before
    // any screen reads progress.
    openPage()
    if (sentAnswers().length > 0) await replayAnswers()
    // The due count labels home's review button and the header's badge; no screen waits for it.
    due.watch()
    setInterval(() => {
      now.value = Date.now()
      void due.refresh()
    }, MINUTE)
    performance.measure(STARTUP_READS, { start: readsStart })
    ready.value = true
    markOpened()
    void import('./quizzes').then(({ useQuizzesStore }) => useQuizzesStore().keepExamDeadlines())
  }

  /**
   * Saving or deleting an imported set restores or removes that set's progress in its own
   * transaction, so the database stays reconciled with the bank: the stored signature follows,
   * and the next start-up does not read every card again (seconds at 100,000). Only from the
   * signature this tab reconciled: anything else that changed it (a backup import forgets it)
   * still has the next start-up reconcile.
   */
  function followBankChanges(db: DbApi, bank: ReturnType<typeof useBankStore>, reconciled: string): void {
    let held: string | null = reconciled
    let writes = Promise.resolve()
    watch(
      () => bank.signature,
      (next) => {
        writes = writes.then(async () => {
          if (held === null || next === held) return
          const replaced = await db.replaceSetting(db.getDB(), db.BANK_SIGNATURE_KEY, held, next).catch(() => false)
          held = replaced ? next : null
        })
      },
    )
  }

  /** Writes the answers closed pages left (pendingAnswer.ts); its notes replace the earlier ones (none left: the notes go). */
  async function replayAnswers(): Promise<void> {
    const { replayPendingAnswers } = await import('./replayPendingAnswer')
    replayNotes.value = []
    await replayPendingAnswers(
      () => settingsLive.data.value,
      (n) => (replayNotes.value = [...replayNotes.value, n]),
    )
  }

  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    const db = await dbApi()
    await db.saveSettings(db.getDB(), patch, Date.now())
    await settingsLive.refresh()
  }

  return {
    ready,
    storageMode,
    storageError,
    startError,
    mustReload,
    replayNotes,
    replayAnswers,
    settings: settingsLive.data,
    dueCount: due.data,
    now,
    whenReady,
    whenOpened,
    openWhenNeeded,
    updateSettings,
    watchSettings: settingsLive.watch,
    showStoredSettings: settingsLive.refresh,
  }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAppStore, import.meta.hot))
