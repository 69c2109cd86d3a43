/// <reference lib="webworker" />
import { Route } from 'workbox-routing'
import { prefill } from './prefill.ts'

declare const self: ServiceWorkerGlobalScope

/** A precache entry from the build; a language's own chunk names its language (scripts/newcomer-precache.ts). */
export interface BuildEntry {
  url: string
  revision: string | null
  language?: string
}

const CACHE = 'willkommen-languages'

/**
 * The interface languages other than German (every phone's fallback, always precached) are not precached: the
 * phone keeps the one its person chose. `keep(code)` stores that language's chunks; `route` answers
 * them from this cache first and stores any language the page loads later (a change under More).
 */
export function languageCache(entries: readonly BuildEntry[]) {
  const files = new Map(entries.map((e) => [new URL(e.url, self.location.href).href, e.language!]))

  async function fromCacheOrNetwork(request: Request): Promise<Response> {
    const cache = await caches.open(CACHE)
    const hit = await cache.match(request)
    if (hit) return hit
    const response = await fetch(request)
    if (response.ok) await cache.put(request, response.clone())
    return response
  }

  return {
    route: new Route(({ url }) => files.has(url.href), ({ request }) => fromCacheOrNetwork(request)),

    async keep(code: string): Promise<void> {
      const wanted = [...files].filter(([, language]) => language === code).map(([url]) => ({ url, cacheKey: url, reload: false }))
      await prefill(wanted, await caches.open(CACHE))
    },

    /** Drops chunks of earlier builds (their names carry another hash). */
    async dropOld(): Promise<void> {
      const cache = await caches.open(CACHE)
      for (const request of await cache.keys()) if (!files.has(request.url)) await cache.delete(request)
    },
  }
}
