import { sql, type Kysely } from 'kysely'

/**
 * Registrations follow their date: a date can have its own capacity (null: the series' capacity), a
 * registration of a cancelled date becomes `date_cancelled` (kept for the record, its place freed),
 * and registrations are found by date and e-mail address (one place per person and date). A tandem
 * match keeps whether each side had agreed to pass on their contact when it was proposed, so the
 * coordinator's view still says so after an entry is withdrawn and erased.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table meetup_occurrences add column capacity integer check (capacity >= 1)`.execute(db)
  await sql`alter table registrations drop constraint registrations_status_check`.execute(db)
  await sql`alter table registrations add constraint registrations_status_check
            check (status in ('confirmed', 'waitlisted', 'cancelled', 'date_cancelled'))`.execute(db)
  await db.schema.createIndex('registrations_occurrence_email').on('registrations').columns(['occurrence_id', 'email']).execute()
  await db.schema.alterTable('tandem_matches').addColumn('offer_share_consent', 'boolean').execute()
  await db.schema.alterTable('tandem_matches').addColumn('request_share_consent', 'boolean').execute()
  await sql`update tandem_matches m set
              offer_share_consent = (select t.consents ? 'share' from tandems t where t.id = m.offer_id),
              request_share_consent = (select t.consents ? 'share' from tandems t where t.id = m.request_id)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tandem_matches').dropColumn('request_share_consent').execute()
  await db.schema.alterTable('tandem_matches').dropColumn('offer_share_consent').execute()
  await db.schema.dropIndex('registrations_occurrence_email').execute()
  await sql`update registrations set status = 'cancelled' where status = 'date_cancelled'`.execute(db)
  await sql`alter table registrations drop constraint registrations_status_check`.execute(db)
  await sql`alter table registrations add constraint registrations_status_check
            check (status in ('confirmed', 'waitlisted', 'cancelled'))`.execute(db)
  await sql`alter table meetup_occurrences drop column capacity`.execute(db)
}
