import { Type, type Static } from 'typebox'
import { DistrictSchema, EmailSchema, LIMITS, LocaleSchema, NameSchema, PhoneSchema, literals } from '../fields.schema.ts'
import { ConsentGivenSchema, ConsentsSchema } from './fields.schema.ts'

export const TANDEM_ROLES = ['offer', 'request'] as const
export const TANDEM_KINDS = ['language', 'sponsorship', 'office'] as const
export const LANGUAGE_LEVELS = ['native', 'fluent', 'basic'] as const
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const DAY_PARTS = ['morning', 'afternoon', 'evening'] as const
export const TRAVEL_KM = [0, 5, 15, 30, 50] as const

/** A tandem entry's consents: `mail` (optional, needs an e-mail address) is to e-mails about a match, once the address is confirmed. */
export const TandemConsentsSchema = Type.Object(
  { ...ConsentsSchema.properties, mail: Type.Optional(ConsentGivenSchema) },
  { additionalProperties: false },
)

/** A tandem offer (volunteer) or request (newcomer). A request needs only kind, name, one contact, district and consent. */
export const TandemSchema = Type.Object(
  {
    role: literals(TANDEM_ROLES),
    kind: literals(TANDEM_KINDS),
    name: NameSchema,
    email: Type.Optional(EmailSchema),
    phone: Type.Optional(PhoneSchema),
    district: DistrictSchema,
    town: Type.Optional(Type.String({ maxLength: LIMITS.town })),
    languages: Type.Optional(
      Type.Array(
        Type.Object(
          { code: Type.String({ pattern: '^[a-z]{2,3}$' }), level: literals(LANGUAGE_LEVELS) },
          { additionalProperties: false },
        ),
        { maxItems: LIMITS.languages },
      ),
    ),
    availability: Type.Optional(
      Type.Array(Type.String({ pattern: `^(${WEEKDAYS.join('|')})-(${DAY_PARTS.join('|')})$` }), {
        maxItems: WEEKDAYS.length * DAY_PARTS.length,
        uniqueItems: true,
      }),
    ),
    interests: Type.Optional(Type.String({ maxLength: LIMITS.interests })),
    travelKm: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
    onlineOk: Type.Optional(Type.Boolean()),
    note: Type.Optional(Type.String({ maxLength: LIMITS.note })),
    locale: Type.Optional(LocaleSchema),
    consents: TandemConsentsSchema,
  },
  { additionalProperties: false },
)
export type TandemInput = Static<typeof TandemSchema>
