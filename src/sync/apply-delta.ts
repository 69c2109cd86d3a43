import type { WillkommenDb } from '../db/db.ts'
import { SYNC_ENTITIES } from '../shared/sync-entities.ts'
import type { SyncResponse } from '../shared/sync.schema.ts'
import { keeps, type SyncScope } from '../shared/sync-scope.ts'
import { SYNCED_AT_KEY } from '../db/start-state.ts'
import { SCOPE_KEY } from './sync-scope.ts'

export const CURSOR_KEY = 'syncCursor'

export async function readCursor(db: WillkommenDb): Promise<number> {
  return ((await db.meta.get(CURSOR_KEY))?.value as number | undefined) ?? 0
}

export interface ApplyOptions {
  /** The scope the delta was asked for; kept with the cursor. */
  scope?: SyncScope
  /** The scope changed: drop the rows outside it in the same transaction. */
  dropOutside?: boolean
  /** The delta is everything from 0 (the server no longer knows our cursor): it replaces what the phone has. */
  replace?: boolean
  now?: Date
}

/**
 * Applies one delta in a single transaction: all of it lands with its cursor (and scope), or none
 * of it. Answers the time it landed (ISO 8601).
 */
export async function applyDelta(db: WillkommenDb, delta: SyncResponse, { scope, dropOutside = false, replace = false, now = new Date() }: ApplyOptions = {}): Promise<string> {
  const tables = SYNC_ENTITIES.map((e) => db.table(e))
  const syncedAt = now.toISOString()
  await db.transaction('rw', [...tables, db.meta], async () => {
    if (replace) await Promise.all(tables.map((table) => table.clear()))
    for (const entity of SYNC_ENTITIES) {
      await db.table(entity).bulkPut(delta.changes[entity] ?? [])
      await db.table(entity).bulkDelete(delta.deleted[entity] ?? [])
    }
    if (scope && dropOutside) {
      for (const entity of SYNC_ENTITIES) {
        const table = db.table(entity)
        await table.bulkDelete(await table.filter((row) => !keeps(scope, entity, row)).primaryKeys())
      }
    }
    await db.meta.bulkPut([
      { key: CURSOR_KEY, value: delta.cursor },
      { key: SYNCED_AT_KEY, value: syncedAt },
      ...(scope ? [{ key: SCOPE_KEY, value: scope }] : []),
    ])
  })
  return syncedAt
}
