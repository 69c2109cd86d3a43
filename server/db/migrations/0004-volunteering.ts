import { sql, type Kysely } from 'kysely'

/**
 * Tandem offers/requests, event registrations with a per-date counter row (locked to keep capacity
 * exact), and idempotency keys so a replayed POST returns its first answer. Personal data sits in
 * nullable columns that erasure sets to null; the rows stay so counts and replays remain right.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tandems')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('offer', 'request')`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('received', 'cancelled', 'erased')`))
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb') // name, contact, languages … — null once erased
    .addColumn('consents', 'jsonb')
    .addColumn('locale', 'text')
    .addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('renewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('erased_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('tandems_renewed').on('tandems').column('renewed_at').execute()

  await db.schema
    .createTable('registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('occurrence_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed', 'waitlisted', 'cancelled')`))
    .addColumn('name', 'text')
    .addColumn('organisation', 'text')
    .addColumn('email', 'text')
    .addColumn('working_group', 'text', (c) => c.notNull())
    .addColumn('consents', 'jsonb')
    .addColumn('locale', 'text')
    .addColumn('event_ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('manage_token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('erased_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('registrations_occurrence').on('registrations').columns(['occurrence_id', 'status', 'created_at']).execute()
  await db.schema.createIndex('registrations_event_ends').on('registrations').column('event_ends_at').execute()

  // One row per date, locked with `select … for update` while a registration or cancellation decides.
  await db.schema
    .createTable('registration_counters')
    .addColumn('occurrence_id', 'text', (c) => c.primaryKey())
    .addColumn('confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'uuid', (c) => c.primaryKey())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute()
  await db.schema.dropTable('registration_counters').execute()
  await db.schema.dropTable('registrations').execute()
  await db.schema.dropTable('tandems').execute()
}
