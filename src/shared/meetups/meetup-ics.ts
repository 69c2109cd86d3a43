import { toBerlinWallTime, type WallTime } from '../berlin-time.ts'
import type { LocalizedText } from '../localized-text.ts'
import type { Meetup, MeetupOccurrence } from './meetup.schema.ts'
import { asciiSlug } from '../ascii-slug.ts'
import { buildCalendar, type IcsEvent } from './ics.ts'
import { formatRRule, parseLocalDateTime, parseRRule, parseWallKey } from './recurrence.ts'

/** Calendar entries for meetups: one date, or a whole series as RRULE with EXDATE and moved dates. */
const UID_DOMAIN = 'willkommen.example.org'

export function occurrenceUid(occurrenceId: string): string {
  return `${occurrenceId}@${UID_DOMAIN}`
}
export function seriesUid(meetupId: string): string {
  return `${meetupId}@${UID_DOMAIN}`
}

function text(t: LocalizedText, lang: string): string {
  return t[lang] || t.de || ''
}

function addMinutes(w: WallTime, minutes: number): WallTime {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) + minutes * 60000)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() }
}

function common(m: Meetup, lang: string, url: string | undefined): Pick<IcsEvent, 'summary' | 'description' | 'location' | 'geo' | 'url'> {
  const description = [text(m.description, lang), m.organiser].filter(Boolean).join('\n\n')
  return {
    summary: text(m.title, lang),
    description,
    location: `${m.placeName}, ${m.address}`,
    ...(m.latitude !== null && m.longitude !== null ? { geo: { latitude: m.latitude, longitude: m.longitude } } : {}),
    ...(url ? { url } : {}),
  }
}

/** One date as its own event; SEQUENCE follows the meetup's revision. */
export function occurrenceEvent(m: Meetup, o: MeetupOccurrence, lang: string, url?: string): IcsEvent {
  return {
    uid: occurrenceUid(o.id),
    sequence: m.revision,
    start: toBerlinWallTime(new Date(o.startsAt)),
    end: toBerlinWallTime(new Date(o.endsAt)),
    status: o.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    ...common(m, lang, url),
  }
}

/** The whole series: the rule, its cancelled dates as EXDATE, each moved date as an override. */
export function seriesEvents(m: Meetup, lang: string, url?: string): IcsEvent[] {
  const start = parseLocalDateTime(m.startsLocal)
  if (!start) return []
  const base: IcsEvent = {
    uid: seriesUid(m.id),
    sequence: m.revision,
    start,
    end: addMinutes(start, m.durationMinutes),
    ...common(m, lang, url),
    // A whole meetup cancelled by its coordinator.
    ...(m.cancelledAt ? { status: 'CANCELLED' as const } : {}),
  }
  if (!m.rrule) return [base]
  base.rrule = formatRRule(parseRRule(m.rrule))
  const cancelled = m.exceptions.filter((e) => e.cancelled).map((e) => parseWallKey(e.original))
  if (cancelled.length) base.exdates = cancelled
  const moved = m.exceptions.flatMap((e): IcsEvent[] => {
    const to = !e.cancelled && e.movedTo ? parseLocalDateTime(e.movedTo) : undefined
    if (!to) return []
    const single: IcsEvent = { ...base, recurrenceId: parseWallKey(e.original), start: to, end: addMinutes(to, m.durationMinutes) }
    delete single.rrule
    delete single.exdates
    return [single]
  })
  return [base, ...moved]
}

export function occurrenceCalendar(m: Meetup, o: MeetupOccurrence, lang: string, now: Date, url?: string): string {
  return buildCalendar({ events: [occurrenceEvent(m, o, lang, url)], now })
}

export function seriesCalendar(m: Meetup, lang: string, now: Date, url?: string): string {
  return buildCalendar({ name: text(m.title, lang), events: seriesEvents(m, lang, url), now })
}

/**
 * Safe file name for a download, e.g. maedchentreff-tangermuende-2026-12-03.ics. Given the title in
 * several languages (the person's, then German), the first one with Latin letters names the file, so an
 * Arabic or Ukrainian title still gives the event's name rather than a generic one.
 */
export function icsFileName(title: string | readonly string[], date?: string): string {
  const slug = (typeof title === 'string' ? [title] : title).map((t) => asciiSlug(t).toLowerCase()).find((s) => s !== '')
  return `${slug || 'termin'}${date ? `-${date}` : ''}.ics`
}
