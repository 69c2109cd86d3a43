import { Type } from 'typebox'
import { DISTRICT_SLUGS } from '../districts.ts'

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

/** Versions of the consent texts (locales consent.*); bump when a text changes. */
export const CONSENT_TEXT_VERSIONS = ['2026-11'] as const
export const CURRENT_CONSENT_VERSION = CONSENT_TEXT_VERSIONS[CONSENT_TEXT_VERSIONS.length - 1]!

/** One of a list of strings, as `anyOf` of constants (ajv names the failed field), typed as the union. */
export const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))))

export const NameSchema = Type.String({ minLength: 1, maxLength: LIMITS.name })
export const EmailSchema = Type.String({ maxLength: LIMITS.email, pattern: EMAIL_PATTERN })
export const PhoneSchema = Type.String({ maxLength: LIMITS.phone, pattern: PHONE_PATTERN })
export const DistrictSchema = literals(DISTRICT_SLUGS)
export const LocaleSchema = Type.String({ pattern: '^[a-z]{2,3}$' })

const ConsentGivenSchema = Type.Object(
  {
    textVersion: literals(CONSENT_TEXT_VERSIONS),
    givenAt: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$' }),
  },
  { additionalProperties: false },
)

/** Consent per purpose: `store` (keep the entry to find a match) is required; `share` (pass my contact on) is optional. */
export const ConsentsSchema = Type.Object(
  { store: ConsentGivenSchema, share: Type.Optional(ConsentGivenSchema) },
  { additionalProperties: false },
)

export const ManageTokenSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })

export const SubmissionAnswerSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: literals(['confirmed', 'waitlisted', 'received'] as const),
  manageToken: Type.String(),
})
