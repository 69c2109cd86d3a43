import { randomUUID } from 'node:crypto'
import { newMailToken } from '../mail/registration-mail.ts'
import { queueTandemConfirmRequest } from '../mail/tandem-mail.ts'
import { eraseEntryMail } from '../mail/mail-owners.ts'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, TandemsTable } from '../db/schema.ts'
import type { TandemInput } from '../../src/shared/volunteering/tandem.schema.ts'
import type { Answer } from '../idempotency/idempotency.ts'
import { newManageToken } from './manage-token.ts'

/** Stores a tandem offer or request; matching happens later by a coordinator, so the status is `received`. */
export async function createTandem(trx: Transaction<Database>, input: TandemInput, now: Date, clientHash?: string): Promise<Answer> {
  const { role, kind, district, consents, locale, ...details } = input
  const id = randomUUID()
  const { token, hash } = newManageToken()
  // E-mail only with its own consent, and only once the address is confirmed (double opt-in).
  const wantsMail = Boolean(consents.mail && details.email)
  await trx
    .insertInto('tandems')
    .values({
      id,
      role,
      kind,
      status: 'received',
      district,
      details: JSON.stringify(details),
      consents: JSON.stringify(consents),
      locale: locale ?? null,
      manage_token_hash: hash,
      created_at: now,
      renewed_at: now,
      ...(wantsMail ? { mail_status: 'pending' as const, mail_token: newMailToken(), mail_manage_token: token } : {}),
    })
    .execute()
  if (wantsMail) await queueTandemConfirmRequest(trx, id, clientHash, now)
  return { statusCode: 201, body: { id, status: 'received', manageToken: token } }
}

export async function findTandemByTokenHash(db: Kysely<Database>, hash: string): Promise<Selectable<TandemsTable> | undefined> {
  return db.selectFrom('tandems').selectAll().where('manage_token_hash', '=', hash).executeTakeFirst()
}

/** Withdraws an entry and erases everything personal; the bare row stays so a repeated cancel still answers. */
export async function cancelTandem(trx: Transaction<Database>, id: string, now: Date): Promise<void> {
  await trx
    .updateTable('tandems')
    .set({ status: 'cancelled', details: null, consents: null, erased_at: now })
    .where('id', '=', id)
    .where('status', '=', 'received')
    .execute()
  await eraseEntryMail(trx, 'tandems', [id])
}

/** The person confirms the entry is still wanted; the 12-month retention counts from here. */
export async function renewTandem(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db.updateTable('tandems').set({ renewed_at: now }).where('id', '=', id).where('status', '=', 'received').execute()
}
