import type { FastifyReply } from 'fastify'
import { removePageHeaders } from './security-headers.ts'

// A content-hashed file never changes: nobody revalidates it or asks for part of it.
const VALIDATORS = ['etag', 'last-modified', 'accept-ranges']

/**
 * A content-hashed script, style or font goes out without the page's security headers and validators
 * (about 700 of its 1,100 header bytes). On HTTP/1.1 they came with each of the 8 answers a first visit
 * waits for before its first content, and the ~30 until it is ready offline: on a 250 kbit/s link, 0.2 s
 * of the wait for the first screen. Kept: content type, encoding, caching, `nosniff` and
 * `Cross-Origin-Resource-Policy`; a worker's script keeps its CSP too (a worker's policy is its script's).
 */
export function trimAssetHeaders(reply: FastifyReply, path: string): void {
  const worker = /\.worker-[\w-]+\.js$/.test(path)
  if (!worker) removePageHeaders(reply)
  for (const name of VALIDATORS) reply.removeHeader(name)
}
