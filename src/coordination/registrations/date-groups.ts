import { CSV_LANGUAGES, type CsvSeparatorName, type RegistrationDateDto } from '../../shared/coordination/registrations.schema.ts'

export type Period = 'upcoming' | 'past'

/** What the date picker flags next to a date. */
export interface DateHints {
  /** Every place is taken (only with a capacity). */
  full: boolean
  /** Someone is waiting for a place. */
  waitlist: boolean
  dateCancelled: boolean
  /** The event no longer asks for registration, but this date has some. */
  registrationOff: boolean
}

export function dateHints(date: RegistrationDateDto): DateHints {
  return {
    full: date.capacity !== null && date.counts.confirmed >= date.capacity,
    waitlist: date.counts.waitlisted > 0,
    dateCancelled: date.status === 'cancelled',
    registrationOff: !date.registrationRequired,
  }
}

/** A date is past once it has ended; until then it is coming (a date under way is still "coming"). */
export function periodOf(date: RegistrationDateDto, now: Date): Period {
  return new Date(date.endsAt).getTime() <= now.getTime() ? 'past' : 'upcoming'
}

export interface EventGroup {
  meetupId: string
  title: RegistrationDateDto['title']
  district: string
  dates: RegistrationDateDto[]
}

/**
 * The dates of one period grouped by their event. Coming dates: soonest first, events in the order of
 * their next date. Past dates: most recent first, so the date whose attendance is being marked is on top.
 */
export function groupByEvent(dates: readonly RegistrationDateDto[], period: Period, now: Date): EventGroup[] {
  const chosen = dates.filter((d) => periodOf(d, now) === period)
  const sign = period === 'upcoming' ? 1 : -1
  chosen.sort((a, b) => sign * (new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime()) || (a.occurrenceId < b.occurrenceId ? -1 : 1))
  const groups = new Map<string, EventGroup>()
  for (const date of chosen) {
    let group = groups.get(date.meetupId)
    if (!group) {
      group = { meetupId: date.meetupId, title: date.title, district: date.district, dates: [] }
      groups.set(date.meetupId, group)
    }
    group.dates.push(date)
  }
  return [...groups.values()]
}

/** The CSV download of a date: `;` for Excel in German settings, `,` otherwise; header in the reader's language. */
export function csvHref(occurrenceId: string, separator: CsvSeparatorName, locale: string): string {
  const lang = (CSV_LANGUAGES as readonly string[]).includes(locale) ? locale : 'de'
  return `/api/v1/coordination/registrations/dates/${encodeURIComponent(occurrenceId)}/csv?separator=${separator}&lang=${lang}`
}
