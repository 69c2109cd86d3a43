import { Type, type Static } from 'typebox'
import { DistrictSchema, EmailSchema, LocaleSchema, PhoneSchema, literals } from '../fields.schema.ts'
import { WORKING_GROUPS } from '../volunteering/registration.schema.ts'
import { RulesVersionSchema } from '../network/network-rules.schema.ts'
import { LocalizedTextSchema } from '../localized-text.ts'

/**
 * The network's partner directory (seed 004): the public declaration a partner organisation sends
 * (entry, change or deletion), and what coordinators see and edit. The form and the server check the
 * same schemas (src/shared/validate.ts); rules tying fields to the kind are in ./partner-rules.ts.
 */

export { WORKING_GROUPS }
export type WorkingGroup = (typeof WORKING_GROUPS)[number]

export const PARTNER_REQUEST_KINDS = ['entry', 'change', 'deletion'] as const
export type PartnerRequestKind = (typeof PARTNER_REQUEST_KINDS)[number]
export const PARTNER_REQUEST_STATUSES = ['open', 'applied', 'rejected'] as const

/** Length limits shared by the forms (maxlength) and the schemas. */
export const PARTNER_LIMITS = {
  organisation: 150,
  address: 300,
  contactFunction: 100,
  note: 1000,
} as const

/** Versions of the consent texts (locales partners.consent.*); bump when a text changes. */
export const PARTNER_CONSENT_VERSIONS = ['2026-11'] as const
export const CURRENT_PARTNER_CONSENT_VERSION = PARTNER_CONSENT_VERSIONS[PARTNER_CONSENT_VERSIONS.length - 1]!

/** A Berlin calendar day, e.g. 2025-11-20. */
export const DaySchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
const InstantSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$' })

const PartnerConsentSchema = Type.Object(
  { textVersion: literals(PARTNER_CONSENT_VERSIONS), givenAt: InstantSchema },
  { additionalProperties: false },
)

export const WorkingGroupsSchema = Type.Array(literals(WORKING_GROUPS), { maxItems: WORKING_GROUPS.length, uniqueItems: true })

const OrganisationSchema = Type.String({ minLength: 1, maxLength: PARTNER_LIMITS.organisation })
const AddressSchema = Type.String({ minLength: 1, maxLength: PARTNER_LIMITS.address })
const ContactFunctionSchema = Type.String({ minLength: 1, maxLength: PARTNER_LIMITS.contactFunction })

/**
 * A partner organisation's declaration. `organisation`, `district` and `email` are always needed:
 * for an entry or a change they are the new details, for a deletion they name the entry to delete.
 * A change names the entry it changes in `entry` (as it is listed now). Consents: `store` (keep these
 * details for the network's list and mailing list; needed for an entry or a change), `publish`
 * (list the organisation publicly, also in the app's contacts directory; optional) and `mail` (e-mails
 * about the declaration to `email`, once the address is confirmed; optional, any kind).
 */
export const PartnerRequestSchema = Type.Object(
  {
    kind: literals(PARTNER_REQUEST_KINDS),
    organisation: OrganisationSchema,
    district: DistrictSchema,
    email: EmailSchema,
    address: Type.Optional(AddressSchema),
    contactFunction: Type.Optional(ContactFunctionSchema),
    phone: Type.Optional(PhoneSchema),
    workingGroups: Type.Optional(WorkingGroupsSchema),
    entry: Type.Optional(
      Type.Object({ organisation: Type.Optional(OrganisationSchema), email: Type.Optional(EmailSchema) }, { additionalProperties: false }),
    ),
    note: Type.Optional(Type.String({ maxLength: PARTNER_LIMITS.note })),
    locale: Type.Optional(LocaleSchema),
    /** The version of the district's network rules the partner acknowledges; needed for an entry or a change where rules are published. */
    rulesVersion: Type.Optional(RulesVersionSchema),
    consents: Type.Object(
      { store: Type.Optional(PartnerConsentSchema), publish: Type.Optional(PartnerConsentSchema), mail: Type.Optional(PartnerConsentSchema) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type PartnerRequestInput = Static<typeof PartnerRequestSchema>

export const PartnerRequestAnswerSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: Type.Literal('received'),
  /** The declaring device's secret to read the outcome (GET /api/v1/partner-requests/:token). */
  statusToken: Type.String(),
})

/** Why a coordinator turns a declaration down; the declaring device shows it in its own language. */
export const PARTNER_REJECT_REASONS = ['not-network', 'duplicate', 'not-found', 'unclear', 'other'] as const

export const RejectPartnerRequestSchema = Type.Object(
  {
    reason: literals(PARTNER_REJECT_REASONS),
    /** A short word to the organisation, shown as written. */
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const PartnerRequestStatusParamsSchema = Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }) }, { additionalProperties: false })

