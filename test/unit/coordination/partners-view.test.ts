import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../../../src/coordination/problems.ts'
import {
  emptyPartnerEditor,
  formatDay,
  partnerEditorFrom,
  partnerEditorPayload,
  partnerProblemKey,
  selectableDistricts,
  serverFieldErrors,
} from '../../../src/coordination/partners/partner-view.ts'
import { checkPartnerInput } from '../../../src/shared/coordination/partner-rules.ts'
import type { PartnerDto } from '../../../src/shared/coordination/partner.schema.ts'

const partner: PartnerDto = {
  id: '6f1f7d36-3c8e-4a57-9f51-3a8f3c1f1a11',
  organisation: 'Tafel Stendal (Beispiel)',
  address: 'Weg 1, 39576 Stendal',
  district: 'stendal',
  contactFunction: 'Leitung',
  phone: null,
  email: 'tafel@example.org',
  workingGroups: ['culture-social'],
  publicListing: true,
  listingConsent: { textVersion: '2026-11', givenAt: '2026-11-20T10:00:00.000Z', via: 'declaration' },
  memberSince: '2025-03-01',
  updatedAt: '2026-11-20T10:00:00.000Z',
  lastAttendedOn: null,
  flagged: false,
}

describe('partner directory views', () => {
  it('show days with their year in the reader\'s language, without shifting them', () => {
    expect(formatDay('2025-03-01', 'de')).toBe('01.03.2025')
    expect(formatDay('2025-12-31', 'en')).toBe('Dec 31, 2025')
  })

  it('offer an admin every district and a coordinator their own', () => {
    expect(selectableDistricts(null)).toEqual([])
    expect(selectableDistricts({ role: 'admin', districts: [] })).toHaveLength(14)
    expect(selectableDistricts({ role: 'coordinator', districts: ['stendal', 'harz'] }).map((d) => d.slug)).toEqual(['harz', 'stendal'])
  })

  it('edit a partner and send back what the server accepts', () => {
    const state = partnerEditorFrom(partner)
    const { value, errors } = checkPartnerInput(partnerEditorPayload(state), '2026-11-22')
    expect(errors).toEqual({})
    expect(value).toEqual({
      organisation: 'Tafel Stendal (Beispiel)',
      address: 'Weg 1, 39576 Stendal',
      district: 'stendal',
      contactFunction: 'Leitung',
      email: 'tafel@example.org',
      workingGroups: ['culture-social'],
      publicListing: true,
      memberSince: '2025-03-01',
    })
    expect(checkPartnerInput(partnerEditorPayload(emptyPartnerEditor('harz')), '2026-11-22').errors).toEqual({
      organisation: 'errors.required',
      address: 'errors.required',
      contactFunction: 'errors.required',
      email: 'errors.required',
    })
  })

  it('name problems of this section, and the common ones otherwise', () => {
    const problem = (error: string, fields = {}) => new ApiProblem(409, { error, message: '', fields })
    expect(partnerProblemKey(problem('meeting_not_held'))).toBe('coordinationPartners.problems.meeting_not_held')
    expect(partnerProblemKey(problem('forbidden'))).toBe('coordination.problems.forbidden')
    expect(partnerProblemKey(new Error('boom'))).toBe('coordination.problems.other')
    expect(serverFieldErrors(problem('validation', { email: 'errors.email.invalid' }))).toEqual({ email: 'errors.email.invalid' })
    expect(serverFieldErrors(new Error('x'))).toEqual({})
  })
})
