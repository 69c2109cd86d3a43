import { Type, type Static } from 'typebox'
import { LANG_TAG_PATTERN } from './locale-codes.ts'

/** Text per language code. German (`de`) is the source and always present; others may be missing. */
export const LocalizedTextSchema = Type.Record(Type.String({ pattern: LANG_TAG_PATTERN }), Type.String(), {
  required: ['de'],
})
export type LocalizedText = Static<typeof LocalizedTextSchema>
