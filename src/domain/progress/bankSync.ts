/**
 * Reconciling progress with the question bank: progress of questions no longer in it moves to
 * the archive (never deleted); archived progress of questions that are back is restored. A
 * question that moved to another set takes its progress along. db/progress.ts reads the three
 * tables, and writes what `planBankSync` decides.
 */
import { reviewedLater, type CardRecord } from '@/domain/scheduling/types'
import type { NotebookEntry } from '@/domain/session/notebook'
import type { ArchivedProgress } from './records'

/**
 * The bank's fingerprint as start-up compares it with the one last reconciled: the built-in
 * index's, then each imported set's `id=fingerprint of its question ids`, space-separated.
 */
export function bankSignatureOf(builtIn: string, imported: readonly { id: string; questionsHash: string }[]): string {
  return [builtIn, ...imported.map((r) => `${r.id}=${r.questionsHash}`)].join(' ')
}

/**
 * The imported sets whose fingerprint is the same in the signature last reconciled: saving and
 * deleting a set keep its progress in step, so reconciling need not read those sets' cards.
 */
export function unchangedImportedSets(reconciled: string | undefined, imported: readonly { id: string; questionsHash: string }[]): Set<string> {
  const parts = new Set((reconciled ?? '').split(' ').slice(1))
  return new Set(imported.filter((r) => parts.has(`${r.id}=${r.questionsHash}`)).map((r) => r.id))
}

/** Of two cards for one question (either may be missing), the later reviewed; `a` on a tie. */
const laterCard = (a: CardRecord | null, b: CardRecord | null): CardRecord | null =>
  !a ? b : !b ? a : reviewedLater(b, a) ? b : a
/** Of two notebook entries for one question, the one with the later miss; `a` on a tie. */
const laterEntry = (a: NotebookEntry | null, b: NotebookEntry | null): NotebookEntry | null =>
  !a ? b : !b ? a : b.lastWrongAt > a.lastWrongAt ? b : a

export interface BankSyncPlan {
  /** Question ids whose progress moves to the archive, sorted. */
  archived: string[]
  /** Question ids whose progress comes back from the archive, sorted. */
  restored: string[]
  /** Archive rows to write (the questions leaving). */
  archivePuts: ArchivedProgress[]
  /** Cards and notebook entries to delete: their questions left the bank. */
  cardDeletes: string[]
  entryDeletes: string[]
  /** Cards and notebook entries to write: restored, or moved to another set. */
  cardPuts: CardRecord[]
  entryPuts: NotebookEntry[]
}

/** What reconciling `bank` at `now` changes, given every card, notebook entry and archive row. */
export function planBankSync(
  bank: readonly { id: string; setId: string }[],
  cards: readonly CardRecord[],
  entries: readonly NotebookEntry[],
  archived: readonly ArchivedProgress[],
  now: number,
): BankSyncPlan {
  const setOf = new Map(bank.map((q) => [q.id, q.setId]))
  const archive = new Map(archived.map((a) => [a.questionId, a]))

  // Restore first: an archived question that is back in the bank.
  const restored: string[] = []
  const liveCards = new Map(cards.map((c) => [c.questionId, c]))
  const liveEntries = new Map(entries.map((e) => [e.questionId, e]))
  for (const item of archive.values()) {
    const setId = setOf.get(item.questionId)
    if (setId === undefined) continue
    const card = laterCard(liveCards.get(item.questionId) ?? null, item.card)
    const entry = laterEntry(liveEntries.get(item.questionId) ?? null, item.notebook)
    if (card) liveCards.set(item.questionId, card)
    if (entry) liveEntries.set(item.questionId, entry)
    restored.push(item.questionId)
  }

  // Then archive what left the bank, and move what changed sets.
  const back = new Set(restored)
  const leaving = new Map<string, ArchivedProgress>()
  const cardPuts: CardRecord[] = []
  const entryPuts: NotebookEntry[] = []
  const leave = (questionId: string): ArchivedProgress => {
    let item = leaving.get(questionId)
    if (!item) {
      const old = archive.get(questionId)
      item = { questionId, archivedAt: now, card: old?.card ?? null, notebook: old?.notebook ?? null }
      leaving.set(questionId, item)
    }
    return item
  }
  for (const [questionId, card] of liveCards) {
    const setId = setOf.get(questionId)
    if (setId === undefined) leave(questionId).card = card
    else if (card.setId !== setId || back.has(questionId)) cardPuts.push({ ...card, setId })
  }
  for (const [questionId, entry] of liveEntries) {
    const setId = setOf.get(questionId)
    if (setId === undefined) leave(questionId).notebook = entry
    else if (entry.setId !== setId || back.has(questionId)) entryPuts.push({ ...entry, setId })
  }

  const archivePuts = [...leaving.values()]
  return {
    archived: [...leaving.keys()].sort(),
    restored: [...restored].sort(),
    archivePuts,
    cardDeletes: archivePuts.filter((a) => liveCards.has(a.questionId)).map((a) => a.questionId),
    entryDeletes: archivePuts.filter((a) => liveEntries.has(a.questionId)).map((a) => a.questionId),
    cardPuts,
    entryPuts,
  }
}
