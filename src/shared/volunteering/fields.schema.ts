import { Type } from 'typebox'
import { literals } from '../fields.schema.ts'

/** Versions of the consent texts (locales consent.*); bump when a text changes. */
export const CONSENT_TEXT_VERSIONS = ['2026-11'] as const
/** A tandem entry is erased this many months after it was made or last renewed (consent.tandemStore says so). */
export const TANDEM_RENEWAL_MONTHS = 12

export const CURRENT_CONSENT_VERSION = CONSENT_TEXT_VERSIONS[CONSENT_TEXT_VERSIONS.length - 1]!

export const ConsentGivenSchema = Type.Object(
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
  /** `requested`: a guest's registration, until a coordinator approves or declines it. */
  status: literals(['confirmed', 'waitlisted', 'received', 'requested'] as const),
  manageToken: Type.String(),
})
