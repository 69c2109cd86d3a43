import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { Meetup, MeetupOccurrence } from '../../src/shared/meetups/meetup.schema.ts'
import { toOccurrenceDto, toSeriesDto } from './series.repository.ts'

/** Dates that ended this long ago still appear in the feed, so a calendar can show them as past. */
const FEED_PAST_DAYS = 30

export interface CalendarRow {
  meetup: Meetup
  occurrence: MeetupOccurrence
}

export async function occurrencesForFeed(
  db: Kysely<Database>,
  filter: { district?: string | undefined; kind?: string | undefined },
  now: Date,
): Promise<CalendarRow[]> {
  let query = db
    .selectFrom('meetup_occurrences as o')
    .innerJoin('meetups as m', 'm.id', 'o.meetup_id')
    .selectAll('m')
    .select(['o.id as o_id', 'o.original_start', 'o.starts_at', 'o.ends_at', 'o.status', 'o.capacity as o_capacity'])
    .where('o.ends_at', '>=', new Date(now.getTime() - FEED_PAST_DAYS * 86400000))
  if (filter.district) query = query.where('m.district', '=', filter.district)
  if (filter.kind) query = query.where('m.kind', '=', filter.kind)
  const rows = await query.orderBy('o.starts_at').orderBy('o.id').execute()
  const series = new Map<string, Meetup>()
  return rows.map((row) => {
    const meetup = series.get(row.id) ?? toSeriesDto(row)
    series.set(row.id, meetup)
    return { meetup, occurrence: toOccurrenceDto({ ...row, id: row.o_id, meetup_id: row.id, capacity: row.o_capacity }, meetup) }
  })
}

export async function findMeetup(db: Kysely<Database>, id: string): Promise<Meetup | undefined> {
  const row = await db.selectFrom('meetups').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toSeriesDto(row)
}

export async function findOccurrence(db: Kysely<Database>, id: string): Promise<CalendarRow | undefined> {
  const o = await db.selectFrom('meetup_occurrences').selectAll().where('id', '=', id).executeTakeFirst()
  if (!o) return undefined
  const meetup = await findMeetup(db, o.meetup_id)
  if (!meetup) return undefined
  return { meetup, occurrence: toOccurrenceDto(o, meetup) }
}
