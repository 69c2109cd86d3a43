import type { WillkommenDb } from '../db/db.ts'
import type { OutboxEntry, OutboxKind } from './outbox-entry.ts'

/**
 * Saves a submission on the phone first; sending comes after, so nothing typed is lost. A form passes
 * its draft's id as `clientId`: the same draft enqueued twice (a double tap, a second tab) stays one
 * entry, and the server sees one Idempotency-Key.
 */
export async function enqueue(
  db: WillkommenDb,
  kind: OutboxKind,
  payload: Record<string, unknown>,
  now = Date.now(),
  clientId: string = crypto.randomUUID(),
): Promise<OutboxEntry> {
  return db.transaction('rw', db.outbox, async () => {
    const existing = await db.outbox.get(clientId)
    if (existing) return existing
    const entry: OutboxEntry = {
      clientId,
      kind,
      payload,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      response: null,
      createdAt: now,
    }
    await db.outbox.add(entry)
    return entry
  })
}
