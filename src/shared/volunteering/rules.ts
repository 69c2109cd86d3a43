import { normalizeSubmission } from './normalize.ts'
import { RegistrationSchema, type RegistrationInput } from './registration.schema.ts'
import { TandemSchema, type TandemInput } from './tandem.schema.ts'
import { validate, type FieldErrors } from '../validate.ts'
import { workingGroupsOf } from '../network/working-groups.ts'

/**
 * Rules a JSON Schema cannot say simply: a tandem entry needs an e-mail address or a phone number,
 * and e-mails about it need the address.
 */
export function tandemRuleErrors(input: Partial<TandemInput>): FieldErrors {
  return {
    ...(input.email || input.phone ? {} : { contact: 'errors.contact.required' }),
    ...(input.consents?.mail && !input.email ? { email: 'errors.email.requiredForMail' } : {}),
  }
}

/** What the form checks before saving: the server's schema and rules, on the same cleaned value. */
export function checkTandem(input: unknown): { value: TandemInput; errors: FieldErrors } {
  const value = normalizeSubmission(input) as TandemInput
  const errors = validate(TandemSchema, value)
  return { value, errors: { ...tandemRuleErrors(value), ...errors } }
}

/**
 * Rules that depend on the event's district: where its network has working groups the person names
 * one of them, and may come as a guest with a contribution to the agenda (seed 004 § 1 (5)); where it
 * has none, the form asks for none (an older phone's queued entry that names one still goes through).
 */
export function registrationRuleErrors(input: Partial<RegistrationInput>, district: string | undefined): FieldErrors {
  const errors: FieldErrors = {}
  const groups = workingGroupsOf(district)
  if (groups.length > 0 && !input.workingGroup) errors.workingGroup = 'errors.required'
  else if (groups.length > 0 && !groups.includes(input.workingGroup!)) errors.workingGroup = 'errors.invalid'
  if (input.attendingAs === 'guest') {
    if (groups.length === 0) errors.attendingAs = 'errors.invalid'
    else if (!input.contribution) errors.contribution = 'errors.required'
  }
  return errors
}

/** What the form checks before saving: the server's schema and the rules of the event's district. */
export function checkRegistration(input: unknown, district?: string): { value: RegistrationInput; errors: FieldErrors } {
  const value = normalizeSubmission(input) as RegistrationInput
  return { value, errors: { ...registrationRuleErrors(value, district), ...validate(RegistrationSchema, value) } }
}
