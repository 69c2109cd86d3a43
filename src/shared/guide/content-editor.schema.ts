import { Type, type Static, type TObject, type TOptional, type TSchema } from 'typebox'
import { LOCALE_CODES, type LocaleCode } from '../locale-codes.ts'
import { LocalizedTextSchema } from '../localized-text.ts'
import {
  ContactFieldSchema,
  DateSchema,
  DistrictSchema,
  GUIDE_PHASES,
  SourceLinkSchema,
  StatusByLanguageSchema,
  StepIdSchema,
  STORED_STATUSES,
  StepSituationsSchema,
  TRANSLATION_STATUSES,
} from './guide-step.schema.ts'

/**
 * The content workspace (/coordination, "Content"): what a coordinator edits and reads. A step is
 * edited as a draft (`StepDraft`: structure and every language's texts) and published; publishing is
 * what phones see. Checked by the form and the server alike.
 */

/** Languages guide texts are kept in: German (the source) and the app's others. */
export const CONTENT_LANGUAGES = LOCALE_CODES
export const ContentLangSchema = Type.Enum([...CONTENT_LANGUAGES])

export const CONTENT_LIMITS = { title: 160, text: 6000, bringItem: 200, bring: 30, sources: 10, note: 1500 } as const

/** One value per content language: German required, the others optional, nothing else. */
export function perLanguage<T extends TSchema>(value: T) {
  const others = Object.fromEntries(CONTENT_LANGUAGES.filter((l) => l !== 'de').map((l) => [l, Type.Optional(value)]))
  return Type.Object({ de: value, ...others }, { additionalProperties: false }) as unknown as TObject<
    { de: T } & { [K in Exclude<LocaleCode, 'de'>]: TOptional<T> }
  >
}

export const StepTextInputSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: CONTENT_LIMITS.title }),
    text: Type.String({ maxLength: CONTENT_LIMITS.text }),
    bring: Type.Array(Type.String({ minLength: 1, maxLength: CONTENT_LIMITS.bringItem }), { maxItems: CONTENT_LIMITS.bring }),
    /** For a translation: `machine` until a person checked it, then `reviewed`; `outdated` as publishing set it. Ignored for German. */
    status: Type.Enum(['outdated', 'machine', 'reviewed']),
  },
  { additionalProperties: false },
)
export type StepTextInput = Static<typeof StepTextInputSchema>

export const StepDraftSchema = Type.Object(
  {
    phase: Type.Enum([...GUIDE_PHASES]),
    order: Type.Integer({ minimum: 0, maximum: 10000 }),
    contactFields: Type.Array(ContactFieldSchema, { uniqueItems: true }),
    /** Whom the step is for; empty: everyone (absent in drafts saved before situations existed). */
    situations: Type.Optional(StepSituationsSchema),
    sources: Type.Array(SourceLinkSchema, { maxItems: CONTENT_LIMITS.sources }),
    checkedOn: Type.Union([DateSchema, Type.Null()]),
    /** Texts per language; German is required. */
    texts: perLanguage(StepTextInputSchema),
  },
  { additionalProperties: false },
)
export type StepDraft = Static<typeof StepDraftSchema>

/** A published text as the workspace shows it: with its stored status. */
export const PublishedTextSchema = Type.Object({
  title: Type.String(),
  text: Type.String(),
  bring: Type.Array(Type.String()),
  status: Type.Enum(['outdated', 'machine', 'reviewed']),
})

export const StepDetailSchema = Type.Object({
  id: StepIdSchema,
  district: Type.Union([DistrictSchema, Type.Null()]),
  published: Type.Boolean(),
  revision: Type.Integer(),
  /** What phones see (null parts for a step never published). */
  current: Type.Object({
    phase: Type.Enum([...GUIDE_PHASES]),
    order: Type.Integer(),
    contactFields: Type.Array(ContactFieldSchema),
    situations: StepSituationsSchema,
    sources: Type.Array(SourceLinkSchema),
    checkedOn: Type.Union([DateSchema, Type.Null()]),
    texts: Type.Record(Type.String(), PublishedTextSchema),
  }),
  draft: Type.Union([StepDraftSchema, Type.Null()]),
  /** Local notes the coordinator may see: their districts' (an admin: all). */
  notes: Type.Array(Type.Object({ district: DistrictSchema, text: LocalizedTextSchema, status: StatusByLanguageSchema, revision: Type.Integer() })),
})
export type StepDetail = Static<typeof StepDetailSchema>

export const StepListItemSchema = Type.Object({
  id: StepIdSchema,
  phase: Type.Enum([...GUIDE_PHASES]),
  order: Type.Integer(),
  district: Type.Union([DistrictSchema, Type.Null()]),
  titleDe: Type.String(),
  published: Type.Boolean(),
  hasDraft: Type.Boolean(),
  checkedOn: Type.Union([DateSchema, Type.Null()]),
  /** Status per content language (`missing` when there is no text). */
  status: Type.Record(Type.String(), Type.Enum([...TRANSLATION_STATUSES])),
  /** Districts with a local note on this step, among those the coordinator may see. */
  noteDistricts: Type.Array(DistrictSchema),
})
export type StepListItem = Static<typeof StepListItemSchema>

export const StepIdParamsSchema = Type.Object({ id: StepIdSchema }, { additionalProperties: false })
export const NoteParamsSchema = Type.Object({ id: StepIdSchema, district: DistrictSchema }, { additionalProperties: false })

export const NewStepSchema = Type.Object(
  {
    id: StepIdSchema,
    /** Null: statewide (admins only). */
    district: Type.Union([DistrictSchema, Type.Null()]),
    draft: StepDraftSchema,
  },
  { additionalProperties: false },
)

export const SaveDraftSchema = Type.Object({ revision: Type.Integer({ minimum: 1 }), draft: StepDraftSchema }, { additionalProperties: false })
export const RevisionSchema = Type.Object({ revision: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })

export const NoteInputSchema = Type.Object(
  {
    /** The revision the note was read at; absent for a new note. */
    revision: Type.Optional(Type.Integer({ minimum: 1 })),
    text: perLanguage(Type.String({ minLength: 1, maxLength: CONTENT_LIMITS.note })),
    /** Status the editor gives each translation (absent: as before, or `machine` for a new one). Ignored for German. */
    status: Type.Optional(Type.Record(Type.String({ pattern: `^(${CONTENT_LANGUAGES.filter((l) => l !== 'de').join('|')})$` }), Type.Enum([...STORED_STATUSES]), { additionalProperties: false })),
  },
  { additionalProperties: false },
)
export type NoteInput = Static<typeof NoteInputSchema>

export const guideNoteId = (stepId: string, district: string): string => `${district}.${stepId}`

export const TranslationParamsSchema = Type.Object({ lang: ContentLangSchema }, { additionalProperties: false })
export const TranslationExportQuerySchema = Type.Object({ only: Type.Optional(Type.Enum(['open'])) }, { additionalProperties: false })
export const TranslationImportSchema = Type.Object({ po: Type.String({ minLength: 1, maxLength: 2_000_000 }) }, { additionalProperties: false })
export const TranslationImportResultSchema = Type.Object({
  /** Steps whose translation or review state changed. */
  changed: Type.Array(Type.String()),
  /** Units the file left untranslated (nothing changed for them). */
  empty: Type.Array(Type.String()),
  units: Type.Integer(),
})
export type TranslationImportResult = Static<typeof TranslationImportResultSchema>
