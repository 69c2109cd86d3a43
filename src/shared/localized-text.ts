import { Type, type Static } from 'typebox'

/** Text per language code. German (`de`) is the source and always present; others may be missing. */
export const LocalizedTextSchema = Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), Type.String(), {
  required: ['de'],
})
export type LocalizedText = Static<typeof LocalizedTextSchema>
