import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { Problem } from './problem.ts'
import { databaseRateLimitStore } from './rate-limit-store.ts'

/**
 * Rate limiting for the routes of this plugin that set `config.rateLimit`; other routes are not
 * limited. Too many requests answer 429 `{error: 'rate_limited', …}` like every other 4xx. Windows are
 * counted in the database (shared by every server process) with the app's clock.
 */
export async function registerRateLimit(app: FastifyInstance, db: Kysely<Database>): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: databaseRateLimitStore(db, app.now),
    errorResponseBuilder: (_request, context) => new Problem(429, 'rate_limited', `Too many requests; try again in ${context.after}.`),
  })
}
