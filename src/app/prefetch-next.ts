import { watch } from 'vue'
import type { Router } from 'vue-router'
import { useSyncStore } from '../sync/sync.store.ts'

/** Once the content is on the phone (never before: on a slow link it would share the line with it). */
function afterContent(run: () => void): void {
  const sync = useSyncStore()
  if (sync.contentArrived) return run()
  const stop = watch(
    () => sync.contentArrived,
    (arrived) => {
      if (!arrived) return
      stop()
      run()
    },
  )
}

/**
 * After a page is shown, the code of the pages a person most likely opens from it next (`meta.next`)
 * downloads in the background, so that tap does not wait three round trips for small files on a slow
 * link. No extra bytes: the service worker's precache fetches the same files (from the HTTP cache then).
 */
export function prefetchNextViews(router: Router): void {
  router.afterEach((to, _from, failure) => {
    if (failure || !to.meta.next) return
    const names = to.meta.next
    afterContent(() => {
      for (const record of router.getRoutes()) {
        const load = record.components?.default
        if (record.name && names.includes(String(record.name)) && typeof load === 'function') {
          void (load as () => Promise<unknown>)().catch(() => undefined) // offline: the tap will try again
        }
      }
    })
  })
}
