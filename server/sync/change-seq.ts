import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * Next number of the global change counter, for a row written in this transaction.
 * Writers hold one advisory lock until commit, so numbers become visible in order and a reader's
 * cursor never jumps over a row that commits later.
 */
export async function nextChangeSeq(trx: Transaction<Database>): Promise<number> {
  await sql`select pg_advisory_xact_lock(20230401)`.execute(trx)
  const { rows } = await sql<{ seq: number }>`select nextval('change_seq')::integer as seq`.execute(trx)
  return rows[0]!.seq
}

/** Records that an entity's row is gone, so phones delete it at their next sync. */
export async function recordDeletion(trx: Transaction<Database>, entity: string, id: string): Promise<void> {
  const seq = await nextChangeSeq(trx)
  await trx
    .insertInto('tombstones')
    .values({ entity, id, seq })
    .onConflict((oc) => oc.columns(['entity', 'id']).doUpdateSet({ seq }))
    .execute()
}

export async function deletedSince(db: Kysely<Database>, entity: string, since: number) {
  return db.selectFrom('tombstones').select(['id', 'seq']).where('entity', '=', entity).where('seq', '>', since).execute()
}
