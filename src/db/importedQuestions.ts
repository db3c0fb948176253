/**
 * Imported sets as they are stored: a row of what a set list or a set's page shows
 * (`importedSetInfo`) and one row per question (`importedQuestions`). A screen reads what it
 * shows: start-up and home the info rows, a review or a quiz the questions it puts on screen (by
 * id), a quiz setup or an export the questions of the sets it was asked for. Only a backup reads
 * them all.
 *
 * No validation here (it would load the schema checks into every screen): callers write sets
 * that were checked already (importedSets.ts, backup.ts).
 */
import type { Question, QuestionSet, QuestionType } from '@/domain/content/schema'
import type { StudyDB } from './database'
import type { ImportedQuestionRecord, ImportedSetInfoRecord, ImportedSetRecord } from './records'

/** A fingerprint of a list of ids in order (FNV-1a): equal lists give equal strings. */
export function idsHash(ids: readonly string[]): string {
  let h = 0x811c9dc5
  for (const id of ids) {
    const s = `${id};`
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  }
  return `${ids.length}:${(h >>> 0).toString(16)}`
}

/** The rows an imported set is stored as. */
export function importedSetRows(record: ImportedSetRecord): { info: ImportedSetInfoRecord; questions: ImportedQuestionRecord[] } {
  const { set } = record
  const typeCounts: Partial<Record<QuestionType, number>> = {}
  for (const q of set.questions) typeCounts[q.type] = (typeCounts[q.type] ?? 0) + 1
  return {
    info: {
      id: record.id,
      name: record.name,
      importedAt: record.importedAt,
      updatedAt: record.updatedAt,
      set: { ...set, questions: [] },
      count: set.questions.length,
      typeCounts,
      questionsHash: idsHash(set.questions.map((q) => q.id)),
    },
    questions: set.questions.map((question, pos) => ({ id: question.id, setId: record.id, pos, question })),
  }
}

/** The set as imported, from its info row and its questions in order. */
export function joinImportedSet(info: ImportedSetInfoRecord, questions: readonly Question[]): ImportedSetRecord {
  // The spread keeps the fields in their stored order (a backup compares sets as JSON).
  const set: QuestionSet = { ...info.set, questions: [...questions] }
  return { id: info.id, name: info.name, importedAt: info.importedAt, updatedAt: info.updatedAt, set }
}

/** The two tables, for a transaction's scope. */
export function importedTables(db: StudyDB) {
  return [db.importedSetInfo, db.importedQuestions]
}

/** Every imported set's info row, oldest import first (no question is read). */
export function listImportedSetInfo(db: StudyDB): Promise<ImportedSetInfoRecord[]> {
  return db.importedSetInfo.orderBy('importedAt').toArray()
}

const setRange = (setId: string): [[string, number], [string, number]] => [
  [setId, -Infinity],
  [setId, Infinity],
]

/** One set's questions in order. */
export async function getSetQuestions(db: StudyDB, setId: string): Promise<Question[]> {
  const rows = await db.importedQuestions.where('[setId+pos]').between(...setRange(setId), true, true).toArray()
  return rows.map((r) => r.question)
}

/** One set's question ids in order (keys only: no question is read). */
export async function getSetQuestionIds(db: StudyDB, setId: string): Promise<string[]> {
  return (await db.importedQuestions.where('[setId+pos]').between(...setRange(setId), true, true).primaryKeys()) as string[]
}

/** Imported questions by id; an id that is no imported question is left out. */
export async function getImportedQuestions(db: StudyDB, ids: readonly string[]): Promise<{ question: Question; setId: string }[]> {
  const rows = await db.importedQuestions.bulkGet([...ids])
  return rows.flatMap((r) => (r ? [{ question: r.question, setId: r.setId }] : []))
}

/**
 * Every imported question id with its set (keys only), of the sets `only` or of all, to reconcile
 * progress with the bank: one key read per set (a cursor over every key took 2 s for 100,000).
 */
export function importedQuestionIds(db: StudyDB, only?: readonly string[]): Promise<{ id: string; setId: string }[]> {
  return db.transaction('r', importedTables(db), async () => {
    const setIds = only ? [...only].sort() : ((await db.importedSetInfo.toCollection().primaryKeys()) as string[])
    const perSet = await Promise.all(setIds.map(async (setId) => (await getSetQuestionIds(db, setId)).map((id) => ({ id, setId }))))
    return perSet.flat()
  })
}

/** Every imported set with its questions, by id (for a backup). */
export function readImportedSets(db: StudyDB): Promise<ImportedSetRecord[]> {
  return db.transaction('r', importedTables(db), async () => {
    const infos = await db.importedSetInfo.toArray()
    const bySet = new Map<string, Question[]>(infos.map((i) => [i.id, []]))
    await db.importedQuestions.orderBy('[setId+pos]').each((row) => bySet.get(row.setId)?.push(row.question))
    return infos.map((info) => joinImportedSet(info, bySet.get(info.id) ?? []))
  })
}

/**
 * Writes imported sets, each replacing any set stored under its id (its old questions go).
 * Run inside a transaction over importedTables() when it must be atomic with other writes.
 */
export function putImportedSets(db: StudyDB, records: readonly ImportedSetRecord[]): Promise<void> {
  return db.transaction('rw', importedTables(db), async () => {
    for (const record of records) {
      const { info, questions } = importedSetRows(record)
      await db.importedQuestions.where('[setId+pos]').between(...setRange(record.id), true, true).delete()
      await db.importedSetInfo.put(info)
      await db.importedQuestions.bulkPut(questions)
    }
  })
}
