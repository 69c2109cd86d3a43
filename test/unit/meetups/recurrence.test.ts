import { describe, expect, it } from 'vitest'
import { expandStarts, formatRRule, isValidRRule, parseRRule } from '../../../src/shared/meetups/recurrence.ts'
import { planOccurrences } from '../../../src/shared/meetups/occurrences.ts'
import type { WallTime } from '../../../src/shared/berlin-time.ts'

const far = new Date('2030-01-01T00:00:00Z')
const at = (year: number, month: number, day: number, hour = 17, minute = 0): WallTime => ({ year, month, day, hour, minute })
const keys = (rrule: string, start: WallTime, horizon = far) => expandStarts({ start, rrule, horizon }).map((s) => s.key)

describe('recurrence rules in Berlin wall time', () => {
  it('repeats weekly on the start day', () => {
    expect(keys('FREQ=WEEKLY;COUNT=4', at(2026, 12, 3))).toEqual(['20261203T1700', '20261210T1700', '20261217T1700', '20261224T1700'])
  })

  it('repeats every second week on the named days', () => {
    expect(keys('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=5', at(2026, 12, 1))).toEqual([
      '20261201T1700', '20261203T1700', '20261215T1700', '20261217T1700', '20261229T1700',
    ])
  })

  it('finds the second Thursday of each month', () => {
    expect(keys('FREQ=MONTHLY;BYDAY=2TH;COUNT=4', at(2026, 11, 12))).toEqual(['20261112T1700', '20261210T1700', '20270114T1700', '20270211T1700'])
  })

  it('finds the last Friday of each month, also in a month with five Fridays', () => {
    expect(keys('FREQ=MONTHLY;BYDAY=-1FR;COUNT=4', at(2026, 10, 30, 18))).toEqual(['20261030T1800', '20261127T1800', '20261225T1800', '20270129T1800'])
  })

  it('skips months without a fifth weekday', () => {
    expect(keys('FREQ=MONTHLY;BYDAY=5MO;COUNT=3', at(2026, 3, 30))).toEqual(['20260330T1700', '20260629T1700', '20260831T1700'])
  })

  it('stops at UNTIL, given as a date (inclusive) or as a UTC instant', () => {
    expect(keys('FREQ=WEEKLY;UNTIL=20261217', at(2026, 12, 3))).toEqual(['20261203T1700', '20261210T1700', '20261217T1700'])
    expect(keys('FREQ=WEEKLY;UNTIL=20261217T155959Z', at(2026, 12, 3))).toEqual(['20261203T1700', '20261210T1700'])
    expect(keys('FREQ=WEEKLY;UNTIL=20261217T160000Z', at(2026, 12, 3))).toHaveLength(3)
  })

  it('stops after COUNT dates, counting the first', () => {
    expect(keys('FREQ=WEEKLY;INTERVAL=3;COUNT=2', at(2026, 12, 3))).toEqual(['20261203T1700', '20261224T1700'])
  })

  it('stops at the horizon', () => {
    expect(keys('FREQ=WEEKLY', at(2026, 12, 3), new Date('2026-12-18T00:00:00Z'))).toEqual(['20261203T1700', '20261210T1700', '20261217T1700'])
  })

  it('keeps 17:00 Berlin across the last Sundays of March and October (UTC 16:00 ↔ 15:00)', () => {
    const march = expandStarts({ start: at(2027, 3, 21), rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=2', horizon: far })
    expect(march.map((s) => s.startsAt.toISOString())).toEqual(['2027-03-21T16:00:00.000Z', '2027-03-28T15:00:00.000Z'])
    const october = expandStarts({ start: at(2026, 10, 18), rrule: 'FREQ=WEEKLY;BYDAY=SU;COUNT=2', horizon: far })
    expect(october.map((s) => s.startsAt.toISOString())).toEqual(['2026-10-18T15:00:00.000Z', '2026-10-25T16:00:00.000Z'])
  })

  it('rejects what it does not understand', () => {
    for (const bad of ['FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=2TH', 'FREQ=WEEKLY;COUNT=0', 'FREQ=WEEKLY;COUNT=2;UNTIL=20270101', 'FREQ=WEEKLY;BYMONTH=1', 'FREQ=WEEKLY;INTERVAL=x', 'FREQ=MONTHLY;BYDAY=6TH', 'nonsense']) {
      expect(isValidRRule(bad), bad).toBe(false)
    }
  })

  it('writes rules back with UNTIL as a UTC instant', () => {
    expect(formatRRule(parseRRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20261217'))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;UNTIL=20261217T225959Z')
    expect(formatRRule(parseRRule('RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=3'))).toBe('FREQ=MONTHLY;BYDAY=-1FR;COUNT=3')
  })
})

describe('planned occurrences', () => {
  const series = {
    id: 'abc',
    startsLocal: '2026-12-03T17:00',
    rrule: 'FREQ=WEEKLY;COUNT=3',
    durationMinutes: 90,
    exceptions: [
      { original: '20261210T1700', cancelled: true },
      { original: '20261217T1700', movedTo: '2026-12-18T18:30' },
    ],
  }

  it('marks a cancelled date and moves another, each keeping the id of its original date', () => {
    expect(planOccurrences(series, { from: new Date('2026-11-01T00:00:00Z'), horizon: far })).toEqual([
      { id: 'abc:20261203T1700', originalStart: '20261203T1700', startsAt: '2026-12-03T16:00:00.000Z', endsAt: '2026-12-03T17:30:00.000Z', status: 'scheduled' },
      { id: 'abc:20261210T1700', originalStart: '20261210T1700', startsAt: '2026-12-10T16:00:00.000Z', endsAt: '2026-12-10T17:30:00.000Z', status: 'cancelled' },
      { id: 'abc:20261217T1700', originalStart: '20261217T1700', startsAt: '2026-12-18T17:30:00.000Z', endsAt: '2026-12-18T19:00:00.000Z', status: 'scheduled' },
    ])
  })

  it('leaves out dates that ended before the window', () => {
    expect(planOccurrences(series, { from: new Date('2026-12-05T00:00:00Z'), horizon: far }).map((o) => o.id)).toEqual(['abc:20261210T1700', 'abc:20261217T1700'])
  })
})
