import { Type, type Static } from 'typebox'
import { DistrictSchema, EmailSchema } from '../fields.schema.ts'

export const LoginSchema = Type.Object(
  {
    email: EmailSchema,
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
)
export type LoginInput = Static<typeof LoginSchema>

/** The logged-in coordinator; an admin works for every district (`districts` is then empty). */
export const CoordinatorSchema = Type.Object({
  email: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('coordinator')]),
  districts: Type.Array(DistrictSchema),
})
export type CoordinatorAccount = Static<typeof CoordinatorSchema>
