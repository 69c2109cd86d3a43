import { Type, type Static } from 'typebox'
import { CONTACT_FIELDS } from '../contact-fields.ts'
import { LocalizedTextSchema } from '../localized-text.ts'
import { DISTRICT_SLUGS } from '../districts.ts'
import { LANG_TAG_PATTERN } from '../locale-codes.ts'
import { SITUATIONS } from './situations.ts'
import { GUIDE_PHASES } from './guide-phases.ts'

export { GUIDE_PHASES, type GuidePhase } from './guide-phases.ts'

export const ContactFieldSchema = Type.Enum([...CONTACT_FIELDS])

export const StepIdSchema = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,79}$' })
export const LangSchema = Type.String({ pattern: LANG_TAG_PATTERN })
export const DistrictSchema = Type.Enum([...DISTRICT_SLUGS])

/** What to bring, as a list per language code; any language may be missing or empty. */
export const BringListSchema = Type.Record(LangSchema, Type.Array(Type.String()))
export type BringList = Static<typeof BringListSchema>

/** An official page a step relies on. */
export const SourceLinkSchema = Type.Object(
  {
    url: Type.String({ pattern: '^https://[^\\s<>"]+$', maxLength: 500 }),
    label: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
)
export type SourceLink = Static<typeof SourceLinkSchema>

/** `YYYY-MM-DD`. */
export const DateSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

export const SituationSchema = Type.Enum([...SITUATIONS])
/** The situations a step is for (./situations.ts); empty or absent: everyone. */
export const StepSituationsSchema = Type.Array(SituationSchema, { uniqueItems: true })

/**
 * One step of server/guide/guide-steps.json, the content the database is seeded with (all languages in
 * one object). From then on the guide lives in the database and is edited in the coordination
 * workspace; a new release's file reaches it where no person changed the step (server/guide/guide-content.ts).
 */
export const GuideSeedStepSchema = Type.Object(
  {
    id: StepIdSchema,
    phase: Type.Enum([...GUIDE_PHASES]),
    order: Type.Integer({ minimum: 0 }),
    /** Fields of the process chain whose local contacts help with this step. */
    contactFields: Type.Array(ContactFieldSchema),
    title: LocalizedTextSchema,
    text: LocalizedTextSchema,
    bring: BringListSchema,
    /** Whom the step is for; absent: everyone. */
    situations: Type.Optional(StepSituationsSchema),
    /** Official pages the step relies on. */
    sources: Type.Optional(Type.Array(SourceLinkSchema)),
    /** When a person last checked the step against its sources. */
    checkedOn: Type.Optional(DateSchema),
  },
  { additionalProperties: false },
)
export type GuideSeedStep = Static<typeof GuideSeedStepSchema>

/**
 * Synced entity `guideSteps`: the structure of a published step, no texts (those are `guideTexts`,
 * one row per language). `district` is null for a statewide step, a district slug for a district-only one.
 */
export const GuideStepSchema = Type.Object(
  {
    id: StepIdSchema,
    phase: Type.Enum([...GUIDE_PHASES]),
    order: Type.Integer({ minimum: 0 }),
    district: Type.Union([DistrictSchema, Type.Null()]),
    contactFields: Type.Array(ContactFieldSchema),
    /** Whom the step is for; empty: everyone. */
    situations: StepSituationsSchema,
    sources: Type.Array(SourceLinkSchema),
    /** When a person last checked the step against its sources. */
    checkedOn: Type.Union([DateSchema, Type.Null()]),
  },
  { additionalProperties: false },
)
export type GuideStep = Static<typeof GuideStepSchema>

/**
 * How far a translation can be trusted. German rows are always `reviewed`; a language without a row
 * is `missing` (the phone shows German); `outdated` means the German changed after the translation was made.
 */
export const TRANSLATION_STATUSES = ['missing', 'outdated', 'machine', 'reviewed'] as const
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number]
/** The statuses a stored row can have (a missing one has no row). */
export const STORED_STATUSES = ['outdated', 'machine', 'reviewed'] as const
export type StoredStatus = (typeof STORED_STATUSES)[number]

/**
 * Synced entity `guideTexts`: a step's texts in one language, id `<stepId>:<lang>`. `district` is its
 * step's (null = statewide): the partition a phone drops when it moves to another district.
 */
export const GuideTextSchema = Type.Object(
  {
    id: Type.String({ maxLength: 90 }),
    stepId: StepIdSchema,
    lang: LangSchema,
    district: Type.Union([DistrictSchema, Type.Null()]),
    title: Type.String(),
    /** Safe text subset (src/shared/guide/safe-text.ts). */
    text: Type.String(),
    bring: Type.Array(Type.String()),
    status: Type.Enum([...STORED_STATUSES]),
  },
  { additionalProperties: false },
)
export type GuideText = Static<typeof GuideTextSchema>

/** Translation status per language of a text kept as one row (a local note); German is left out, it is the source. */
export const StatusByLanguageSchema = Type.Record(LangSchema, Type.Enum([...STORED_STATUSES]))

/** Synced entity `guideNotes`: a district's local note on a step ("In Stendal: appointments only online"). */
export const GuideNoteSchema = Type.Object(
  {
    id: Type.String({ maxLength: 80 }),
    stepId: StepIdSchema,
    district: DistrictSchema,
    /** Safe text subset per language; German always present. */
    text: LocalizedTextSchema,
    /** Status of each translation in `text`, as for step texts. */
    status: StatusByLanguageSchema,
  },
  { additionalProperties: false },
)
export type GuideNote = Static<typeof GuideNoteSchema>

export const guideTextId = (stepId: string, lang: string): string => `${stepId}:${lang}`
