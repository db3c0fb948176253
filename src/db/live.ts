import { liveQuery } from 'dexie'

/** Subscribe to a query over the database; the callback runs on every change. Returns unsubscribe. */
export function observe<T>(query: () => Promise<T>, next: (value: T) => void, error?: (e: unknown) => void): () => void {
  const sub = liveQuery(query).subscribe({
    next,
    error: (e) => {
      // A failing query must not break the screen; report it to whoever listens.
      if (error) error(e)
      else console.warn('live query failed', e)
    },
  })
  return () => sub.unsubscribe()
}
