import { sql, type Kysely } from 'kysely'

/** Guide steps (loaded from server/guide/guide-steps.json at start) and the local contacts directory. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guide_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phase', 'text', (c) => c.notNull().check(sql`phase in ('planning', 'first-steps', 'settling-in')`))
    // "order" is an SQL keyword; the API calls it `order`.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('contact_fields', sql`text[]`, (c) => c.notNull())
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('text', 'jsonb', (c) => c.notNull())
    .addColumn('bring', 'jsonb', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('guide_steps_seq').on('guide_steps').column('seq').execute()
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'jsonb', (c) => c.notNull())
    .addColumn('fields', sql`text[]`, (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('opening_hours', 'jsonb')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('languages', sql`text[]`, (c) => c.notNull())
    .addColumn('is_sample', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('contacts_seq').on('contacts').column('seq').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contacts').execute()
  await db.schema.dropTable('guide_steps').execute()
}
