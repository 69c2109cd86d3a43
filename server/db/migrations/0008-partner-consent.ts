import { sql, type Kysely } from 'kysely'

/**
 * The partner directory: the consent to a public listing is kept with the partner (text version,
 * time, and whether it came with a declaration or was confirmed by a coordinator), because a
 * declaration's details are erased once it is decided. Open declarations are read per district.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('partners').addColumn('listing_consent', 'jsonb').execute()
  await sql`create index partner_requests_open on partner_requests (district, submitted_at) where status = 'open'`.execute(db)
  await db.schema.createIndex('partners_district').on('partners').column('district').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('partners_district').execute()
  await db.schema.dropIndex('partner_requests_open').execute()
  await db.schema.alterTable('partners').dropColumn('listing_consent').execute()
}
