import type { Kysely } from 'kysely'

/**
 * State that more than one server process must share (issue 15): rate-limit windows per route and
 * client, coordinator login attempts (per client address and per address and account), and when each
 * background job last ran, so one process runs it per period. Times come from the app's clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('rate_limit_windows_started_at').on('rate_limit_windows').column('started_at').execute()

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('address', 'text', (c) => c.notNull())
    // A hash of the e-mail address tried, never the address itself.
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('login_attempts_address_at').on('login_attempts').columns(['address', 'at']).execute()
  await db.schema.createIndex('login_attempts_at').on('login_attempts').column('at').execute()

  await db.schema
    .createTable('job_runs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('ran_at', 'timestamptz', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('job_runs').execute()
  await db.schema.dropTable('login_attempts').execute()
  await db.schema.dropTable('rate_limit_windows').execute()
}
