import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './app/App.vue'
import { createAppRouter } from './app/router.ts'
import { i18n } from './i18n/i18n.ts'
import { useSettingsStore } from './app/settings.store.ts'
import { useSyncStore } from './sync/sync.store.ts'
import { loadDb } from './db/load-db.ts'
import { readStartState } from './db/start-state.ts'
import { startAddressLocale, tappedInPrerenderedPicker } from './app/start-address-locale.ts'
import { adoptTappedPull, prefetchFirstPull } from './sync/pull-in-worker.ts'
import { continueInLanguage } from './language/continue-in-language.ts'
import './app/base.css'

// No top-level await here: lazy views import from the chunk this module lives in, and would wait for it
// to finish evaluating while the first navigation waits for them.
async function boot(): Promise<void> {
  const app = createApp(App).use(createPinia()).use(i18n)
  const start = await readStartState()
  await useSettingsStore().load(start.settings)
  const router = createAppRouter()
  app.use(router)
  // A first visit has no content yet: its first pull starts now, beside the first screen's downloads, instead
  // of after them (2–3 s on a slow link). A phone with content pulls once the first screen is painted.
  // It waits for the language, so it brings that language's content (German follows: src/sync/pull.ts): one
  // tapped in the prerendered picker before the app arrived (`/?lang=ar`) is stored at once; otherwise the
  // picker, which needs no content, is shown first.
  const firstVisit = start.lastSyncedAt === undefined
  if (firstVisit) {
    const settings = useSettingsStore()
    const tapped = startAddressLocale(location.pathname, new URLSearchParams(location.search).get('lang'))
    if (tapped) prefetchFirstPull(tapped)
    // A later tap in the prerendered picker (below) asked for its first answer too: the pull takes it.
    useSyncStore().start(undefined, tapped ? settings.chooseLocale(tapped) : settings.whenLocaleChosen().then(() => adoptTappedPull(settings.locale!)))
  }
  // The first screen renders once, already on its route (not the shell first and the page after).
  await router.isReady().catch(() => undefined) // a failed first navigation still shows the app's frame
  // A tap in the prerendered picker after the address was read above, before the app's own picker replaces
  // it (seen on a fast link): that is the person's choice, not a reason to show them the picker again.
  const lateTap = firstVisit && router.currentRoute.value.name === 'welcome' ? tappedInPrerenderedPicker(document) : undefined
  if (lateTap) await continueInLanguage(router, lateTap).catch(() => undefined)
  app.mount('#app')
  if (!firstVisit) useSyncStore().start(start.lastSyncedAt)
  // Sends what waits in the outbox (volunteering sign-ups; only a phone past the language picker can have
  // any); the code loads only on phones that have sign-ups.
  if (start.settings.locale) {
    void loadDb().then(async (db) => ((await db.outbox.count()) > 0 ? (await import('./outbox/outbox-runner.ts')).startOutbox() : undefined))
  }
}

void boot()
