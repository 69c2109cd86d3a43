import { createConnection, createServer, type Server } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { startThrottleRelay, type ThrottleRelay } from '../bench/throttle-relay.ts'

// The slow-link benchmark's relay (test/bench/throttle-relay.ts): what crosses it must arrive whole and in
// order, at no more than the link's rate, or the browser reads garbled answers and the figures lie.

let server: Server | undefined
let relay: ThrottleRelay | undefined
afterEach(async () => {
  await relay?.close()
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
})

/** Bytes of sizes from 1 to 2,000 (small ones among them, as the last piece of a small answer is), numbered so a swap shows. */
function pieces(): Buffer[] {
  let seed = 7
  const out: Buffer[] = []
  for (let i = 0; i < 120; i++) {
    seed = (seed * 48271) % 2147483647
    const size = i % 3 === 0 ? 1 + (seed % 40) : 1 + (seed % 2000)
    out.push(Buffer.alloc(size, i % 251))
  }
  return out
}

test('a connection’s bytes cross the relay whole, in order and no faster than the link, while the event loop is busy', async () => {
  const sent = pieces()
  server = createServer((socket) => {
    let i = 0
    const next = () => {
      if (i === sent.length) return void socket.end()
      socket.write(sent[i++]!)
      const until = performance.now() + (i % 5) // the loop busy for a few ms, as the bench's browser driver keeps it
      while (performance.now() < until);
      setImmediate(next)
    }
    next()
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const kbits = 4000 // 500 bytes per ms
  relay = await startThrottleRelay(port, { kbits, rttMs: 20 })

  const started = performance.now()
  const received = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    const client = createConnection({ host: '127.0.0.1', port: relay!.port })
    client.on('data', (d) => chunks.push(d))
    client.on('end', () => resolve(Buffer.concat(chunks)))
    client.on('close', () => resolve(Buffer.concat(chunks)))
    client.on('error', reject)
  })
  const elapsed = performance.now() - started

  const expected = Buffer.concat(sent)
  expect(received.length).toBe(expected.length)
  expect(received.equals(expected)).toBe(true)
  expect(relay.downBytes()).toBe(expected.length)
  expect(elapsed).toBeGreaterThanOrEqual(expected.length / ((kbits * 1000) / 8 / 1000))
})
