import { createHash, randomUUID } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, MailData } from '../db/schema.ts'
import type { MailKind } from './mail-kinds.ts'

type Db = Kysely<Database> | Transaction<Database>

/** A mail to queue: which message, to whom, about what. */
export interface QueuedMail {
  kind: MailKind
  to: string
  registrationId?: string
  tandemId?: string
  partnerRequestId?: string
  data: MailData
  /** Hash of the client address that caused it (only for confirmation requests, for the per-client limit). */
  clientHash?: string | undefined
}

/** A mail the worker holds: only it sends this one until its claim runs out. */
export interface ClaimedMail {
  id: string
  kind: MailKind
  to: string
  data: MailData
  attempts: number
}

/** Tries before a mail is given up (the last about a day after the first); see `retryDelayMs`. */
export const MAX_ATTEMPTS = 10
const MINUTE = 60_000

/** Wait before the next try: 1, 2, 4 … minutes, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), 6 * 60 * MINUTE)
}

export function addressHash(address: string): string {
  return createHash('sha256').update(address.trim().toLowerCase()).digest('hex')
}

/** Writes a mail in the caller's transaction: it exists exactly when the change that causes it commits. */
export async function enqueueMail(trx: Transaction<Database>, mail: QueuedMail, now: Date): Promise<void> {
  await trx
    .insertInto('mail_queue')
    .values({
      id: randomUUID(),
      kind: mail.kind,
      registration_id: mail.registrationId ?? null,
      tandem_id: mail.tandemId ?? null,
      partner_request_id: mail.partnerRequestId ?? null,
      recipient: mail.to,
      recipient_hash: addressHash(mail.to),
      client_hash: mail.clientHash ?? null,
      data: JSON.stringify(mail.data),
      status: 'queued',
      next_attempt_at: now,
      created_at: now,
      last_error: null,
    })
    .execute()
}

/** How many mails of these kinds were queued for an address since `since` (sent or not). */
export async function mailsToAddressSince(db: Db, address: string, kinds: MailKind[], since: Date): Promise<number> {
  const row = await db
    .selectFrom('mail_queue')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('recipient_hash', '=', addressHash(address))
    .where('kind', 'in', kinds)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Claims up to `limit` due mails: rows locked by another worker's claim are skipped (`SKIP LOCKED`),
 * and a claimed row is `sending` until `now + leaseMs`, so no other worker takes it while it is sent;
 * a worker that died mid-send leaves it to be taken again when the lease runs out.
 */
export async function claimDueMail(db: Kysely<Database>, now: Date, leaseMs: number, limit: number): Promise<ClaimedMail[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('mail_queue')
      .select(['id', 'kind', 'recipient', 'data', 'attempts'])
      .where('status', 'in', ['queued', 'sending'])
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute()
    if (rows.length === 0) return []
    await trx
      .updateTable('mail_queue')
      .set({ status: 'sending', next_attempt_at: new Date(now.getTime() + leaseMs), attempts: sql`attempts + 1` })
      .where('id', 'in', rows.map((r) => r.id))
      .execute()
    return rows.map((r) => ({ id: r.id, kind: r.kind as MailKind, to: r.recipient!, data: r.data!, attempts: r.attempts + 1 }))
  })
}

/** Sent: the address and the text are erased; the row (kind, address hash) stays for the limits. */
export async function markSent(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('mail_queue')
    .set({ status: 'sent', sent_at: now, recipient: null, data: null, last_error: null })
    .where('id', '=', id)
    .execute()
}

/** Not sent: tried again after a growing wait, given up (and erased) after MAX_ATTEMPTS. */
export async function markFailed(db: Kysely<Database>, mail: ClaimedMail, error: string, now: Date): Promise<void> {
  const giveUp = mail.attempts >= MAX_ATTEMPTS
  await db
    .updateTable('mail_queue')
    .set({
      status: giveUp ? 'failed' : 'queued',
      next_attempt_at: new Date(now.getTime() + retryDelayMs(mail.attempts)),
      last_error: error.slice(0, 500),
      ...(giveUp ? { recipient: null, data: null } : {}),
    })
    .where('id', '=', mail.id)
    .execute()
}

/** With a registration's personal data: its mails not yet sent go; sent ones keep only kind and hash. */
export async function eraseMailOf(trx: Transaction<Database>, registrationIds: string[]): Promise<void> {
  if (registrationIds.length === 0) return
  await trx.deleteFrom('mail_queue').where('registration_id', 'in', registrationIds).where('status', '<>', 'sent').execute()
  await trx.updateTable('mail_queue').set({ registration_id: null }).where('registration_id', 'in', registrationIds).execute()
}

/** Sent and failed rows older than `before` (only their address hash is left) are deleted. */
export async function deleteOldMail(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('mail_queue').where('status', 'in', ['sent', 'failed']).where('created_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
