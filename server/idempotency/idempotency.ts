import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../db/schema.ts'
import { Problem } from '../errors/problem.ts'
import { canonicalJson } from '../sync/canonical-json.ts'

export interface Answer {
  statusCode: number
  body: unknown
}

/** The header every outbox submission carries (routes that use withIdempotency declare it). */
export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.String({ format: 'uuid', description: 'A UUID the client chose for this submission; a replay returns the first answer.' }),
})

/**
 * Runs `work` exactly once per key. The key row is inserted in the same transaction as the entry,
 * so both commit or neither does. A concurrent duplicate blocks on that insert until the first
 * commits, then finds the row and returns the stored answer; a rolled-back first attempt leaves no trace.
 */
export async function withIdempotency(
  db: Kysely<Database>,
  request: { key: string; route: string; body: unknown; now: Date },
  work: (trx: Transaction<Database>) => Promise<Answer>,
): Promise<Answer> {
  // Sorted keys: the same content always hashes the same, whatever order the client sent.
  const requestHash = createHash('sha256').update(`${request.route}\n${canonicalJson(request.body)}`).digest('hex')
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('idempotency_keys')
      .values({ key: request.key, route: request.route, request_hash: requestHash, created_at: request.now })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst()
    if (!inserted) {
      const stored = await trx.selectFrom('idempotency_keys').selectAll().where('key', '=', request.key).forUpdate().executeTakeFirstOrThrow()
      if (stored.request_hash !== requestHash) {
        throw new Problem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request.')
      }
      return { statusCode: stored.status_code!, body: stored.response }
    }
    const answer = await work(trx)
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: answer.statusCode, response: JSON.stringify(answer.body) })
      .where('key', '=', request.key)
      .execute()
    return answer
  })
}
