import { Type } from 'typebox'
import { DISTRICT_SLUGS } from './districts.ts'
import { LANG_TAG_PATTERN } from './locale-codes.ts'

// Field schemas both sides use for any form (volunteering, partners, coordination): one rule for the
// phone's check and the server's validation.

/** Length limits shared by the forms (maxlength) and the server schemas. */
export const LIMITS = {
  name: 100,
  email: 254,
  phone: 20,
  town: 100,
  organisation: 150,
  interests: 300,
  note: 1000,
  languages: 10,
} as const

// Patterns, not ajv formats, so the phone's validator applies exactly the same rule as the server.
export const EMAIL_PATTERN = '^[^\\s@<>()",;]+@[^\\s@<>()",;.]+(\\.[^\\s@<>()",;.]+)+$'
/** E.164: a plus, a country code and up to 15 digits in all; see normalizePhone. */
export const PHONE_PATTERN = '^\\+[1-9][0-9]{6,14}$'

/** One of a list of strings, as `anyOf` of constants (ajv names the failed field), typed as the union. */
export const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))))

export const NameSchema = Type.String({ minLength: 1, maxLength: LIMITS.name })
export const EmailSchema = Type.String({ maxLength: LIMITS.email, pattern: EMAIL_PATTERN })
export const PhoneSchema = Type.String({ maxLength: LIMITS.phone, pattern: PHONE_PATTERN })
export const DistrictSchema = literals(DISTRICT_SLUGS)
export const LocaleSchema = Type.String({ pattern: LANG_TAG_PATTERN })
