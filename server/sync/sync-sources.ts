import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { SyncEntity } from '../../src/shared/sync-entities.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import { meetupsChangedSince, occurrencesChangedSince } from '../meetups/meetups.repository.ts'
import { guideNotesChangedSince, guideStepsChangedSince, guideTextsChangedSince } from '../guide/guide.repository.ts'
import { contactsChangedSince } from '../contacts/contacts.repository.ts'

/** Rows of one entity changed after a cursor, each with its change number and API shape. */
export type SyncSource<E extends SyncEntity> = (
  db: Kysely<Database>,
  since: number,
  now: Date,
) => Promise<Array<{ seq: number; item: SyncResponse['changes'][E][number] }>>

/** One reader per synced entity; keys must match SYNC_SCHEMAS in src/shared/sync.schema.ts. */
export const SYNC_SOURCES: { [E in SyncEntity]: SyncSource<E> } = {
  meetups: meetupsChangedSince,
  guideSteps: guideStepsChangedSince,
  guideTexts: guideTextsChangedSince,
  guideNotes: guideNotesChangedSince,
  contacts: contactsChangedSince,
  meetupOccurrences: occurrencesChangedSince,
}
