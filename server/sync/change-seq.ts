import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { inAdded, inScope, type SyncRead } from './sync-scope.ts'

/**
 * Where a synced row lives: its district (null = statewide) and, for rows kept per language, its
 * language. Phones fetch only the partitions of their scope (see ./sync-scope.ts).
 */
export interface SyncPartition {
  district: string | null
  lang?: string | null
}

export const STATEWIDE: SyncPartition = { district: null }

/**
 * Next number of the global change counter, for a row written in this transaction into `partition`.
 * Writers hold one advisory lock until commit, so numbers become visible in order and a reader's
 * cursor never jumps over a row that commits later. The partition's head moves along, so a phone
 * whose scope did not change hears so without any table being read.
 */
export async function nextChangeSeq(trx: Transaction<Database>, partition: SyncPartition): Promise<number> {
  await sql`select pg_advisory_xact_lock(20230401)`.execute(trx)
  const { rows } = await sql<{ seq: number }>`select nextval('change_seq')::integer as seq`.execute(trx)
  const seq = rows[0]!.seq
  await trx
    .insertInto('sync_heads')
    .values({ district: partition.district ?? '', lang: partition.lang ?? '', seq })
    .onConflict((oc) => oc.columns(['district', 'lang']).doUpdateSet({ seq }))
    .execute()
  return seq
}

/**
 * Records that an entity's row is gone from `partition`, so phones that hold it delete it at their
 * next sync. A row moved to another district: call this with its old partition, then write it anew.
 */
export async function recordDeletion(trx: Transaction<Database>, entity: string, id: string, partition: SyncPartition): Promise<void> {
  const seq = await nextChangeSeq(trx, partition)
  const district = partition.district ?? null
  const lang = partition.lang ?? null
  await trx
    .deleteFrom('tombstones')
    .where('entity', '=', entity)
    .where('id', '=', id)
    .where(sql<boolean>`district is not distinct from ${district} and lang is not distinct from ${lang}`)
    .execute()
  await trx.insertInto('tombstones').values({ entity, id, seq, district, lang }).execute()
}

/** Ids deleted after the cursor from partitions the phone holds (a new partition has nothing to delete). */
export async function deletedSince(db: Kysely<Database>, entity: string, read: SyncRead) {
  if (read.since === 0) return []
  const columns = { seq: 'seq', district: 'district', lang: 'lang' }
  return db
    .selectFrom('tombstones')
    .select(['id', 'seq'])
    .where('entity', '=', entity)
    .where('seq', '>', read.since)
    .where(inScope(read.scope, columns))
    .where(sql<boolean>`not ${inAdded(read, columns)}`)
    .execute()
}
