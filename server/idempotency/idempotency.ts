import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { Problem } from '../errors/problem.ts'

export interface Answer {
  statusCode: number
  body: unknown
}

/** JSON with sorted keys, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * Runs `work` exactly once per key. The key row is inserted in the same transaction as the entry,
 * so both commit or neither does. A concurrent duplicate blocks on that insert until the first
 * commits, then finds the row and returns the stored answer; a rolled-back first attempt leaves no trace.
 */
export async function withIdempotency(
  db: Kysely<Database>,
  request: { key: string; route: string; body: unknown },
  work: (trx: Transaction<Database>) => Promise<Answer>,
): Promise<Answer> {
  const requestHash = createHash('sha256').update(`${request.route}\n${canonicalJson(request.body)}`).digest('hex')
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('idempotency_keys')
      .values({ key: request.key, route: request.route, request_hash: requestHash })
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
