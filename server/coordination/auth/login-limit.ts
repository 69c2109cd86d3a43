import { createHash } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'

/** Advisory locks of this class serialise the attempts of one client address (the key is a hash of it). */
const LOCK_CLASS = 15018

export interface LoginLimits {
  /** Attempts per client address and account in the window. */
  perAccount: number
  /** Attempts per client address in the window, whatever the account. */
  perAddress: number
  windowMs: number
}

export type LoginAttempt = { attempt: string } | { wait: number }

/** The e-mail address tried is kept only as a hash: an unknown one may be someone's mistyped address. */
const accountKey = (email: string) => createHash('sha256').update(email).digest('base64url')

/**
 * Login attempts per client address and account (guessing one account's password is slowed down) and
 * per client address (trying many accounts from one address is slowed down too), counted in the
 * database so every server process sees the same attempts. An attempt counts from the moment it
 * starts, so guesses sent all at once are limited too; a successful login is then taken off again: a
 * coordinator who logs in often is never locked out. Old attempts of an address go when it tries again,
 * the rest with the retention job.
 */
export function loginLimiter(db: Kysely<Database>, { perAccount, perAddress, windowMs }: LoginLimits) {
  return {
    /** Counts an attempt made at `now`; when a limit is reached it is not counted and the seconds to wait are returned. */
    take(address: string, email: string, now: Date): Promise<LoginAttempt> {
      const account = accountKey(email)
      const since = new Date(now.getTime() - windowMs)
      return db.transaction().execute(async (trx) => {
        // One attempt of an address at a time, across processes: two cannot both take the last one left.
        await sql`select pg_advisory_xact_lock(${sql.lit(LOCK_CLASS)}, hashtext(${address}))`.execute(trx)
        await trx.deleteFrom('login_attempts').where('address', '=', address).where('at', '<=', since).execute()
        const recent = await trx.selectFrom('login_attempts').select(['account', 'at']).where('address', '=', address).orderBy('at').execute()
        const mine = recent.filter((a) => a.account === account)
        const full = [...(mine.length >= perAccount ? [mine[0]!] : []), ...(recent.length >= perAddress ? [recent[0]!] : [])]
        if (full.length > 0) {
          const freeAt = Math.max(...full.map((a) => a.at.getTime() + windowMs))
          return { wait: Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)) }
        }
        const { id } = await trx.insertInto('login_attempts').values({ address, account, at: now }).returning('id').executeTakeFirstOrThrow()
        return { attempt: String(id) }
      })
    },
    /** The attempt succeeded: it no longer counts. */
    async forgive(attempt: string): Promise<void> {
      await db.deleteFrom('login_attempts').where('id', '=', attempt).execute()
    },
  }
}
