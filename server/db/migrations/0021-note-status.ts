import { sql, type Kysely } from 'kysely'

/**
 * Local notes get a translation status per language, like step texts: `status` maps each language
 * but German to `outdated`, `machine` or `reviewed`. Nobody has been recorded as checking the notes
 * written so far, so their translations count as `machine` (what the phone assumed for them already).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('guide_notes')
    .addColumn('status', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await sql`
    update guide_notes set status = coalesce(
      (select jsonb_object_agg(t.key, 'machine') from jsonb_each(text) t where t.key <> 'de'), '{}'::jsonb)`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('guide_notes').dropColumn('status').execute()
}
