import type { WillkommenDb } from '../db/db.ts'
import type { MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'

/** Dates that started up to two hours ago still count as upcoming (they may be running). */
export function upcomingFrom(now: Date): string {
  return new Date(now.getTime() - 2 * 3600000).toISOString()
}

/**
 * The next date of each meetup series, for links that name a series (a search hit, an old bookmark):
 * the next one taking place, else the next one at all (so a cancelled date still says so).
 */
export async function readNextDates(db: WillkommenDb, now = new Date()): Promise<Map<string, MeetupOccurrence>> {
  const upcoming = await db.meetupOccurrences.where('startsAt').aboveOrEqual(upcomingFrom(now)).sortBy('startsAt')
  const next = new Map<string, MeetupOccurrence>()
  for (const o of upcoming) {
    const known = next.get(o.meetupId)
    if (!known || (known.status !== 'scheduled' && o.status === 'scheduled')) next.set(o.meetupId, o)
  }
  return next
}
