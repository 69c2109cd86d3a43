import type { FastifyInstance } from 'fastify'
import type { Fetch } from '../../src/sync/pull.ts'

export interface Exchange {
  url: string
  status: number
  body: string
}

/** The phone's fetch, answered by the real server in-process; every exchange is logged into `log`. */
export function fetchFrom(app: FastifyInstance, log: Exchange[] = []): Fetch {
  return async (url, init) => {
    const res = await app.inject({ method: 'GET', url, headers: init?.headers as Record<string, string> | undefined })
    log.push({ url, status: res.statusCode, body: res.body })
    const nullBody = res.statusCode === 304 || res.statusCode === 204
    return new Response(nullBody ? null : res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? 'text/plain') } })
  }
}
