import { sql, type Kysely } from 'kysely'

/**
 * Newcomers' anonymous answers to "Did this help?" on guide steps and meetups (issue 19). Nothing
 * names the person or the phone: what it is about, the district, the language, yes/no, an optional
 * text (erased after FEEDBACK_TEXT_MONTHS by the retention job) and the Berlin day it came, no time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('subject', 'text', (c) => c.notNull().check(sql`subject in ('step', 'meetup')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('helped', 'boolean', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('submitted_on', 'text', (c) => c.notNull()) // Berlin calendar date, YYYY-MM-DD
    .addColumn('mark', 'text', (c) => c.check(sql`mark in ('done', 'not_relevant')`))
    .execute()
  await db.schema.createIndex('feedback_district_subject').on('feedback').columns(['district', 'subject', 'subject_id']).execute()
  await db.schema.createIndex('feedback_submitted_on').on('feedback').column('submitted_on').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feedback').execute()
}
