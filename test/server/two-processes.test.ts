import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../server/db/database.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import type { Database } from '../../server/db/schema.ts'
import { upsertCoordinator } from '../../server/coordination/coordinators.repository.ts'
import { consents, insertEventDate, registration } from './volunteering-fixtures.ts'
import { PASSWORD } from './coordination-fixtures.ts'
import { TEST_PASSWORD_COST } from './test-app.ts'

const url = process.env.TEST_DATABASE_URL
const SERVER = new URL('../../server/server.ts', import.meta.url).pathname
const DAY = 24 * 3600_000
/** Generous: two servers start at once on a machine that may be busy with other work. */
const START_MS = 240_000

interface Server {
  base: string
  child: ChildProcess
  /** The server's log lines (pino JSON). */
  log: Array<Record<string, unknown>>
}

/** A real `node server/server.ts` on a free port, on the given PostgreSQL schema; resolves once it listens. */
function startServer(schema: string): Promise<Server> {
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      DEMO_DATA: 'false',
      WEB_ROOT: '/nonexistent',
      LOG_LEVEL: 'info',
      LOGIN_ATTEMPTS: '4',
      LOGIN_ATTEMPTS_PER_ADDRESS: '8',
      // Every registration comes from this one address: the per-client limit is tested in registration-limits.test.ts.
      REGISTRATIONS_PER_CLIENT_AND_DATE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log: Server['log'] = []
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>
      log.push(entry)
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(entry.msg))
      if (listening) resolve({ base: listening[1]!, child, log })
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening:\n${stderr}`)))
  })
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return
  const exited = new Promise((resolve) => server.child.once('exit', resolve))
  server.child.kill('SIGTERM')
  await exited
}

const post = (server: Server, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

/** The erased-by-now registrations of a date that ended 200 days ago. */
async function insertOldRegistrations(db: Kysely<Database>, count: number): Promise<string> {
  const endedAt = new Date(Date.now() - 200 * DAY)
  const occurrenceId = await insertEventDate(db, { startsAt: new Date(endedAt.getTime() - 2 * 3600_000) })
  // A one-off in 2020: the meetup-date job plans nothing for it and leaves the old date as it is.
  await db.updateTable('meetups').set({ starts_local: '2020-01-01T10:00' }).where('id', '=', occurrenceId.split(':')[0]!).execute()
  for (let n = 0; n < count; n++) {
    const r = registration(occurrenceId, n)
    await db
      .insertInto('registrations')
      .values({
        id: randomUUID(),
        occurrence_id: occurrenceId,
        status: 'confirmed',
        name: r.name,
        organisation: r.organisation,
        email: r.email,
        working_group: r.workingGroup,
        consents: JSON.stringify(consents(false)),
        locale: 'de',
        event_ends_at: endedAt,
        manage_token_hash: randomBytes(32).toString('hex'),
      })
      .execute()
  }
  return occurrenceId
}

describe.skipIf(!url)('two server processes on one PostgreSQL (needs TEST_DATABASE_URL; skipped without it)', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`
  let db: Kysely<Database>
  let servers: Server[] = []
  let oldDate: string

  beforeAll(async () => {
    const admin = openDatabase({ databaseUrl: url })
    await admin.db.schema.createSchema(schema).execute()
    await admin.db.destroy()
    db = openDatabase({ databaseUrl: url, schema }).db
    await migrateToLatest(db)
    await upsertCoordinator(db, { email: 'anna@example.org', password: PASSWORD, role: 'admin', districts: [] }, TEST_PASSWORD_COST)
    oldDate = await insertOldRegistrations(db, 3)
    // Both start at once: start-up writes take turns, and both ask for the retention job.
    servers = await Promise.all([startServer(schema), startServer(schema)])
  }, START_MS)

  afterAll(async () => {
    await Promise.all(servers.map(stopServer))
    await db?.destroy()
    const admin = openDatabase({ databaseUrl: url })
    await admin.db.schema.dropSchema(schema).ifExists().cascade().execute()
    await admin.db.destroy()
  }, 60_000)

  it('runs the retention job once, in one of them, and erases what is due', async () => {
    const runs = servers.flatMap((s) => s.log).filter((l) => l.msg === 'job ran' && l.job === 'retention')
    expect(runs).toHaveLength(1)
    expect(runs[0]!.result).toMatchObject({ registrations: 3 })
    const rows = await db.selectFrom('registrations').select(['name', 'email', 'erased_at']).where('occurrence_id', '=', oldDate).execute()
    expect(rows).toHaveLength(3)
    expect(rows.every((r) => r.name === null && r.email === null && r.erased_at !== null)).toBe(true)
    expect(servers.flatMap((s) => s.log).filter((l) => l.msg === 'job ran' && l.job === 'meetup-horizon')).toHaveLength(1)
  })

  it('never fills a date beyond its capacity with registrations split across both, and answers each replay as the first time', { timeout: 120_000 }, async () => {
    const date = await insertEventDate(db, { capacity: 5 })
    const sends = Array.from({ length: 12 }, (_, n) => {
      const key = randomUUID()
      // The same submission to both processes at once, as a phone retrying through another route might.
      return Promise.all(
        servers.map(async (server) => {
          const res = await post(server, '/api/v1/registrations', registration(date, n), { 'idempotency-key': key })
          return { status: res.status, body: (await res.json()) as { id: string; status: string; manageToken: string } }
        }),
      )
    })
    const pairs = await Promise.all(sends)
    for (const [a, b] of pairs) {
      expect(a!.status).toBe(201)
      expect(b).toEqual(a)
    }
    const statuses = pairs.map(([a]) => a!.body.status).sort()
    expect(statuses).toEqual([...Array(5).fill('confirmed'), ...Array(7).fill('waitlisted')])
    const stored = await db.selectFrom('registrations').select('status').where('occurrence_id', '=', date).execute()
    expect(stored.map((r) => r.status).sort()).toEqual(statuses)
  })

  it('shares sessions, and throttles logins beyond the limits as one server would', { timeout: 120_000 }, async () => {
    const ok = await post(servers[0]!, '/api/v1/coordination/login', { email: 'anna@example.org', password: PASSWORD })
    expect(ok.status).toBe(200)
    const cookie = ok.headers.getSetCookie()[0]!.split(';')[0]!
    expect((await fetch(`${servers[1]!.base}/api/v1/coordination/me`, { headers: { cookie } })).status).toBe(200)

    const attempt = (n: number, email: string) => post(servers[n % 2]!, '/api/v1/coordination/login', { email, password: `guess ${n}` })
    const codes = async (emails: string[]) => (await Promise.all(emails.map((email, n) => attempt(n, email)))).map((r) => r.status).sort()
    // Per address and account (LOGIN_ATTEMPTS=4): ten guesses at once, five to each process.
    expect(await codes(Array(10).fill('anna@example.org'))).toEqual([...Array(4).fill(401), ...Array(6).fill(429)])
    // Per address (LOGIN_ATTEMPTS_PER_ADDRESS=8): four more tries are left, whatever the account.
    expect(await codes(Array.from({ length: 10 }, (_, n) => `someone${n}@example.org`))).toEqual([...Array(4).fill(401), ...Array(6).fill(429)])
  })
})
