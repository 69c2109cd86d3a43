import { sql, type Kysely } from 'kysely'

/**
 * The Magdeburg network's rules (seed 004) and limits on registrations (issue 18 item 6):
 * - `registrations.client_hash`: SHA-256 of the client address that registered, for the limit per
 *   client and date and the coordinator's view of bulk entries; erased with the registration.
 * - guests: `attending_as` (`participant` | `guest`) with the guest's `contribution` to the agenda; a
 *   guest's registration is `requested` until a coordinator approves (then it takes a place) or
 *   `declined`s it.
 * - `working_group` may be null: a district without working groups asks for none.
 * - `network_rules`: a network's rules text per district, one row per dated version; partner
 *   declarations and partners record the version acknowledged (`rules_version`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('registrations')
    .addColumn('client_hash', 'text')
    .addColumn('attending_as', 'text', (c) => c.notNull().defaultTo('participant').check(sql`attending_as in ('participant', 'guest')`))
    .addColumn('contribution', 'text')
    .execute()
  await sql`alter table registrations alter column working_group drop not null`.execute(db)
  await sql`alter table registrations drop constraint registrations_status_check`.execute(db)
  await sql`alter table registrations add constraint registrations_status_check
            check (status in ('confirmed', 'waitlisted', 'cancelled', 'date_cancelled', 'requested', 'declined'))`.execute(db)
  await db.schema.createIndex('registrations_client').on('registrations').columns(['occurrence_id', 'client_hash']).execute()
  await db.schema
    .createTable('network_rules')
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull().check(sql`version ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_rules_pk', ['district', 'version'])
    .execute()
  await db.schema.alterTable('partner_requests').addColumn('rules_version', 'text').execute()
  await db.schema.alterTable('partners').addColumn('rules_version', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('partners').dropColumn('rules_version').execute()
  await db.schema.alterTable('partner_requests').dropColumn('rules_version').execute()
  await db.schema.dropTable('network_rules').execute()
  await db.schema.dropIndex('registrations_client').execute()
  await sql`update registrations set status = 'cancelled' where status in ('requested', 'declined')`.execute(db)
  await sql`alter table registrations drop constraint registrations_status_check`.execute(db)
  await sql`alter table registrations add constraint registrations_status_check
            check (status in ('confirmed', 'waitlisted', 'cancelled', 'date_cancelled'))`.execute(db)
  await sql`update registrations set working_group = 'cross-group' where working_group is null`.execute(db)
  await sql`alter table registrations alter column working_group set not null`.execute(db)
  await db.schema.alterTable('registrations').dropColumn('client_hash').dropColumn('attending_as').dropColumn('contribution').execute()
}
