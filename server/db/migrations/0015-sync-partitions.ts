import { sql, type Kysely } from 'kysely'

/**
 * Partitioned sync (issue 15). Tombstones carry the partition of the row they delete (a phone scoped
 * to one district must hear that a contact left it), so one id may have a tombstone per partition.
 * `sync_heads` holds the last change number per partition (district, language; '' = statewide / no
 * language): an empty pull reads a handful of its rows instead of scanning the synced tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tombstones').dropConstraint('tombstones_pk').execute()
  await db.schema.alterTable('tombstones').addColumn('district', 'text').addColumn('lang', 'text').execute()
  await db.schema.createIndex('tombstones_entity_seq').on('tombstones').columns(['entity', 'seq']).execute()
  await db.schema.createIndex('tombstones_entity_id').on('tombstones').columns(['entity', 'id']).execute()
  await db.schema.dropIndex('tombstones_seq').execute()

  await db.schema
    .createTable('sync_heads')
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_heads_pk', ['district', 'lang'])
    .execute()
  // Everything written so far counts as statewide (every scope sees it, which is always correct), up
  // to the last number the counter handed out.
  await sql`
    insert into sync_heads (district, lang, seq)
    select '', '', case when is_called then last_value else 0 end from change_seq`.execute(db)

  // A district's rows are found without reading the other districts'.
  await db.schema.createIndex('meetups_district_seq').on('meetups').columns(['district', 'seq']).execute()
  await db.schema.createIndex('contacts_district_seq').on('contacts').columns(['district', 'seq']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('contacts_district_seq').execute()
  await db.schema.dropIndex('meetups_district_seq').execute()
  await db.schema.dropTable('sync_heads').execute()
  await db.schema.createIndex('tombstones_seq').on('tombstones').column('seq').execute()
  await db.schema.dropIndex('tombstones_entity_id').execute()
  await db.schema.dropIndex('tombstones_entity_seq').execute()
  // One tombstone per id again: keep the newest.
  await sql`delete from tombstones t using tombstones n where n.entity = t.entity and n.id = t.id and n.seq > t.seq`.execute(db)
  await db.schema.alterTable('tombstones').dropColumn('district').dropColumn('lang').execute()
  await db.schema.alterTable('tombstones').addPrimaryKeyConstraint('tombstones_pk', ['entity', 'id']).execute()
}
