/**
 * What "status arrives while the app is open" costs the server (src/outbox/status-schedule.ts): an open,
 * visible phone with something pending asks `GET /api/v1/manage/:token` once per live entry every 20–30 s
 * (25 s on average). Measures that request over real HTTP on PGlite and (with TEST_DATABASE_URL)
 * PostgreSQL, and prints the load of 1,000 such phones: node test/bench/status-bench.ts
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { DatabaseKind } from '../../server/db/database.ts'
import { benchApp } from './bench-app.ts'
import { clientAddress, insertEventDate, postJson, registration, tandemOffer } from '../server/volunteering-fixtures.ts'

const PHONES = 1000
const MEAN_INTERVAL_S = 25
const ENTRIES = 1000
const REQUESTS = 4000
const CONCURRENCY = 16

async function bench(kind: DatabaseKind): Promise<void> {
  const { app, database, close } = await benchApp(kind)
  try {
    // 1,000 entries: registrations for dates with 20 places (so some wait) and tandem entries.
    const dates = await Promise.all(Array.from({ length: 10 }, () => insertEventDate(database.db, { capacity: 20 })))
    const tokens: string[] = []
    for (let n = 0; n < ENTRIES; n++) {
      const body = n % 3 === 0 ? tandemOffer({ email: `p${n}@example.org` }) : registration(dates[n % dates.length]!, n)
      const answer = await app.inject(postJson(n % 3 === 0 ? '/api/v1/tandems' : '/api/v1/registrations', body, randomUUID(), clientAddress(n)))
      tokens.push((answer.json() as { manageToken: string }).manageToken)
    }
    const base = await app.listen({ port: 0, host: '127.0.0.1' }).then(() => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`)

    const latencies: number[] = []
    let bytes = 0
    let next = 0
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          const token = tokens[next++ % tokens.length]!
          const t = performance.now()
          const response = await fetch(`${base}/api/v1/manage/${token}`, { headers: { accept: 'application/json' } })
          bytes += (await response.arrayBuffer()).byteLength
          latencies.push(performance.now() - t)
          if (!response.ok) throw new Error(`status ${response.status}`)
        }
      }),
    )
    const wallMs = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / REQUESTS
    latencies.sort((a, b) => a - b)
    const at = (q: number) => latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(1)
    const rate = PHONES / MEAN_INTERVAL_S
    console.log(
      `${kind}: ${REQUESTS} status reads (${CONCURRENCY} at a time) in ${wallMs.toFixed(0)} ms → ${((REQUESTS / wallMs) * 1000).toFixed(0)} req/s at most; ` +
        `latency p50 ${at(0.5)} ms, p95 ${at(0.95)} ms; ${(cpuMsPerRequest).toFixed(2)} ms CPU per request (client included); ${(bytes / REQUESTS).toFixed(0)} bytes per answer`,
    )
    console.log(
      `${kind}: ${PHONES} open phones, each with one pending entry, asking every ${MEAN_INTERVAL_S} s on average → ${rate.toFixed(0)} req/s, ` +
        `about ${((rate * cpuMsPerRequest) / 10).toFixed(1)} % of one core, ${((rate * bytes) / REQUESTS / 1024).toFixed(1)} KiB/s of answers ` +
        `(before compression and headers); with nothing pending they ask every 5 minutes (${(PHONES / 300).toFixed(1)} req/s)`,
    )
  } finally {
    await close()
  }
}

await bench('pglite')
if (process.env.TEST_DATABASE_URL) await bench('postgres')
