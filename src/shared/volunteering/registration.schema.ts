import { Type, type Static } from 'typebox'
import { EmailSchema, LIMITS, LocaleSchema, NameSchema, literals } from '../fields.schema.ts'
import { ConsentGivenSchema, ConsentsSchema } from './fields.schema.ts'
import { WORKING_GROUPS } from '../network/working-groups.ts'

export { WORKING_GROUPS }

/** A guest (seed 004 § 1 (5)) brings a contribution to the agenda and waits for the coordinator's approval. */
export const ATTENDING_AS = ['participant', 'guest'] as const
export const CONTRIBUTION_MAX = 500

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
    /** Asked only where the event's network has working groups (see ../network/working-groups.ts); optional elsewhere. */
    workingGroup: Type.Optional(literals(WORKING_GROUPS)),
    attendingAs: Type.Optional(literals(ATTENDING_AS)),
    contribution: Type.Optional(Type.String({ maxLength: CONTRIBUTION_MAX })),
    locale: Type.Optional(LocaleSchema),
    consents: RegistrationConsentsSchema,
  },
  { additionalProperties: false },
)
export type RegistrationInput = Static<typeof RegistrationSchema>
