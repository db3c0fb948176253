interface TaskScheduler {
  yield?: () => Promise<void>
}

/**
 * Ends the current task and resumes in a new one, so the browser can paint and answer input in
 * between: the one way the app splits long work. Start-up is a chain of steps (mount the shell,
 * show home, open the database, count progress), and reading a big file a chain of slices (an
 * import's rows, a backup's records, with a progress bar to draw), that would otherwise run as
 * one long task on a slow phone. Works in a worker too.
 *
 * `scheduler.yield()` resumes ahead of other queued tasks, so start-up loses no time to them;
 * without it, a zero-delay timer does the same job a little later.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}
