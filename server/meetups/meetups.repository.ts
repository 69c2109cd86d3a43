import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { syncWindow, type SyncRead } from '../sync/sync-scope.ts'
import { toOccurrenceDto, toSeriesDto } from './series.repository.ts'

/** Dates that ended this long ago are not sent on a first sync; nobody needs them on the phone. */
const FIRST_SYNC_PAST_DAYS = 30

export async function meetupsChangedSince(db: Kysely<Database>, read: SyncRead) {
  const rows = await db.selectFrom('meetups').selectAll().where(syncWindow(read, { seq: 'seq', district: 'district' })).orderBy('seq').execute()
  return rows.map((row) => ({ seq: row.seq, item: toSeriesDto(row) }))
}

export async function occurrencesChangedSince(db: Kysely<Database>, read: SyncRead, now: Date) {
  const recent = sql<boolean>`o.ends_at >= ${new Date(now.getTime() - FIRST_SYNC_PAST_DAYS * 86400000)}`
  const rows = await db
    .selectFrom('meetup_occurrences as o')
    .innerJoin('meetups as m', 'm.id', 'o.meetup_id')
    .select(['o.id', 'o.meetup_id', 'o.original_start', 'o.starts_at', 'o.ends_at', 'o.status', 'o.capacity', 'o.seq', 'm.district', 'm.kind'])
    .where(syncWindow(read, { seq: 'o.seq', district: 'm.district' }, recent))
    .orderBy('o.seq')
    .execute()
  return rows.map((row) => ({ seq: row.seq, item: toOccurrenceDto(row, row) }))
}

export async function countMeetups(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('meetups').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
