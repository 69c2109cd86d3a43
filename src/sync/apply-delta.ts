import type { WillkommenDb } from '../db/db.ts'
import { SYNC_ENTITIES } from '../shared/sync-entities.ts'
import type { SyncResponse } from '../shared/sync.schema.ts'
import { SYNCED_AT_KEY } from '../db/start-state.ts'

export const CURSOR_KEY = 'syncCursor'

export async function readCursor(db: WillkommenDb): Promise<number> {
  return ((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0
}

/**
 * Rows written per request batch. Each batch runs in its own task (the next one starts when the
 * database has answered), so a first sync of a few hundred rows never blocks a slow phone for long.
 */
export const BATCH_ROWS = 20

/** Applies one delta in a single transaction: all of it lands with its cursor, or none of it. */
export async function applyDelta(db: WillkommenDb, delta: SyncResponse, now = new Date()): Promise<void> {
  const tables = SYNC_ENTITIES.map((e) => db.table(e))
  await db.transaction('rw', [...tables, db.meta], async () => {
    for (const entity of SYNC_ENTITIES) {
      const rows = delta.changes[entity] ?? []
      for (let i = 0; i < rows.length; i += BATCH_ROWS) await db.table(entity).bulkPut(rows.slice(i, i + BATCH_ROWS))
      await db.table(entity).bulkDelete(delta.deleted[entity] ?? [])
    }
    await db.meta.bulkPut([
      { key: CURSOR_KEY, value: delta.cursor },
      { key: SYNCED_AT_KEY, value: now.toISOString() },
    ])
  })
}
