import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { lockCounter } from '../volunteering/registrations.repository.ts'
import { queueRegistrationMail } from './registration-mail.ts'
import { queueTandemMails } from './tandem-mail.ts'
import { queuePartnerReceived } from './partner-mail.ts'
import { findByMailToken, stopMail, type MailOwner } from './mail-owners.ts'

/** The language of a mail token's registration, tandem entry or partner declaration, for the page the link opens; undefined for an unknown token. */
export async function mailTokenLanguage(db: Kysely<Database>, token: string): Promise<string | undefined> {
  return (await findByMailToken(db, token))?.lang
}

/**
 * The address is confirmed (double opt-in): from now on mail about the registration, tandem entry or
 * partner declaration goes out, first the one its state calls for. Repeatable: a second click sends
 * nothing. Undefined for an unknown token; the language of what it is about otherwise.
 */
export async function confirmAddress(db: Kysely<Database>, token: string, now: Date): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const found = await findByMailToken(trx, token)
    if (!found) return undefined
    await CONFIRM[found.owner](trx, found.id, now)
    return found.lang
  })
}

/** No more mail about this (RFC 8058 one-click, or the page): what is still queued is dropped. */
export async function unsubscribe(db: Kysely<Database>, token: string): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const found = await findByMailToken(trx, token)
    if (found) await stopMail(trx, found.owner, found.id)
    return found?.lang
  })
}

/** Marks a pending address confirmed under a row lock; true when it was pending (then the first mail follows). */
async function markConfirmed(trx: Transaction<Database>, owner: MailOwner, id: string): Promise<boolean> {
  const row = await trx.selectFrom(owner).select('mail_status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
  if (row.mail_status !== 'pending') return false
  await trx.updateTable(owner).set({ mail_status: 'confirmed' }).where('id', '=', id).execute()
  return true
}

const CONFIRM: Record<MailOwner, (trx: Transaction<Database>, id: string, now: Date) => Promise<void>> = {
  /** A place with the calendar file, or the waiting list; under the date's lock, so a place given at the same moment is told exactly once. */
  async registrations(trx, id, now) {
    const { occurrence_id } = await trx.selectFrom('registrations').select('occurrence_id').where('id', '=', id).executeTakeFirstOrThrow()
    await lockCounter(trx, occurrence_id)
    if (!(await markConfirmed(trx, 'registrations', id))) return
    const { status } = await trx.selectFrom('registrations').select('status').where('id', '=', id).executeTakeFirstOrThrow()
    if (status === 'confirmed') await queueRegistrationMail(trx, id, 'registration-confirmed', now)
    if (status === 'waitlisted') await queueRegistrationMail(trx, id, 'registration-waitlisted', now)
  },
  /** A match proposed meanwhile is told at once. */
  async tandems(trx, id, now) {
    if (!(await markConfirmed(trx, 'tandems', id))) return
    const proposed = await trx
      .selectFrom('tandem_matches')
      .select('id')
      .where('status', '=', 'proposed')
      .where((eb) => eb.or([eb('offer_id', '=', id), eb('request_id', '=', id)]))
      .executeTakeFirst()
    if (proposed) await queueTandemMails(trx, [id], 'tandem-match-proposed', now)
  },
  /** "Your declaration has arrived" (a decided one no longer waits for a confirmation: see partnerRequestDecided). */
  async partner_requests(trx, id, now) {
    if (await markConfirmed(trx, 'partner_requests', id)) await queuePartnerReceived(trx, id, now)
  },
}
