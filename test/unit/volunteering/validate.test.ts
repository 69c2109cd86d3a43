import { describe, expect, it } from 'vitest'
import { normalizePhone, normalizeSubmission } from '../../../src/shared/volunteering/normalize.ts'
import { checkRegistration, checkTandem } from '../../../src/shared/volunteering/rules.ts'
import { errorCode, validate } from '../../../src/shared/validate.ts'
import { TandemSchema } from '../../../src/shared/volunteering/tandem.schema.ts'
import { emptyTandemForm, tandemFormFrom, tandemPayload } from '../../../src/volunteering/tandem-form.ts'
import { emptyRegistrationForm, registrationFormFrom, registrationPayload } from '../../../src/volunteering/registration-form.ts'
import { CURRENT_CONSENT_VERSION } from '../../../src/shared/volunteering/fields.schema.ts'

describe('phone numbers in E.164', () => {
  it.each([
    ['0391 555-0100', '+493915550100'],
    ['0049 391 5550100', '+493915550100'],
    ['+49 (0) 391 / 555 01 00', '+493915550100'],
    ['+380 (44) 123-45-67', '+380441234567'],
    ['  0170 1234567 ', '+491701234567'],
    ['call me', 'callme'],
  ])('%s → %s', (raw, e164) => expect(normalizePhone(raw)).toBe(e164))
})

describe('cleaning a submission', () => {
  it('trims, lower-cases the e-mail and drops empty fields, leaving other values alone', () => {
    expect(normalizeSubmission({ name: ' Erika ', email: ' Erika@Example.ORG', town: '  ', travelKm: 5, onlineOk: false })).toEqual({
      name: 'Erika',
      email: 'erika@example.org',
      travelKm: 5,
      onlineOk: false,
    })
    expect(normalizeSubmission('text')).toBe('text')
    expect(normalizeSubmission(null)).toBe(null)
  })
})

describe('the small validator', () => {
  it('names every failing field with the message key the locales translate', () => {
    const errors = validate(TandemSchema, { role: 'offer', kind: 'chess', name: '', email: 'x', extra: 1, consents: { store: {} } })
    expect(errors).toEqual({
      kind: 'errors.invalid',
      name: 'errors.required',
      email: 'errors.email.invalid',
      district: 'errors.required',
      extra: 'errors.unknownField',
      'consents.store.textVersion': 'errors.required',
      'consents.store.givenAt': 'errors.required',
    })
  })

  it('counts length in code points, like the server', () => {
    expect(validate(TandemSchema, { ...checkTandem({}).value })).toHaveProperty('name')
    const ok = checkTandem(tandemPayload({ ...emptyTandemForm('harz'), kind: 'language', name: '👋'.repeat(100), phone: '0391 1', consentStore: '2026-11-20T10:00:00.000Z' }, 'request', 'uk'))
    expect(ok.errors).toEqual({ phone: 'errors.phone.invalid' })
  })

  it.each([
    ['required', 'x', 'errors.required'],
    ['maxItems', 'languages', 'errors.tooLong'],
    ['pattern', 'phone', 'errors.phone.invalid'],
    ['format', 'email', 'errors.email.invalid'],
    ['anyOf', 'kind', 'errors.invalid'],
  ])('maps %s on %s to %s', (keyword, field, key) => expect(errorCode(keyword, field)).toBe(key))
})

describe('the tandem form', () => {
  it('turns a filled form into a valid request body and back', () => {
    const form = {
      ...emptyTandemForm('stendal'),
      kind: 'office',
      name: 'Erika',
      email: 'erika@example.org',
      languages: [{ code: 'de', level: 'native' }, { code: '', level: 'basic' }],
      availability: ['tue-evening'],
      travelKm: '15',
      onlineOk: true,
      consentStore: '2026-11-20T10:00:00.000Z',
    }
    const { value, errors } = checkTandem(tandemPayload(form, 'offer', 'de'))
    expect(errors).toEqual({})
    expect(value).toMatchObject({ role: 'offer', travelKm: 15, languages: [{ code: 'de', level: 'native' }], consents: { store: { textVersion: '2026-11' } } })
    expect(value).not.toHaveProperty('consents.share')
    expect(tandemFormFrom(value)).toMatchObject({ ...form, languages: [{ code: 'de', level: 'native' }] })
  })
})

describe('the registration form and its mail consent', () => {
  // Magdeburg's network has working groups (src/shared/network/working-groups.ts), so the form sends one.
  const filled = { ...emptyRegistrationForm('m:20261203T1700'), name: 'Erika', email: 'erika@example.org', workingGroup: 'language', consentStore: '2026-11-20T10:00:00.000Z' }

  it('sends the mail consent only when ticked, and the server schema takes it', () => {
    expect(checkRegistration(registrationPayload(filled, 'uk', 'magdeburg')).value.consents).toEqual({ store: { textVersion: CURRENT_CONSENT_VERSION, givenAt: filled.consentStore } })
    const withMail = { ...filled, consentMail: '2026-11-20T10:01:00.000Z' }
    const { value, errors } = checkRegistration(registrationPayload(withMail, 'uk', 'magdeburg'))
    expect(errors).toEqual({})
    expect(value.consents.mail).toEqual({ textVersion: CURRENT_CONSENT_VERSION, givenAt: withMail.consentMail })
    expect(registrationFormFrom(value)).toEqual(withMail)
  })
})
