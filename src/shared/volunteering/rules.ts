import { normalizeSubmission } from './normalize.ts'
import { RegistrationSchema, type RegistrationInput } from './registration.schema.ts'
import { TandemSchema, type TandemInput } from './tandem.schema.ts'
import { validate, type FieldErrors } from '../validate.ts'

/** Rules a JSON Schema cannot say simply: a tandem entry needs an e-mail address or a phone number. */
export function tandemRuleErrors(input: Partial<TandemInput>): FieldErrors {
  return input.email || input.phone ? {} : { contact: 'errors.contact.required' }
}

/** What the form checks before saving: the server's schema and rules, on the same cleaned value. */
export function checkTandem(input: unknown): { value: TandemInput; errors: FieldErrors } {
  const value = normalizeSubmission(input) as TandemInput
  const errors = validate(TandemSchema, value)
  return { value, errors: { ...tandemRuleErrors(value), ...errors } }
}

export function checkRegistration(input: unknown): { value: RegistrationInput; errors: FieldErrors } {
  const value = normalizeSubmission(input) as RegistrationInput
  return { value, errors: validate(RegistrationSchema, value) }
}
