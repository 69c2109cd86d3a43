import { sql, type Kysely } from 'kysely'

/**
 * The coordinator workspace: accounts with a role and districts, login sessions (only a hash of the
 * token is stored), an append-only audit log, attendance on registrations, tandem matches, and the
 * network's partner directory with partners' own entry/change/deletion requests and attendance.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coordinators')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'coordinator')`))
    .addColumn('districts', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('coordinator_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('coordinator_id', 'uuid', (c) => c.notNull().references('coordinators.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('actor', 'text', (c) => c.notNull()) // a coordinator's e-mail, or 'system' / 'partner' / 'participant'
    .addColumn('action', 'text', (c) => c.notNull()) // e.g. meetup.create, match.propose, partner.delete
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute()
  await db.schema.createIndex('audit_log_district_at').on('audit_log').columns(['district', 'at']).execute()

  await db.schema.alterTable('registrations').addColumn('attended', 'boolean').execute()

  await db.schema
    .createTable('tandem_matches')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('offer_id', 'uuid', (c) => c.notNull().references('tandems.id'))
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('tandems.id'))
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('proposed', 'active', 'declined', 'ended')`))
    .addColumn('offer_answer', 'text', (c) => c.check(sql`offer_answer in ('accepted', 'declined')`))
    .addColumn('request_answer', 'text', (c) => c.check(sql`request_answer in ('accepted', 'declined')`))
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // A tandem entry is in at most one open (proposed or active) match at a time.
  await sql`create unique index tandem_matches_open_offer on tandem_matches (offer_id) where status in ('proposed', 'active')`.execute(db)
  await sql`create unique index tandem_matches_open_request on tandem_matches (request_id) where status in ('proposed', 'active')`.execute(db)

  await db.schema
    .createTable('partners')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('contact_function', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('working_groups', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('public_listing', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('partner_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('entry', 'change', 'deletion')`))
    .addColumn('partner_id', 'uuid', (c) => c.references('partners.id').onDelete('set null'))
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb') // what the partner typed; null once decided and erased
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'applied', 'rejected')`))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'text')
    .execute()

  await db.schema
    .createTable('partner_attendance')
    .addColumn('partner_id', 'uuid', (c) => c.notNull().references('partners.id').onDelete('cascade'))
    .addColumn('occurrence_id', 'text', (c) => c.notNull())
    .addColumn('attended_on', 'text', (c) => c.notNull()) // Berlin calendar date, YYYY-MM-DD
    .addPrimaryKeyConstraint('partner_attendance_pk', ['partner_id', 'occurrence_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['partner_attendance', 'partner_requests', 'partners', 'tandem_matches', 'audit_log', 'coordinator_sessions', 'coordinators']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.alterTable('registrations').dropColumn('attended').execute()
}
