import { Type, type Static } from 'typebox'
import { EmailSchema, LIMITS, LocaleSchema, NameSchema, literals } from '../fields.schema.ts'
import { ConsentGivenSchema, ConsentsSchema } from './fields.schema.ts'

/** The working groups of the integration network (seed 004), and the cross-group meetings. */
export const WORKING_GROUPS = ['work-training', 'culture-social', 'language', 'cross-group'] as const

/** A registration's consents: `mail` (optional) is to e-mails about it, sent once the address is confirmed. */
export const RegistrationConsentsSchema = Type.Object(
  { ...ConsentsSchema.properties, mail: Type.Optional(ConsentGivenSchema) },
  { additionalProperties: false },
)

/** Registration for one date of a network event that needs it. */
export const RegistrationSchema = Type.Object(
  {
    occurrenceId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9:_.-]+$' }),
    name: NameSchema,
    organisation: Type.Optional(Type.String({ maxLength: LIMITS.organisation })),
    email: EmailSchema,
    workingGroup: literals(WORKING_GROUPS),
    locale: Type.Optional(LocaleSchema),
    consents: RegistrationConsentsSchema,
  },
  { additionalProperties: false },
)
export type RegistrationInput = Static<typeof RegistrationSchema>
