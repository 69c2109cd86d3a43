import type { Meetup, MeetupOccurrence } from '../shared/meetups/meetup.schema.ts'
import { berlinDay } from '../shared/berlin-time.ts'

/** What the person filters the list by; "all" switches a filter off. */
export interface MeetupFilter {
  kind: string
  district: string
  language: string
  thisWeek: boolean
}

export interface ListedOccurrence {
  occurrence: MeetupOccurrence
  meetup: Meetup
  /** The next dates of the same series after this one (a series shows its rhythm). */
  nextDates: MeetupOccurrence[]
}

export interface MeetupDay {
  day: string
  entries: ListedOccurrence[]
}

/**
 * Last Berlin day of "the next seven days" (today and the six after), as a day key to compare against.
 * Not "until Sunday": on a Sunday that would leave only the rest of the day.
 */
export function lastDayOfNextSeven(now: Date): string {
  const today = new Date(`${berlinDay(now)}T12:00:00Z`)
  return new Date(today.getTime() + 6 * 86400000).toISOString().slice(0, 10)
}

/** Pure filtering and grouping, so it is tested without IndexedDB. Dates are listed by start, in whatever order they come. */
export function listMeetups(
  occurrences: MeetupOccurrence[],
  meetups: Map<string, Meetup>,
  filter: MeetupFilter,
  now: Date,
  limit: number,
): { days: MeetupDay[]; more: boolean } {
  const weekEnd = filter.thisWeek ? lastDayOfNextSeven(now) : undefined
  const bySeries = new Map<string, MeetupOccurrence[]>()
  const matching: ListedOccurrence[] = []
  const byStart = [...occurrences].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
  for (const o of byStart) {
    const meetup = meetups.get(o.meetupId)
    if (!meetup) continue
    if (filter.kind !== 'all' && o.kind !== filter.kind) continue
    if (filter.district !== 'all' && o.district !== filter.district) continue
    if (filter.language !== 'all' && !meetup.languages.includes(filter.language)) continue
    if (weekEnd && berlinDay(new Date(o.startsAt)) > weekEnd) continue
    const list = bySeries.get(o.meetupId) ?? []
    list.push(o)
    bySeries.set(o.meetupId, list)
    matching.push({ occurrence: o, meetup, nextDates: [] })
  }
  const shown = matching.slice(0, limit)
  const days = new Map<string, ListedOccurrence[]>()
  for (const entry of shown) {
    const series = bySeries.get(entry.meetup.id)!
    const at = series.indexOf(entry.occurrence)
    entry.nextDates = series.slice(at + 1).filter((o) => o.status === 'scheduled').slice(0, 3)
    const key = berlinDay(new Date(entry.occurrence.startsAt))
    days.set(key, [...(days.get(key) ?? []), entry])
  }
  return { days: [...days].map(([day, entries]) => ({ day, entries })), more: matching.length > limit }
}

/**
 * When the chosen district has nothing that fits: the next dates in other districts that the phone
 * holds, of the same kind and language, at any time (the way on from an empty start screen).
 */
export function nextElsewhere(
  occurrences: MeetupOccurrence[],
  meetups: Map<string, Meetup>,
  filter: MeetupFilter,
  now: Date,
  count: number,
): ListedOccurrence[] {
  const wider = { ...filter, district: 'all', thisWeek: false }
  const others = occurrences.filter((o) => o.district !== filter.district && o.status === 'scheduled')
  return listMeetups(others, meetups, wider, now, count).days.flatMap((d) => d.entries)
}
