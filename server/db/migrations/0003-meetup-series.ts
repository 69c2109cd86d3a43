import { sql, type Kysely } from 'kysely'

/**
 * Meetups become series: a row of `meetups` is now one event with an optional RFC 5545 rule in
 * Berlin wall time, and `meetup_occurrences` holds its concrete dates. An occurrence id is derived
 * from the series id and the original local start (`<seriesId>:20261203T1700`), so it stays the same
 * when the series is regenerated and registrations can point at it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('meetups')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('accessibility', 'jsonb')
    .addColumn('organiser', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('audience', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{newcomers}'`))
    .addColumn('cost', 'jsonb')
    .addColumn('registration_required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('capacity', 'integer')
    .addColumn('starts_local', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('rrule', 'text')
    .addColumn('exceptions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createTable('meetup_occurrences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meetup_id', 'uuid', (c) => c.notNull().references('meetups.id'))
    .addColumn('original_start', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled', 'cancelled')`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('meetup_occurrences_seq').on('meetup_occurrences').column('seq').execute()
  await db.schema.createIndex('meetup_occurrences_meetup').on('meetup_occurrences').columns(['meetup_id', 'starts_at']).execute()
  await db.schema.createIndex('meetup_occurrences_starts').on('meetup_occurrences').column('starts_at').execute()

  // Each one-off meetup of the skeleton becomes a series of one date, in Berlin wall time.
  await sql`
    update meetups set
      starts_local = to_char(starts_at at time zone 'Europe/Berlin', 'YYYY-MM-DD"T"HH24:MI'),
      duration_minutes = greatest(1, round(extract(epoch from (ends_at - starts_at)) / 60))::integer`.execute(db)
  await sql`
    insert into meetup_occurrences (id, meetup_id, original_start, starts_at, ends_at, status, seq)
    select id::text || ':' || to_char(starts_at at time zone 'Europe/Berlin', 'YYYYMMDD"T"HH24MI'), id,
           to_char(starts_at at time zone 'Europe/Berlin', 'YYYYMMDD"T"HH24MI'), starts_at, ends_at, 'scheduled', seq
    from meetups`.execute(db)
  await db.schema.alterTable('meetups').dropColumn('starts_at').dropColumn('ends_at').execute()
  await db.schema.alterTable('meetups').alterColumn('starts_local', (c) => c.dropDefault()).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meetups').addColumn('starts_at', 'timestamptz').addColumn('ends_at', 'timestamptz').execute()
  // Each series becomes a one-off meetup on its first date again (now, when it has none).
  await sql`
    update meetups m set starts_at = coalesce(o.starts_at, now()), ends_at = coalesce(o.ends_at, now())
    from meetups m2 left join lateral (
      select starts_at, ends_at from meetup_occurrences where meetup_id = m2.id order by starts_at limit 1
    ) o on true
    where m2.id = m.id`.execute(db)
  await db.schema.alterTable('meetups').alterColumn('starts_at', (c) => c.setNotNull()).alterColumn('ends_at', (c) => c.setNotNull()).execute()
  await db.schema.dropTable('meetup_occurrences').execute()
  for (const column of [
    'latitude', 'longitude', 'accessibility', 'organiser', 'audience', 'cost', 'registration_required',
    'capacity', 'starts_local', 'duration_minutes', 'rrule', 'exceptions', 'revision',
  ]) {
    await db.schema.alterTable('meetups').dropColumn(column).execute()
  }
}
