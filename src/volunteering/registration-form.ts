import { CURRENT_CONSENT_VERSION } from '../shared/volunteering/fields.schema.ts'
import type { RegistrationInput } from '../shared/volunteering/registration.schema.ts'
import { workingGroupsOf } from '../shared/network/working-groups.ts'

export interface RegistrationFormState {
  occurrenceId: string
  name: string
  organisation: string
  email: string
  workingGroup: string
  /** `guest`: comes with a contribution to the agenda, after the coordinator's approval (seed 004 § 1 (5)). */
  attendingAs: string
  contribution: string
  consentStore: string
  /** E-mails about this registration (own consent, optional); the time it was ticked, '' when not. */
  consentMail: string
}

export function emptyRegistrationForm(occurrenceId = ''): RegistrationFormState {
  return { occurrenceId, name: '', organisation: '', email: '', workingGroup: '', attendingAs: 'participant', contribution: '', consentStore: '', consentMail: '' }
}

const consent = (givenAt: string) => ({ textVersion: CURRENT_CONSENT_VERSION, givenAt })

/** What is sent; working group and guest details only where the event's network has working groups (`district`). */
export function registrationPayload(form: RegistrationFormState, locale: string, district?: string): Record<string, unknown> {
  const network = workingGroupsOf(district).length > 0
  const guest = network && form.attendingAs === 'guest'
  return {
    occurrenceId: form.occurrenceId,
    name: form.name,
    organisation: form.organisation,
    email: form.email,
    ...(network ? { workingGroup: form.workingGroup } : {}),
    ...(guest ? { attendingAs: 'guest', contribution: form.contribution } : {}),
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
    attendingAs: payload.attendingAs === 'guest' ? 'guest' : 'participant',
    contribution: payload.contribution ?? '',
    consentStore: payload.consents?.store?.givenAt ?? '',
    consentMail: payload.consents?.mail?.givenAt ?? '',
  }
}
