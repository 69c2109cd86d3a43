import { db } from '../db/db.ts'
import type { OutboxEntry } from '../outbox/outbox-entry.ts'
import type { LocalizedText } from '../shared/localized-text.ts'
import { movedFrom } from '../shared/meetups/moved-date.ts'

/** The date a registration is for, as this phone knows it from the synced meetups (offline too). */
export interface SignupDate {
  title: LocalizedText
  startsAt: string
  status: 'scheduled' | 'cancelled'
  /** The original start when the coordination office moved the date, else null. */
  movedFrom: string | null
}

/** The dates of the registrations among `entries`, by occurrence id; dates not (yet) synced are left out. */
export async function readSignupDates(entries: readonly OutboxEntry[]): Promise<Map<string, SignupDate>> {
  const ids = [...new Set(entries.filter((e) => e.kind === 'registration').map((e) => String(e.payload.occurrenceId ?? '')))].filter(Boolean)
  const occurrences = (await db.meetupOccurrences.bulkGet(ids)).filter((o) => o !== undefined)
  const meetups = new Map((await db.meetups.bulkGet([...new Set(occurrences.map((o) => o.meetupId))])).filter((m) => m !== undefined).map((m) => [m.id, m]))
  const dates = new Map<string, SignupDate>()
  for (const o of occurrences) {
    const meetup = meetups.get(o.meetupId)
    if (!meetup) continue
    dates.set(o.id, { title: meetup.title, startsAt: o.startsAt, status: o.status, movedFrom: movedFrom(o) })
  }
  return dates
}
