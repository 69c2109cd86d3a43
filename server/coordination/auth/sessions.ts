import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CoordinatorRole, Database } from '../../db/schema.ts'

export const SESSION_COOKIE = 'wk_coordination'
/** A working day and a bit; then log in again. */
export const SESSION_HOURS = 12

export interface Coordinator {
  id: string
  email: string
  role: CoordinatorRole
  districts: string[]
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')

/** Starts a session and returns the secret cookie value; only its hash is stored. */
export async function createSession(db: Kysely<Database>, coordinatorId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  await db
    .insertInto('coordinator_sessions')
    .values({ token_hash: hashToken(token), coordinator_id: coordinatorId, expires_at: new Date(now.getTime() + SESSION_HOURS * 3600_000) })
    .execute()
  // Expired sessions of anyone are cleared on every login; there are few.
  await db.deleteFrom('coordinator_sessions').where('expires_at', '<', now).execute()
  return token
}

export async function findSession(db: Kysely<Database>, token: string, now: Date): Promise<Coordinator | undefined> {
  return db
    .selectFrom('coordinator_sessions as s')
    .innerJoin('coordinators as c', 'c.id', 's.coordinator_id')
    .select(['c.id', 'c.email', 'c.role', 'c.districts'])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', now)
    .where('c.active', '=', true)
    .executeTakeFirst()
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('coordinator_sessions').where('token_hash', '=', hashToken(token)).execute()
}
