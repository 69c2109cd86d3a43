import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../db/schema.ts'
import { EVERYTHING, NOTHING_ADDED, type SyncAdded, type SyncScope } from '../../src/shared/sync-scope.ts'

export type { SyncScope } from '../../src/shared/sync-scope.ts'

/**
 * One read of the delta: the phone's scope, its cursor, and the partitions it does not have yet
 * (its district or language just changed): rows there are sent whole, whatever their change number.
 */
export interface SyncRead {
  since: number
  scope: SyncScope
  added: SyncAdded
}

/** The columns of a source's table that place a row in a partition; omit what the table has not. */
export interface PartitionColumns {
  seq: string
  district?: string
  lang?: string
}

/** A read of everything since a cursor (the unscoped `GET /api/v1/sync?since=`). */
export function readAll(since: number): SyncRead {
  return { since, scope: EVERYTHING, added: NOTHING_ADDED }
}

function inList(column: string, values: readonly string[]): RawBuilder<boolean> {
  return values.length ? sql<boolean>`${sql.ref(column)} in (${sql.join(values)})` : sql<boolean>`false`
}

function all(parts: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`
}

function any(parts: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` or `)})` : sql<boolean>`false`
}

/** Rows the scope holds: statewide and language-free rows always. */
export function inScope(scope: SyncScope, columns: PartitionColumns): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = []
  if (columns.district && scope.districts !== 'all') {
    parts.push(sql<boolean>`(${sql.ref(columns.district)} is null or ${inList(columns.district, scope.districts)})`)
  }
  if (columns.lang && scope.langs !== 'all') {
    parts.push(sql<boolean>`(${sql.ref(columns.lang)} is null or ${inList(columns.lang, scope.langs)})`)
  }
  return all(parts)
}

/** Rows in a partition the phone does not have yet. Never NULL (a statewide row is simply not in one), so `not` works. */
export function inAdded(read: SyncRead, columns: PartitionColumns): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = []
  const among = (column: string, values: string[]) => sql<boolean>`(${sql.ref(column)} is not null and ${inList(column, values)})`
  if (columns.district && read.added.districts.length) parts.push(among(columns.district, read.added.districts))
  if (columns.lang && read.added.langs.length) parts.push(among(columns.lang, read.added.langs))
  return any(parts)
}

/**
 * The rows a sync source sends: in the scope, and changed after the cursor or in a partition new to
 * the phone. `firstSync` narrows what a phone gets when it has nothing of a partition yet (e.g. no
 * dates long past).
 */
export function syncWindow(read: SyncRead, columns: PartitionColumns, firstSync?: RawBuilder<boolean>): RawBuilder<boolean> {
  const scope = inScope(read.scope, columns)
  const fresh = firstSync ?? sql<boolean>`true`
  if (read.since === 0) return all([scope, fresh])
  return all([scope, any([sql<boolean>`${sql.ref(columns.seq)} > ${read.since}`, all([inAdded(read, columns), fresh])])])
}

/** The last change number in a scope: a pull whose cursor is not below it has nothing to fetch. */
export async function scopeHead(db: Kysely<Database>, scope: SyncScope): Promise<number> {
  const row = await db
    .selectFrom('sync_heads')
    .select((eb) => eb.fn.max('seq').as('head'))
    .where(
      all([
        ...(scope.districts === 'all' ? [] : [sql<boolean>`(district = '' or ${inList('district', scope.districts)})`]),
        ...(scope.langs === 'all' ? [] : [sql<boolean>`(lang = '' or ${inList('lang', scope.langs)})`]),
      ]),
    )
    .executeTakeFirst()
  return row?.head ?? 0
}
