import { Type, type Static } from 'typebox'
import { DistrictSchema, literals } from '../fields.schema.ts'
import { LocalizedTextSchema } from '../localized-text.ts'
import { WORKSPACE_LOCALE_CODES } from '../locale-codes.ts'

/**
 * The registrations part of the coordinator workspace: the dates that take registrations, the list
 * of one date with attendance, a coordinator's cancellation on someone's behalf, and the CSV export.
 */

/**
 * `date_cancelled`: the date itself was cancelled; the registration is kept for the record.
 * `requested`: a guest waiting for the coordinator's approval; `declined`: a guest's request declined.
 */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'requested', 'cancelled', 'date_cancelled', 'declined'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

/** Attendance as a coordinator marks it; `unknown` until someone did (stored as null). */
export const ATTENDANCE_VALUES = ['yes', 'no', 'unknown'] as const
export type Attendance = (typeof ATTENDANCE_VALUES)[number]

/** How far back the workspace lists dates (upcoming ones are all listed). */
export const PAST_DAYS = 90

export const CSV_SEPARATOR_NAMES = ['semicolon', 'comma'] as const
export type CsvSeparatorName = (typeof CSV_SEPARATOR_NAMES)[number]
/** Languages the CSV header can be written in (the app's languages). */
export const CSV_LANGUAGES = WORKSPACE_LOCALE_CODES
export type CsvLanguage = (typeof CSV_LANGUAGES)[number]

const Instant = Type.String({ format: 'date-time' })
const Count = Type.Integer({ minimum: 0 })

export const RegistrationCountsSchema = Type.Object({ confirmed: Count, waitlisted: Count, cancelled: Count, requested: Count })
export type RegistrationCounts = Static<typeof RegistrationCountsSchema>

/** One date of an event that takes registrations (or once did and has some), with its counts. */
export const RegistrationDateSchema = Type.Object({
  /** `<meetupId>:<original local start>`, the id registrations point at. */
  occurrenceId: Type.String(),
  meetupId: Type.String({ format: 'uuid' }),
  title: LocalizedTextSchema,
  kind: Type.String(),
  district: Type.String(),
  placeName: Type.String(),
  startsAt: Instant,
  endsAt: Instant,
  status: literals(['scheduled', 'cancelled'] as const),
  /** False when registration was switched off after people had registered. */
  registrationRequired: Type.Boolean(),
  /** Places per date; null means unlimited. */
  capacity: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  counts: RegistrationCountsSchema,
})
export type RegistrationDateDto = Static<typeof RegistrationDateSchema>

export const RegistrationDatesQuerySchema = Type.Object({ district: Type.Optional(DistrictSchema) }, { additionalProperties: false })
export type RegistrationDatesQuery = Static<typeof RegistrationDatesQuerySchema>

export const OccurrenceParamsSchema = Type.Object(
  { occurrenceId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9:_.-]+$', description: 'e.g. <meetupId>:20261203T1700' }) },
  { additionalProperties: false },
)

export const RegistrationParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

/** One registration as the workspace shows it; personal fields are null once erased. */
export const RegistrationRowSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: literals(REGISTRATION_STATUSES),
  /** Place on the waiting list (1 moves up first); null unless waitlisted. */
  waitlistPosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** Personal data erased (cancelled, or kept past the retention period). */
  erased: Type.Boolean(),
  name: Type.Union([Type.String(), Type.Null()]),
  organisation: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  /** Null where the event's network has no working groups. */
  workingGroup: Type.Union([Type.String(), Type.Null()]),
  attendingAs: literals(['participant', 'guest'] as const),
  /** A guest's contribution to the agenda; null otherwise or once erased. */
  contribution: Type.Union([Type.String(), Type.Null()]),
  /**
   * Which client sent it, as a fingerprint of its address valid for this date only (the address itself is
   * never shown); null once erased. Many live entries with one fingerprint are bulk entries.
   */
  client: Type.Union([Type.String(), Type.Null()]),
  registeredAt: Instant,
  cancelledAt: Type.Union([Instant, Type.Null()]),
  attendance: literals(ATTENDANCE_VALUES),
})
export type RegistrationRowDto = Static<typeof RegistrationRowSchema>

export const RegistrationListSchema = Type.Object({
  date: RegistrationDateSchema,
  /** Confirmed first, then the waiting list in its order, then cancelled; each by time of registration. */
  registrations: Type.Array(RegistrationRowSchema),
})
export type RegistrationListDto = Static<typeof RegistrationListSchema>

export const AttendanceInputSchema = Type.Object({ attendance: literals(ATTENDANCE_VALUES) }, { additionalProperties: false })
export type AttendanceInput = Static<typeof AttendanceInputSchema>

export const AttendanceAnswerSchema = Type.Object({ id: Type.String({ format: 'uuid' }), attendance: literals(ATTENDANCE_VALUES) })
export type AttendanceAnswer = Static<typeof AttendanceAnswerSchema>

export const ClientParamsSchema = Type.Object(
  { ...OccurrenceParamsSchema.properties, client: Type.String({ pattern: '^[0-9a-f]{12}$', description: 'a client fingerprint from the date’s list' }) },
  { additionalProperties: false },
)

export const GuestDecisionSchema = Type.Object({ approve: Type.Boolean() }, { additionalProperties: false })

export const CsvQuerySchema = Type.Object(
  {
    /** `semicolon` (default) is what Excel expects in German settings; `comma` for English settings and most other tools. */
    separator: Type.Optional(literals(CSV_SEPARATOR_NAMES)),
    /** Language of the header row and the status words; German by default. */
    lang: Type.Optional(literals(CSV_LANGUAGES)),
  },
  { additionalProperties: false },
)
export type CsvQuery = Static<typeof CsvQuerySchema>
