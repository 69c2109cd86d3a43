import { describe, expect, it } from 'vitest'
import { recurrenceToRRule, rruleToRecurrence, weekOfMonth, monthWeekOf } from '../../../src/shared/coordination/meetup-editor.ts'
import type { RecurrenceInput } from '../../../src/shared/coordination/meetup-editor.schema.ts'
import { planOccurrences } from '../../../src/shared/meetups/occurrences.ts'
import { parseLocalDateTime } from '../../../src/shared/meetups/recurrence.ts'

const start = (local: string) => parseLocalDateTime(local)!
const berlin = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso))

/** The Berlin start times the rule of a builder value gives, from its first date on. */
function dates(startsLocal: string, recurrence: RecurrenceInput, n = 6): string[] {
  const series = { id: 'x', startsLocal, rrule: recurrenceToRRule(recurrence), durationMinutes: 60, exceptions: [] }
  return planOccurrences(series, { from: new Date('2020-01-01T00:00:00Z'), horizon: new Date('2031-01-01T00:00:00Z') })
    .slice(0, n)
    .map((o) => berlin(o.startsAt))
}

describe('recurrence builder → RFC 5545 rule', () => {
  it.each<[string, RecurrenceInput, string | null]>([
    ['a single date', { type: 'none' }, null],
    ['every week on Thursday', { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'none' } }, 'FREQ=WEEKLY;BYDAY=TH'],
    ['every 2 weeks on Thursday', { type: 'weekly', interval: 2, weekdays: ['TH'], end: { type: 'none' } }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH'],
    ['weekdays in week order, whatever the order ticked', { type: 'weekly', interval: 1, weekdays: ['TH', 'MO', 'SU'] }, 'FREQ=WEEKLY;BYDAY=MO,TH,SU'],
    ['the 2nd Thursday of each month', { type: 'monthly', interval: 1, week: 2, weekday: 'TH', end: { type: 'none' } }, 'FREQ=MONTHLY;BYDAY=2TH'],
    ['the last Friday of each month', { type: 'monthly', interval: 1, week: -1, weekday: 'FR' }, 'FREQ=MONTHLY;BYDAY=-1FR'],
    ['the last Friday every three months', { type: 'monthly', interval: 3, week: -1, weekday: 'FR' }, 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR'],
    ['six dates', { type: 'weekly', interval: 2, weekdays: ['WE'], end: { type: 'count', count: 6 } }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=6'],
    // The end of 30 June 2027 in Berlin (summer time) is 21:59:59 UTC.
    ['until a day in summer', { type: 'weekly', interval: 1, weekdays: ['TU'], end: { type: 'until', date: '2027-06-30' } }, 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T215959Z'],
    ['until a day in winter', { type: 'monthly', interval: 1, week: 1, weekday: 'MO', end: { type: 'until', date: '2027-01-31' } }, 'FREQ=MONTHLY;BYDAY=1MO;UNTIL=20270131T225959Z'],
  ])('%s', (_what, recurrence, rrule) => {
    expect(recurrenceToRRule(recurrence)).toBe(rrule)
  })
})

describe('RFC 5545 rule → recurrence builder (for editing)', () => {
  it.each<[string, string | null, string, RecurrenceInput]>([
    ['no rule', null, '2026-12-03T17:00', { type: 'none' }],
    ['fortnightly', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', '2026-12-03T17:00', { type: 'weekly', interval: 2, weekdays: ['TH'], end: { type: 'none' } }],
    ['weekly without BYDAY: the start day', 'FREQ=WEEKLY', '2026-12-03T17:00', { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'none' } }],
    ['2nd Thursday', 'FREQ=MONTHLY;BYDAY=2TH', '2026-12-10T17:00', { type: 'monthly', interval: 1, week: 2, weekday: 'TH', end: { type: 'none' } }],
    ['last Friday, quarterly', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR', '2026-12-25T10:00', { type: 'monthly', interval: 3, week: -1, weekday: 'FR', end: { type: 'none' } }],
    ['monthly without BYDAY: the start week and day', 'FREQ=MONTHLY', '2026-12-17T17:00', { type: 'monthly', interval: 1, week: 3, weekday: 'TH', end: { type: 'none' } }],
    ['count', 'FREQ=WEEKLY;BYDAY=MO;COUNT=10', '2026-12-07T17:00', { type: 'weekly', interval: 1, weekdays: ['MO'], end: { type: 'count', count: 10 } }],
    ['until as a date', 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270301', '2026-12-07T17:00', { type: 'weekly', interval: 1, weekdays: ['MO'], end: { type: 'until', date: '2027-03-01' } }],
    ['until as the end of a Berlin day', 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20270301T225959Z', '2026-12-07T17:00', { type: 'weekly', interval: 1, weekdays: ['MO'], end: { type: 'until', date: '2027-03-01' } }],
  ])('%s', (_what, rrule, startsLocal, recurrence) => {
    expect(rruleToRecurrence(rrule, start(startsLocal))).toEqual(recurrence)
  })

  it.each([
    ['two numbered weekdays', 'FREQ=MONTHLY;BYDAY=1MO,3MO'],
    ['a fifth weekday', 'FREQ=MONTHLY;BYDAY=5TH'],
    ['the second-last', 'FREQ=MONTHLY;BYDAY=-2FR'],
    ['a rule we do not read at all', 'FREQ=DAILY'],
    ['every 13 months', 'FREQ=MONTHLY;INTERVAL=13;BYDAY=1MO'],
  ])('cannot show %s', (_what, rrule) => {
    expect(rruleToRecurrence(rrule, start('2026-12-03T17:00'))).toBeUndefined()
  })

  it('round-trips every builder value through its rule', () => {
    const values: RecurrenceInput[] = [
      { type: 'weekly', interval: 2, weekdays: ['TH'], end: { type: 'none' } },
      { type: 'weekly', interval: 1, weekdays: ['MO', 'WE', 'FR'], end: { type: 'count', count: 12 } },
      { type: 'weekly', interval: 3, weekdays: ['SA'], end: { type: 'until', date: '2027-10-31' } },
      { type: 'monthly', interval: 1, week: 2, weekday: 'TH', end: { type: 'none' } },
      { type: 'monthly', interval: 3, week: -1, weekday: 'FR', end: { type: 'until', date: '2027-03-28' } },
      { type: 'monthly', interval: 2, week: 4, weekday: 'SU', end: { type: 'count', count: 4 } },
    ]
    for (const value of values) expect(rruleToRecurrence(recurrenceToRRule(value), start('2026-12-03T17:00'))).toEqual(value)
  })
})

describe('the dates a builder value gives', () => {
  it('every 2 weeks on Thursday, at 17:00 German time across the clock change', () => {
    expect(dates('2027-03-18T17:00', { type: 'weekly', interval: 2, weekdays: ['TH'], end: { type: 'none' } }, 4)).toEqual([
      '2027-03-18 17:00',
      '2027-04-01 17:00',
      '2027-04-15 17:00',
      '2027-04-29 17:00',
    ])
  })

  it('the 2nd Thursday of each month', () => {
    expect(dates('2026-11-12T18:30', { type: 'monthly', interval: 1, week: 2, weekday: 'TH' }, 4)).toEqual([
      '2026-11-12 18:30',
      '2026-12-10 18:30',
      '2027-01-14 18:30',
      '2027-02-11 18:30',
    ])
  })

  it('the last Friday of each month, also in a month with five Fridays', () => {
    expect(dates('2027-01-29T18:00', { type: 'monthly', interval: 1, week: -1, weekday: 'FR' }, 4)).toEqual([
      '2027-01-29 18:00',
      '2027-02-26 18:00',
      '2027-03-26 18:00',
      '2027-04-30 18:00',
    ])
  })

  it('until a day (inclusive) and after a count', () => {
    expect(dates('2026-12-01T10:00', { type: 'weekly', interval: 1, weekdays: ['TU'], end: { type: 'until', date: '2026-12-15' } }, 10)).toEqual([
      '2026-12-01 10:00',
      '2026-12-08 10:00',
      '2026-12-15 10:00',
    ])
    expect(dates('2026-12-01T10:00', { type: 'weekly', interval: 2, weekdays: ['TU', 'TH'], end: { type: 'count', count: 3 } }, 10)).toEqual([
      '2026-12-01 10:00',
      '2026-12-03 10:00',
      '2026-12-15 10:00',
    ])
  })
})

describe('weeks of the month', () => {
  it.each([
    ['2026-12-03', 1, false, 1],
    ['2026-12-10', 2, false, 2],
    ['2026-12-24', 4, false, 4],
    ['2026-12-25', 4, true, 4],
    ['2026-12-31', 5, true, -1],
  ])('%s is week %i (last: %s), offered as %i', (day, n, last, offered) => {
    const w = start(`${day}T12:00`)
    expect(weekOfMonth(w)).toEqual({ n, last })
    expect(monthWeekOf(w)).toBe(offered)
  })
})
