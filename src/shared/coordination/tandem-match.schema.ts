import { Type, type Static } from 'typebox'
import { DistrictSchema, literals } from '../fields.schema.ts'
import { LANGUAGE_LEVELS, TANDEM_KINDS, TANDEM_ROLES } from '../volunteering/tandem.schema.ts'

/**
 * Tandem matching: what coordinators see of tandem entries and matches, the suggestions for a
 * request, and what a person sees of their match through their manage link.
 *
 * States of a match: `proposed` (a coordinator paired an offer and a request) → `active` (both
 * accepted) → `ended` (a coordinator ended it, or one side withdrew their entry). A decline by
 * either side makes it `declined`; a coordinator may withdraw a proposal (`withdrawn`). Declined
 * and withdrawn matches leave both entries open for another proposal.
 */

export const MATCH_STATUSES = ['proposed', 'active', 'declined', 'ended', 'withdrawn'] as const
export type TandemMatchStatus = (typeof MATCH_STATUSES)[number]
/** Matches that hold their two entries: an entry is in at most one of these at a time. */
export const OPEN_MATCH_STATUSES = ['proposed', 'active'] as const satisfies readonly TandemMatchStatus[]
export const MATCH_ANSWERS = ['accepted', 'declined'] as const

const Uuid = Type.String({ format: 'uuid' })
const Instant = Type.String({ format: 'date-time' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const TandemLanguageSchema = Type.Object({ code: Type.String(), level: literals(LANGUAGE_LEVELS) })

/** A tandem offer or request as the coordinator sees it (with contact, to reach the person). */
export const TandemEntrySchema = Type.Object({
  id: Uuid,
  role: literals(TANDEM_ROLES),
  kind: literals(TANDEM_KINDS),
  district: DistrictSchema,
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  town: Nullable(Type.String()),
  languages: Type.Array(TandemLanguageSchema),
  availability: Type.Array(Type.String()),
  interests: Nullable(Type.String()),
  travelKm: Nullable(Type.Integer()),
  onlineOk: Type.Boolean(),
  note: Nullable(Type.String()),
  /** The person agreed to pass their contact on to the matched partner. */
  shareConsent: Type.Boolean(),
  createdAt: Instant,
})
export type TandemEntry = Static<typeof TandemEntrySchema>

export const OpenEntriesSchema = Type.Object({
  offers: Type.Array(TandemEntrySchema),
  requests: Type.Array(TandemEntrySchema),
})
export type OpenEntries = Static<typeof OpenEntriesSchema>

export const OpenEntriesQuerySchema = Type.Object(
  { district: Type.Optional(DistrictSchema), kind: Type.Optional(literals(TANDEM_KINDS)) },
  { additionalProperties: false },
)

export const EntryIdParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false })

export const SuggestionsQuerySchema = Type.Object(
  { limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) },
  { additionalProperties: false },
)

export const MatchReasonSchema = Type.Object({
  key: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  points: Type.Integer(),
})

export const SuggestionSchema = Type.Object({
  offer: TandemEntrySchema,
  sameKind: Type.Boolean(),
  score: Type.Integer(),
  reasons: Type.Array(MatchReasonSchema),
})
export type Suggestion = Static<typeof SuggestionSchema>

export const ProposeMatchSchema = Type.Object({ offerId: Uuid, requestId: Uuid }, { additionalProperties: false })
export type ProposeMatchInput = Static<typeof ProposeMatchSchema>

/** One side of a match in the coordinator's list; `name` is null once the person's data was erased. */
export const MatchSideSchema = Type.Object({
  id: Uuid,
  kind: literals(TANDEM_KINDS),
  district: DistrictSchema,
  status: literals(['received', 'cancelled', 'erased'] as const),
  name: Nullable(Type.String()),
  shareConsent: Type.Boolean(),
  answer: Nullable(literals(MATCH_ANSWERS)),
})

export const MatchSchema = Type.Object({
  id: Uuid,
  status: literals(MATCH_STATUSES),
  district: DistrictSchema,
  offer: MatchSideSchema,
  request: MatchSideSchema,
  proposedBy: Type.String(),
  proposedAt: Instant,
  changedAt: Instant,
})
export type Match = Static<typeof MatchSchema>

export const MatchListQuerySchema = Type.Object(
  { district: Type.Optional(DistrictSchema), status: Type.Optional(literals([...MATCH_STATUSES, 'open'] as const)) },
  { additionalProperties: false },
)

export const MatchIdParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false })

/** The person's answer through their manage link. */
export const MatchAnswerSchema = Type.Object({ answer: literals(['accept', 'decline'] as const) }, { additionalProperties: false })
export type MatchAnswerInput = Static<typeof MatchAnswerSchema>

/**
 * A person's match as their manage link shows it. Before both accepted only facts of the other
 * side (kind, district, languages, common times), never who they are; once active, the partner's
 * name and contact, and only if the partner agreed to pass them on (`contactWithheld` otherwise:
 * the coordination office puts the two in touch).
 */
export const MatchViewSchema = Type.Object({
  id: Uuid,
  status: literals(MATCH_STATUSES),
  side: literals(TANDEM_ROLES),
  myAnswer: Nullable(literals(MATCH_ANSWERS)),
  partnerAnswer: Nullable(literals(MATCH_ANSWERS)),
  proposedAt: Instant,
  changedAt: Instant,
  partner: Nullable(
    Type.Object({
      kind: literals(TANDEM_KINDS),
      district: DistrictSchema,
      languages: Type.Array(TandemLanguageSchema),
      /** Availability slots both sides gave. */
      commonTimes: Type.Array(Type.String()),
    }),
  ),
  contact: Nullable(
    Type.Object({
      name: Type.String(),
      email: Type.Optional(Type.String()),
      phone: Type.Optional(Type.String()),
    }),
  ),
  contactWithheld: Type.Boolean(),
  /** Whether this person agreed to pass their own contact on. */
  mySharing: Type.Boolean(),
})
export type MatchView = Static<typeof MatchViewSchema>
