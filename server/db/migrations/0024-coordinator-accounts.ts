import { sql, type Kysely } from 'kysely'

/**
 * Coordinator accounts by invitation (issue 14 item 5). An invited account has no password until its
 * person sets one by link; an account can be deactivated (`active = false`: no login, no session).
 * `coordinator_tokens` holds the single-use links (invitation, forgotten password) as SHA-256 hashes
 * only, with when they expire and when they were used.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('coordinators').alterColumn('password_hash', (c) => c.dropNotNull()).execute()
  await db.schema.alterTable('coordinators').addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true)).execute()
  await db.schema
    .createTable('coordinator_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('coordinator_id', 'uuid', (c) => c.notNull().references('coordinators.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('invite', 'reset')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('coordinator_tokens_account').on('coordinator_tokens').column('coordinator_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('coordinator_tokens').execute()
  await db.schema.alterTable('coordinators').dropColumn('active').execute()
  // Accounts invited but never set up cannot stay without a password.
  await sql`delete from coordinators where password_hash is null`.execute(db)
  await db.schema.alterTable('coordinators').alterColumn('password_hash', (c) => c.setNotNull()).execute()
}
