import { normalizeEmail, normalizeSubmission } from '../volunteering/normalize.ts'
import { validate, type FieldErrors } from '../validate.ts'
import { PartnerInputSchema, PartnerRequestSchema, type PartnerInput, type PartnerRequestInput } from './partner.schema.ts'
import { workingGroupsOf } from '../network/working-groups.ts'

/**
 * What the partner declaration form and the server both do before and after the schema: clean the
 * input the same way, and check the rules that depend on the kind of declaration.
 */

/** Trims, drops empty fields, lower-cases e-mails and writes phones in E.164, also in `entry`. */
export function normalizePartnerRequest(input: unknown): unknown {
  const out = normalizeSubmission(input)
  if (typeof out !== 'object' || out === null || Array.isArray(out)) return out
  const record = out as Record<string, unknown>
  const entry = record.entry
  if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) {
    const cleaned = normalizeSubmission(entry) as Record<string, unknown>
    if (typeof cleaned.email === 'string') cleaned.email = normalizeEmail(cleaned.email)
    if (Object.keys(cleaned).length === 0) delete record.entry
    else record.entry = cleaned
  }
  return record
}

const required = 'errors.required'

/**
 * Rules a JSON Schema cannot say simply. An entry or a change needs the address, the contact
 * person's function, at least one working group where the district's network has them (seed 004)
 * and the consent to store; a change also names the
 * entry it changes. A deletion needs only the organisation, district and e-mail of the entry.
 */
export function partnerRequestRuleErrors(input: Partial<PartnerRequestInput>): FieldErrors {
  const errors: FieldErrors = {}
  if (input.kind !== 'entry' && input.kind !== 'change') return errors
  if (!input.address) errors.address = required
  if (!input.contactFunction) errors.contactFunction = required
  if (workingGroupsOf(input.district).length > 0 && (!input.workingGroups || input.workingGroups.length === 0)) errors.workingGroups = required
  if (!input.consents?.store) errors['consents.store'] = required
  if (input.kind === 'change') {
    if (!input.entry?.organisation) errors['entry.organisation'] = required
    if (!input.entry?.email) errors['entry.email'] = required
  }
  return errors
}

/** What the form checks before saving: the server's schema and rules, on the same cleaned value. */
export function checkPartnerRequest(input: unknown): { value: PartnerRequestInput; errors: FieldErrors } {
  const value = normalizePartnerRequest(input) as PartnerRequestInput
  const errors = validate(PartnerRequestSchema, value)
  return { value, errors: { ...partnerRequestRuleErrors(value), ...errors } }
}

/** A real calendar day, not after `today` (both YYYY-MM-DD). */
export function memberSinceErrors(memberSince: unknown, today: string): FieldErrors {
  if (memberSince === undefined) return {}
  if (typeof memberSince !== 'string') return { memberSince: 'errors.invalid' }
  const [y, m, d] = memberSince.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  return real && memberSince <= today ? {} : { memberSince: 'errors.invalid' }
}

/** The coordinator's partner editor: same cleaning, the schema, and a real "partner since" day. */
export function checkPartnerInput(input: unknown, today: string): { value: PartnerInput; errors: FieldErrors } {
  const value = normalizeSubmission(input) as PartnerInput
  const errors = validate(PartnerInputSchema, value)
  return { value, errors: { ...memberSinceErrors(value.memberSince, today), ...errors } }
}
