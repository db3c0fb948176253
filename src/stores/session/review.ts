import { computed, ref, shallowRef } from 'vue'
import { buildReviewQueue } from '@/domain/session/queue'
import { getDB } from '@/db/database'
import { nextDueAfter, readReviewQueue } from '@/db/queries'
import { localDayEnds, localMidnight } from '@/db/localDays'
import { useAppStore } from '../app'
import { useBankStore } from '../bank'
import type { Loop, Session, SessionPart } from '../session'

/** Review sessions fetch due cards in pages: enough for a sitting, cheap at 100k cards. */
const REVIEW_PAGE = 200

/** The set a review is limited to, from the route's `?set=`: only a set the bank has; otherwise every set. */
export function reviewScopeOf(query: Record<string, unknown>, sets: { has(id: string): boolean }): string | null {
  const s = query.set
  return typeof s === 'string' && sets.has(s) ? s : null
}

/**
 * A review: the due cards and today's new ones, of every set or of one. After the last it looks
 * again (learning steps may be due by then); an answer taken back returns to the front.
 */
export function useReviewQueue(s: Session, loop: Loop) {
  const app = useAppStore()
  const bank = useBankStore()
  const { queue, index, phase } = s
  /** The set the review is limited to; null: every set. */
  const reviewScope = ref<string | null>(null)
  const nextDue = ref<number | null>(null)
  /** The next review is later today (a learning step): the review is done for now, not for the day. */
  const nextDueToday = ref(false)
  /** Ids in the queue that were due (the rest are new). */
  const dueIds = shallowRef(new Set<string>())
  /** Counts queue reads, so that of two that overlap (another set chosen while one is read) only the newer lands. */
  let queueReads = 0

  const part: SessionPart = {
    answer: loop.answerWithFeedback,
    // Learning steps may already be due again: look once more before saying "done".
    end: buildQueue,
    async undone() {
      if (phase.value === 'done') return buildQueue()
      // The question returns to the front of the review.
      loop.show(phase.value === 'feedback' ? index.value : Math.max(0, index.value - 1))
    },
  }

  async function openReview(setId: string | null): Promise<void> {
    loop.begin(part)
    reviewScope.value = setId
    await buildQueue()
  }

  async function buildQueue(): Promise<void> {
    const read = ++queueReads
    const now = Date.now()
    const scope = reviewScope.value
    const sets = bank.queueSets(scope)
    try {
      const { due, newIds, newLimit } = await readReviewQueue(getDB(), {
        now,
        dayStart: localMidnight(now),
        setId: scope ?? undefined,
        sets,
        newPerDay: app.settings.newPerDay,
        duePage: REVIEW_PAGE,
      })
      if (read !== queueReads) return
      await bank.loadQuestions([...due.map((c) => c.questionId), ...newIds])
      if (read !== queueReads) return
      // Cards of questions no longer in the bank cannot be shown: leave them out of the queue.
      const shown = due.filter((c) => bank.questionIndex.has(c.questionId))
      dueIds.value = new Set(shown.map((c) => c.questionId))
      queue.value = buildReviewQueue({ due: shown, newIds, newLimit, now })
      if (queue.value.length === 0) {
        const when = await nextDueAfter(getDB(), now, scope)
        if (read !== queueReads) return
        nextDue.value = when
        nextDueToday.value = when !== null && when < localDayEnds(now, 1)[0]!
      }
      loop.show(0)
    } catch (e) {
      // Only the newest read may say so: an older one's failure is no longer on screen.
      if (read === queueReads) loop.unreadable(e)
    }
  }

  const remaining = computed(() => {
    const rest = queue.value.slice(index.value + (phase.value === 'feedback' ? 1 : 0))
    const fresh = rest.filter((id) => !dueIds.value.has(id)).length
    return { due: rest.length - fresh, new: fresh }
  })

  return { reviewScope, nextDue, nextDueToday, remaining, openReview }
}
