/**
 * Question sets the learner imported. A set's record id is the idPrefix its question ids were
 * re-keyed under, so the set and its progress can be found and removed together.
 *
 * Checks run before a transaction opens; inside one there is nothing but IndexedDB calls and
 * nothing is caught, so a failure rolls the whole write back.
 */
import type { QuestionSet } from '@/domain/content/schema'
import { validateSet } from '@/domain/content/validate'
import { MAX_NAME_LENGTH, visibleName } from '@/domain/import/name'
import { plain, type StudyDB } from './database'
import { getSetQuestionIds, importedSetRows, importedTables } from './importedQuestions'
import type { ArchivedProgress } from './records'
import { rebuildDailyStats } from './stats'

export class ImportedSetError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid' | 'exists' | 'not-found',
  ) {
    super(message)
    this.name = 'ImportedSetError'
  }
}

export interface NewImportedSet {
  name: string
  set: QuestionSet
}

function cleanName(name: string): string {
  // What the learner sees: no character that hides the name or turns it round.
  const trimmed = visibleName(name)
  if (trimmed === '') throw new ImportedSetError('The name must not be empty.', 'invalid')
  if (trimmed.length > MAX_NAME_LENGTH)
    throw new ImportedSetError(`The name is ${trimmed.length} characters; the limit is ${MAX_NAME_LENGTH}.`, 'invalid')
  return trimmed
}

/**
 * Saves an imported set (its id = the idPrefix used) and gives back any progress archived under
 * its question ids, all in one transaction. Returns the id.
 */
export async function saveImportedSet(db: StudyDB, input: NewImportedSet, now: number): Promise<string> {
  const name = cleanName(input.name)
  const checked = validateSet(plain(input.set), { file: 'import' })
  if (!checked.ok) throw new ImportedSetError(`Not a valid question set: ${checked.errors[0]?.message ?? ''}`, 'invalid')
  const set = checked.set
  const id = set.id
  const questionIds = set.questions.map((q) => q.id)
  const rows = importedSetRows({ id, name, importedAt: now, updatedAt: now, set })

  await db.transaction('rw', [...importedTables(db), db.archive, db.cards, db.notebook], async () => {
    if ((await db.importedSetInfo.get(id)) !== undefined)
      throw new ImportedSetError(`An imported set with the id "${id}" already exists.`, 'exists')
    await db.importedSetInfo.add(rows.info)
    await db.importedQuestions.bulkAdd(rows.questions)
    // Progress kept from an earlier life of these questions (e.g. from a backup) comes back.
    const archived = (await db.archive.bulkGet(questionIds)).filter((a): a is ArchivedProgress => a !== undefined)
    await db.cards.bulkPut(archived.flatMap((a) => (a.card ? [{ ...a.card, setId: id }] : [])))
    await db.notebook.bulkPut(archived.flatMap((a) => (a.notebook ? [{ ...a.notebook, setId: id }] : [])))
    await db.archive.bulkDelete(archived.map((a) => a.questionId))
  })
  return id
}

/** Gives an imported set a new name. Returns false when there is no such set. */
export async function renameImportedSet(db: StudyDB, id: string, name: string, now: number = Date.now()): Promise<boolean> {
  const clean = cleanName(name)
  const changed = await db.importedSetInfo.update(id, { name: clean, updatedAt: now })
  return changed === 1
}

export interface DeleteSummary {
  cards: number
  reviews: number
  notebook: number
  archive: number
  attempts: number
  /** Rows of the daily stats. */
  daily: number
}

/**
 * Deletes an imported set and all its progress in one transaction: cards, review log entries,
 * notebook entries, archived rows, its daily stats, and the attempts on this set alone (attempts
 * that also cover other sets stay). Returns what was deleted, or null when there is no such set.
 */
export function deleteImportedSet(db: StudyDB, id: string): Promise<DeleteSummary | null> {
  const tables = [...importedTables(db), db.cards, db.reviews, db.notebook, db.archive, db.attempts, db.daily]
  return db.transaction('rw', tables, async () => {
    if ((await db.importedSetInfo.get(id)) === undefined) return null
    const questionIds = [...new Set(await getSetQuestionIds(db, id))]
    const inSet = new Set(questionIds)
    const unique = (keys: string[]): string[] => [...new Set(keys)]
    const existing = <T extends { questionId: string }>(rows: (T | undefined)[]): string[] =>
      rows.flatMap((r) => (r ? [r.questionId] : []))

    const cardKeys = unique([
      ...(await db.cards.where('setId').equals(id).primaryKeys()),
      ...existing(await db.cards.bulkGet(questionIds)),
    ])
    const noteKeys = unique([
      ...(await db.notebook.where('setId').equals(id).primaryKeys()),
      ...existing(await db.notebook.bulkGet(questionIds)),
    ])
    const bySet = await db.reviews.where('setId').equals(id).primaryKeys()
    const byQuestion = unique(await db.reviews.where('questionId').anyOf(questionIds).primaryKeys())
    const reviewKeys = unique([...bySet, ...byQuestion])
    const dailyKeys = await db.daily.where('setId').equals(id).primaryKeys()
    const archiveKeys = await db.archive
      .filter((a) => inSet.has(a.questionId) || a.card?.setId === id || a.notebook?.setId === id)
      .primaryKeys()
    const attemptKeys = await db.attempts
      .where('setIds')
      .equals(id)
      .filter((a) => a.setIds.every((s) => s === id))
      .primaryKeys()

    await db.cards.bulkDelete(cardKeys)
    await db.notebook.bulkDelete(noteKeys)
    await db.reviews.bulkDelete(reviewKeys)
    await db.daily.bulkDelete(dailyKeys)
    await db.archive.bulkDelete(archiveKeys)
    await db.attempts.bulkDelete(attemptKeys)
    await db.importedQuestions.bulkDelete(questionIds)
    await db.importedSetInfo.delete(id)
    // The daily rows of this set held exactly the deleted entries unless some were filed under
    // another set, or belonged to questions outside it (whose other entries may have become the
    // first of their day). Rare: then count everything again.
    if (reviewKeys.length !== bySet.length || reviewKeys.length !== byQuestion.length) await rebuildDailyStats(db)
    return {
      cards: cardKeys.length,
      reviews: reviewKeys.length,
      notebook: noteKeys.length,
      archive: archiveKeys.length,
      attempts: attemptKeys.length,
      daily: dailyKeys.length,
    }
  })
}

