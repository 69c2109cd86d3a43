import { Type, type Static, type TSchema } from 'typebox'
import { LANG_TAG_PATTERN } from './locale-codes.ts'
import { MeetupOccurrenceSchema, MeetupSchema } from './meetups/meetup.schema.ts'
import { GuideNoteSchema, GuideStepSchema, GuideTextSchema } from './guide/guide-step.schema.ts'
import { ContactSchema } from './contacts/contact.schema.ts'
import { SYNC_ENTITIES, type SyncEntity } from './sync-entities.ts'
import { DISTRICT_SLUGS } from './districts.ts'

/** The shape of one item of every entity the delta sync carries (listed in ./sync-entities.ts). */
export const SYNC_SCHEMAS = {
  meetups: MeetupSchema,
  guideSteps: GuideStepSchema,
  guideTexts: GuideTextSchema,
  guideNotes: GuideNoteSchema,
  contacts: ContactSchema,
  meetupOccurrences: MeetupOccurrenceSchema,
} satisfies Record<SyncEntity, TSchema>

const Districts = (description: string) =>
  Type.Optional(Type.Array(Type.Union(DISTRICT_SLUGS.map((s) => Type.Literal(s))), { maxItems: DISTRICT_SLUGS.length, uniqueItems: true, description }))
const Entities = (description: string) =>
  Type.Optional(Type.Array(Type.Union(SYNC_ENTITIES.map((e) => Type.Literal(e))), { maxItems: SYNC_ENTITIES.length, uniqueItems: true, description }))
const Langs = (description: string) =>
  Type.Optional(Type.Array(Type.String({ pattern: LANG_TAG_PATTERN }), { maxItems: 30, uniqueItems: true, description }))

/**
 * Without `districts`/`langs`/`entities` the answer holds everything (as before scopes). A phone names its
 * scope, and after a change of district or language the partitions it does not have yet: those are
 * sent whole, the rest only as changed since the cursor.
 */
export const SyncQuerySchema = Type.Object(
  {
    since: Type.Integer({ minimum: 0, maximum: 2147483647, default: 0, description: 'Cursor from the previous answer; 0 for everything.' }),
    districts: Districts('Districts whose rows the phone keeps (repeat the parameter); statewide rows always come. Absent: all districts.'),
    langs: Langs('Languages of per-language rows the phone keeps (repeat the parameter). A phone names German, the fallback, too; its very first pull may leave it out and add it in the next. Absent: all languages.'),
    addedDistricts: Districts('Districts of `districts` new to the phone since its cursor: sent whole.'),
    addedLangs: Langs('Languages of `langs` new to the phone since its cursor: sent whole.'),
    entities: Entities('Entities the phone keeps (repeat the parameter); the others come as empty lists. A phone\'s very first pull leaves the contacts out and adds them in the next. Absent: all entities.'),
    addedEntities: Entities('Entities of `entities` new to the phone since its cursor: sent whole.'),
  },
  { additionalProperties: false },
)
export type SyncQuery = Static<typeof SyncQuerySchema>

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
