import { Type, type Static } from 'typebox'
import { EmailSchema, LIMITS, LocaleSchema, NameSchema, literals } from '../fields.schema.ts'
import { ConsentsSchema } from './fields.schema.ts'

/** The working groups of the integration network (seed 004), and the cross-group meetings. */
export const WORKING_GROUPS = ['work-training', 'culture-social', 'language', 'cross-group'] as const

/** Registration for one date of a network event that needs it. */
export const RegistrationSchema = Type.Object(
  {
    occurrenceId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9:_.-]+$' }),
    name: NameSchema,
    organisation: Type.Optional(Type.String({ maxLength: LIMITS.organisation })),
    email: EmailSchema,
    workingGroup: literals(WORKING_GROUPS),
    locale: Type.Optional(LocaleSchema),
    consents: ConsentsSchema,
  },
  { additionalProperties: false },
)
export type RegistrationInput = Static<typeof RegistrationSchema>
