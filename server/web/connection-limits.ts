import type { ServerOptions } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'
import type { ConnectionLimits } from '../config.ts'
import { Problem } from '../errors/problem.ts'

/**
 * What one connection may hold: the time to send a request, to sit idle (also not reading the answer)
 * and to stay open between requests, and how many requests it may have in flight and in total.
 */
export function connectionOptions(limits: ConnectionLimits): Pick<FastifyServerOptions, 'requestTimeout' | 'connectionTimeout' | 'keepAliveTimeout' | 'maxRequestsPerSocket'> & { http: ServerOptions } {
  const request = limits.requestTimeoutMs
  return {
    // Node checks the request and header times every so often (30 s by default): often enough for the limit.
    http: request ? { requestTimeout: request, headersTimeout: request, connectionsCheckingInterval: Math.min(30_000, Math.max(100, request / 2)) } : {},
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxRequestsPerSocket: limits.maxRequestsPerConnection,
  }
}

/**
 * Pipelined requests are all read at once and each would build its answer in memory: beyond
 * `maxPipelinedRequests` unanswered ones a request gets 429 and the connection is closed after it,
 * and a client that leaves more than `maxUnreadBytes` of answers unread is cut off (as is one already gone).
 */
export function registerConnectionLimits(app: FastifyInstance, limits: ConnectionLimits): void {
  const inFlight = new WeakMap<Socket, number>()
  app.addHook('onRequest', async (request, reply) => {
    const socket = request.raw.socket
    // A client that reset the connection right after sending has no address and no one to answer.
    if ((limits.maxUnreadBytes && socket.writableLength > limits.maxUnreadBytes) || request.ip === undefined) {
      reply.hijack()
      socket.destroy()
      return
    }
    const count = (inFlight.get(socket) ?? 0) + 1
    inFlight.set(socket, count)
    reply.raw.once('close', () => inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1))
    if (limits.maxPipelinedRequests && count > limits.maxPipelinedRequests) {
      reply.header('connection', 'close')
      throw new Problem(429, 'too_many_pipelined', `At most ${limits.maxPipelinedRequests} requests at a time on one connection.`)
    }
  })
}
