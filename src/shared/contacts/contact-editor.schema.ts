import { Type, type Static } from 'typebox'
import { ContactFieldSchema, DistrictSchema } from '../guide/guide-step.schema.ts'
import { perLanguage } from '../guide/content-editor.schema.ts'

/** A contact as a coordinator keeps it in the workspace ("Content" → contacts); checked by form and server. */
const text = (max: number) => Type.String({ maxLength: max })
export const ContactInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 160 }),
    kind: perLanguage(Type.String({ minLength: 1, maxLength: 120 })),
    fields: Type.Array(ContactFieldSchema, { minItems: 1, uniqueItems: true }),
    district: DistrictSchema,
    address: text(200),
    /** In German; shown to every language as written. */
    openingHours: text(500),
    phone: Type.String({ maxLength: 40, pattern: '^[+0-9 ()/-]*$' }),
    email: Type.String({ maxLength: 160, pattern: '^$|^[^\\s@<>"]+@[^\\s@<>"]+\\.[^\\s@<>"]+$' }),
    website: Type.String({ maxLength: 300, pattern: '^$|^https://[^\\s<>"]+$' }),
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { maxItems: 20, uniqueItems: true }),
  },
  { additionalProperties: false },
)
export type ContactInput = Static<typeof ContactInputSchema>

export const ContactUpdateSchema = Type.Object({ ...ContactInputSchema.properties, revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })

export const EditableContactSchema = Type.Object({
  id: Type.String(),
  revision: Type.Integer(),
  /** Partner contacts are kept in the partner directory; samples are marked. */
  source: Type.Enum(['workspace', 'sample', 'partner']),
  name: Type.String(),
  kind: Type.Record(Type.String(), Type.String()),
  fields: Type.Array(ContactFieldSchema),
  district: Type.String(),
  address: Type.String(),
  openingHours: Type.String(),
  phone: Type.String(),
  email: Type.String(),
  website: Type.String(),
  languages: Type.Array(Type.String()),
})
export type EditableContact = Static<typeof EditableContactSchema>

export const ContactIdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) }, { additionalProperties: false })
export const ContactListQuerySchema = Type.Object({ district: Type.Optional(DistrictSchema) }, { additionalProperties: false })
