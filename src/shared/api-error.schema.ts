import { Type, type Static } from 'typebox'

/** Every 4xx answer: a stable code the app translates, an English message, and per-field codes. */
export const ApiErrorSchema = Type.Object({
  error: Type.String(),
  message: Type.String(),
  fields: Type.Record(Type.String(), Type.String()),
})
export type ApiError = Static<typeof ApiErrorSchema>
