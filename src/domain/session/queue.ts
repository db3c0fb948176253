/**
 * The order of a review session, from plain data: due cards most overdue first, with new
 * questions spread evenly between them (Anki's "mix new cards with reviews").
 */
import type { CardRecord } from '@/domain/scheduling/types'

export interface ReviewQueueInput {
  /** Cards that are due (cards due after `now` are left out). */
  due: readonly CardRecord[]
  /** Questions that have no card yet, in article order. */
  newIds: readonly string[]
  /** How many new questions may still be introduced (today's limit minus those already seen). */
  newLimit: number
  now: number
  /** Show one new question after every `newEvery` due cards; default spreads them evenly. */
  newEvery?: number
}

/** Question ids in the order to review them. */
export function buildReviewQueue({ due, newIds, newLimit, now, newEvery }: ReviewQueueInput): string[] {
  const dueIds = due
    .filter((card) => card.due <= now)
    .sort((a, b) => a.due - b.due || (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0))
    .map((card) => card.questionId)
  const seen = new Set(dueIds)
  const limit = Number.isFinite(newLimit) ? Math.max(0, Math.floor(newLimit)) : 0
  const fresh: string[] = []
  for (const id of newIds) {
    if (fresh.length >= limit) break
    if (seen.has(id)) continue
    seen.add(id)
    fresh.push(id)
  }
  if (fresh.length === 0) return dueIds
  if (dueIds.length === 0) return fresh

  const every =
    newEvery !== undefined && Number.isFinite(newEvery) && newEvery >= 1
      ? Math.floor(newEvery)
      : Math.max(1, Math.floor(dueIds.length / fresh.length))
  const queue: string[] = []
  let next = 0
  dueIds.forEach((id, index) => {
    queue.push(id)
    if ((index + 1) % every === 0 && next < fresh.length) queue.push(fresh[next++]!)
  })
  return queue.concat(fresh.slice(next))
}
