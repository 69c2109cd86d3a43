import type { FastifyInstance } from 'fastify'

/** What a 304 may carry (RFC 9110, 15.4.5), besides what Node adds (Date, Connection, Keep-Alive). */
const KEPT = new Set(['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'])

/**
 * A 304 answers "your copy is still good": it carries only what the cache needs to update that copy,
 * and no body. The page's security headers and the body's type stay on the copy; sending them again made
 * an empty sync pull cost 860 bytes instead of about 150.
 */
export function trimNotModified(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode !== 304) return payload
    for (const name of Object.keys(reply.getHeaders())) if (!KEPT.has(name)) reply.removeHeader(name)
    return null
  })
}
