import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { SyncEntity } from '../../src/shared/sync-entities.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import { meetupsChangedSince, occurrencesChangedSince } from '../meetups/meetups.repository.ts'
import { guideNotesChangedSince, guideStepsChangedSince, guideTextsChangedSince } from '../guide/guide.repository.ts'
import { contactsChangedSince } from '../contacts/contacts.repository.ts'
import type { SyncRead } from './sync-scope.ts'

/**
 * Rows of one entity a phone needs, each with its change number and API shape: those of its scope
 * changed after its cursor, and all of a partition new to it. Build the where clause with
 * `syncWindow` (./sync-scope.ts) from the table's partition columns.
 */
export type SyncSource<E extends SyncEntity> = (
  db: Kysely<Database>,
  read: SyncRead,
  now: Date,
) => Promise<Array<{ seq: number; item: SyncResponse['changes'][E][number] }>>

export type AnySyncSource = (db: Kysely<Database>, read: SyncRead, now: Date) => Promise<Array<{ seq: number; item: { id: string } }>>

/** One reader per synced entity; keys must match SYNC_SCHEMAS in src/shared/sync.schema.ts. */
export const SYNC_SOURCES: { [E in SyncEntity]: SyncSource<E> } = {
  meetups: meetupsChangedSince,
  guideSteps: guideStepsChangedSince,
  guideTexts: guideTextsChangedSince,
  guideNotes: guideNotesChangedSince,
  contacts: contactsChangedSince,
  meetupOccurrences: occurrencesChangedSince,
}
