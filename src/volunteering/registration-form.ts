import { CURRENT_CONSENT_VERSION } from '../shared/volunteering/fields.schema.ts'
import type { RegistrationInput } from '../shared/volunteering/registration.schema.ts'

export interface RegistrationFormState {
  occurrenceId: string
  name: string
  organisation: string
  email: string
  workingGroup: string
  consentStore: string
  /** E-mails about this registration (own consent, optional); the time it was ticked, '' when not. */
  consentMail: string
}

export function emptyRegistrationForm(occurrenceId = ''): RegistrationFormState {
  return { occurrenceId, name: '', organisation: '', email: '', workingGroup: '', consentStore: '', consentMail: '' }
}

const consent = (givenAt: string) => ({ textVersion: CURRENT_CONSENT_VERSION, givenAt })

export function registrationPayload(form: RegistrationFormState, locale: string): Record<string, unknown> {
  return {
    occurrenceId: form.occurrenceId,
    name: form.name,
    organisation: form.organisation,
    email: form.email,
    workingGroup: form.workingGroup,
    locale,
    consents: {
      ...(form.consentStore ? { store: consent(form.consentStore) } : {}),
      ...(form.consentMail ? { mail: consent(form.consentMail) } : {}),
    },
  }
}

export function registrationFormFrom(payload: Partial<RegistrationInput>): RegistrationFormState {
  return {
    occurrenceId: payload.occurrenceId ?? '',
    name: payload.name ?? '',
    organisation: payload.organisation ?? '',
    email: payload.email ?? '',
    workingGroup: payload.workingGroup ?? '',
    consentStore: payload.consents?.store?.givenAt ?? '',
    consentMail: payload.consents?.mail?.givenAt ?? '',
  }
}
