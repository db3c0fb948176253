import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { openStudyDB, type StorageMode } from '@/db/boot'
import { getDB } from '@/db/database'
import { countDue, getSettings, saveSettings, syncBank } from '@/db/progress'
import { observe } from '@/db/live'
import { DEFAULT_SETTINGS, type Settings } from '@/db/records'
import { useBankStore } from './bank'

const MINUTE = 60_000

/**
 * App-wide state: the database connection and how it is stored, the study settings, the due
 * count shown in the navigation, and the conditions the banners report.
 */
export const useAppStore = defineStore('app', () => {
  const ready = ref(false)
  const storageMode = ref<StorageMode>('indexeddb')
  const storageError = ref<string | null>(null)
  /** Another tab upgraded the database: this one must reload. */
  const mustReload = ref(false)
  const settings = shallowRef<Settings>({ ...DEFAULT_SETTINGS })
  const dueCount = ref(0)
  /** A clock that ticks each minute, so "due now" moves on while the app stays open. */
  const now = ref(Date.now())

  let started = false
  async function start(): Promise<void> {
    if (started) return
    started = true
    const opened = await openStudyDB(() => {
      mustReload.value = true
    })
    storageMode.value = opened.mode
    storageError.value = opened.error ?? null
    const bank = useBankStore()
    void bank.ensureLoaded()
    bank.watchImported()
    // Progress of questions that left the bank is archived, and restored if they come back.
    const ids = [...bank.builtInQuestionIds]
    const imported = await getDB().importedSets.toArray()
    for (const r of imported) for (const q of r.set.questions) ids.push({ id: q.id, setId: r.id })
    await syncBank(getDB(), ids, Date.now())
    settings.value = await getSettings(getDB())
    setInterval(() => {
      now.value = Date.now()
      // The due count depends on the clock as well as the data: re-run it as time passes.
      watchDue()
    }, MINUTE)
    watchDue()
    ready.value = true
  }

  let unwatchDue: (() => void) | null = null
  function watchDue(): void {
    unwatchDue?.()
    unwatchDue = observe(
      () => countDue(getDB(), Date.now()),
      (n) => {
        dueCount.value = n
      },
    )
  }

  async function updateSettings(patch: Partial<Settings>): Promise<void> {
    settings.value = await saveSettings(getDB(), patch, Date.now())
  }

  async function reloadSettings(): Promise<void> {
    settings.value = await getSettings(getDB())
  }

  return { ready, storageMode, storageError, mustReload, settings, dueCount, now, start, updateSettings, reloadSettings, watchDue }
})
