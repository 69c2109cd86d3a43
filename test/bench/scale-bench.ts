/**
 * Scale figures (issue 15) — prints one Markdown table, asserts nothing:
 *   npm run bench:scale                      PGlite only
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:scale   PGlite and PostgreSQL
 * For the sample data (DEMO_DATA) and the state-scale data (server/state-data, as `npm run data:state`
 * loads it) on a real server process each: first-sync bytes (gzip), the bytes of an empty pull, and
 * requests/s and p99 at 50 concurrent clients (a node:http keep-alive loop, test/bench/http-load.ts) for an
 * empty pull, a district's first sync, the calendar feed and a registration; on PGlite also the phone's
 * time to apply its first sync in Chromium (the built app from dist/, so `vite build` first).
 * BENCH_SECONDS (10) per load figure, BENCH_PORT (4190), BENCH_DATA=sample or state for one data set only.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import http from 'node:http'
import { cpus, loadavg } from 'node:os'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import pg from 'pg'
import { openDatabase, type DatabaseKind } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { loadStateData } from '../../server/state-data/state-data.ts'
import { DISTRICT_SLUGS } from '../../src/shared/districts.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import { CURRENT_CONSENT_VERSION } from '../../src/shared/volunteering/fields.schema.ts'
import { startServer, type BenchServer } from './bench-server.ts'
import { load, type LoadResult } from './http-load.ts'
import { phoneFirstSync, type ApplyResult } from './phone-apply.ts'

const PORT = Number(process.env.BENCH_PORT ?? 4190)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CLIENTS = 50
const WEB_ROOT = process.env.BENCH_WEB_ROOT ?? new URL('../../dist', import.meta.url).pathname
const DISTRICT = 'stendal'
const LANG = 'uk'
const SCOPE = `districts=${DISTRICT}&langs=de&langs=${LANG}`

type DataSet = 'sample' | 'state'

interface Sizes {
  district: number
  everything: number
  /** The 304 answer to an empty pull, status line and headers included. */
  emptyPull: number
  /** The same pull without If-None-Match: an empty delta (body only). */
  emptyDelta: number
}

interface Run {
  kind: DatabaseKind
  data: DataSet
  sizes: Sizes
  loads: Record<'empty' | 'district' | 'feed' | 'registration', LoadResult>
  phone?: { district: ApplyResult; everything: ApplyResult }
}

/** GET with gzip accepted, the body as received; `wire` counts the status line and headers too. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; wire: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { 'accept-encoding': 'gzip', accept: 'application/json', ...headers } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          // "name: value\r\n" per header (rawHeaders alternates names and values), then an empty line.
          const head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + res.rawHeaders.reduce((n, v) => n + v.length + 2, 0) + 2
          resolve({ status: res.statusCode ?? 0, body, wire: head + body.length })
        })
      })
      .on('error', reject)
  })
}

const json = (answer: { body: Buffer }) => JSON.parse(gunzipSync(answer.body).toString()) as SyncResponse

/** A fresh database for one run: a PGlite folder or a PostgreSQL database; state data loaded when asked. */
async function prepare(kind: DatabaseKind, data: DataSet): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  let env: Record<string, string>
  let drop: () => Promise<void>
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'scale-bench-'))
    env = { DATA_DIR: dir }
    drop = async () => rmSync(dir, { recursive: true, force: true })
  } else {
    const name = `scale_bench_${randomBytes(4).toString('hex')}`
    const admin = process.env.TEST_DATABASE_URL!
    await adminSql(admin, `create database ${name}`)
    const url = new URL(admin)
    url.pathname = `/${name}`
    env = { DATABASE_URL: url.toString() }
    drop = () => adminSql(admin, `drop database ${name} with (force)`)
  }
  if (data === 'state') {
    const { db } = openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR })
    await migrateToLatest(db)
    const started = performance.now()
    const loaded = await loadStateData(db, new Date())
    console.error(`  state data loaded into ${kind} in ${((performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(loaded)}`)
    await db.destroy()
  }
  return { env: { ...env, DEMO_DATA: data === 'sample' ? 'true' : 'false', TRUST_PROXY: '127.0.0.1', WEB_ROOT }, drop }
}

async function adminSql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

