import { sql } from 'kysely'
import type { DatabaseHandle } from './database.ts'

/** Advisory locks of this class: the start-up of one schema (the second key is a hash of its name). */
const LOCK_CLASS = 15019

/**
 * Runs a process's start-up writes (migrations, the guide on first start, sample data) one process at a
 * time on PostgreSQL: two servers starting at once would both find the guide empty and both insert it.
 * The lock is held by one connection of the pool while `work` uses the others, and is per schema. PGlite
 * is one process per data folder, so there it just runs.
 */
export async function oneStartAtATime<T>({ db, kind }: DatabaseHandle, work: () => Promise<T>): Promise<T> {
  if (kind === 'pglite') return work()
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(LOCK_CLASS)}, hashtext(current_schema()))`.execute(connection)
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(LOCK_CLASS)}, hashtext(current_schema()))`.execute(connection)
    }
  })
}
