import { createHash, randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { CoordinatorTokensTable, Database } from '../../db/schema.ts'

type Purpose = CoordinatorTokensTable['purpose']

/** How long a link to set a password works: an invitation a week, a forgotten password an hour. */
export const TOKEN_HOURS: Record<Purpose, number> = { invite: 7 * 24, reset: 1 }

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

/** The path of the workspace page a link opens (the mail adds the public address). */
export const setPasswordPath = (token: string) => `/coordination/password/${token}`

/**
 * A new single-use link for an account; only its hash is stored. An account has one live link at a
 * time: a new one replaces those not yet used.
 */
export async function createAccountToken(trx: Transaction<Database>, coordinatorId: string, purpose: Purpose, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await trx.deleteFrom('coordinator_tokens').where('coordinator_id', '=', coordinatorId).where('used_at', 'is', null).execute()
  await trx
    .insertInto('coordinator_tokens')
    .values({ token_hash: hashToken(token), coordinator_id: coordinatorId, purpose, created_at: now, expires_at: new Date(now.getTime() + TOKEN_HOURS[purpose] * 3600_000) })
    .execute()
  return token
}

/** Uses a link once: the account it is for, or undefined when it is unknown, used, expired or its account deactivated. */
export async function takeAccountToken(trx: Transaction<Database>, token: string, now: Date): Promise<{ coordinatorId: string; purpose: Purpose } | undefined> {
  const row = await trx
    .updateTable('coordinator_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['coordinator_id', 'purpose'])
    .executeTakeFirst()
  if (!row) return undefined
  const account = await trx.selectFrom('coordinators').select('active').where('id', '=', row.coordinator_id).executeTakeFirst()
  return account?.active ? { coordinatorId: row.coordinator_id, purpose: row.purpose } : undefined
}

/** Used and expired links are kept a day for the audit trail, then deleted by the retention job. */
export async function deleteOldAccountTokens(trx: Transaction<Database>, before: Date): Promise<void> {
  await trx.deleteFrom('coordinator_tokens').where('expires_at', '<', before).execute()
}
