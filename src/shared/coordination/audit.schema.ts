import { Type, type Static } from 'typebox'
import { DistrictSchema } from '../volunteering/fields.schema.ts'

export const AuditQuerySchema = Type.Object(
  {
    district: Type.Optional(DistrictSchema),
    entity: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z-]+$' })),
    entityId: Type.Optional(Type.String({ maxLength: 200 })),
    /** Only entries older than this id (paging backwards). */
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
)

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ description: 'ISO 8601 instant' }),
  actor: Type.String(),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  district: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
})
export type AuditEntryDto = Static<typeof AuditEntrySchema>
