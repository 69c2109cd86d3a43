import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { Problem } from './problem.ts'
import { clockRateLimitStore } from './rate-limit-store.ts'

/**
 * Rate limiting for the routes of this plugin that set `config.rateLimit`; other routes are not
 * limited. Too many requests answer 429 `{error: 'rate_limited', …}` like every other 4xx. Windows are
 * counted with the app's clock.
 */
export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: clockRateLimitStore(app.now),
    errorResponseBuilder: (_request, context) => new Problem(429, 'rate_limited', `Too many requests; try again in ${context.after}.`),
  })
}
