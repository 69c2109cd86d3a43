import type { FastifyInstance, FastifyReply } from 'fastify'
import helmet from '@fastify/helmet'
import type { InlineHashes } from './inline-hashes.ts'

// Headers that only a page (or a worker, whose script's answer sets its own policy) acts on.
const PAGE_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
]

// A JSON answer is no page: it runs and loads nothing, so it gets the short policy of OWASP's REST Security
// Cheat Sheet instead of the page's (about 450 bytes with the inline hashes), and none of the other page-only
// headers: about 750 of its 1,100 header bytes, on the first pull a slow link's first screen waits for.
const JSON_POLICY = "default-src 'none'; frame-ancestors 'none'"

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
  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return
    // API answers are someone's data unless the route says how to cache it (sync, calendar files): no copy anywhere.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    // The mail links' small pages (also under /api/) keep the page headers.
    if (String(reply.getHeader('content-type')).startsWith('application/json')) {
      removePageHeaders(reply)
      reply.header('content-security-policy', JSON_POLICY)
    }
  })
}

/** Takes off the headers only a page acts on (answers that are no page: JSON, hashed scripts, styles and fonts). */
export function removePageHeaders(reply: FastifyReply): void {
  for (const name of PAGE_ONLY_HEADERS) reply.removeHeader(name)
}
