import { Type, type Static } from 'typebox'
import { DistrictSchema, literals, LocaleSchema } from '../fields.schema.ts'
import { FEEDBACK_SUBJECTS, FEEDBACK_TEXT_MAX } from './feedback-limits.ts'

export { FEEDBACK_SUBJECTS, FEEDBACK_TEXT_MAX, FEEDBACK_TEXT_MONTHS, type FeedbackSubject } from './feedback-limits.ts'

/**
 * One anonymous answer from a phone: no name, no e-mail, no device id. The district is the
 * step's or meetup's own; for a statewide step, the one the phone chose (if any).
 */
export const FeedbackSchema = Type.Object(
  {
    subject: literals(FEEDBACK_SUBJECTS),
    subjectId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' }),
    helped: Type.Boolean(),
    text: Type.Optional(Type.String({ maxLength: FEEDBACK_TEXT_MAX })),
    lang: LocaleSchema,
    district: Type.Optional(DistrictSchema),
  },
  { additionalProperties: false },
)
export type FeedbackInput = Static<typeof FeedbackSchema>

export const FeedbackAnswerSchema = Type.Object({ id: Type.String(), status: Type.Literal('received') })

/** A coordinator's mark on a written answer; null takes it back. */
export const FEEDBACK_MARKS = ['done', 'not_relevant'] as const
export type FeedbackMark = (typeof FEEDBACK_MARKS)[number]

export const FeedbackTextSchema = Type.Object({
  id: Type.String(),
  text: Type.String(),
  lang: Type.String(),
  helped: Type.Boolean(),
  /** Berlin calendar day, `YYYY-MM-DD` (only the day is stored). */
  submittedOn: Type.String(),
  mark: Type.Union([literals(FEEDBACK_MARKS), Type.Null()]),
})
export type FeedbackText = Static<typeof FeedbackTextSchema>

/** Everything a coordinator sees about one step or meetup in one district (null: no district known). */
export const FeedbackGroupSchema = Type.Object({
  subject: literals(FEEDBACK_SUBJECTS),
  subjectId: Type.String(),
  district: Type.Union([Type.String(), Type.Null()]),
  /** German title of the step or meetup; the id when it no longer exists. */
  title: Type.String(),
  yes: Type.Integer(),
  no: Type.Integer(),
  /** Per Berlin month (`YYYY-MM`), newest first. */
  months: Type.Array(Type.Object({ month: Type.String(), yes: Type.Integer(), no: Type.Integer() })),
  /** Written answers, newest first. */
  texts: Type.Array(FeedbackTextSchema),
})
export type FeedbackGroup = Static<typeof FeedbackGroupSchema>

export const FeedbackListQuerySchema = Type.Object({ district: Type.Optional(DistrictSchema) }, { additionalProperties: false })
export const FeedbackIdParamsSchema = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,8}$' }) })
export const FeedbackMarkSchema = Type.Object({ mark: Type.Union([literals(FEEDBACK_MARKS), Type.Null()]) }, { additionalProperties: false })
