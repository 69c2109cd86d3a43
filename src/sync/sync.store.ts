import { defineStore } from 'pinia'
import { ref } from 'vue'
import { pullInWorker } from './pull-in-worker.ts'

const PERIOD_MS = 5 * 60 * 1000

/** Keeps IndexedDB up to date: pulls on start, on `online`, on becoming visible, and every few minutes. */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(navigator.onLine)
  const syncing = ref(false)
  const failed = ref(false)
  /** When data last landed on this phone (ISO 8601); read at start, then set by each pull. */
  const lastSyncedAt = ref<string | undefined>()
  let timer: ReturnType<typeof setInterval> | undefined

  async function syncNow(): Promise<void> {
    if (syncing.value) return
    syncing.value = true
    try {
      lastSyncedAt.value = await pullInWorker()
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
    // The first pull waits until the start screen is painted; it is a background refresh.
    if ('requestIdleCallback' in window) requestIdleCallback(() => void syncNow(), { timeout: 1000 })
    else setTimeout(() => void syncNow(), 0)
  }

  return { online, syncing, failed, lastSyncedAt, syncNow, start }
})
