import { describe, expect, it } from 'vitest'
import type { RegistrationDateDto } from '../../../src/shared/coordination/registrations.schema.ts'
import { csvHref, dateHints, groupByEvent, periodOf } from '../../../src/coordination/registrations/date-groups.ts'

const NOW = new Date('2026-12-01T12:00:00Z')
const HOUR = 3600_000

function date(meetupId: string, startHoursFromNow: number, extra: Partial<RegistrationDateDto> = {}): RegistrationDateDto {
  const startsAt = new Date(NOW.getTime() + startHoursFromNow * HOUR)
  return {
    occurrenceId: `${meetupId}:${startHoursFromNow}`,
    meetupId,
    title: { de: `Treffen ${meetupId}` },
    kind: 'network-meeting',
    district: 'stendal',
    placeName: 'Rathaus',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    status: 'scheduled',
    registrationRequired: true,
    capacity: 10,
    counts: { confirmed: 0, waitlisted: 0, cancelled: 0, requested: 0 },
    ...extra,
  }
}

describe('date picker', () => {
  it('flags full dates, waiting lists, cancelled dates and switched-off registration', () => {
    expect(dateHints(date('a', 5))).toEqual({ full: false, waitlist: false, dateCancelled: false, registrationOff: false })
    expect(dateHints(date('a', 5, { counts: { confirmed: 10, waitlisted: 2, cancelled: 1, requested: 0 } }))).toMatchObject({ full: true, waitlist: true })
    expect(dateHints(date('a', 5, { capacity: null, counts: { confirmed: 500, waitlisted: 0, cancelled: 0, requested: 0 } })).full).toBe(false)
    expect(dateHints(date('a', 5, { status: 'cancelled', registrationRequired: false }))).toMatchObject({ dateCancelled: true, registrationOff: true })
  })

  it('counts a date under way as coming and an ended one as past', () => {
    expect(periodOf(date('a', -1), NOW)).toBe('upcoming')
    expect(periodOf(date('a', -2), NOW)).toBe('past')
    expect(periodOf(date('a', 1), NOW)).toBe('upcoming')
  })

  it('groups coming dates by event, soonest first, and past dates most recent first', () => {
    const dates = [date('b', 48), date('a', 72), date('a', 24), date('b', -24), date('a', -72), date('b', 200)]
    const upcoming = groupByEvent(dates, 'upcoming', NOW)
    expect(upcoming.map((g) => [g.meetupId, g.dates.map((d) => d.occurrenceId)])).toEqual([
      ['a', ['a:24', 'a:72']],
      ['b', ['b:48', 'b:200']],
    ])
    const past = groupByEvent(dates, 'past', NOW)
    expect(past.map((g) => [g.meetupId, g.dates.map((d) => d.occurrenceId)])).toEqual([
      ['b', ['b:-24']],
      ['a', ['a:-72']],
    ])
    expect(upcoming[0]).toMatchObject({ title: { de: 'Treffen a' }, district: 'stendal' })
  })

  it('links both CSV downloads with the reader’s language (German when the app has no CSV texts for it)', () => {
    expect(csvHref('x:20261203T1700', 'semicolon', 'ar')).toBe('/api/v1/coordination/registrations/dates/x%3A20261203T1700/csv?separator=semicolon&lang=ar')
    expect(csvHref('x:1', 'comma', 'fr')).toBe('/api/v1/coordination/registrations/dates/x%3A1/csv?separator=comma&lang=de')
  })
})
