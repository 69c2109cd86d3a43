import { afterEach, describe, expect, it, vi } from 'vitest'
import { lastDayOfNextSeven, listMeetups, nextElsewhere, type MeetupFilter } from '../../../src/meetups/meetup-filter.ts'
import type { Meetup, MeetupOccurrence } from '../../../src/shared/meetups/meetup.schema.ts'

function meetup(id: string, kind: string, district: string, languages: string[], rrule: string | null = 'FREQ=WEEKLY'): Meetup {
  return {
    id, kind, district, languages, rrule,
    title: { de: id }, description: { de: '' }, placeName: 'Ort', address: 'Beispielstraße 1',
    latitude: null, longitude: null, accessibility: null, organiser: '', audience: ['newcomers'], cost: null,
    registrationRequired: false, capacity: null, startsLocal: '2026-11-23T17:00', durationMinutes: 60,
    exceptions: [], revision: 0, isSample: true,
  }
}
const series = new Map([
  ['cafe-stendal', meetup('cafe-stendal', 'language-cafe', 'stendal', ['de', 'uk'])],
  ['table-stendal', meetup('table-stendal', 'welcome-table', 'stendal', ['de', 'en'])],
  ['table-harz', meetup('table-harz', 'welcome-table', 'harz', ['de', 'ar'])],
])
function occ(meetupId: string, startsAt: string, status: 'scheduled' | 'cancelled' = 'scheduled'): MeetupOccurrence {
  const m = series.get(meetupId)!
  return { id: `${meetupId}:${startsAt}`, meetupId, originalStart: '', startsAt, endsAt: startsAt, status, district: m.district, kind: m.kind }
}
// Sunday 22 November 2026: "this week" until Sunday evening would leave only that day.
const NOW = new Date('2026-11-22T10:00:00Z')
const all: MeetupFilter = { kind: 'all', district: 'all', language: 'all', thisWeek: false }
const dates = [
  occ('cafe-stendal', '2026-11-22T15:00:00.000Z'),
  occ('table-harz', '2026-11-22T17:00:00.000Z'),
  occ('table-stendal', '2026-11-24T16:00:00.000Z', 'cancelled'),
  occ('cafe-stendal', '2026-11-29T15:00:00.000Z'),
  occ('table-stendal', '2026-12-08T16:00:00.000Z'),
  occ('cafe-stendal', '2026-12-06T15:00:00.000Z'),
]
const ids = (r: ReturnType<typeof listMeetups>) => r.days.flatMap((d) => d.entries.map((e) => e.occurrence.id))

afterEach(() => {
  vi.useRealTimers()
})

describe('meetup list', () => {
  it('groups by Berlin day in date order and keeps cancelled dates', () => {
    // The dates come in out of order (8 December before 6 December); the list is in date order.
    const r = listMeetups(dates, series, all, NOW, 50)
    expect(r.days.map((d) => d.day)).toEqual(['2026-11-22', '2026-11-24', '2026-11-29', '2026-12-06', '2026-12-08'])
    expect(r.days[1]!.entries[0]!.occurrence.status).toBe('cancelled')
    expect(r.more).toBe(false)
  })

  it('filters by kind, district and language', () => {
    expect(ids(listMeetups(dates, series, { ...all, kind: 'welcome-table', district: 'stendal' }, NOW, 50))).toEqual([
      'table-stendal:2026-11-24T16:00:00.000Z',
      'table-stendal:2026-12-08T16:00:00.000Z',
    ])
    expect(ids(listMeetups(dates, series, { ...all, language: 'ar' }, NOW, 50))).toEqual(['table-harz:2026-11-22T17:00:00.000Z'])
  })

  it('"this week" is the next seven days from today, on a Sunday too (the clock set to one)', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-11-22T21:30:00Z')) // Sunday 22:30 in Berlin
    expect(lastDayOfNextSeven(new Date())).toBe('2026-11-28')
    expect(ids(listMeetups(dates, series, { ...all, thisWeek: true }, new Date(), 50))).toEqual([
      'cafe-stendal:2026-11-22T15:00:00.000Z',
      'table-harz:2026-11-22T17:00:00.000Z',
      'table-stendal:2026-11-24T16:00:00.000Z',
    ])
    // Berlin's day, not UTC's: 23:30 UTC on Saturday is already Sunday in Berlin.
    expect(lastDayOfNextSeven(new Date('2026-11-28T23:30:00Z'))).toBe('2026-12-05')
  })

  it('offers the next dates of other districts, of the same kind, when the chosen one has none', () => {
    const harzCafes = { ...all, district: 'harz', kind: 'language-cafe', thisWeek: true }
    expect(ids(listMeetups(dates, series, harzCafes, NOW, 50))).toEqual([])
    expect(nextElsewhere(dates, series, harzCafes, NOW, 2).map((e) => e.occurrence.id)).toEqual([
      'cafe-stendal:2026-11-22T15:00:00.000Z',
      'cafe-stendal:2026-11-29T15:00:00.000Z',
    ])
    // Cancelled dates are no way on.
    const stendalTables = { ...all, district: 'harz', kind: 'welcome-table', language: 'en' }
    expect(nextElsewhere(dates, series, stendalTables, NOW, 3).map((e) => e.occurrence.id)).toEqual(['table-stendal:2026-12-08T16:00:00.000Z'])
  })

  it('shows a series with its next scheduled dates, and says when there is more', () => {
    const r = listMeetups(dates, series, all, NOW, 2)
    expect(r.more).toBe(true)
    expect(r.days[0]!.entries[0]!.nextDates.map((o) => o.startsAt)).toEqual(['2026-11-29T15:00:00.000Z', '2026-12-06T15:00:00.000Z'])
  })
})
