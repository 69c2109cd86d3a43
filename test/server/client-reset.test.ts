import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, it, onTestFinished } from 'vitest'
import { buildApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { openMigratedPglite, TEST_PASSWORD_COST } from './test-app.ts'

it('a client that resets the connection right after sending costs no server error', async () => {
  const lines: string[] = []
  const config = { ...loadConfig({}), demoData: false, webRoot: '/nonexistent', logLevel: 'error' }
  const app = await buildApp({ config, database: await openMigratedPglite(), logStream: { write: (line) => void lines.push(line) }, passwordCost: TEST_PASSWORD_COST })
  onTestFinished(() => app.close())
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const body = JSON.stringify({ name: 'x' })
  for (let n = 0; n < 50; n++) {
    const socket = connect(port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.on('error', () => {})
    socket.write(`POST /api/v1/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: 7d1c9f1e-0a4b-4c59-9a3e-5b1f0f6d2c${String(n).padStart(2, '0')}\r\nContent-Length: ${body.length}\r\n\r\n${body}`)
    socket.resetAndDestroy()
  }
  // The resets reach the server a moment later; a healthy request after them is answered.
  await sleep(2000)
  expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200)
  expect(lines.filter((l) => l.includes('"level":50'))).toEqual([])
}, 180_000)