async function measureSizes(base: string): Promise<{ sizes: Sizes; cursor: number; registrable: string[] }> {
  const district = await get(base, `/api/v1/sync?since=0&${SCOPE}`)
  const everything = await get(base, '/api/v1/sync?since=0')
  const { cursor } = json(district)
  const emptyPull = await get(base, `/api/v1/sync?since=${cursor}&${SCOPE}`, { 'if-none-match': `W/"${cursor}"` })
  const emptyDelta = await get(base, `/api/v1/sync?since=${cursor}&${SCOPE}`)
  if (emptyPull.status !== 304) throw new Error(`an empty pull answered ${emptyPull.status}`)
  const all = json(everything)
  const open = new Set(all.changes.meetups.filter((m) => m.registrationRequired).map((m) => m.id))
  const soon = new Date(Date.now() + 3600_000).toISOString()
  const registrable = all.changes.meetupOccurrences.filter((o) => open.has(o.meetupId) && o.status === 'scheduled' && o.startsAt > soon).map((o) => o.id)
  return { sizes: { district: district.body.length, everything: everything.body.length, emptyPull: emptyPull.wire, emptyDelta: emptyDelta.body.length }, cursor, registrable }
}

async function measureLoads(base: string, cursor: number, registrable: string[]): Promise<Run['loads']> {
  const options = (expect: number[]) => ({ clients: CLIENTS, seconds: SECONDS, expect })
  const gzip = { 'accept-encoding': 'gzip' }
  const district = (n: number) => DISTRICT_SLUGS[n % DISTRICT_SLUGS.length]!
  const firstSync = (n: number) => `/api/v1/sync?since=0&districts=${district(n)}&langs=de&langs=${LANG}`
  const feedOf = (n: number) => `/api/v1/calendar.ics?district=${district(n)}`
  // The goals are for answers from the cache: each district's answer is built once before the clock runs.
  for (let n = 0; n < DISTRICT_SLUGS.length; n++) await Promise.all([get(base, firstSync(n)), get(base, feedOf(n))])
  const empty = await load(base, options([304]), () => ({ path: `/api/v1/sync?since=${cursor}&${SCOPE}`, headers: { 'if-none-match': `W/"${cursor}"` } }))
  const first = await load(base, options([200]), (n) => ({ path: firstSync(n), headers: gzip }))
  const feed = await load(base, options([200]), (n) => ({ path: feedOf(n), headers: gzip }))
  const run = randomBytes(3).toString('hex')
  const registration = await load(base, options([201]), (n) => ({
    method: 'POST',
    path: '/api/v1/registrations',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, // one person per address: the per-address limit does not apply
    },
    body: JSON.stringify({
      occurrenceId: registrable[n % registrable.length],
      name: `Bench ${n} (Beispiel)`,
      email: `bench-${run}-${n}@example.org`,
      workingGroup: 'language',
      consents: { store: { textVersion: CURRENT_CONSENT_VERSION, givenAt: new Date().toISOString() } },
    }),
  }))
  return { empty, district: first, feed, registration }
}

/**
 * On a busy machine a start can fail: Fastify's plugin timeout (10 s) ran out once while the meetup
 * horizon (server/meetups/horizon.plugin.ts) checked the state data's 150 series before listening.
 * Tried three times; the output says how often it failed.
 */
let failedStarts = 0
async function startWithRetries(env: Record<string, string>): Promise<BenchServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServer(PORT, env)
    } catch (error) {
      failedStarts++
      console.error(`  the server did not start (attempt ${attempt}): ${String(error)}`)
      if (attempt === 3) throw error
    }
  }
}