/** What the declaring device learns: open, applied, or rejected with the reason. */
export const PartnerRequestOutcomeSchema = Type.Object({
  kind: literals(PARTNER_REQUEST_KINDS),
  /** The language the declaration was sent in (null for older ones), for the status page its mails link to. */
  locale: Type.Union([Type.String(), Type.Null()]),
  status: literals(PARTNER_REQUEST_STATUSES),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([literals(PARTNER_REJECT_REASONS), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
})
export type PartnerRequestOutcome = Static<typeof PartnerRequestOutcomeSchema>

/** What a coordinator types into the partner editor. */
export const PartnerInputSchema = Type.Object(
  {
    organisation: OrganisationSchema,
    address: AddressSchema,
    district: DistrictSchema,
    contactFunction: ContactFunctionSchema,
    phone: Type.Optional(PhoneSchema),
    email: EmailSchema,
    workingGroups: WorkingGroupsSchema,
    /** The organisation agreed to be listed publicly (then it also appears in the app's contacts). */
    publicListing: Type.Boolean(),
    /** Partner since (Berlin day); today when left out. Counts for the twelve months without attendance. */
    memberSince: Type.Optional(DaySchema),
  },
  { additionalProperties: false },
)
export type PartnerInput = Static<typeof PartnerInputSchema>

/** How the consent to a public listing was given: in a declaration (with its text version) or confirmed by a coordinator. */
export const ListingConsentSchema = Type.Object({
  textVersion: Type.String(),
  givenAt: Type.String(),
  via: literals(['declaration', 'coordinator'] as const),
})
export type ListingConsent = Static<typeof ListingConsentSchema>

export const PartnerSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  organisation: Type.String(),
  address: Type.String(),
  district: Type.String(),
  contactFunction: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.String(),
  workingGroups: Type.Array(Type.String()),
  publicListing: Type.Boolean(),
  listingConsent: Type.Union([ListingConsentSchema, Type.Null()]),
  memberSince: Type.String(),
  updatedAt: Type.String(),
  /** Berlin day of the last meeting attended; null when none is recorded. */
  lastAttendedOn: Type.Union([Type.String(), Type.Null()]),
  /** A partner for twelve months or more without attending any meeting in the last twelve months. */
  flagged: Type.Boolean(),
})
export type PartnerDto = Static<typeof PartnerSchema>

export const PartnerDetailSchema = Type.Intersect([
  PartnerSchema,
  Type.Object({
    attendance: Type.Array(
      Type.Object({ occurrenceId: Type.String(), attendedOn: Type.String(), title: Type.Union([LocalizedTextSchema, Type.Null()]) }),
    ),
  }),
])
export type PartnerDetailDto = Static<typeof PartnerDetailSchema>

export const PartnerListQuerySchema = Type.Object(
  {
    district: Type.Optional(DistrictSchema),
    workingGroup: Type.Optional(literals(WORKING_GROUPS)),
    flagged: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)

export const PartnerIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

export const PartnerRequestListQuerySchema = Type.Object(
  {
    district: Type.Optional(DistrictSchema),
    status: Type.Optional(literals(PARTNER_REQUEST_STATUSES)),
  },
  { additionalProperties: false },
)

export const PartnerRequestItemSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: literals(PARTNER_REQUEST_KINDS),
  status: literals(PARTNER_REQUEST_STATUSES),
  district: Type.String(),
  submittedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
  partnerId: Type.Union([Type.String(), Type.Null()]),
  /** What the partner sent; null once the request was decided (then erased). */
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  /** For a change or deletion: the listed partner that best matches the named entry, if any. */
  suggestedPartnerId: Type.Union([Type.String(), Type.Null()]),
  /** The rules version acknowledged, and the district's version in force now (older: flagged to the coordinator). */
  rulesVersion: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  rulesCurrent: Type.Optional(Type.Union([Type.String(), Type.Null()])),
})
export type PartnerRequestItem = Static<typeof PartnerRequestItemSchema>

export const ApplyPartnerRequestSchema = Type.Object(
  {
    /** For a change or deletion: the partner it applies to (the coordinator confirms the suggestion). */
    partnerId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
)

export const PartnerRequestDecisionSchema = Type.Object({
  request: PartnerRequestItemSchema,
  partner: Type.Union([PartnerSchema, Type.Null()]),
})
export type PartnerRequestDecision = Static<typeof PartnerRequestDecisionSchema>

export const MeetingSchema = Type.Object({
  occurrenceId: Type.String(),
  meetupId: Type.String(),
  title: LocalizedTextSchema,
  district: Type.String(),
  startsAt: Type.String(),
  attendees: Type.Integer({ minimum: 0 }),
})
export type MeetingDto = Static<typeof MeetingSchema>

export const MeetingListQuerySchema = Type.Object({ district: Type.Optional(DistrictSchema) }, { additionalProperties: false })

export const MeetingParamsSchema = Type.Object(
  { occurrenceId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9:_.-]+$' }) },
  { additionalProperties: false },
)

export const MeetingAttendanceSchema = Type.Object({
  meeting: MeetingSchema,
  partners: Type.Array(Type.Object({ id: Type.String(), organisation: Type.String(), attended: Type.Boolean() })),
})
export type MeetingAttendanceDto = Static<typeof MeetingAttendanceSchema>

export const AttendanceInputSchema = Type.Object(
  { partnerIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 2000, uniqueItems: true }) },
  { additionalProperties: false },
)
