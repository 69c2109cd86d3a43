import { Type, type Static } from 'typebox'
import { DistrictSchema, literals } from '../fields.schema.ts'
import { AUDIENCES, MEETUP_KINDS } from '../meetups/meetup-kinds.ts'
import { WEEKDAYS } from '../meetups/recurrence.ts'
import { LocalizedTextSchema } from '../localized-text.ts'
import { WORKSPACE_LOCALE_CODES } from '../locale-codes.ts'

/**
 * What a coordinator types into the event editor, checked by the form and by the server alike.
 * The schema checks shapes and lengths; the rules that tie fields together (capacity when
 * registration is on, the start on a day of the rule, …) are in ./meetup-editor.ts.
 */

/** Languages an event text can be written in: German (the source, required) and the app's others. */
export const EDITOR_LANGUAGES = WORKSPACE_LOCALE_CODES
export type EditorLanguage = (typeof EDITOR_LANGUAGES)[number]

export const EDITOR_LIMITS = {
  title: 120,
  description: 3000,
  placeName: 150,
  address: 200,
  accessibility: 500,
  organiser: 150,
  cost: 200,
  languages: 12,
  capacity: 10000,
  minDuration: 5,
  maxDuration: 24 * 60,
  weeks: 52,
  months: 12,
  count: 500,
} as const

/** Texts per language; with `germanRequired`, the German one must not be empty. */
const texts = (maxLength: number, germanRequired: boolean) =>
  Type.Object(
    {
      de: Type.String({ minLength: germanRequired ? 1 : 0, maxLength }),
      en: Type.Optional(Type.String({ maxLength })),
      uk: Type.Optional(Type.String({ maxLength })),
      ar: Type.Optional(Type.String({ maxLength })),
    },
    { additionalProperties: false },
  )

export const EditorTextsSchema = texts(EDITOR_LIMITS.cost, false)
export type EditorTexts = Static<typeof EditorTextsSchema>

/** A Berlin calendar day, e.g. 2027-06-30. */
const DateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
/** A local start in Berlin wall time, e.g. 2026-12-03T17:00. */
export const EditorLocalDateTimeSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$' })

export const RECURRENCE_TYPES = ['none', 'weekly', 'monthly'] as const
export const RECURRENCE_END_TYPES = ['none', 'until', 'count'] as const
/** n-th weekday of a month: first to fourth, or -1 for the last. */
export const MONTH_WEEKS = [1, 2, 3, 4, -1] as const
export type MonthWeek = (typeof MONTH_WEEKS)[number]

export const RecurrenceEndSchema = Type.Object(
  {
    type: literals(RECURRENCE_END_TYPES),
    /** Last day with a date (inclusive), for `until`. */
    date: Type.Optional(DateSchema),
    /** Number of dates in all, the first included, for `count`. */
    count: Type.Optional(Type.Integer({ minimum: 1, maximum: EDITOR_LIMITS.count })),
  },
  { additionalProperties: false },
)

/**
 * The recurrence builder: a single date; every n weeks on some weekdays; or every n months on the
 * n-th (or last) weekday. One flat object, so a mistake is reported at the field it is in.
 */
export const RecurrenceSchema = Type.Object(
  {
    type: literals(RECURRENCE_TYPES),
    /** Every n weeks (weekly) or months (monthly); 1 when absent. */
    interval: Type.Optional(Type.Integer({ minimum: 1, maximum: EDITOR_LIMITS.weeks })),
    /** Weekly: the weekdays. */
    weekdays: Type.Optional(Type.Array(literals(WEEKDAYS), { maxItems: 7, uniqueItems: true })),
    /** Monthly: which week of the month, and the weekday. */
    week: Type.Optional(Type.Unsafe<MonthWeek>(Type.Union(MONTH_WEEKS.map((w) => Type.Literal(w))))),
    weekday: Type.Optional(literals(WEEKDAYS)),
    end: Type.Optional(RecurrenceEndSchema),
  },
  { additionalProperties: false },
)
export type RecurrenceInput = Static<typeof RecurrenceSchema>

