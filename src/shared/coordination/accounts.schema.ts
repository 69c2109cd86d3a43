import { Type, type Static } from 'typebox'
import { DistrictSchema, EmailSchema, LocaleSchema } from '../fields.schema.ts'

/** A password a person sets (by invitation or a forgotten-password link); the CLI asks the same. */
export const MIN_PASSWORD_LENGTH = 12

const RoleSchema = Type.Union([Type.Literal('admin'), Type.Literal('coordinator')])
/** The secret of a set-password link: 32 random bytes, base64url. */
export const AccountTokenSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' })

/** A coordinator account as an admin sees it; `invited` until its person set a password. */
export const AccountSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  role: RoleSchema,
  districts: Type.Array(DistrictSchema),
  active: Type.Boolean(),
  invited: Type.Boolean(),
})
export type AccountDto = Static<typeof AccountSchema>

export const InviteSchema = Type.Object(
  {
    email: EmailSchema,
    role: RoleSchema,
    districts: Type.Array(DistrictSchema, { maxItems: 20, uniqueItems: true }),
    /** Language of the invitation mail. */
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
)
export type InviteInput = Static<typeof InviteSchema>

export const AccountChangeSchema = Type.Object(
  {
    districts: Type.Optional(Type.Array(DistrictSchema, { maxItems: 20, uniqueItems: true })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type AccountChange = Static<typeof AccountChangeSchema>

export const ForgotPasswordSchema = Type.Object({ email: EmailSchema, locale: Type.Optional(LocaleSchema) }, { additionalProperties: false })

export const SetPasswordSchema = Type.Object(
  {
    token: AccountTokenSchema,
    password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
  },
  { additionalProperties: false },
)
