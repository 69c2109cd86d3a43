import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { pullInWorker } from './pull-in-worker.ts'
import { useSettingsStore } from '../app/settings.store.ts'

const PERIOD_MS = 5 * 60 * 1000

/**
 * Keeps IndexedDB up to date: pulls on start, on `online`, on becoming visible, every few minutes,
 * and when the person chooses another district or language or asks for the neighbouring districts
 * (the sync scope follows them).
 */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(navigator.onLine)
  const syncing = ref(false)
  const failed = ref(false)
  /** When data last landed on this phone (ISO 8601); read at start, then set by each pull. */
  const lastSyncedAt = ref<string | undefined>()
  let timer: ReturnType<typeof setInterval> | undefined
  /** Asked for while a pull ran (e.g. the district changed): pull once more after it. */
  let again = false

  async function syncNow(): Promise<void> {
    if (syncing.value) {
      again = true
      return
    }
    syncing.value = true
    try {
      do {
        again = false
        lastSyncedAt.value = await pullInWorker()
      } while (again)
      failed.value = false
    } catch {
      failed.value = true // offline or server away: the phone keeps what it has and tries again later
    } finally {
      syncing.value = false
    }
  }

  function schedule(): void {
    clearInterval(timer)
    if (document.visibilityState === 'visible') timer = setInterval(syncNow, PERIOD_MS)
  }

  function start(syncedAt: string | undefined): void {
    lastSyncedAt.value = syncedAt
    window.addEventListener('online', () => {
      online.value = true
      void syncNow()
    })
    window.addEventListener('offline', () => (online.value = false))
    document.addEventListener('visibilitychange', () => {
      schedule()
      if (document.visibilityState === 'visible') void syncNow()
    })
    schedule()
    const settings = useSettingsStore()
    watch(() => [settings.district, settings.locale, settings.nearbyDistricts], () => void syncNow())
    // The first pull waits until the start screen is painted; it is a background refresh.
    if ('requestIdleCallback' in window) requestIdleCallback(() => void syncNow(), { timeout: 1000 })
    else setTimeout(() => void syncNow(), 0)
  }

  return { online, syncing, failed, lastSyncedAt, syncNow, start }
})
