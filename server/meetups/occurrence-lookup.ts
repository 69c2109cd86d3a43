import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'

/** What a registration needs to know about one date of a meetup. */
export interface OccurrenceForRegistration {
  id: string
  meetupId: string
  startsAt: Date
  endsAt: Date
  status: 'scheduled' | 'cancelled'
  /** Places for this date; null means unlimited. */
  capacity: number | null
  registrationRequired: boolean
  district: string
}

/** One date with its series' registration settings; undefined when the id is unknown. */
export async function findOccurrenceForRegistration(
  db: Kysely<Database> | Transaction<Database>,
  occurrenceId: string,
): Promise<OccurrenceForRegistration | undefined> {
  const row = await db
    .selectFrom('meetup_occurrences as o')
    .innerJoin('meetups as m', 'm.id', 'o.meetup_id')
    .select([
      'o.id',
      'o.meetup_id',
      'o.starts_at',
      'o.ends_at',
      'o.status',
      // A date's own capacity wins over its meetup's.
      (eb) => eb.fn.coalesce('o.capacity', 'm.capacity').as('capacity'),
      'm.registration_required',
      'm.district',
    ])
    .where('o.id', '=', occurrenceId)
    .executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id,
    meetupId: row.meetup_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    capacity: row.capacity,
    registrationRequired: row.registration_required,
    district: row.district,
  }
}
