import { defineStore } from 'pinia'
import { ref } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import { SYNCED_AT_KEY } from './apply-delta.ts'
import { pull } from './pull.ts'

const PERIOD_MS = 5 * 60 * 1000

/** Keeps IndexedDB up to date: pulls on start, on `online`, on becoming visible, and every few minutes. */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(navigator.onLine)
  const syncing = ref(false)
  const failed = ref(false)
  const lastSyncedAt = useLiveQuery(async () => (await db.meta.get(SYNCED_AT_KEY))?.value as string | undefined, undefined)
  let timer: ReturnType<typeof setInterval> | undefined

  async function syncNow(): Promise<void> {
    if (syncing.value) return
    syncing.value = true
    try {
      await pull(db)
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

  function start(): void {
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
    void syncNow()
  }

  return { online, syncing, failed, lastSyncedAt, syncNow, start }
})
