import { promisify } from 'node:util'
import { gzip as gzipCallback, brotliCompress as brotliCallback, constants } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'

const gzip = promisify(gzipCallback)
const brotliCompress = promisify(brotliCallback)

/**
 * Brotli quality 10, not 9: the first sync answer of the sample data is 19.5 instead of 21.5 KB (a newcomer's
 * first screen waits for it on a slow link), for about 50 instead of 18 ms of compression per 130 KB, once per
 * answer and off the event loop (zlib's thread pool). Quality 11 took three times as long for no smaller answer.
 */
const BROTLI_QUALITY = 10

/** One answer kept ready: its text compressed once, so serving it costs no database work and no compression. */
export interface CachedAnswer {
  /** What the answer was built from (e.g. a scope's last change number); a different one means rebuild. */
  version: string
  etag: string
  contentType: string
  identity: Buffer
  gzip: Buffer
  br: Buffer
  builtAt: number
}

export interface Built {
  version: string
  /** The ETag's value; the version unless the answer also depends on time. */
  tag?: string
  body: string
  contentType: string
}

/**
 * Answers that many clients ask for alike (first syncs per scope, calendar feeds), keyed by what they
 * depend on. Each process keeps its own; the version comes from the database, so processes agree.
 */
export class AnswerCache {
  readonly #entries = new Map<string, CachedAnswer>()
  readonly #building = new Map<string, Promise<CachedAnswer>>()
  readonly maxEntries: number
  readonly maxAgeMs: number

  constructor(maxEntries = 200, maxAgeMs = Number.POSITIVE_INFINITY) {
    this.maxEntries = maxEntries
    this.maxAgeMs = maxAgeMs
  }

  /** The answer for `key` at `version`, built by `build` (once, however many ask at the same time) when missing or stale. */
  async get(key: string, version: string, build: () => Promise<Built>, now: number): Promise<CachedAnswer> {
    const kept = this.#entries.get(key)
    if (kept && kept.version === version && now - kept.builtAt < this.maxAgeMs) return kept
    const pending = this.#building.get(key)
    if (pending) return pending
    const promise = build()
      .then(async (built) => this.#store(key, built, await compressed(built.body), now))
      .finally(() => this.#building.delete(key))
    this.#building.set(key, promise)
    return promise
  }

  #store(key: string, { version, tag = version, contentType }: Built, encodings: Encodings, now: number): CachedAnswer {
    const answer: CachedAnswer = { version, etag: `W/"${tag}"`, contentType, ...encodings, builtAt: now }
    this.#entries.delete(key)
    this.#entries.set(key, answer)
    // Oldest first in a Map: drop the least recently built beyond the limit.
    for (const old of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break
      this.#entries.delete(old)
    }
    return answer
  }
}

type Encodings = Pick<CachedAnswer, 'identity' | 'gzip' | 'br'>

async function compressed(body: string): Promise<Encodings> {
  const identity = Buffer.from(body)
  const [gz, br] = await Promise.all([
    gzip(identity, { level: 9 }),
    brotliCompress(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
  ])
  return { identity, gzip: gz, br }
}

/** Sends a cached answer: 304 to a matching If-None-Match, otherwise the best encoding the client accepts. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): FastifyReply {
  reply.header('etag', answer.etag).header('vary', 'accept-encoding')
  if (request.headers['if-none-match'] === answer.etag) return reply.status(304).send(null)
  const accepted = String(request.headers['accept-encoding'] ?? '')
  reply.header('content-type', answer.contentType)
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(answer.br)
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(answer.gzip)
  return reply.send(answer.identity)
}
