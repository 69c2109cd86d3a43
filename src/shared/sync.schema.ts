import { Type, type Static, type TSchema } from 'typebox'
import { MeetupOccurrenceSchema, MeetupSchema } from './meetups/meetup.schema.ts'
import { GuideNoteSchema, GuideStepSchema, GuideTextSchema } from './guide/guide-step.schema.ts'
import { ContactSchema } from './contacts/contact.schema.ts'
import { SYNC_ENTITIES, type SyncEntity } from './sync-entities.ts'

/** The shape of one item of every entity the delta sync carries (listed in ./sync-entities.ts). */
export const SYNC_SCHEMAS = {
  meetups: MeetupSchema,
  guideSteps: GuideStepSchema,
  guideTexts: GuideTextSchema,
  guideNotes: GuideNoteSchema,
  contacts: ContactSchema,
  meetupOccurrences: MeetupOccurrenceSchema,
} satisfies Record<SyncEntity, TSchema>

export const SyncQuerySchema = Type.Object(
  { since: Type.Integer({ minimum: 0, maximum: 2147483647, default: 0, description: 'Cursor from the previous answer; 0 for everything.' }) },
  { additionalProperties: false },
)

const changes = Object.fromEntries(SYNC_ENTITIES.map((e) => [e, Type.Array(SYNC_SCHEMAS[e])])) as {
  [E in SyncEntity]: ReturnType<typeof Type.Array<(typeof SYNC_SCHEMAS)[E]>>
}
const deleted = Object.fromEntries(SYNC_ENTITIES.map((e) => [e, Type.Array(Type.String())])) as {
  [E in SyncEntity]: ReturnType<typeof Type.Array<ReturnType<typeof Type.String>>>
}

export const SyncResponseSchema = Type.Object({
  cursor: Type.Integer({ minimum: 0, maximum: 2147483647 }),
  changes: Type.Object(changes),
  deleted: Type.Object(deleted),
})
export type SyncResponse = Static<typeof SyncResponseSchema>
