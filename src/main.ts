import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './app/App.vue'
import { createAppRouter } from './app/router.ts'
import { i18n } from './i18n/i18n.ts'
import { useSettingsStore } from './app/settings.store.ts'
import { useSyncStore } from './sync/sync.store.ts'
import { db } from './db/db.ts'
import './app/base.css'

const app = createApp(App).use(createPinia()).use(i18n)
await useSettingsStore().load()
app.use(createAppRouter()).mount('#app')
useSyncStore().start()
// Sends what waits in the outbox (volunteering sign-ups); the code loads only on phones that have sign-ups.
void db.outbox.count().then((n) => (n > 0 ? import('./outbox/outbox-runner.ts').then((m) => m.startOutbox()) : undefined))
