import type { WillkommenDb } from '../db/db.ts'
import { SYNC_ENTITIES } from '../shared/sync-entities.ts'
import type { SyncResponse } from '../shared/sync.schema.ts'
import { SYNCED_AT_KEY } from '../db/start-state.ts'

export const CURSOR_KEY = 'syncCursor'

export async function readCursor(db: WillkommenDb): Promise<number> {
  return ((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0
}

/**
 * Applies one delta in a single transaction: all of it lands with its cursor, or none of it.
 * Answers the time it landed (ISO 8601).
 */
export async function applyDelta(db: WillkommenDb, delta: SyncResponse, now = new Date()): Promise<string> {
  const tables = SYNC_ENTITIES.map((e) => db.table(e))
  const syncedAt = now.toISOString()
  await db.transaction('rw', [...tables, db.meta], async () => {
    for (const entity of SYNC_ENTITIES) {
      await db.table(entity).bulkPut(delta.changes[entity] ?? [])
      await db.table(entity).bulkDelete(delta.deleted[entity] ?? [])
    }
    await db.meta.bulkPut([
      { key: CURSOR_KEY, value: delta.cursor },
      { key: SYNCED_AT_KEY, value: syncedAt },
    ])
  })
  return syncedAt
}
