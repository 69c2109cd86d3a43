import { describe, expect, it } from 'vitest'
import { datesPerYear, frequencyWarning } from '../../../src/shared/network/meeting-frequency.ts'
import { sampleSeries } from '../../../server/meetups/sample-meetups.ts'

describe('working groups meet up to five times a year (seed 004 § 5 (2))', () => {
  it('counts the most dates of a series in a calendar year (its first or the next)', () => {
    expect(datesPerYear('2027-01-12T10:00', 'FREQ=MONTHLY;BYDAY=2TU')).toBe(12)
    expect(datesPerYear('2027-01-12T10:00', 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU')).toBe(4)
    expect(datesPerYear('2027-01-12T10:00', null)).toBe(1)
    expect(datesPerYear('2027-11-09T10:00', 'FREQ=MONTHLY;BYDAY=2TU')).toBe(12) // two in 2027, twelve in 2028
    expect(datesPerYear('2027-01-12T10:00', 'FREQ=MONTHLY;INTERVAL=6;BYDAY=2TU')).toBe(2)
  })

  it('warns for a Magdeburg network meeting more often than five times a year, not elsewhere or for other kinds', () => {
    const monthly = { kind: 'network-meeting', district: 'magdeburg', startsLocal: '2027-01-12T10:00', rrule: 'FREQ=MONTHLY;BYDAY=2TU' }
    expect(frequencyWarning(monthly)).toEqual({ count: 12, max: 5 })
    expect(frequencyWarning({ ...monthly, rrule: 'FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU' })).toBeUndefined()
    expect(frequencyWarning({ ...monthly, district: 'stendal' })).toBeUndefined()
    expect(frequencyWarning({ ...monthly, kind: 'language-cafe' })).toBeUndefined()
  })

  it('the sample working groups follow the rule, and the cross-group meeting is once or twice a year', () => {
    const now = new Date('2026-11-30T10:00:00Z')
    const groups = sampleSeries(now).filter((s) => s.district === 'magdeburg' && s.kind === 'network-meeting' && s.title.de?.startsWith('AG '))
    expect(groups).toHaveLength(3)
    for (const g of groups) expect(frequencyWarning({ ...g, rrule: g.rrule ?? null }), g.title.de).toBeUndefined()
    const cross = sampleSeries(now).find((s) => s.title.de?.startsWith('Arbeitsgruppenübergreifendes Treffen'))!
    expect(datesPerYear(cross.startsLocal, cross.rrule ?? null)).toBeGreaterThanOrEqual(1)
    expect(datesPerYear(cross.startsLocal, cross.rrule ?? null)).toBeLessThanOrEqual(2)
  })
})
