import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { lockCounter } from '../volunteering/registrations.repository.ts'
import { queueRegistrationMail } from './registration-mail.ts'
import { queueTandemMails } from './tandem-mail.ts'

/** The language of a mail token's registration or tandem entry, for the page the link opens; undefined for an unknown token. */
export async function mailTokenLanguage(db: Kysely<Database>, token: string): Promise<string | undefined> {
  const row =
    (await db.selectFrom('registrations').select('locale').where('mail_token', '=', token).executeTakeFirst()) ??
    (await db.selectFrom('tandems').select('locale').where('mail_token', '=', token).executeTakeFirst())
  return row ? (row.locale ?? 'de') : undefined
}

/**
 * The address is confirmed (double opt-in): from now on mail about the registration goes out, first
 * the one its status calls for (a place with the calendar file, or the waiting list). Repeatable: a
 * second click sends nothing. Undefined for an unknown token; the registration's language otherwise.
 */
export async function confirmAddress(db: Kysely<Database>, token: string, now: Date): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('registrations').select(['id', 'occurrence_id']).where('mail_token', '=', token).executeTakeFirst()
    if (!found) return confirmTandemAddress(trx, token, now)
    // Under the date's lock, so a place given at the same moment is told exactly once.
    await lockCounter(trx, found.occurrence_id)
    const row = await trx.selectFrom('registrations').select(['status', 'mail_status', 'locale']).where('id', '=', found.id).forUpdate().executeTakeFirstOrThrow()
    if (row.mail_status === 'pending') {
      await trx.updateTable('registrations').set({ mail_status: 'confirmed' }).where('id', '=', found.id).execute()
      if (row.status === 'confirmed') await queueRegistrationMail(trx, found.id, 'registration-confirmed', now)
      if (row.status === 'waitlisted') await queueRegistrationMail(trx, found.id, 'registration-waitlisted', now)
    }
    return row.locale ?? 'de'
  })
}

/** No more mail about this registration (RFC 8058 one-click, or the page): what is still queued is dropped. */
export async function unsubscribe(db: Kysely<Database>, token: string): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('registrations')
      .set({ mail_status: 'stopped', mail_manage_token: null })
      .where('mail_token', '=', token)
      .returning(['id', 'locale'])
      .executeTakeFirst()
    if (!row) return unsubscribeTandem(trx, token)
    await trx.deleteFrom('mail_queue').where('registration_id', '=', row.id).where('status', 'in', ['queued', 'failed']).execute()
    return row.locale ?? 'de'
  })
}

/** A tandem entry's address is confirmed; a match proposed meanwhile is told at once. */
async function confirmTandemAddress(trx: Transaction<Database>, token: string, now: Date): Promise<string | undefined> {
  const row = await trx.selectFrom('tandems').select(['id', 'locale', 'mail_status']).where('mail_token', '=', token).forUpdate().executeTakeFirst()
  if (!row) return undefined
  if (row.mail_status === 'pending') {
    await trx.updateTable('tandems').set({ mail_status: 'confirmed' }).where('id', '=', row.id).execute()
    const proposed = await trx
      .selectFrom('tandem_matches')
      .select('id')
      .where('status', '=', 'proposed')
      .where((eb) => eb.or([eb('offer_id', '=', row.id), eb('request_id', '=', row.id)]))
      .executeTakeFirst()
    if (proposed) await queueTandemMails(trx, [row.id], 'tandem-match-proposed', now)
  }
  return row.locale ?? 'de'
}

async function unsubscribeTandem(trx: Transaction<Database>, token: string): Promise<string | undefined> {
  const row = await trx.updateTable('tandems').set({ mail_status: 'stopped', mail_manage_token: null }).where('mail_token', '=', token).returning(['id', 'locale']).executeTakeFirst()
  if (!row) return undefined
  await trx.deleteFrom('mail_queue').where('tandem_id', '=', row.id).where('status', 'in', ['queued', 'failed']).execute()
  return row.locale ?? 'de'
}
