import { sql, type Kysely } from 'kysely'

/**
 * E-mail about a partner declaration (issue 14), as for tandem entries (0025): the language it was
 * sent in (kept after its details are erased, for the pages its links open), whether the organisation
 * wants mail (`mail_status`: null = no consent, `pending` until the address is confirmed by link,
 * `confirmed`, `stopped`), the token of the confirm and unsubscribe links and a copy of the status
 * token for the status link in each mail. Queued mails name their declaration, to be erased with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('partner_requests')
    .addColumn('locale', 'text')
    .addColumn('mail_status', 'text', (c) => c.check(sql`mail_status in ('pending', 'confirmed', 'stopped')`))
    .addColumn('mail_token', 'text', (c) => c.unique())
    .addColumn('mail_manage_token', 'text')
    .execute()
  await db.schema.alterTable('mail_queue').addColumn('partner_request_id', 'uuid', (c) => c.references('partner_requests.id').onDelete('cascade')).execute()
  await db.schema.createIndex('mail_queue_partner_request').on('mail_queue').column('partner_request_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('mail_queue_partner_request').execute()
  await db.schema.alterTable('mail_queue').dropColumn('partner_request_id').execute()
  await db.schema.alterTable('partner_requests').dropColumn('mail_manage_token').dropColumn('mail_token').dropColumn('mail_status').dropColumn('locale').execute()
}
