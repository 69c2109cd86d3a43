/**
 * Every entity the delta sync carries. The phone keeps one IndexedDB table of the same name per
 * entry; the server has one reader per entry in server/sync/sync-sources.ts and one item schema in
 * ./sync.schema.ts. Kept free of schema code so the phone's start bundle stays small.
 * To add an entity: one name here, one schema there, one source on the server, one Dexie table in src/db/db.ts.
 */
export const SYNC_ENTITIES = ['meetups', 'guideSteps', 'guideTexts', 'guideNotes', 'contacts', 'meetupOccurrences'] as const
export type SyncEntity = (typeof SYNC_ENTITIES)[number]
