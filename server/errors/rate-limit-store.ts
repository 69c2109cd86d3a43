import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import { sql, type Kysely } from 'kysely'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/schema.ts'

/** What @fastify/rate-limit hands `child()`: the route's limit, with the route it belongs to. */
interface RouteLimit {
  routeInfo?: { method?: string | string[]; url?: string }
}

/**
 * @fastify/rate-limit's counting (a fixed window per route and client) kept in the database, so every
 * server process on one PostgreSQL counts the same requests; the time comes from the app's clock, so a
 * test can let a minute pass. One upsert per limited request: a window that has ended starts again at 1.
 * Ended windows are removed by the retention job.
 */
export function databaseRateLimitStore(db: Kysely<Database>, now: Clock): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    route = ''

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const at = now()
      const ended = new Date(at.getTime() - timeWindow)
      const isOver = sql<boolean>`rate_limit_windows.started_at <= ${ended} or rate_limit_windows.started_at > ${at}`
      db.insertInto('rate_limit_windows')
        .values({ key: `${this.route}|${key}`, started_at: at, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when ${isOver} then 1 else rate_limit_windows.count + 1 end`,
            started_at: sql<Date>`case when ${isOver} then ${at}::timestamptz else rate_limit_windows.started_at end`,
          }),
        )
        .returning(['count', 'started_at'])
        .executeTakeFirstOrThrow()
        .then(
          (row) => callback(null, { current: row.count, ttl: Math.max(0, row.started_at.getTime() + timeWindow - at.getTime()) }),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        )
    }

    child(options: unknown): FastifyRateLimitStore {
      const { method, url } = (options as RouteLimit).routeInfo ?? {}
      const store = new DatabaseStore()
      store.route = `${[method ?? ''].flat().join(',')} ${url ?? ''}`
      return store
    }
  }
  return DatabaseStore
}
