/**
 * The answer being made, kept in localStorage so a reload (or the browser killed mid-question)
 * does not lose a picked choice or half-typed text. One draft at a time: the question on screen.
 * Synchronous on purpose: it is written on every change and must be there before `unload`.
 * Hand-written rather than VueUse's `useStorage`, whose ref is read once and written by a
 * watcher: a draft is read from storage when its question is shown and written at once.
 * Storage blocked or full: the draft lasts as long as the page (`storedJson.ts`).
 */
import { storedJson } from './storedJson'

export interface StoredDraft {
  /** 'quiz:<attempt id>' or 'review'. */
  where: string
  questionId: string
  draft: unknown
}

const stored = storedJson<Partial<StoredDraft>>(() => localStorage, 'qwen-study.draft')

export function readDraft(where: string, questionId: string): unknown {
  const saved = stored.read()
  return saved?.where === where && saved.questionId === questionId ? saved.draft : null
}

export function writeDraft(value: StoredDraft | null): void {
  stored.write(value)
}
