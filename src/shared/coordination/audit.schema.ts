import { Type, type Static } from 'typebox'
import { DistrictSchema } from '../fields.schema.ts'
import { LocalizedTextSchema } from '../localized-text.ts'

export const AuditQuerySchema = Type.Object(
  {
    district: Type.Optional(DistrictSchema),
    entity: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z-]+$' })),
    entityId: Type.Optional(Type.String({ maxLength: 200 })),
    /** Only what this person did: a coordinator's e-mail, or `system`, `partner`, `participant`. */
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
    /** Only entries about this event: the event itself, its dates, their registrations and attendance. */
    event: Type.Optional(Type.String({ format: 'uuid' })),
    /** Only entries older than this id (paging backwards). */
    before: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
)
export type AuditQuery = Static<typeof AuditQuerySchema>

/**
 * What an entry is about, in words, as things are now (looked up when the log is read, so a person
 * whose data was erased has no name here any more).
 */
export const AuditSubjectSchema = Type.Object({
  /** The event's title (entries about an event, one of its dates, a registration or attendance). */
  event: Type.Optional(LocalizedTextSchema),
  /** The date's start (ISO 8601). */
  startsAt: Type.Optional(Type.String()),
  /** A person's or an organisation's name. */
  name: Type.Optional(Type.String()),
  /** The other side of a tandem match. */
  otherName: Type.Optional(Type.String()),
  /** Organisations named in the details (attendance added or removed). */
  added: Type.Optional(Type.Array(Type.String())),
  removed: Type.Optional(Type.Array(Type.String())),
})
export type AuditSubject = Static<typeof AuditSubjectSchema>

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ description: 'ISO 8601 instant' }),
  actor: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  district: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  subject: AuditSubjectSchema,
})
export type AuditEntryDto = Static<typeof AuditEntrySchema>

/** Who and which events the log can be filtered by (within the reader's districts). */
export const AuditFiltersSchema = Type.Object({
  actors: Type.Array(Type.String()),
  events: Type.Array(Type.Object({ id: Type.String(), title: LocalizedTextSchema })),
})
export type AuditFiltersDto = Static<typeof AuditFiltersSchema>
