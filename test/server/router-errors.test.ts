import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from './test-app.ts'

const SHAPE = { error: expect.any(String), message: expect.any(String), fields: {} }

describe('router-level errors in the {error, message, fields} shape', () => {
  it('answers a malformed URL with 400 and an overlong path part with 414', async () => {
    const { app } = await buildTestApp('pglite')
    const badUrl = await app.inject({ url: '/api/v1/manage/%E0%A4%A' })
    expect(badUrl.statusCode).toBe(400)
    expect(badUrl.json()).toEqual({ ...SHAPE, error: 'bad_url' })
    const long = await app.inject({ url: `/api/v1/manage/${'a'.repeat(300)}` })
    expect(long.statusCode).toBe(414)
    expect(long.json()).toEqual({ ...SHAPE, error: 'uri_too_long' })
  }, 180_000)

  it('answers headers larger than Node allows with 431 in the same shape', async () => {
    const { app } = await buildTestApp('pglite')
    await app.listen({ port: 0, host: '127.0.0.1' })
    const socket = connect((app.server.address() as AddressInfo).port, '127.0.0.1')
    socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    const answer = await new Promise<string>((resolve) => {
      let text = ''
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()))
      socket.on('error', () => {})
      socket.on('close', () => resolve(text))
    })
    expect(answer).toMatch(/^HTTP\/1\.1 431 /)
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ ...SHAPE, error: 'headers_too_large' })
  }, 180_000)
})
