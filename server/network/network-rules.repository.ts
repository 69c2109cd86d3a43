import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, NetworkRulesTable } from '../db/schema.ts'
import type { NetworkRulesDto, NetworkRulesInput } from '../../src/shared/network/network-rules.schema.ts'
import { nextChangeSeq } from '../sync/change-seq.ts'

type Db = Kysely<Database> | Transaction<Database>

export function toRulesDto(row: Selectable<NetworkRulesTable>): NetworkRulesDto {
  return { district: row.district, version: row.version, title: row.title, body: row.body, publishedAt: row.published_at.toISOString() }
}

/** Every published version of a district's rules, newest version first. */
export async function listRules(db: Db, district: string): Promise<NetworkRulesDto[]> {
  const rows = await db.selectFrom('network_rules').selectAll().where('district', '=', district).orderBy('version', 'desc').execute()
  return rows.map(toRulesDto)
}

/** The version in force: the latest dated one. */
export async function currentRules(db: Db, district: string): Promise<NetworkRulesDto | undefined> {
  const row = await db.selectFrom('network_rules').selectAll().where('district', '=', district).orderBy('version', 'desc').limit(1).executeTakeFirst()
  return row ? toRulesDto(row) : undefined
}

export async function findRules(db: Db, district: string, version: string): Promise<NetworkRulesDto | undefined> {
  const row = await db.selectFrom('network_rules').selectAll().where('district', '=', district).where('version', '=', version).executeTakeFirst()
  return row ? toRulesDto(row) : undefined
}

/** Inserts a version; false when that district already has it (a published version is never changed). */
export async function insertRules(trx: Transaction<Database>, input: NetworkRulesInput, publishedBy: string, now: Date): Promise<boolean> {
  const inserted = await trx
    .insertInto('network_rules')
    .values({ ...input, published_at: now, published_by: publishedBy, seq: await nextChangeSeq(trx, { district: input.district }) })
    .onConflict((oc) => oc.columns(['district', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst()
  return inserted !== undefined
}
