/// <reference lib="webworker" />

/** The Service Worker Static Routing API (Chromium 123+), not yet in TypeScript's WebWorker library. */
interface RouterRule {
  condition: { urlPattern: { pathname: string; search: string } }
  source: 'network'
}
type InstallEventWithRoutes = ExtendableEvent & { addRoutes?: (rules: RouterRule | RouterRule[]) => Promise<void> }

/**
 * API calls go straight to the network, without waking this worker: the worker never answers them
 * anyway (sw.ts), but each one would start it or keep it running. That matters when a new version
 * waits: the browser lets it take over only once this one is idle, and the page's status checks
 * (every 20–30 s while a sign-up waits for a decision, src/outbox/status-schedule.ts) came more often
 * than Chromium's 30-second idle limit, so "reload" did nothing for up to five minutes.
 * Browsers without the API (Firefox, Safari) pass API calls through the worker as before, and so does
 * Chromium 156 for the sync worker's pulls (a dedicated worker's requests), which come every five minutes.
 */
export function routeApiPastWorker(event: ExtendableEvent): Promise<void> {
  const install = event as InstallEventWithRoutes
  if (!install.addRoutes) return Promise.resolve()
  return install.addRoutes({ condition: { urlPattern: { pathname: '/api/*', search: '*' } }, source: 'network' }).catch((err: unknown) => {
    console.warn('API calls still pass through the service worker', err)
  })
}
