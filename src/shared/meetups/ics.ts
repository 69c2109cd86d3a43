import type { WallTime } from '../berlin-time.ts'

/**
 * A small RFC 5545 writer: one VCALENDAR with the Europe/Berlin VTIMEZONE and local times
 * (DTSTART;TZID=Europe/Berlin), escaped text, lines folded at 75 octets and CRLF line ends.
 * Pure, so the phone builds the same file offline as the server does.
 */
export interface IcsEvent {
  uid: string
  /** Raised on every change of the event (RFC 5545 SEQUENCE). */
  sequence: number
  start: WallTime
  end: WallTime
  summary: string
  description?: string
  location?: string
  geo?: { latitude: number; longitude: number }
  url?: string
  status?: 'CONFIRMED' | 'CANCELLED'
  rrule?: string
  /** Dates of the rule that do not take place. */
  exdates?: WallTime[]
  /** Set on an override of one date of a series (same UID as the series). */
  recurrenceId?: WallTime
}

export interface IcsCalendar {
  name?: string
  events: IcsEvent[]
  /** DTSTAMP of every event: when this file was made. */
  now: Date
}

const CRLF = '\r\n'

const VTIMEZONE_BERLIN = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
]

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/** Splits a content line into lines of at most 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

function pad(n: number, length = 2): string {
  return String(n).padStart(length, '0')
}

/** Local date-time value, e.g. 20261203T170000. */
export function icsLocal(w: WallTime): string {
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`
}

/** UTC date-time value, e.g. 20261203T160000Z (DTSTAMP, UNTIL). */
export function icsUtc(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

function eventLines(e: IcsEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icsUtc(now)}`,
    `SEQUENCE:${e.sequence}`,
  ]
  if (e.recurrenceId) lines.push(`RECURRENCE-ID;TZID=Europe/Berlin:${icsLocal(e.recurrenceId)}`)
  lines.push(`DTSTART;TZID=Europe/Berlin:${icsLocal(e.start)}`, `DTEND;TZID=Europe/Berlin:${icsLocal(e.end)}`)
  if (e.rrule) lines.push(`RRULE:${e.rrule}`)
  if (e.exdates?.length) lines.push(`EXDATE;TZID=Europe/Berlin:${e.exdates.map(icsLocal).join(',')}`)
  lines.push(`SUMMARY:${escapeText(e.summary)}`)
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`)
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`)
  if (e.geo) lines.push(`GEO:${e.geo.latitude};${e.geo.longitude}`)
  if (e.url) lines.push(`URL:${e.url}`)
  lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, 'END:VEVENT')
  return lines
}

export function buildCalendar({ name, events, now }: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Willkommen//Meetups//DE', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  if (name) lines.push(`X-WR-CALNAME:${escapeText(name)}`, 'X-WR-TIMEZONE:Europe/Berlin')
  lines.push(...VTIMEZONE_BERLIN)
  for (const e of events) lines.push(...eventLines(e, now))
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}
