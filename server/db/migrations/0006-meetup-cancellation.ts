import type { Kysely } from 'kysely'

/**
 * A whole meetup can be cancelled by a coordinator: from that instant on every date of it is
 * cancelled (dates already materialised stay, as cancelled, so phones and calendars show it);
 * null while it takes place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meetups').addColumn('cancelled_at', 'timestamptz').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('meetups').dropColumn('cancelled_at').execute()
}
