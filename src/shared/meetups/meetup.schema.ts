import { Type, type Static } from 'typebox'
import { LocalizedTextSchema } from '../localized-text.ts'

export { AUDIENCES, MEETUP_KINDS, type MeetupKind } from './meetup-kinds.ts'

/** A local start in Berlin wall time, e.g. 2026-12-03T17:00. */
export const LocalDateTimeSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$' })

/** One date of a series cancelled or moved, named by its original local start (20261203T1700). */
export const MeetupExceptionSchema = Type.Object({
  original: Type.String({ pattern: '^\\d{8}T\\d{4}$' }),
  movedTo: Type.Optional(LocalDateTimeSchema),
  cancelled: Type.Optional(Type.Boolean()),
})
export type MeetupException = Static<typeof MeetupExceptionSchema>

/**
 * A meetup: one event, either a single date or a series with an RFC 5545 rule in Berlin wall time.
 * Its concrete dates are MeetupOccurrence rows.
 */
export const MeetupSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String(),
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  district: Type.String(),
  placeName: Type.String(),
  address: Type.String(),
  latitude: Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()]),
  longitude: Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()]),
  accessibility: Type.Union([LocalizedTextSchema, Type.Null()]),
  organiser: Type.String(),
  languages: Type.Array(Type.String()),
  audience: Type.Array(Type.String()),
  /** What it costs, as text; null when free. */
  cost: Type.Union([LocalizedTextSchema, Type.Null()]),
  registrationRequired: Type.Boolean(),
  /** Places per date; null means unlimited. */
  capacity: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  startsLocal: LocalDateTimeSchema,
  durationMinutes: Type.Integer({ minimum: 1 }),
  rrule: Type.Union([Type.String(), Type.Null()]),
  exceptions: Type.Array(MeetupExceptionSchema),
  /** Raised on every change: the SEQUENCE of calendar files. */
  revision: Type.Integer({ minimum: 0 }),
  isSample: Type.Boolean(),
  /** When a coordinator cancelled the whole meetup; every date from then on is cancelled. Absent while it takes place. */
  cancelledAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
})
export type Meetup = Static<typeof MeetupSchema>

/** One concrete date of a meetup. The id stays the same for the same original date. */
export const MeetupOccurrenceSchema = Type.Object({
  id: Type.String(),
  meetupId: Type.String({ format: 'uuid' }),
  /** Original local start, e.g. 20261203T1700 (a moved date keeps it). */
  originalStart: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  /** Places for this date alone, when a coordinator set them; null or absent: the meetup's capacity. */
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  // Copied from the meetup so the phone can index and filter dates without a join.
  district: Type.String(),
  kind: Type.String(),
})
export type MeetupOccurrence = Static<typeof MeetupOccurrenceSchema>
