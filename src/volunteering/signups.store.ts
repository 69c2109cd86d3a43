import { defineStore } from 'pinia'
import { computed } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { OutboxEntry, OutboxKind } from '../outbox/outbox-entry.ts'
import { enqueue, requestCancel, resubmit } from '../outbox/outbox.ts'
import { flushOutbox, requestBackgroundSync, startOutbox } from '../outbox/outbox-runner.ts'
import { signupStatus, type SignupStatus } from './signup-status.ts'

export interface Signup {
  entry: OutboxEntry
  status: SignupStatus
}

/** "My sign-ups": every submission from this phone, read live from the outbox. */
export const useSignupsStore = defineStore('signups', () => {
  startOutbox()
  const entries = useLiveQuery(() => db.outbox.orderBy('createdAt').reverse().toArray(), [] as OutboxEntry[])

  const signups = computed<Signup[]>(() => {
    const cancelling = new Set(entries.value.filter((e) => e.kind === 'cancel').map((e) => String(e.payload.targetClientId)))
    return entries.value.filter((e) => e.kind !== 'cancel').map((entry) => ({ entry, status: signupStatus(entry, cancelling.has(entry.clientId)) }))
  })

  function kick(): void {
    void requestBackgroundSync()
    void flushOutbox({ ignoreBackoff: true })
  }

  async function submit(kind: Exclude<OutboxKind, 'cancel'>, payload: Record<string, unknown>): Promise<void> {
    await enqueue(db, kind, payload)
    kick()
  }

  async function correct(clientId: string, payload: Record<string, unknown>): Promise<void> {
    await resubmit(db, clientId, payload)
    kick()
  }

  async function cancel(clientId: string): Promise<void> {
    await requestCancel(db, clientId)
    kick()
  }

  /** Forgets a finished entry on this phone only; what the server holds is unchanged. */
  async function removeFromPhone(clientId: string): Promise<void> {
    await db.outbox.delete(clientId)
  }

  const retryNow = () => void flushOutbox({ ignoreBackoff: true })

  return { signups, submit, correct, cancel, removeFromPhone, retryNow }
})
