import { db } from '../db/db.ts'
import { useLiveQuery } from '../db/live-query.ts'
import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'

export interface EventDate {
  occurrence: MeetupOccurrence
  meetup: Meetup
}

/** Coming dates of events that need registration, from IndexedDB (works offline). */
export function useRegistrableDates() {
  return useLiveQuery(async () => {
    const now = new Date().toISOString()
    const occurrences = await db.meetupOccurrences.where('startsAt').aboveOrEqual(now).limit(500).toArray()
    const meetups = new Map((await db.meetups.bulkGet([...new Set(occurrences.map((o) => o.meetupId))])).filter((m) => m !== undefined).map((m) => [m.id, m]))
    return occurrences
      .filter((o) => o.status === 'scheduled' && meetups.get(o.meetupId)?.registrationRequired)
      .map((o) => ({ occurrence: o, meetup: meetups.get(o.meetupId)! }))
  }, [] as EventDate[])
}
