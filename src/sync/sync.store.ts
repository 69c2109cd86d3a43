import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { preparePullOnPage, pullInWorker } from './pull-in-worker.ts'
import { useSettingsStore } from '../app/settings.store.ts'
import { backoffDelay, type BackoffLimits } from '../outbox/backoff.ts'

const PERIOD_MS = 5 * 60 * 1000
/** After a pull that did not land: again in about 2 s, 4 s, 8 s … up to a minute, not at the next period. */
export const RETRY_LIMITS: BackoffLimits = { baseMs: 2_000, maxMs: 60_000 }

/**
 * Keeps IndexedDB up to date: pulls on start, on `online`, on becoming visible, every few minutes,
 * and when the person chooses another district or language or asks for the neighbouring districts
 * (the sync scope follows them). A pull that fails is retried with backoff while the phone is online
 * and the app visible (a weak rural link often answers a few seconds later).
 */
export const useSyncStore = defineStore('sync', () => {
  const online = ref(navigator.onLine)
  const syncing = ref(false)
  /** Pulls in a row that did not land (0 after one that did). */
  const failures = ref(0)
  const failed = computed(() => failures.value > 0)
  /** When data last landed on this phone (ISO 8601); read at start, then set by each pull. */
  const lastSyncedAt = ref<string | undefined>()
  /** The district or language changed and no pull has landed since: what they add is still on its way. */
  const scopePending = ref(false)
  /** Content for the current district and language is on the phone (until then, an empty list means "not arrived yet"). */
  const contentArrived = computed(() => lastSyncedAt.value !== undefined && !scopePending.value)
  let timer: ReturnType<typeof setInterval> | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  /** Asked for while a pull ran (e.g. the district changed): pull once more after it. */
  let again = false

  async function syncNow(): Promise<void> {
    if (syncing.value) {
      again = true
      return
    }
    clearTimeout(retryTimer)
    syncing.value = true
    try {
      do {
        again = false
        // A phone without content pulls on the page: its first screen loads the database anyway, while the
        // worker would first download a copy of its own (30 KB on a slow link) before the first content.
        lastSyncedAt.value = await pullInWorker({ onPage: lastSyncedAt.value === undefined })
      } while (again)
      failures.value = 0
      scopePending.value = false
    } catch {
      failures.value++ // offline or server away: the phone keeps what it has and tries again soon
    } finally {
      syncing.value = false
    }
    // Asked for during a pull that failed (a tap on "try again", a new district): that asks once more now.
    if (again) {
      again = false
      return syncNow()
    }
    scheduleRetry()
  }

  /** Offline or hidden, no timer: `online` and becoming visible pull at once. */
  function scheduleRetry(): void {
    clearTimeout(retryTimer)
    if (failures.value === 0 || !navigator.onLine || document.visibilityState !== 'visible') return
    retryTimer = setTimeout(() => void syncNow(), backoffDelay(failures.value, Math.random, RETRY_LIMITS))
  }

  function schedule(): void {
    clearInterval(timer)
    if (document.visibilityState === 'visible') timer = setInterval(syncNow, PERIOD_MS)
  }

  /**
   * Starts pulling. `choice`: on a phone without content, the first pull waits until the language is
   * chosen and stored, so it brings that language's content at once instead of a second pull after it.
   */
  function start(syncedAt: string | undefined, choice: Promise<void> = Promise.resolve()): void {
    lastSyncedAt.value = syncedAt
    window.addEventListener('online', () => {
      online.value = true
      void syncNow()
    })
    window.addEventListener('offline', () => {
      online.value = false
      clearTimeout(retryTimer)
    })
    document.addEventListener('visibilitychange', () => {
      schedule()
      if (document.visibilityState === 'visible') void syncNow()
      else clearTimeout(retryTimer)
    })
    schedule()
    const settings = useSettingsStore()
    if (syncedAt === undefined) preparePullOnPage().catch(() => undefined) // its code downloads while the choice is stored
    void choice
      .catch(() => undefined)
      .then(() => {
        // Later changes of the scope; watched from here on, so the choice awaited above is no change.
        watch(
          () => [settings.district, settings.locale, settings.nearbyDistricts],
          () => {
            scopePending.value = true
            void syncNow()
          },
        )
        // A phone with content: the first pull waits until the start screen is painted, as a background
        // refresh. One without: that content is what the person waits for.
        if (syncedAt === undefined) void syncNow()
        else if ('requestIdleCallback' in window) requestIdleCallback(() => void syncNow(), { timeout: 1000 })
        else setTimeout(() => void syncNow(), 0)
      })
  }

  return { online, syncing, failures, failed, lastSyncedAt, contentArrived, syncNow, start }
})