async function bench(kind: DatabaseKind, data: DataSet, withPhone: boolean): Promise<Run> {
  console.error(`${kind}, ${data} data …`)
  const { env, drop } = await prepare(kind, data)
  let server: BenchServer | undefined
  try {
    server = await startWithRetries(env)
    const { sizes, cursor, registrable } = await measureSizes(server.base)
    if (registrable.length === 0) throw new Error('no date to register for')
    const loads = await measureLoads(server.base, cursor, registrable)
    let phone: Run['phone']
    try {
      if (withPhone) phone = { district: await phoneFirstSync(server.base, 'Українська', 'Stendal'), everything: await phoneFirstSync(server.base, 'Українська', undefined) }
    } catch (error) {
      console.error(`  the phone's first sync was not measured: ${String(error)}`) // the server's figures still count
    }
    return { kind, data, sizes, loads, phone }
  } finally {
    await server?.stop()
    await drop()
  }
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`)
const rate = (r: LoadResult) =>
  `${r.perSecond.toFixed(0)}/s, p99 ${r.p99.toFixed(0)} ms${r.errors ? `, **${r.errors} errors** (${Object.entries(r.statuses).map(([s, c]) => `${s}×${c}`).join(' ')})` : ', 0 errors'}`
const applied = (a: ApplyResult) => `${a.applyMs.toFixed(0)} ms to apply ${a.rows} rows (${kb(a.bytes)} br; pull ${a.pullMs.toFixed(0)} ms); long tasks: ${a.longTasks}, longest ${a.longestTaskMs.toFixed(0)} ms`

function table(runs: Run[], load: string): string {
  const cell = (kind: DatabaseKind, data: DataSet, f: (r: Run) => string) => {
    const run = runs.find((r) => r.kind === kind && r.data === data)
    return run ? f(run) : '—'
  }
  const rows: Array<[string, (d: DataSet) => string, string]> = [
    [`First sync, one district (${DISTRICT}), ${LANG} + de, gzip`, (d) => cell('pglite', d, (r) => kb(r.sizes.district)), '≤ 50 KB (state data)'],
    ['First sync, everything (all districts, all languages), gzip', (d) => cell('pglite', d, (r) => kb(r.sizes.everything)), '— (was 39 KB on sample data)'],
    ['Empty pull: 304, whole answer with headers', (d) => cell('pglite', d, (r) => `${r.sizes.emptyPull} B (empty delta without If-None-Match: ${r.sizes.emptyDelta} B)`), '≤ 200 B'],
  ]
  const kinds: DatabaseKind[] = runs.some((r) => r.kind === 'postgres') ? ['pglite', 'postgres'] : ['pglite']
  for (const kind of kinds) {
    const name = kind === 'pglite' ? 'PGlite' : 'PostgreSQL'
    rows.push(
      [`${name}: empty pull (304)`, (d) => cell(kind, d, (r) => rate(r.loads.empty)), kind === 'postgres' ? 'p99 ≤ 20 ms' : '(goal on PostgreSQL)'],
      [`${name}: district first sync (14 districts in turn)`, (d) => cell(kind, d, (r) => rate(r.loads.district)), '≥ 500/s, p99 ≤ 50 ms'],
      [`${name}: calendar feed (14 districts in turn)`, (d) => cell(kind, d, (r) => rate(r.loads.feed)), '≥ 500/s, p99 ≤ 50 ms'],
      [`${name}: registration`, (d) => cell(kind, d, (r) => rate(r.loads.registration)), 'p99 ≤ 200 ms, 0 errors'],
    )
  }
  rows.push(
    ['Phone (Chromium): first sync, Stendal, Українська', (d) => cell('pglite', d, (r) => (r.phone ? applied(r.phone.district) : '—')), 'no long task > 50 ms'],
    ['Phone (Chromium): first sync before a district is chosen, Українська', (d) => cell('pglite', d, (r) => (r.phone ? applied(r.phone.everything) : '—')), 'no long task > 50 ms'],
  )
  return [
    `Scale figures, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${load}; ${CLIENTS} concurrent clients, ${SECONDS} s per rate (node:http keep-alive loop in the same machine).`,
    '',
    '| | sample data | state data | goal |',
    '|---|---|---|---|',
    ...rows.map(([label, f, goal]) => `| ${label} | ${f('sample')} | ${f('state')} | ${goal} |`),
  ].join('\n')
}

const loadText = (l: number[]) => `load average ${l.map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min) on ${cpus().length} cores`
const before = loadavg()
const runs: Run[] = []
for (const kind of ['pglite', ...(process.env.TEST_DATABASE_URL ? ['postgres' as const] : [])] as DatabaseKind[]) {
  for (const data of (['sample', 'state'] as DataSet[]).filter((d) => (process.env.BENCH_DATA ?? d) === d)) {
    try {
      const run = await bench(kind, data, kind === 'pglite')
      console.error(JSON.stringify(run)) // kept even when a later run fails
      runs.push(run)
    } catch (error) {
      console.error(`  ${kind}, ${data} data failed: ${String(error)}`)
    }
  }
}
console.log(table(runs, `${loadText(before)} at the start, ${loadText(loadavg())} at the end`))
if (failedStarts) console.log(`\nThe server did not start in time ${failedStarts} time(s) and was started again.`)
