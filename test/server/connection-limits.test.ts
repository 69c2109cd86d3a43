import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildTestApp } from './test-app.ts'
import type { ConnectionLimits } from '../../server/config.ts'

const LIMITS: ConnectionLimits = {
  requestTimeoutMs: 1000,
  idleTimeoutMs: 2000,
  keepAliveTimeoutMs: 1000,
  maxRequestsPerConnection: 100,
  maxPipelinedRequests: 4,
  maxUnreadBytes: 1024 * 1024,
}

async function listening(connections: ConnectionLimits, demoData = false): Promise<{ app: FastifyInstance; base: string; port: number }> {
  const { app } = await buildTestApp('pglite', { connections, demoData })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return { app, base: `http://127.0.0.1:${port}`, port }
}

/** Opens a raw connection, sends the text and collects what comes back until the server closes it. */
function exchange(port: number, text: string, { readNothingUntilClosed = false } = {}): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, '127.0.0.1')
  socket.write(text)
  if (readNothingUntilClosed) socket.pause()
  const answer = new Promise<string>((resolve) => {
    let received = ''
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')))
    socket.on('error', () => {})
    socket.on('close', () => resolve(received))
  })
  return { socket, answer }
}

/** Resolves when the server's side of the next accepted connection is closed. */
function nextConnectionClosed(app: FastifyInstance): Promise<void> {
  return new Promise((resolve) => app.server.once('connection', (s: Socket) => s.once('close', () => resolve())))
}

describe('bounded resources per connection', () => {
  it('cuts off a client that sends headers and then nothing with a 408 in the error shape, and serves others meanwhile', async () => {
    const { base, port } = await listening(LIMITS)
    const slow = exchange(port, 'POST /api/v1/tandems HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"a":')
    expect((await fetch(`${base}/api/health`)).status).toBe(200)
    const answer = await slow.answer
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: 'request_timeout', message: expect.any(String), fields: {} })
  }, 180_000)

  it('answers only a few pipelined requests of a client that reads nothing, closes its connection and serves others', async () => {
    const { app, base, port } = await listening(LIMITS, true)
    const closed = nextConnectionClosed(app)
    // A phone's own scope (German only): answers small enough that the pipelining limit, not the unread-bytes cap, speaks first.
    const pipelined = exchange(port, 'GET /api/v1/sync?since=0&langs=de HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(40), { readNothingUntilClosed: true })
    await closed
    expect((await fetch(`${base}/api/v1/sync?since=0`)).status).toBe(200)
    pipelined.socket.resume()
    const answer = await pipelined.answer
    const statuses = [...answer.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]))
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(LIMITS.maxPipelinedRequests)
    expect(statuses).toContain(429)
    expect(statuses.length).toBeLessThan(40)
  }, 180_000)

  it('closes a connection that sends nothing at all', async () => {
    const { port } = await listening(LIMITS)
    expect(await exchange(port, '').answer).toMatch(/^HTTP\/1\.1 408 /)
  }, 180_000)
})
