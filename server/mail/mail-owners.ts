import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * What mail can be about, each with the `mail_queue` column that names it. All three keep the same
 * mail columns: `mail_status`, `mail_token` (confirm and unsubscribe links), `mail_manage_token` (the
 * copy of the manage or status token for the link in each mail) and `locale`.
 */
export const MAIL_OWNERS = { registrations: 'registration_id', tandems: 'tandem_id', partner_requests: 'partner_request_id' } as const
export type MailOwner = keyof typeof MAIL_OWNERS
const OWNER_TABLES = Object.keys(MAIL_OWNERS) as MailOwner[]

/** The row a mail token belongs to (its table, id and language), or undefined for an unknown token. */
export async function findByMailToken(db: Kysely<Database> | Transaction<Database>, token: string): Promise<{ owner: MailOwner; id: string; lang: string } | undefined> {
  for (const owner of OWNER_TABLES) {
    const row = await db.selectFrom(owner).select(['id', 'locale']).where('mail_token', '=', token).executeTakeFirst()
    if (row) return { owner, id: row.id, lang: row.locale ?? 'de' }
  }
  return undefined
}

/** No more mail about this row (RFC 8058 one-click, or the page): what is still queued is dropped. */
export async function stopMail(trx: Transaction<Database>, owner: MailOwner, id: string): Promise<void> {
  await trx.updateTable(owner).set({ mail_status: 'stopped', mail_manage_token: null }).where('id', '=', id).execute()
  await trx.deleteFrom('mail_queue').where(MAIL_OWNERS[owner], '=', id).where('status', 'in', ['queued', 'failed']).execute()
}

/** With an entry's personal data: its mail columns and its mails not yet sent go; sent ones keep only kind and hash. */
export async function eraseEntryMail(trx: Transaction<Database>, owner: Exclude<MailOwner, 'registrations'>, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  const column = MAIL_OWNERS[owner]
  await trx.updateTable(owner).set({ mail_status: null, mail_token: null, mail_manage_token: null }).where('id', 'in', ids).execute()
  await trx.deleteFrom('mail_queue').where(column, 'in', ids).where('status', '<>', 'sent').execute()
  await trx.updateTable('mail_queue').set({ [column]: null }).where(column, 'in', ids).execute()
}
