import { describe, expect, it } from 'vitest'
import { isFlaggedForRemoval, oneYearBefore } from '../../../server/coordination/partners/partner-flags.ts'
import { berlinDay } from '../../../src/shared/berlin-time.ts'
import { contactFieldsForWorkingGroups, partnerContactId } from '../../../src/shared/coordination/partner-contact.ts'
import { checkPartnerInput, memberSinceErrors, normalizePartnerRequest } from '../../../src/shared/coordination/partner-rules.ts'

describe('twelve months without attendance', () => {
  it.each([
    ['2026-11-22', '2025-11-22'],
    ['2026-01-01', '2025-01-01'],
    ['2028-02-29', '2027-02-28'],
    ['2027-03-01', '2026-03-01'],
  ])('one year before %s is %s', (day, before) => expect(oneYearBefore(day)).toBe(before))

  const today = '2026-11-22'
  it.each([
    ['a partner of two years who never came', { memberSince: '2024-11-01', lastAttendedOn: null }, true],
    ['a partner of two years who last came 13 months ago', { memberSince: '2024-11-01', lastAttendedOn: '2025-10-21' }, true],
    ['one who came the day before the cutoff', { memberSince: '2024-11-01', lastAttendedOn: '2025-11-21' }, true],
    ['one who came exactly a year ago', { memberSince: '2024-11-01', lastAttendedOn: '2025-11-22' }, false],
    ['one who came last month', { memberSince: '2024-11-01', lastAttendedOn: '2026-10-15' }, false],
    ['one who joined exactly a year ago and never came', { memberSince: '2025-11-22', lastAttendedOn: null }, true],
    ['one who joined eleven months ago and never came', { memberSince: '2025-12-22', lastAttendedOn: null }, false],
  ])('%s → flagged %s', (_label, partner, flagged) => expect(isFlaggedForRemoval(partner, today)).toBe(flagged))

  it('counts days in German time', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Berlin.
    expect(berlinDay(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01')
    expect(berlinDay(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30')
    expect(berlinDay(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01')
  })
})

describe('listed partners in the contacts directory', () => {
  it('are shown in the fields of their working groups, always also under welcome culture', () => {
    expect(contactFieldsForWorkingGroups([])).toEqual(['welcome-culture'])
    expect(contactFieldsForWorkingGroups(['cross-group'])).toEqual(['welcome-culture'])
    expect(contactFieldsForWorkingGroups(['language', 'work-training'])).toEqual(['labour-market', 'training', 'lifelong-learning', 'welcome-culture'])
    expect(contactFieldsForWorkingGroups(['culture-social', 'unknown'])).toEqual(['welcome-culture'])
    expect(partnerContactId('0b0c')).toBe('partner-0b0c')
  })
})

describe('cleaning and checking partner input', () => {
  it('cleans a declaration like volunteering submissions, also the named entry', () => {
    expect(
      normalizePartnerRequest({
        kind: 'change',
        organisation: '  Verein  ',
        email: ' A@B.ORG ',
        phone: '0391 555-0100',
        entry: { organisation: ' Alt ', email: ' ALT@B.org ' },
        note: '   ',
      }),
    ).toEqual({ kind: 'change', organisation: 'Verein', email: 'a@b.org', phone: '+493915550100', entry: { organisation: 'Alt', email: 'alt@b.org' } })
    expect(normalizePartnerRequest({ kind: 'change', entry: { organisation: ' ', email: '' } })).toEqual({ kind: 'change' })
    expect(normalizePartnerRequest('text')).toBe('text')
  })

  it('accepts a real "partner since" day up to today only', () => {
    expect(memberSinceErrors(undefined, '2026-11-22')).toEqual({})
    expect(memberSinceErrors('2026-11-22', '2026-11-22')).toEqual({})
    expect(memberSinceErrors('2024-02-29', '2026-11-22')).toEqual({})
    expect(memberSinceErrors('2025-02-29', '2026-11-22')).toEqual({ memberSince: 'errors.invalid' })
    expect(memberSinceErrors('2026-11-23', '2026-11-22')).toEqual({ memberSince: 'errors.invalid' })
    expect(memberSinceErrors(20261122, '2026-11-22')).toEqual({ memberSince: 'errors.invalid' })
  })

  it('checks the coordinator editor with the server schema', () => {
    const base = { organisation: 'Tafel', address: 'Weg 1', district: 'stendal', contactFunction: 'Leitung', email: 'tafel@example.org', workingGroups: [], publicListing: true }
    expect(checkPartnerInput({ ...base, phone: '', memberSince: '' }, '2026-11-22')).toEqual({ value: base, errors: {} })
    expect(checkPartnerInput({ ...base, email: 'x', district: 'atlantis' }, '2026-11-22').errors).toEqual({ email: 'errors.email.invalid', district: 'errors.invalid' })
  })
})
