import { onScopeDispose, shallowRef, watch, type Ref, type WatchSource } from 'vue'
import { observe } from '@/db/live'

/**
 * A Dexie live query as a ref, VueUse `useObservable` style: it re-runs when the tables it read
 * change, in this tab or another one, and stops when the component's scope is disposed.
 * Pass `deps` to re-subscribe when reactive inputs (a route param, a filter) change.
 */
export function useLiveQuery<T>(query: () => Promise<T>, initial: T, deps?: WatchSource[]): Ref<T> {
  const value = shallowRef(initial) as Ref<T>
  let unsubscribe: (() => void) | null = null
  const subscribe = () => {
    unsubscribe?.()
    unsubscribe = observe(query, (v) => {
      value.value = v
    })
  }
  subscribe()
  if (deps?.length) watch(deps, subscribe)
  onScopeDispose(() => unsubscribe?.())
  return value
}
