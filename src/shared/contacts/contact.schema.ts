import { Type, type Static } from 'typebox'
import { ContactFieldSchema } from '../guide/guide-step.schema.ts'
import { LocalizedTextSchema } from '../localized-text.ts'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

/** A local contact of the directory: an organisation that helps in one or more fields of the process chain. */
export const ContactSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 80 }),
  name: Type.String({ minLength: 1 }),
  /** What kind of place it is (immigration office, migration counselling …). */
  kind: LocalizedTextSchema,
  fields: Type.Array(ContactFieldSchema),
  /** District slug (src/shared/districts.ts). */
  district: Type.String(),
  address: Nullable(Type.String()),
  openingHours: Nullable(LocalizedTextSchema),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  /** Language codes spoken there. */
  languages: Type.Array(Type.String()),
  isSample: Type.Boolean(),
})
export type Contact = Static<typeof ContactSchema>
