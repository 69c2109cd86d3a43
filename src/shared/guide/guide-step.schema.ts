import { Type, type Static } from 'typebox'
import { CONTACT_FIELDS } from '../contact-fields.ts'
import { LocalizedTextSchema } from '../localized-text.ts'

/** The three welcome phases, in the order a newcomer goes through them. */
export const GUIDE_PHASES = ['planning', 'first-steps', 'settling-in'] as const
export type GuidePhase = (typeof GUIDE_PHASES)[number]

export const ContactFieldSchema = Type.Enum([...CONTACT_FIELDS])

/** What to bring, as a list per language code; any language may be missing or empty. */
export const BringListSchema = Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), Type.Array(Type.String()))
export type BringList = Static<typeof BringListSchema>

/**
 * One step of the newcomer guide. Content is data: server/guide/guide-steps.json holds these,
 * the server loads them at start and the phone receives them by the delta sync.
 */
export const GuideStepSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$' }),
    phase: Type.Enum([...GUIDE_PHASES]),
    order: Type.Integer({ minimum: 0 }),
    /** Fields of the process chain whose local contacts help with this step. */
    contactFields: Type.Array(ContactFieldSchema),
    title: LocalizedTextSchema,
    text: LocalizedTextSchema,
    bring: BringListSchema,
  },
  { additionalProperties: false },
)
export type GuideStep = Static<typeof GuideStepSchema>
