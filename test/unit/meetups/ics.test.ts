import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildCalendar, escapeText, foldLine } from '../../../src/shared/meetups/ics.ts'
import { icsFileName, occurrenceCalendar, seriesCalendar } from '../../../src/shared/meetups/meetup-ics.ts'
import type { Meetup, MeetupOccurrence } from '../../../src/shared/meetups/meetup.schema.ts'

const NOW = new Date('2026-11-22T10:00:00Z')

const meetup: Meetup = {
  id: '3f8a1c2e-1111-4222-8333-444455556666',
  kind: 'language-cafe',
  title: { de: 'Sprachcafé; Stendal, mit Kaffee', uk: 'Мовне кафе Штендаль' },
  description: { de: 'Zeile eins\nZeile zwei mit Backslash \\ und Komma, Semikolon; Ende. ' + 'Länger: '.repeat(20) },
  district: 'stendal',
  placeName: 'Stadtbibliothek',
  address: 'Beispielstraße 5, 39576 Stendal',
  latitude: 52.6029,
  longitude: 11.8566,
  accessibility: null,
  organiser: 'Beispielverein',
  languages: ['de', 'uk'],
  audience: ['newcomers'],
  cost: null,
  registrationRequired: false,
  capacity: null,
  startsLocal: '2027-03-18T17:00',
  durationMinutes: 90,
  rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270415',
  exceptions: [
    { original: '20270325T1700', cancelled: true },
    { original: '20270401T1700', movedTo: '2027-04-02T18:00' },
  ],
  revision: 3,
  isSample: false,
}

function occurrence(over: Partial<MeetupOccurrence> = {}): MeetupOccurrence {
  return {
    id: `${meetup.id}:20270401T1700`,
    meetupId: meetup.id,
    originalStart: '20270401T1700',
    startsAt: '2027-04-01T15:00:00.000Z',
    endsAt: '2027-04-01T16:30:00.000Z',
    status: 'scheduled',
    district: 'stendal',
    kind: 'language-cafe',
    ...over,
  }
}

function parse(ics: string): ICAL.Component {
  const cal = new ICAL.Component(ICAL.parse(ics))
  // Register the file's own VTIMEZONE, as a calendar app would, so times are read through it.
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  return cal
}

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne')
  })

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'Ä'.repeat(60)}`
    const folded = foldLine(line).split('\r\n')
    expect(folded.length).toBeGreaterThan(1)
    for (const l of folded) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75)
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true)
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line)
  })

  it('uses CRLF and a VTIMEZONE for Europe/Berlin', () => {
    const ics = buildCalendar({ events: [], now: NOW })
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n')
    expect(parse(ics).getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin')
  })
})

describe('calendar files of meetups, read by ical.js', () => {
  it('one date: local time, stable UID, SEQUENCE and the texts come back intact', () => {
    const ics = occurrenceCalendar(meetup, occurrence(), 'de', NOW, 'https://willkommen.example.org/meetups/x')
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    const event = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent')!)
    expect(event.uid).toBe(`${meetup.id}:20270401T1700@willkommen.example.org`)
    expect(event.sequence).toBe(3)
    expect(event.summary).toBe('Sprachcafé; Stendal, mit Kaffee')
    expect(event.description.startsWith('Zeile eins\nZeile zwei mit Backslash \\ und Komma, Semikolon; Ende.')).toBe(true)
    expect(event.location).toBe('Stadtbibliothek, Beispielstraße 5, 39576 Stendal')
    expect(event.startDate.zone.tzid).toBe('Europe/Berlin')
    expect(event.startDate.toString()).toBe('2027-04-01T17:00:00')
    // 1 April 2027 is summer time: 17:00 Berlin is 15:00 UTC.
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-04-01T15:00:00.000Z')
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
  })

  it('a cancelled date says STATUS:CANCELLED and keeps its UID', () => {
    const ics = occurrenceCalendar(meetup, occurrence({ status: 'cancelled' }), 'uk', NOW)
    const event = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent')!)
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.uid).toBe(`${meetup.id}:20270401T1700@willkommen.example.org`)
    expect(event.summary).toBe('Мовне кафе Штендаль')
  })

  it('the whole series: 17:00 Berlin on every date across the March clock change, minus EXDATE, plus the moved date', () => {
    const cal = parse(seriesCalendar(meetup, 'de', NOW))
    const [master, override] = cal.getAllSubcomponents('vevent')
    const event = new ICAL.Event(master!)
    expect(event.isRecurring()).toBe(true)
    event.relateException(override!)
    const it = event.iterator()
    const starts: string[] = []
    for (let next = it.next(); next; next = it.next()) {
      const details = event.getOccurrenceDetails(next)
      starts.push(details.startDate.toJSDate().toISOString())
    }
    expect(starts).toEqual([
      '2027-03-18T16:00:00.000Z', // winter time: 17:00 = 16:00 UTC
      // 25 March cancelled (EXDATE); clocks change on 28 March
      '2027-04-02T16:00:00.000Z', // 1 April moved to Friday 18:00 summer time
      '2027-04-08T15:00:00.000Z', // summer time: 17:00 = 15:00 UTC
      '2027-04-15T15:00:00.000Z', // UNTIL is inclusive of the day
    ])
    expect(event.uid).toBe(`${meetup.id}@willkommen.example.org`)
    expect(new ICAL.Event(override!).uid).toBe(event.uid)
    expect(master!.getFirstPropertyValue('sequence')).toBe(3)
  })
})

describe('download file name', () => {
  it('writes German letters out as the CSV names do (one slug function: ä → ae, not a)', () => {
    expect(icsFileName('Mädchentreff Tangermünde', '20261203')).toBe('maedchentreff-tangermuende-20261203.ics')
    expect(icsFileName('Sprachcafé; Straße')).toBe('sprachcafe-strasse.ics')
    expect(icsFileName('مقهى اللغة')).toBe('termin.ics')
  })

  it('names the file after the event when the title in the person\'s language has no Latin letters (German stands in)', () => {
    expect(icsFileName(['طاولة الترحيب في شتندال', 'Welcome Table Stendal'], '2026-12-03')).toBe('welcome-table-stendal-2026-12-03.ics')
    expect(icsFileName(['Мовне кафе Штендаль', 'Sprachcafé Stendal'])).toBe('sprachcafe-stendal.ics')
    expect(icsFileName(['Language café Stendal', 'Sprachcafé Stendal'])).toBe('language-cafe-stendal.ics')
  })
})
