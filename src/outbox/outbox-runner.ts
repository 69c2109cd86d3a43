import { db } from '../db/db.ts'
import { flush, nextDueAt, recoverInterrupted, settleUnsentWithdrawals, type FlushOptions } from './outbox.ts'
import { refreshStatuses } from './entry-status.ts'
import { createStatusPoller } from './status-schedule.ts'

export const SYNC_TAG = 'outbox'
export const FLUSH_MESSAGE = 'FLUSH_OUTBOX'

let running: Promise<void> | undefined
let rerun: FlushOptions | undefined
let timer: ReturnType<typeof setTimeout> | undefined
let started = false

async function flushOnce(options: FlushOptions): Promise<void> {
  if (!navigator.onLine) return settleUnsentWithdrawals(db)
  await flush({ db, fetch: (input, init) => fetch(input, init) }, options)
  // Every flush (start, online, visible, a new sign-up) also asks for news and sets the polling pace.
  await checkStatuses()
}

const statusPoller = createStatusPoller({
  check: () => (navigator.onLine ? refreshStatuses({ db, fetch: (input, init) => fetch(input, init) }) : Promise.resolve(false)),
  visible: () => document.visibilityState === 'visible',
})

/** Asks the server now what became of the sent sign-ups (and again on the schedule in status-schedule.ts). */
export const checkStatuses = (): Promise<void> => statusPoller.checkNow()

/** One flush at a time per tab; a request during a flush runs once more right after. */
export function flushOutbox(options: FlushOptions = {}): Promise<void> {
  if (running) {
    rerun = { ignoreBackoff: Boolean(rerun?.ignoreBackoff || options.ignoreBackoff) }
    return running
  }
  // `.finally` runs after `running` is assigned, even when flushOnce returns at once (offline).
  running = flushOnce(options)
    .catch((err: unknown) => console.error('outbox flush failed', err))
    .finally(async () => {
      running = undefined
      await armTimer()
      if (rerun) {
        const again = rerun
        rerun = undefined
        void flushOutbox(again)
      }
    })
  return running
}

/** Wakes up when the next retry is due (while the app is open). */
async function armTimer(): Promise<void> {
  clearTimeout(timer)
  const due = await nextDueAt(db)
  if (due !== undefined) timer = setTimeout(() => void flushOutbox(), Math.max(1000, due - Date.now()))
}

/** Asks the browser to wake the service worker when the network is back, where Background Sync exists. */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = (await navigator.serviceWorker?.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
    await registration?.sync?.register(SYNC_TAG)
  } catch {
    // Not available or not allowed: the online and visibility triggers still flush.
  }
}

/** Flushes on start, when the network returns, when the app becomes visible, and when the service worker asks. */
export function startOutbox(): void {
  if (started) return
  started = true
  void recoverInterrupted(db).then(() => flushOutbox({ ignoreBackoff: true }))
  window.addEventListener('online', () => void flushOutbox({ ignoreBackoff: true }))
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushOutbox()
    else statusPoller.stop()
  })
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === FLUSH_MESSAGE) void flushOutbox({ ignoreBackoff: true })
  })
}
