/// <reference lib="webworker" />
import { cleanupOutdatedCaches, PrecacheController, PrecacheRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { clientsClaim } from 'workbox-core'
import { firstContentStored } from './first-content.ts'
import { routeApiPastWorker } from './api-past-worker.ts'
import { languageCache, type BuildEntry } from './language-cache.ts'
import { shellFor } from './shell-page.ts'
import { prefill } from './prefill.ts'

declare const self: ServiceWorkerGlobalScope

// The newcomer app's shell with German and every newcomer view is precached (never the coordinator
// workspace, see scripts/newcomer-precache.ts); of the other languages only the chosen one is kept.
const entries = self.__WB_MANIFEST as BuildEntry[]
const precache = new PrecacheController()
precache.addToCacheList(entries.filter((e) => !e.language))
const languages = languageCache(entries.filter((e) => e.language))

// A first install waits until the newcomer's language and first content are stored, so its downloads
// do not compete with them on a slow link; then it stores the shell and that language. API calls
// bypass the worker from the start.
self.addEventListener('install', (event) => {
  event.waitUntil(routeApiPastWorker(event))
  event.waitUntil(
    firstContentStored().then(async (locale) => {
      // The files a few at a time, beside the chosen language's; Workbox's install then finds them stored.
      // An update fetches only what the precache does not hold yet (a changed file has a new key).
      const files = entries
        .filter((e) => !e.language)
        .map((e) => {
          const url = new URL(e.url, self.location.href).href
          return { url, cacheKey: precache.getCacheKeyForURL(url)!, reload: e.revision !== null }
        })
      const stored = await caches.open(precache.strategy.cacheName)
      await Promise.all([prefill(files, stored), locale ? languages.keep(locale) : undefined])
      await precache.install(event)
    }),
  )
})
self.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all([precache.activate(event), languages.dropOld()]))
})
cleanupOutdatedCaches()
registerRoute(new PrecacheRoute(precache))
registerRoute(languages.route)

// Any page address opens the app shell (without the prerendered picker once a language is chosen), but
// API calls always go to the network.
const shell = precache.createHandlerBoundToURL('index.html')
registerRoute(new NavigationRoute(async (options) => shellFor(await shell(options), options.url.pathname), { denylist: [/^\/api\//] }))

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; code?: string } | null
  // A new version waits until the person taps "reload" in the update prompt.
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting()
  // The page chose a language (src/i18n/offline-language.ts): keep it for offline use.
  if (data?.type === 'CACHE_LANGUAGE' && data.code) event.waitUntil(languages.keep(data.code))
})
clientsClaim()

// Background Sync: when the network returns, ask open pages to send their outbox (src/outbox).
self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag?: string }
  if (sync.tag !== 'outbox') return
  sync.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => clients.forEach((c) => c.postMessage({ type: 'FLUSH_OUTBOX' }))),
  )
})
