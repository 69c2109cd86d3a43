import { sql, type Kysely } from 'kysely'

/**
 * Tandem matching: a coordinator may withdraw a proposal (`withdrawn`, kept apart from a person's
 * `declined`), matches are listed per district, and open entries are read per district and role.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tandem_matches drop constraint tandem_matches_status_check`.execute(db)
  await sql`alter table tandem_matches add constraint tandem_matches_status_check
            check (status in ('proposed', 'active', 'declined', 'ended', 'withdrawn'))`.execute(db)
  await db.schema.createIndex('tandem_matches_district').on('tandem_matches').columns(['district', 'proposed_at']).execute()
  await sql`create index tandems_open on tandems (district, role, created_at) where status = 'received'`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tandems_open').execute()
  await db.schema.dropIndex('tandem_matches_district').execute()
  await sql`update tandem_matches set status = 'declined' where status = 'withdrawn'`.execute(db)
  await sql`alter table tandem_matches drop constraint tandem_matches_status_check`.execute(db)
  await sql`alter table tandem_matches add constraint tandem_matches_status_check
            check (status in ('proposed', 'active', 'declined', 'ended'))`.execute(db)
}
