import { liveQuery } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, type Ref } from 'vue'

/** A ref that follows an IndexedDB query: it updates whenever the tables it read change. */
export function useLiveQuery<T>(query: () => Promise<T> | T, initial: T): Readonly<Ref<T>> {
  const value = shallowRef(initial) as Ref<T>
  const subscription = liveQuery(query).subscribe({
    next: (result) => (value.value = result),
    error: (err: unknown) => console.error('IndexedDB query failed', err),
  })
  if (getCurrentScope()) onScopeDispose(() => subscription.unsubscribe())
  return value
}
