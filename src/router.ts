import { createRouter, createWebHistory, loadRouteLocation, START_LOCATION, type RouteLocationNormalized, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router'
import HomeView from './views/HomeView.vue'
import { useAppStore } from './stores/app'
import { useBankStore } from './stores/bank'
import { yieldToMain } from './composables/yieldToMain'
import { dbApi } from './stores/dbApi'
import { loadProblemMessages } from './i18n'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reads what the screen shows before it changes; may return another route to go to instead. */
    load?: (to: RouteLocationNormalized) => Promise<RouteLocationRaw | undefined>
    /** Starts fetching what the screen most likely shows, beside the database (nothing is awaited). */
    prepare?: (to: Pick<RouteLocationNormalized, 'query' | 'params'>) => void
  }
}

/**
 * How long a navigation waits for its screen's data before showing the screen anyway, with its
 * loading line. Usually the data is in well within this, and the screen is drawn once, with it.
 * A failed read shows on the screen itself (its store keeps the reason); it never holds the navigation back.
 */
async function briefly(read: Promise<unknown>): Promise<undefined> {
  await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 150))])
  return undefined
}

// The quiz code loads with the quiz's screens, not with the entry chunk.
const session = async () => (await import('./stores/session')).useSessionStore()
const quizzes = async () => (await import('./stores/quizzes')).useQuizzesStore()

/**
 * A quiz attempt has one place, decided here for both of its screens: still open → the quiz, over
 * (all answered, submitted, or out of time) → its results. The route to go to when that is elsewhere.
 */
async function placeAttempt(to: RouteLocationNormalized): Promise<RouteLocationRaw | undefined> {
  const attemptId = String(to.params.attemptId)
  const place = await (await quizzes()).place(attemptId)
  return place !== null && place !== to.name ? { name: place, params: { attemptId }, replace: true } : undefined
}

/** The screens that read a learner's files (import, backup) load the messages that explain a refused one. */
const explainsFiles: RouteRecordRaw['meta'] = {
  prepare: () => void loadProblemMessages().catch(() => {}),
  load: async () => {
    await loadProblemMessages()
    return undefined
  },
}

// Home is in the entry chunk; every other screen loads its own chunk on first visit.
export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  {
    path: '/sets/:setId', name: 'set', component: () => import('./views/SetView.vue'), props: true,
    // A built-in set's key points come with its questions.
    meta: {
      prepare: (to) => useBankStore().prefetch([String(to.params.setId)]),
      load: async (to) => briefly(useBankStore().loadSets([String(to.params.setId)])),
    },
  },
  {
    path: '/quiz/new', name: 'quiz-setup', component: () => import('./views/QuizSetupView.vue'),
    meta: { load: async () => briefly((await quizzes()).openSetup()) },
  },
  {
    path: '/quiz/:attemptId', name: 'quiz', component: () => import('./views/QuizView.vue'), props: true,
    meta: { load: async (to) => (await placeAttempt(to)) ?? briefly((await session()).openQuiz(String(to.params.attemptId))) },
  },
  {
    path: '/quiz/:attemptId/results', name: 'results', component: () => import('./views/ResultsView.vue'), props: true,
    meta: { load: async (to) => (await placeAttempt(to)) ?? briefly((await quizzes()).openResults(String(to.params.attemptId))) },
  },
  {
    path: '/review', name: 'review', component: () => import('./views/ReviewView.vue'),
    meta: {
      // A review of one set starts with that set's questions; a review of all, on a first visit,
      // with the first set's (new questions come in bank order). Due cards may come from others.
      prepare: (to) => {
        const bank = useBankStore()
        bank.prefetch([typeof to.query.set === 'string' ? to.query.set : bank.summaries[0]?.id ?? ''])
      },
      load: async (to) => {
        const { reviewScopeOf, useSessionStore } = await import('./stores/session')
        return briefly(useSessionStore().openReview(reviewScopeOf(to.query, useBankStore().setById)))
      },
    },
  },
  { path: '/notebook', name: 'notebook', component: () => import('./views/NotebookView.vue') },
  { path: '/stats', name: 'stats', component: () => import('./views/StatsView.vue') },
  { path: '/map', name: 'map', component: () => import('./views/MapView.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: explainsFiles },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue'), meta: explainsFiles },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
]

/**
 * Whether the page is scrolled to the top, kept by a passive scroll listener. Reading
 * `window.scrollY` while a navigation is changing the screen would force a layout of a screen
 * that is not finished yet (the review, say, before its first question is read); a scroll
 * event arrives with layout already done.
 */
let atTop = true
if (typeof window !== 'undefined') {
  window.addEventListener('scroll', () => (atTop = window.scrollY === 0), { passive: true })
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  // A new screen starts at the top. Already there (always so for a page's first screen): no
  // scroll, since asking for one forces a layout too.
  scrollBehavior: (to, from) => (to.hash ? { el: to.hash } : from === START_LOCATION || atTop ? false : { top: 0 }),
})

// Home draws from the set index alone; every other screen needs the database, so it waits for
// it (in its own chunk). Each screen loads the questions it shows (its route's `load`, or its store).
router.beforeEach(async (to, from) => {
  // The screen's own code is fetched beside its data. Left to the router, a lazy screen's chunk
  // is requested only after every guard has resolved: after the database has opened and the
  // questions have loaded, one round trip and one compile later than needed. A failed fetch is
  // not reported here: the router loads the screen again after the guards and reports it then.
  loadRouteLocation(to).catch(() => {})
  to.meta.prepare?.(to)
  // The page's first screen renders in a task of its own, after the header's: one long
  // start-up task would hold back input (and the first paint) on a slow phone.
  if (from === START_LOCATION) await yieldToMain()
  if (to.name === 'home') return true
  try {
    await useAppStore().whenReady()
  } catch (e) {
    // The saved progress could not be read: stay where the learner is; the banner says why
    // (the app store keeps the reason) and offers a reload. Anything else is reported as before.
    if (!useAppStore().startError) reportError(e)
    return false
  }
  return true
})

// Each screen's data is read by its route's `load`, once its chunk is in: the reads then run while
// the main thread is otherwise idle, not held up behind the parsing of the screen's code.
router.beforeResolve(async (to) => (await to.meta.load?.(to)) ?? true)

/**
 * Starts loading what the screen at `path` needs before the learner's click reaches the router
 * (main.ts calls it on a link's hover, focus or press: see onIntentToFollow): the screen's code,
 * what it most likely shows (its route's `prepare`) and, for a screen that reads the database,
 * the database code. Nothing is opened or written: the database opens at the learner's first press
 * (the app store's openWhenNeeded) or when the navigation needs it. A failed load is left to the
 * navigation, which loads again and reports it.
 */
export function prepareScreen(path: string): void {
  const to = router.resolve(path)
  if (to.matched.length === 0) return
  loadRouteLocation(to).catch(() => {})
  if (to.name === 'home') return
  to.meta.prepare?.(to)
  dbApi().catch(() => {})
}
