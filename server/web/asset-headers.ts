import type { FastifyReply } from 'fastify'

// Headers that only a page (or a worker, whose script's answer sets its own policy) acts on.
const PAGE_ONLY = [
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
// A content-hashed file never changes: nobody revalidates it or asks for part of it.
const VALIDATORS = ['etag', 'last-modified', 'accept-ranges']

/**
 * A content-hashed script, style, font or image goes out without the page's security headers and
 * validators (about 700 of its 1,000 header bytes). On HTTP/1.1 those were sent with each of the
 * ~150 small files a first visit fetches, some 100 KB on a slow link. Kept: content type, encoding,
 * caching, `nosniff` and `Cross-Origin-Resource-Policy`; a worker's script keeps its CSP too.
 */
export function trimAssetHeaders(reply: FastifyReply, path: string): void {
  const worker = /\.worker-[\w-]+\.js$/.test(path)
  for (const name of [...(worker ? [] : PAGE_ONLY), ...VALIDATORS]) reply.removeHeader(name)
}
