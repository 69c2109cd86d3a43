import type { WillkommenDb } from '../db/db.ts'
import type { OutboxEntry, OutboxKind } from './outbox-entry.ts'
import { backoffDelay } from './backoff.ts'
import { deviceKey } from './device-key.ts'
import { enqueue } from './enqueue.ts'

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>

export interface OutboxDeps {
  db: WillkommenDb
  fetch: Fetch
  now?: () => number
  random?: () => number
}

const ENDPOINTS: Record<Exclude<OutboxKind, 'cancel'>, string> = {
  tandem: '/api/v1/tandems',
  registration: '/api/v1/registrations',
  'partner-request': '/api/v1/partner-requests',
  feedback: '/api/v1/feedback',
}

/** Kinds the server answers without a manage token (nothing to cancel or download later). */
const WITHOUT_MANAGE_TOKEN: ReadonlySet<OutboxKind> = new Set(['partner-request', 'feedback'])

/** Answers worth retrying: the server or the way to it is unwell, not the request. */
const RETRYABLE = new Set([408, 425, 429])

/** After a crash or reload mid-request, a `sending` entry is sent again; the Idempotency-Key makes that safe. */
export async function recoverInterrupted(db: WillkommenDb): Promise<void> {
  await db.outbox.where('state').equals('sending').modify({ state: 'pending' })
}

/**
 * A corrected rejected entry goes out as a new submission with a new key (`newClientId`, the correcting
 * draft's id), replacing the old one. Done twice with the same new key, the second time finds it done.
 */
export async function resubmit(
  db: WillkommenDb,
  clientId: string,
  payload: Record<string, unknown>,
  now = Date.now(),
  newClientId: string = crypto.randomUUID(),
): Promise<OutboxEntry> {
  return db.transaction('rw', db.outbox, async () => {
    const old = await db.outbox.get(clientId)
    const done = await db.outbox.get(newClientId)
    if (!old && done) return done
    if (!old || old.state !== 'rejected') throw new Error('Only a rejected entry can be corrected')
    await db.outbox.delete(clientId)
    return enqueue(db, old.kind, payload, now, newClientId)
  })
}

/** How long a withdrawal waits before it goes out, so that "undo" can still take it back. */
export const UNDO_MS = 8_000

/**
 * Withdraws a sign-up. One the server refused is simply removed. Otherwise a cancellation is queued and
 * held for UNDO_MS (and for as long as the phone is offline): until it goes out, `undoCancel` takes it
 * back. It then waits until the sign-up has its manage token (a lost answer is fetched again by the
 * replay); a sign-up that was never sent is never sent and just removed.
 */
export async function requestCancel(db: WillkommenDb, clientId: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const target = await db.outbox.get(clientId)
    if (!target) return
    if (target.state === 'rejected') {
      await db.outbox.delete(clientId)
      return
    }
    if (await cancelOf(db, clientId)) return
    const cancel = await enqueue(db, 'cancel', { targetClientId: clientId }, now)
    await db.outbox.update(cancel.clientId, { heldUntil: now + UNDO_MS, nextAttemptAt: now + UNDO_MS })
  })
}

const cancelOf = (db: WillkommenDb, targetClientId: string) =>
  db.outbox.filter((e) => e.kind === 'cancel' && e.payload.targetClientId === targetClientId).first()

/** Takes a withdrawal back while it has not gone out; false once it is being sent or done. */
export async function undoCancel(db: WillkommenDb, targetClientId: string): Promise<boolean> {
  return db.transaction('rw', db.outbox, async () => {
    const cancel = await cancelOf(db, targetClientId)
    if (cancel?.state !== 'pending') return false
    await db.outbox.delete(cancel.clientId)
    return true
  })
}

const neverSent = (entry: OutboxEntry) => entry.state === 'pending' && entry.attempts === 0

/** Withdrawals of sign-ups that never left the phone need no server: once their hold is over, both go. */
export async function settleUnsentWithdrawals(db: WillkommenDb, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const due = await db.outbox.filter((e) => e.kind === 'cancel' && e.state === 'pending' && (e.heldUntil ?? 0) <= now).toArray()
    for (const cancel of due) {
      const target = await db.outbox.get(String(cancel.payload.targetClientId))
      if (target && !neverSent(target)) continue
      if (target) await db.outbox.delete(target.clientId)
      await db.outbox.delete(cancel.clientId)
    }
  })
}

type Outcome = { kind: 'done'; status: number; body: unknown } | { kind: 'retry'; retryAfterMs?: number } | { kind: 'rejected'; code: string; fields: Record<string, string> }

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

