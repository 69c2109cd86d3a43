import { defineStore } from 'pinia'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { OutboxEntry } from '../outbox/outbox-entry.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { resubmit } from '../outbox/outbox.ts'
import { flushOutbox, requestBackgroundSync, startOutbox } from '../outbox/outbox-runner.ts'
import { useStorageStore } from '../pwa/storage.store.ts'

export const PARTNER_REQUEST_KIND = 'partner-request'

/**
 * Partner declarations sent from this device, read live from the outbox: first saved here, then
 * sent with an Idempotency-Key when there is a connection (retries, Background Sync), like sign-ups.
 */
export const usePartnerRequestsStore = defineStore('partner-requests', () => {
  startOutbox()
  const entries = useLiveQuery(
    async () => (await db.outbox.orderBy('createdAt').reverse().toArray()).filter((e) => e.kind === PARTNER_REQUEST_KIND),
    [] as OutboxEntry[],
  )

  function kick(): void {
    void useStorageStore().keptSomething() // the outbox holds what the person sent: ask to keep it
    void requestBackgroundSync()
    void flushOutbox({ ignoreBackoff: true })
  }

  /** Saves a declaration under its draft's id (`clientId`): the same draft twice is one entry. */
  async function submit(payload: Record<string, unknown>, clientId: string): Promise<void> {
    await enqueue(db, PARTNER_REQUEST_KIND, payload, Date.now(), clientId)
    kick()
  }

  /** A corrected refused declaration goes out as a new one under the correcting draft's id. */
  async function correct(oldClientId: string, payload: Record<string, unknown>, clientId: string): Promise<void> {
    await resubmit(db, oldClientId, payload, Date.now(), clientId)
    kick()
  }

  const entry = (clientId: string) => db.outbox.get(clientId)

  /** Forgets a declaration on this device; one not sent yet is then never sent. */
  async function remove(clientId: string): Promise<void> {
    await db.outbox.delete(clientId)
  }

  const retryNow = () => void flushOutbox({ ignoreBackoff: true })

  return { entries, entry, submit, correct, remove, retryNow }
})
