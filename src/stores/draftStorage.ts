/**
 * The answer being made, kept in localStorage so a reload (or the browser killed mid-question)
 * does not lose a picked choice or half-typed text. One draft at a time: the question on screen.
 * Synchronous on purpose: it is written on every change and must be there before `unload`.
 * Hand-written rather than VueUse's `useStorage`, whose ref is read once and written by a
 * watcher: a draft is read from storage when its question is shown and written at once.
 */
const KEY = 'qwen-study.draft'

export interface StoredDraft {
  /** 'quiz:<attempt id>' or 'review'. */
  where: string
  questionId: string
  draft: unknown
}

export function readDraft(where: string, questionId: string): unknown {
  try {
    const raw = localStorage.getItem(KEY)
    if (!raw) return null
    const saved = JSON.parse(raw) as Partial<StoredDraft>
    return saved.where === where && saved.questionId === questionId ? saved.draft : null
  } catch {
    return null
  }
}

export function writeDraft(value: StoredDraft | null): void {
  try {
    if (value) localStorage.setItem(KEY, JSON.stringify(value))
    else localStorage.removeItem(KEY)
  } catch {
    // Storage blocked or full: the draft lasts as long as the page.
  }
}
