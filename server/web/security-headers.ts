import type { FastifyInstance } from 'fastify'
import helmet from '@fastify/helmet'
import type { InlineHashes } from './inline-hashes.ts'

/**
 * Strict CSP: only this origin, no inline script or style but the build's own in index.html (by hash,
 * server/web/inline-hashes.ts), no third-party anything; API answers not stored by caches.
 */
export async function registerSecurityHeaders(app: FastifyInstance, inline: InlineHashes = { scripts: [], styles: [] }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inline.scripts],
        styleSrc: ["'self'", ...inline.styles],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  })
  // API answers are someone's data unless the route says how to cache it (sync, calendar files): no copy anywhere.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
  })
}