async function send(entry: OutboxEntry, deps: OutboxDeps): Promise<Outcome | 'wait'> {
  let response: Response
  if (entry.kind === 'cancel') {
    const target = await deps.db.outbox.get(String(entry.payload.targetClientId))
    if (!target) return { kind: 'done', status: 204, body: undefined }
    if (!target.response?.manageToken) return 'wait'
    response = await deps.fetch(`/api/v1/manage/${target.response.manageToken}`, { method: 'DELETE' })
    // An entry the server no longer knows (erased) is as good as cancelled.
    if (response.status === 404) return { kind: 'done', status: 204, body: undefined }
  } else {
    response = await deps.fetch(ENDPOINTS[entry.kind], {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'idempotency-key': entry.clientId,
        ...(entry.kind === 'registration' ? { 'x-device-key': await deviceKey(deps.db) } : {}),
      },
      body: JSON.stringify(entry.payload),
    })
  }
  if (response.ok) return { kind: 'done', status: response.status, body: await readJson(response) }
  if (response.status >= 500 || RETRYABLE.has(response.status)) {
    const seconds = Number(response.headers.get('retry-after'))
    return { kind: 'retry', ...(seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}) }
  }
  const body = (await readJson(response)) as { error?: string; fields?: Record<string, string> } | undefined
  return { kind: 'rejected', code: body?.error ?? `http_${response.status}`, fields: body?.fields ?? {} }
}

async function record(entry: OutboxEntry, outcome: Outcome, deps: OutboxDeps, now: number): Promise<void> {
  const { db } = deps
  if (outcome.kind === 'retry') {
    const delay = Math.max(backoffDelay(entry.attempts, deps.random), outcome.retryAfterMs ?? 0)
    await db.outbox.update(entry.clientId, { state: 'pending', nextAttemptAt: now + delay })
  } else if (outcome.kind === 'rejected') {
    await db.outbox.update(entry.clientId, { state: 'rejected', lastError: { code: outcome.code, fields: outcome.fields } })
  } else if (entry.kind === 'cancel') {
    await db.transaction('rw', db.outbox, async () => {
      const targetId = String(entry.payload.targetClientId)
      const target = await db.outbox.get(targetId)
      if (target?.response) await db.outbox.update(targetId, { response: { ...target.response, status: 'cancelled' } })
      await db.outbox.delete(entry.clientId)
    })
  } else {
    const body = outcome.body as { id?: string; status?: string; manageToken?: string; statusToken?: string } | undefined
    if (!body?.status || (!body.manageToken && !WITHOUT_MANAGE_TOKEN.has(entry.kind))) {
      await db.outbox.update(entry.clientId, { state: 'pending', nextAttemptAt: now + backoffDelay(entry.attempts, deps.random) })
      return
    }
    await db.outbox.update(entry.clientId, {
      state: 'sent',
      lastError: null,
      response: {
        id: body.id,
        status: body.status,
        ...(body.manageToken ? { manageToken: body.manageToken } : {}),
        ...(body.statusToken ? { statusToken: body.statusToken } : {}),
      },
    })
  }
}

export interface FlushOptions {
  /** Try every pending entry now, e.g. because the network just came back. */
  ignoreBackoff?: boolean
}

/** Sends every pending entry that is due, oldest first. Returns when each has an outcome for this round. */
export async function flush(deps: OutboxDeps, options: FlushOptions = {}): Promise<void> {
  const now = deps.now ?? Date.now
  const { db } = deps
  await settleUnsentWithdrawals(db, now())
  const withdrawn = new Set((await db.outbox.filter((e) => e.kind === 'cancel').toArray()).map((e) => String(e.payload.targetClientId)))
  const pending = (await db.outbox.where('state').equals('pending').toArray()).sort(
    // Oldest first; a cancellation after the sign-up it cancels, even when made in the same millisecond.
    (a, b) => a.createdAt - b.createdAt || Number(a.kind === 'cancel') - Number(b.kind === 'cancel'),
  )
  for (const candidate of pending) {
    if ((candidate.heldUntil ?? 0) > now()) continue // a withdrawal in its time for "undo"
    if (!options.ignoreBackoff && candidate.nextAttemptAt > now()) continue
    if (withdrawn.has(candidate.clientId) && neverSent(candidate)) continue // withdrawn before it was ever sent
    const entry: OutboxEntry = { ...candidate, state: 'sending', attempts: candidate.attempts + 1 }
    // Claimed only if still pending: an undo may have taken it back since the list was read.
    const claimed = await db.transaction('rw', db.outbox, async () => {
      if ((await db.outbox.get(entry.clientId))?.state !== 'pending') return false
      await db.outbox.update(entry.clientId, { state: 'sending', attempts: entry.attempts })
      return true
    })
    if (!claimed) continue
    let outcome: Outcome | 'wait'
    try {
      outcome = await send(entry, deps)
    } catch {
      outcome = { kind: 'retry' } // offline, DNS, connection reset: the request may or may not have arrived
    }
    if (outcome === 'wait') {
      await deps.db.outbox.update(entry.clientId, { state: 'pending', attempts: candidate.attempts })
      continue
    }
    await record(entry, outcome, deps, now())
  }
}

/** Earliest time a pending entry is due, for the retry timer. */
export async function nextDueAt(db: WillkommenDb): Promise<number | undefined> {
  const pending = await db.outbox.where('state').equals('pending').toArray()
  return pending.length ? Math.min(...pending.map((e) => e.nextAttemptAt)) : undefined
}