export const MeetupEditorInputSchema = Type.Object(
  {
    kind: literals(MEETUP_KINDS),
    title: texts(EDITOR_LIMITS.title, true),
    description: texts(EDITOR_LIMITS.description, true),
    district: DistrictSchema,
    placeName: Type.String({ minLength: 1, maxLength: EDITOR_LIMITS.placeName }),
    address: Type.String({ minLength: 1, maxLength: EDITOR_LIMITS.address }),
    // Optional rather than nullable: the server's ajv coerces types, and would read a null as 0.
    /** Coordinates of the place (both or neither), for the map links. */
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    accessibility: texts(EDITOR_LIMITS.accessibility, false),
    organiser: Type.String({ minLength: 1, maxLength: EDITOR_LIMITS.organiser }),
    /** Languages spoken at the event (ISO 639 codes). */
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { maxItems: EDITOR_LIMITS.languages, uniqueItems: true }),
    audience: Type.Array(literals(AUDIENCES), { maxItems: AUDIENCES.length, uniqueItems: true }),
    /** Free of charge; otherwise `cost` says what it costs (German required). */
    free: Type.Boolean(),
    cost: texts(EDITOR_LIMITS.cost, false),
    registrationRequired: Type.Boolean(),
    /** Places per date; required when registration is on, absent for no limit otherwise. */
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: EDITOR_LIMITS.capacity })),
    /** First start in Berlin wall time; always the first date. */
    startsLocal: EditorLocalDateTimeSchema,
    durationMinutes: Type.Integer({ minimum: EDITOR_LIMITS.minDuration, maximum: EDITOR_LIMITS.maxDuration }),
    recurrence: RecurrenceSchema,
  },
  { additionalProperties: false },
)
export type MeetupEditorInput = Static<typeof MeetupEditorInputSchema>

/** A change: the same fields, and optionally the revision it was based on (409 when someone else saved in between). */
export const MeetupEditorUpdateSchema = Type.Object(
  { ...MeetupEditorInputSchema.properties, revision: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
)
export type MeetupEditorUpdate = Static<typeof MeetupEditorUpdateSchema>

export const MoveDateSchema = Type.Object({ startsLocal: EditorLocalDateTimeSchema }, { additionalProperties: false })
export type MoveDateInput = Static<typeof MoveDateSchema>

/** Places for one date alone (DELETE gives it the event's capacity again; a null here would be coerced from 0). */
export const DateCapacitySchema = Type.Object({ capacity: Type.Integer({ minimum: 1, maximum: EDITOR_LIMITS.capacity }) }, { additionalProperties: false })
export type DateCapacityInput = Static<typeof DateCapacitySchema>

export const EditorListQuerySchema = Type.Object(
  {
    district: Type.Optional(DistrictSchema),
    kind: Type.Optional(literals(MEETUP_KINDS)),
    /** Events with a date still to come (default), or those whose dates are all over. */
    period: Type.Optional(literals(['upcoming', 'past'] as const)),
  },
  { additionalProperties: false },
)
export type EditorListQuery = Static<typeof EditorListQuerySchema>

export const MeetupIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export const DateParamsSchema = Type.Object(
  { id: Type.String({ format: 'uuid' }), original: Type.String({ pattern: '^\\d{8}T\\d{4}$', description: 'Original local start, e.g. 20261203T1700' }) },
  { additionalProperties: false },
)

/** One date of an event as the editor shows it. */
export const EditorDateSchema = Type.Object({
  /** `<meetupId>:<original local start>`, the id phones and registrations know. */
  id: Type.String(),
  original: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  status: literals(['scheduled', 'cancelled'] as const),
  /** The original start when this date was moved, else null. */
  movedFrom: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Cancelled as a single date (so it can be restored). */
  cancelledAlone: Type.Boolean(),
  /** This date's own capacity; null when the event's applies. */
  capacity: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** People holding or waiting for a place (told before the date is cancelled). */
  registered: Type.Integer({ minimum: 0 }),
})
export type EditorDate = Static<typeof EditorDateSchema>

export const EditorListItemSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  title: LocalizedTextSchema,
  district: Type.String(),
  placeName: Type.String(),
  startsLocal: Type.String(),
  durationMinutes: Type.Integer(),
  rrule: Type.Union([Type.String(), Type.Null()]),
  /** The rule as the builder shows it; null when the builder cannot express it. */
  recurrence: Type.Union([RecurrenceSchema, Type.Null()]),
  cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  isSample: Type.Boolean(),
  revision: Type.Integer(),
  /** The next few dates still to come, cancelled ones included. */
  nextDates: Type.Array(EditorDateSchema),
  /** How many dates are still to come (up to a year ahead), cancelled ones included. */
  upcomingCount: Type.Integer(),
})
export type EditorListItem = Static<typeof EditorListItemSchema>

export const EditorDetailSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  /** The calendar SEQUENCE; send it back with a change. */
  revision: Type.Integer(),
  cancelledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  isSample: Type.Boolean(),
  rrule: Type.Union([Type.String(), Type.Null()]),
  /** False when the stored rule is more than the builder can express (saving replaces it). */
  ruleEditable: Type.Boolean(),
  input: MeetupEditorInputSchema,
  /** Every date still to come (up to a year ahead), cancelled and moved ones included. */
  dates: Type.Array(EditorDateSchema),
})
export type EditorDetail = Static<typeof EditorDetailSchema>
