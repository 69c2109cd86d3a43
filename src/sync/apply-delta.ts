import type { WillkommenDb } from '../db/db.ts'
import { SYNC_ENTITIES } from '../shared/sync-entities.ts'
import type { SyncResponse } from '../shared/sync.schema.ts'

export const CURSOR_KEY = 'syncCursor'
export const SYNCED_AT_KEY = 'lastSyncedAt'

export async function readCursor(db: WillkommenDb): Promise<number> {
  return ((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0
}

/** Applies one delta in a single transaction: all of it lands with its cursor, or none of it. */
export async function applyDelta(db: WillkommenDb, delta: SyncResponse, now = new Date()): Promise<void> {
  const tables = SYNC_ENTITIES.map((e) => db.table(e))
  await db.transaction('rw', [...tables, db.meta], async () => {
    for (const entity of SYNC_ENTITIES) {
      await db.table(entity).bulkPut(delta.changes[entity] ?? [])
      await db.table(entity).bulkDelete(delta.deleted[entity] ?? [])
    }
    await db.meta.bulkPut([
      { key: CURSOR_KEY, value: delta.cursor },
      { key: SYNCED_AT_KEY, value: now.toISOString() },
    ])
  })
}
