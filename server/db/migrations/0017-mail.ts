import { sql, type Kysely } from 'kysely'

/**
 * E-mail (issue 14). `mail_queue` is a transactional outbox: a mail is written in the transaction of
 * the change that causes it and sent later by the worker (server/mail/mail-worker.ts), which claims
 * rows with `FOR UPDATE SKIP LOCKED` and a lease (`next_attempt_at`). Bodies and the address are
 * erased once sent; the address's hash stays a little while for the per-address limit.
 * A registration keeps whether its person wants mail (`mail_status`: null = no consent, `pending`
 * until the address is confirmed by link, `confirmed`, `stopped` after unsubscribing), the token of
 * the confirm and unsubscribe links, a copy of its manage token for the manage link in each mail, and
 * when the reminder the day before was queued.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mail_queue')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('registration_id', 'uuid', (c) => c.references('registrations.id').onDelete('cascade'))
    .addColumn('recipient', 'text')
    .addColumn('recipient_hash', 'text', (c) => c.notNull())
    .addColumn('client_hash', 'text')
    .addColumn('data', 'jsonb')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'sending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('mail_queue_due').on('mail_queue').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('mail_queue_recipient').on('mail_queue').columns(['recipient_hash', 'created_at']).execute()
  await db.schema.createIndex('mail_queue_client').on('mail_queue').columns(['client_hash', 'created_at']).execute()
  await db.schema.createIndex('mail_queue_registration').on('mail_queue').column('registration_id').execute()

  await db.schema
    .alterTable('registrations')
    .addColumn('mail_status', 'text', (c) => c.check(sql`mail_status in ('pending', 'confirmed', 'stopped')`))
    .addColumn('mail_token', 'text', (c) => c.unique())
    .addColumn('mail_manage_token', 'text')
    .addColumn('reminded_at', 'timestamptz')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('registrations').dropColumn('reminded_at').dropColumn('mail_manage_token').dropColumn('mail_token').dropColumn('mail_status').execute()
  await db.schema.dropTable('mail_queue').execute()
}
