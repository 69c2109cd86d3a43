import { sql, type Kysely } from 'kysely'

/**
 * Guide steps say whom they are for (`situations`, empty = everyone; src/shared/guide/situations.ts),
 * and remember what the seed file last wrote (`seeded`), so a new release's content reaches a
 * database that has the guide without overwriting what a person changed (server/guide/guide-content.ts).
 * Statewide steps no one has edited since the seed (revision 1, no draft) get their current content as
 * that baseline, translations a translator reviewed left out; every other step keeps `seeded` null.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('guide_steps')
    .addColumn('situations', sql`text[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'::text[]`).check(sql`situations <@ array['asylum', 'ukraine', 'eu', 'visa', 'family']::text[]`),
    )
    .addColumn('seeded', 'jsonb')
    .execute()
  await sql`
    update guide_steps s set seeded = jsonb_build_object(
      'phase', s.phase, 'order', s.position, 'contactFields', to_jsonb(s.contact_fields), 'situations', '[]'::jsonb,
      'sources', s.sources, 'checkedOn', s.checked_on,
      'texts', coalesce((select jsonb_object_agg(t.lang, jsonb_build_object('title', t.title, 'text', t.text, 'bring', t.bring))
                         from guide_texts t where t.step_id = s.id and (t.lang = 'de' or t.status = 'machine')), '{}'::jsonb))
    where s.district is null and s.published and s.revision = 1 and s.draft is null`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('guide_steps').dropColumn('seeded').dropColumn('situations').execute()
}
