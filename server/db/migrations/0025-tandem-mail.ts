import { sql, type Kysely } from 'kysely'

/**
 * E-mail about a tandem entry (issue 14 items 1–2), as for registrations (0017): whether its person
 * wants mail (`mail_status`: null = no consent, `pending` until the address is confirmed by link,
 * `confirmed`, `stopped`), the token of the confirm and unsubscribe links and a copy of the manage
 * token for the manage link in each mail. Queued mails name their entry, to be erased with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tandems')
    .addColumn('mail_status', 'text', (c) => c.check(sql`mail_status in ('pending', 'confirmed', 'stopped')`))
    .addColumn('mail_token', 'text', (c) => c.unique())
    .addColumn('mail_manage_token', 'text')
    .execute()
  await db.schema.alterTable('mail_queue').addColumn('tandem_id', 'uuid', (c) => c.references('tandems.id').onDelete('cascade')).execute()
  await db.schema.createIndex('mail_queue_tandem').on('mail_queue').column('tandem_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('mail_queue_tandem').execute()
  await db.schema.alterTable('mail_queue').dropColumn('tandem_id').execute()
  await db.schema.alterTable('tandems').dropColumn('mail_manage_token').dropColumn('mail_token').dropColumn('mail_status').execute()
}
