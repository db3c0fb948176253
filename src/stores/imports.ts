import { acceptHMRUpdate, defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { downloadBlob } from '@/composables/useDownload'
import { yieldToMain } from '@/composables/yieldToMain'
import type { Lang } from '@/domain/content/describe'
import type { Localized } from '@/domain/content/schema'
import {
  decodeFile,
  exportSetJson,
  exportSetTsv,
  parseImportSteps,
  sizeIssue,
  type DecodeResult,
  type ImportOptions,
  type ImportResult,
} from '@/domain/import'
import { getDB } from '@/db/database'
import { deleteImportedSet, renameImportedSet, saveImportedSet } from '@/db/importedSets'
import { useBankStore } from './bank'

export type PreviewOptions = Omit<ImportOptions, 'idPrefix'>

export interface SavedImport {
  id: string
  name: string
  count: number
}

/** A fresh id prefix: "imp-" keeps imported ids apart from every built-in set id. */
function newPrefix(): string {
  return `imp-${crypto.randomUUID().replace(/-/g, '').slice(0, 10)}`
}

/** A file name from a set name: no path or reserved characters, never empty. */
export function fileNameFor(name: string, extension: 'json' | 'tsv'): string {
  const base = [...name]
    .filter((c) => c.charCodeAt(0) >= 0x20) // no control characters
    .join('')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80)
  return `${base === '' ? 'question-set' : base}.${extension}`
}

/**
 * Bring-your-own sets: preview an import (parse only), save it after the learner confirms, and
 * rename, delete or export sets. Parsing runs in slices so the progress bar keeps moving.
 */
export const useImportsStore = defineStore('imports', () => {
  const busy = ref(false)
  /** 0..1 while a preview is parsed; null when the work has no measurable progress (saving). */
  const progress = ref<number | null>(null)
  const result = shallowRef<ImportResult | null>(null)
  let prefix = newPrefix()
  let run = 0

  /** The file's text, or why it cannot be read (too big, not UTF-8 ...). */
  async function readFile(file: Blob): Promise<DecodeResult> {
    const big = sizeIssue(file.size)
    if (big) return { ok: false, errors: [big] }
    return decodeFile(new Uint8Array(await file.arrayBuffer()))
  }

  /**
   * Parses without saving. A newer preview supersedes an older one still running; the older
   * one then stops and returns null.
   */
  async function preview(text: string, options: PreviewOptions): Promise<ImportResult | null> {
    const mine = ++run
    busy.value = true
    progress.value = 0
    try {
      await yieldToMain()
      const steps = parseImportSteps(text, { ...options, idPrefix: prefix })
      for (;;) {
        if (mine !== run) return null
        const step = steps.next()
        if (step.done === true) {
          result.value = step.value
          return step.value
        }
        progress.value = step.value
        await yieldToMain()
      }
    } finally {
      if (mine === run) {
        busy.value = false
        progress.value = null
      }
    }
  }

  /** Forgets the preview (and any preview still running). */
  function clear(): void {
    run++
    result.value = null
    busy.value = false
    progress.value = null
  }

  /**
   * Saves the previewed set under `name`, with a new title when given (a CSV / TSV file has no
   * title of its own). Throws when there is nothing valid to save.
   */
  async function save(name: string, title?: Localized): Promise<SavedImport> {
    const current = result.value
    if (current === null || !current.ok) throw new Error('There is no valid set to save.')
    const set = title ? { ...current.set, title } : current.set
    run++
    busy.value = true
    progress.value = null
    try {
      await yieldToMain()
      const id = await saveImportedSet(getDB(), { name, set }, Date.now())
      prefix = newPrefix() // the next import must not reuse these ids
      result.value = null
      return { id, name: name.trim(), count: current.set.questions.length }
    } finally {
      busy.value = false
    }
  }

  async function rename(id: string, name: string): Promise<boolean> {
    return renameImportedSet(getDB(), id, name, Date.now())
  }

  async function remove(id: string): Promise<boolean> {
    return (await deleteImportedSet(getDB(), id)) !== null
  }

  /** Downloads a set (built-in or imported) as the app's JSON or as TSV for Anki / Quizlet. */
  async function exportSet(setId: string, kind: 'json' | 'tsv', lang: Lang): Promise<void> {
    const bank = useBankStore()
    const entry = bank.setById.get(setId)
    const [set] = await bank.loadSets([setId])
    if (!entry || !set) throw new Error(`No set "${setId}".`)
    const name = entry.name ?? entry.set.title[lang]
    const blob =
      kind === 'json'
        ? new Blob([exportSetJson(set)], { type: 'application/json' })
        : new Blob([exportSetTsv(set, lang)], { type: 'text/tab-separated-values;charset=utf-8' })
    downloadBlob(blob, fileNameFor(name, kind))
  }

  return { busy, progress, result, readFile, preview, clear, save, rename, remove, exportSet }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useImportsStore, import.meta.hot))
