import { describe, expect, it } from 'vitest'
import { checkPartnerRequest } from '../../../src/shared/coordination/partner-rules.ts'
import {
  emptyPartnerDeclarationForm,
  partnerDeclarationFormFrom,
  partnerDeclarationPayload,
  type PartnerDeclarationFormState,
} from '../../../src/partners/partner-declaration-form.ts'

const TICKED = '2026-11-20T10:00:00.000Z'

function filled(overrides: Partial<PartnerDeclarationFormState> = {}): PartnerDeclarationFormState {
  return {
    ...emptyPartnerDeclarationForm('magdeburg'),
    kind: 'entry',
    organisation: 'Bürgerhaus (Beispiel)',
    address: 'Beispielweg 3, 39104 Magdeburg',
    contactFunction: 'Leitung',
    phone: '03931 000 222',
    email: 'Info@Example.org',
    workingGroups: ['language'],
    consentStore: TICKED,
    ...overrides,
  }
}

describe('the partner declaration form', () => {
  it('starts empty in the district the person chose', () => {
    expect(emptyPartnerDeclarationForm('harz')).toMatchObject({ kind: '', district: 'harz', workingGroups: [], consentStore: '', consentPublish: '' })
  })

  it('sends an entry with its consents and versions, cleaned as the server cleans it', () => {
    const { value, errors } = checkPartnerRequest(partnerDeclarationPayload(filled({ consentPublish: TICKED }), 'uk'))
    expect(errors).toEqual({})
    expect(value).toEqual({
      kind: 'entry',
      organisation: 'Bürgerhaus (Beispiel)',
      district: 'magdeburg',
      email: 'info@example.org',
      locale: 'uk',
      address: 'Beispielweg 3, 39104 Magdeburg',
      contactFunction: 'Leitung',
      phone: '+493931000222',
      workingGroups: ['language'],
      consents: { store: { textVersion: '2026-11', givenAt: TICKED }, publish: { textVersion: '2026-11', givenAt: TICKED } },
    })
  })

  it('asks for what each kind needs', () => {
    expect(checkPartnerRequest(partnerDeclarationPayload(emptyPartnerDeclarationForm(), 'de')).errors).toEqual({
      kind: 'errors.required',
      organisation: 'errors.required',
      district: 'errors.required',
      email: 'errors.required',
    })
    expect(checkPartnerRequest(partnerDeclarationPayload(filled({ address: '', workingGroups: [], consentStore: '' }), 'de')).errors).toEqual({
      address: 'errors.required',
      workingGroups: 'errors.required',
      'consents.store': 'errors.required',
    })
    expect(checkPartnerRequest(partnerDeclarationPayload(filled({ kind: 'change' }), 'de')).errors).toEqual({
      'entry.organisation': 'errors.required',
      'entry.email': 'errors.required',
    })
  })

  it('sends only what names the entry for a deletion, and whether mail about it is wanted', () => {
    const { value, errors } = checkPartnerRequest(partnerDeclarationPayload(filled({ kind: 'deletion', consentPublish: TICKED }), 'de'))
    expect(errors).toEqual({})
    expect(value).toEqual({ kind: 'deletion', organisation: 'Bürgerhaus (Beispiel)', district: 'magdeburg', email: 'info@example.org', locale: 'de', consents: {} })
    const withMail = checkPartnerRequest(partnerDeclarationPayload(filled({ kind: 'deletion', consentMail: TICKED }), 'de'))
    expect(withMail.errors).toEqual({})
    expect(withMail.value.consents).toEqual({ mail: { textVersion: '2026-11', givenAt: TICKED } })
  })

  it('sends the mail consent with an entry only when its box is ticked', () => {
    expect(checkPartnerRequest(partnerDeclarationPayload(filled(), 'de')).value.consents).not.toHaveProperty('mail')
    expect(checkPartnerRequest(partnerDeclarationPayload(filled({ consentMail: TICKED }), 'de')).value.consents).toEqual({
      store: { textVersion: '2026-11', givenAt: TICKED },
      mail: { textVersion: '2026-11', givenAt: TICKED },
    })
  })

  it('comes back from a saved declaration to be corrected', () => {
    const form = filled({ kind: 'change', entryOrganisation: 'Alt', entryEmail: 'alt@example.org', consentPublish: TICKED, consentMail: TICKED, note: 'Neue Anschrift' })
    const { value } = checkPartnerRequest(partnerDeclarationPayload(form, 'de'))
    expect(partnerDeclarationFormFrom(value)).toEqual({ ...form, email: 'info@example.org', phone: '+493931000222' })
  })
})
