import { sql, type Kysely } from 'kysely'

/**
 * The content workspace: guide steps become structure only (district for district-only steps, source
 * links, "last checked", a revision for concurrent edits, an unpublished draft); their texts move to
 * `guide_texts`, one row per language with a translation status; districts add local notes
 * (`guide_notes`); contacts get a revision. Moved rows take new change numbers so phones fetch the new shapes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('guide_steps')
    .addColumn('district', 'text')
    .addColumn('sources', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('checked_on', 'text', (c) => c.check(sql`checked_on ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('draft', 'jsonb')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()

  await db.schema
    .createTable('guide_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('step_id', 'text', (c) => c.notNull().references('guide_steps.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('bring', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('outdated', 'machine', 'reviewed')`))
    // The partition of the row (the step's district; null = statewide), for scoped sync.
    .addColumn('district', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('guide_texts_step_lang', ['step_id', 'lang'])
    .execute()
  await db.schema.createIndex('guide_texts_seq').on('guide_texts').column('seq').execute()

  // Existing texts: German is the source (reviewed); no person has been recorded as checking the
  // others, so they count as `machine` until a translator reviews them.
  await sql`
    insert into guide_texts (id, step_id, lang, title, text, bring, status, district, seq)
    select s.id || ':' || t.key, s.id, t.key, t.value, coalesce(s.text ->> t.key, ''),
           coalesce(s.bring -> t.key, '[]'::jsonb),
           case when t.key = 'de' then 'reviewed' else 'machine' end, null, nextval('change_seq')
    from guide_steps s cross join lateral jsonb_each_text(s.title) t
    order by s.id, t.key`.execute(db)
  await sql`update guide_steps set seq = nextval('change_seq')`.execute(db)
  await db.schema.alterTable('guide_steps').dropColumn('title').dropColumn('text').dropColumn('bring').execute()

  await db.schema
    .createTable('guide_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('step_id', 'text', (c) => c.notNull().references('guide_steps.id').onDelete('cascade'))
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('text', 'jsonb', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('guide_notes_seq').on('guide_notes').column('seq').execute()

  await db.schema.alterTable('contacts').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1)).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contacts').dropColumn('revision').execute()
  await db.schema.dropTable('guide_notes').execute()
  await db.schema
    .alterTable('guide_steps')
    .addColumn('title', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('text', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('bring', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await sql`
    update guide_steps s set
      title = coalesce((select jsonb_object_agg(t.lang, t.title) from guide_texts t where t.step_id = s.id), '{}'::jsonb),
      text = coalesce((select jsonb_object_agg(t.lang, t.text) from guide_texts t where t.step_id = s.id), '{}'::jsonb),
      bring = coalesce((select jsonb_object_agg(t.lang, t.bring) from guide_texts t where t.step_id = s.id), '{}'::jsonb)`.execute(db)
  // The defaults only filled the rows above; 0002 made these columns without one.
  await db.schema
    .alterTable('guide_steps')
    .alterColumn('title', (c) => c.dropDefault())
    .alterColumn('text', (c) => c.dropDefault())
    .alterColumn('bring', (c) => c.dropDefault())
    .execute()
  await db.schema.dropTable('guide_texts').execute()
  await sql`delete from guide_steps where not published`.execute(db)
  await db.schema
    .alterTable('guide_steps')
    .dropColumn('district')
    .dropColumn('sources')
    .dropColumn('checked_on')
    .dropColumn('published')
    .dropColumn('draft')
    .dropColumn('revision')
    .execute()
}
