import { defineStore } from 'pinia'
import { computed } from 'vue'
import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { OutboxEntry, OutboxKind } from '../outbox/outbox-entry.ts'
import { enqueue } from '../outbox/enqueue.ts'
import { requestCancel, resubmit, undoCancel as takeBackCancel } from '../outbox/outbox.ts'
import { checkStatuses, flushOutbox, requestBackgroundSync, startOutbox } from '../outbox/outbox-runner.ts'
import { keepMatch, MATCH_KEY, type StoredMatch } from '../outbox/entry-status.ts'
import { answerMatch as answerMatchByToken } from '../manage/manage-api.ts'
import { signupStatus, type SignupStatus } from './signup-status.ts'
import { readSignupDates, type SignupDate } from './signup-dates.ts'
import type { KeyValue } from '../db/db.ts'
import { useStorageStore } from '../pwa/storage.store.ts'

export interface Signup {
  entry: OutboxEntry
  status: SignupStatus
  /** Its withdrawal has not gone out yet and can be taken back. */
  undoable: boolean
  /** A registration's date as synced: event name, time, cancelled or moved. */
  date?: SignupDate
}

/** How answering a match went: the phone cannot answer without a connection (it is not queued). */
export type MatchAnswerResult = 'ok' | 'offline' | 'stale' | 'failed'
/** How renewing a tandem entry went; online only, like answering a match. */
export type RenewResult = 'ok' | 'offline' | 'failed'

/** "My sign-ups": every submission from this phone, read live from the outbox. */
export const useSignupsStore = defineStore('signups', () => {
  startOutbox()
  const entries = useLiveQuery(() => db.outbox.orderBy('createdAt').reverse().toArray(), [] as OutboxEntry[])
  // Read apart from the entries, so a new sync of the dates updates the cards without touching the outbox.
  const dates = useLiveQuery(async () => readSignupDates(await db.outbox.filter((e) => e.kind === 'registration').toArray()), new Map<string, SignupDate>())

  const signups = computed<Signup[]>(() => {
    const cancels = new Map(entries.value.filter((e) => e.kind === 'cancel').map((e) => [String(e.payload.targetClientId), e]))
    // Partner organisations' declarations are listed on their own page (src/partners), feedback under its step or meetup.
    return entries.value
      .filter((e) => e.kind !== 'cancel' && e.kind !== 'partner-request' && e.kind !== 'feedback')
      .map((entry) => {
        const cancel = cancels.get(entry.clientId)
        const date = entry.kind === 'registration' ? dates.value.get(String(entry.payload.occurrenceId)) : undefined
        return { entry, status: signupStatus(entry, Boolean(cancel), date?.status === 'cancelled'), undoable: cancel?.state === 'pending', ...(date ? { date } : {}) }
      })
  })

  function kick(): void {
    void useStorageStore().keptSomething() // the outbox holds what the person sent: ask to keep it
    void requestBackgroundSync()
    void flushOutbox({ ignoreBackoff: true })
  }

  /** Saves a form's submission under its draft's id (`clientId`): the same draft twice is one entry. */
  async function submit(kind: Exclude<OutboxKind, 'cancel'>, payload: Record<string, unknown>, clientId: string): Promise<void> {
    await enqueue(db, kind, payload, Date.now(), clientId)
    kick()
  }

  /** Replaces a refused entry by its correction, sent under the correcting draft's id. */
  async function correct(oldClientId: string, payload: Record<string, unknown>, clientId: string): Promise<void> {
    await resubmit(db, oldClientId, payload, Date.now(), clientId)
    kick()
  }

  const entry = (clientId: string) => db.outbox.get(clientId)

  /** Withdraws a sign-up; it goes out after the time for "undo" (UNDO_MS), or when the phone is back online. */
  async function cancel(clientId: string): Promise<void> {
    await requestCancel(db, clientId)
    kick()
  }

  /** Takes a withdrawal back that has not gone out yet. */
  async function undoCancel(clientId: string): Promise<void> {
    await takeBackCancel(db, clientId)
  }

  /** Forgets a finished entry on this phone only; what the server holds is unchanged. */
  async function removeFromPhone(clientId: string): Promise<void> {
    await db.outbox.delete(clientId)
    await db.meta.delete(MATCH_KEY + clientId)
  }

  const retryNow = () => void flushOutbox({ ignoreBackoff: true })

  // Tandem matches: a coordinator proposes a partner; the person answers through the entry's manage link.
  const matchRows = useLiveQuery(() => db.meta.where('key').startsWith(MATCH_KEY).toArray(), [] as KeyValue[])
  const matches = computed(() => new Map(matchRows.value.map((row) => [row.key.slice(MATCH_KEY.length), row.value as StoredMatch])))

  /** Keeps a tandem entry for another twelve months (the consent text promises this button). */
  async function renew(clientId: string): Promise<RenewResult> {
    const token = (await db.outbox.get(clientId))?.response?.manageToken
    if (!token) return 'failed'
    if (!navigator.onLine) return 'offline'
    try {
      const response = await fetch(`/api/v1/manage/${token}/renew`, { method: 'POST' })
      if (!response.ok) return 'failed'
    } catch {
      return 'offline'
    }
    await checkStatuses() // brings the new renewal date
    return 'ok'
  }

  /** Accepts or declines a proposed match. Needs a connection: an answer is not queued, the phone says so. */
  async function answerMatch(clientId: string, answer: 'accept' | 'decline'): Promise<MatchAnswerResult> {
    const token = (await db.outbox.get(clientId))?.response?.manageToken
    if (!token) return 'failed'
    const result = await answerMatchByToken(token, answer)
    if (result.kind === 'ok') await keepMatch(db, clientId, result.view)
    if (result.kind === 'stale') await checkStatuses()
    return result.kind
  }

  return { signups, entry, submit, correct, cancel, undoCancel, removeFromPhone, retryNow, matches, answerMatch, renew }
})
