import { acceptHMRUpdate, defineStore } from 'pinia'
import { useSessionCore } from './session/core'
import { useQuizAttempt } from './session/quiz'
import { useReviewQueue } from './session/review'

export { reviewScopeOf } from './session/review'

/**
 * The quiz or review on screen. The loop both share (question, draft, answer, feedback, regrade,
 * undo) is `session/core.ts`; what differs is a part: `session/quiz.ts` (an attempt, exams) and
 * `session/review.ts` (the due queue). Opening a quiz or a review picks its part.
 */
export const useSessionStore = defineStore('session', () => {
  const { loop, ...session } = useSessionCore()
  return { ...session, ...useQuizAttempt(session, loop), ...useReviewQueue(session, loop) }
})

// Editing this store in dev swaps it in place instead of reloading the page.
if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
