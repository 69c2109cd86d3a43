import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import pg from 'pg'
import { PGlite } from '@electric-sql/pglite'
import { PGliteDialect } from 'kysely-pglite-dialect'
import type { FastifyInstance } from 'fastify'
import { Kysely } from 'kysely'
import { inject, onTestFinished } from 'vitest'
import { buildApp } from '../../server/app.ts'
import { loadConfig, type Config } from '../../server/config.ts'
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../server/db/database.ts'
import type { Database } from '../../server/db/schema.ts'
import type { Clock } from '../../server/clock.ts'
import type { PasswordCost } from '../../server/coordination/auth/password.ts'

/** Server suites run on in-memory PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: DatabaseKind[] = ['pglite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])]

/** scrypt at 1/32 of the production cost: the hashes are real, just cheap (one test checks the full cost). */
export const TEST_PASSWORD_COST: PasswordCost = { N: 2 ** 10, r: 8, p: 1 }

/** A clock standing still at the given instant, for tests whose data is dated. */
export function clockAt(iso: string): Clock {
  return () => new Date(iso)
}

export interface TestApp {
  app: FastifyInstance
  db: Kysely<Database>
  /**
   * Another connection pool on the same database, as a second server process would have (closed when
   * the test ends). PGlite serves one process per folder: there it is the same handle.
   */
  anotherProcessDb: () => Kysely<Database>
}

let template: Promise<Blob> | undefined

/**
 * A database of its own in memory, already migrated: loaded from the tarball that the global setup
 * (pglite-template.ts) made once per run, instead of running initdb and the migrations again.
 */
export async function openMigratedPglite(): Promise<DatabaseHandle> {
  template ??= readFile(inject('pgliteTemplate')).then((bytes) => new Blob([bytes]))
  const pglite = new PGlite({ loadDataDir: await template })
  return { db: new Kysely<Database>({ dialect: new PGliteDialect(pglite) }), kind: 'pglite' }
}

/**
 * A fresh app on a fresh database: a migrated PGlite in memory, or a new PostgreSQL schema dropped afterwards.
 * Closed automatically when the calling test ends.
 */
export async function buildTestApp(kind: DatabaseKind, { now, ...overrides }: Partial<Config> & { now?: Clock } = {}): Promise<TestApp> {
  // Many tests register many people from inject's one address: the limit per client and date is off
  // unless a test sets it (registration-limits.test.ts).
  const config: Config = {
    ...loadConfig({}),
    demoData: false,
    webRoot: '/nonexistent',
    logLevel: 'silent',
    mailPollSeconds: 0,
    registrationsPerClientAndDate: 0,
    ...overrides,
  }
  let database: DatabaseHandle
  let anotherProcessDb = (): Kysely<Database> => database.db
  if (kind === 'postgres') {
    const { schema, handle } = await openEmptyPostgresSchema()
    anotherProcessDb = () => {
      const { db } = openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL!, schema })
      onTestFinished(() => db.destroy())
      return db
    }
    database = handle
  } else {
    database = await openMigratedPglite()
  }
  let app: FastifyInstance
  try {
    app = await buildApp({ config, database, logger: false, passwordCost: TEST_PASSWORD_COST, ...(now ? { now } : {}) })
  } catch (error) {
    await database.db.destroy()
    throw error
  }
  onTestFinished(() => app.close())
  return { app, db: database.db, anotherProcessDb }
}

/**
 * A new, empty PostgreSQL schema (no migrations run), dropped when the calling test ends; the caller
 * closes the handle's pool.
 */
export async function openEmptyPostgresSchema(): Promise<{ schema: string; handle: DatabaseHandle }> {
  const url = process.env.TEST_DATABASE_URL!
  const schema = `test_${randomBytes(6).toString('hex')}`
  await withClient(url, (c) => c.query(`create schema ${schema}`))
  // Registered before anything runs in it, so a failing migration does not leave the schema behind.
  onTestFinished(async () => {
    await withClient(url, (c) => c.query(`drop schema ${schema} cascade`))
  })
  return { schema, handle: openDatabase({ databaseUrl: url, schema }) }
}

/** A new, empty database of the kind (no migrations run), closed when the calling test ends. */
export async function openEmptyDatabase(kind: DatabaseKind): Promise<Kysely<Database>> {
  const { db } = kind === 'postgres' ? (await openEmptyPostgresSchema()).handle : openDatabase({ dataDir: 'memory://' })
  onTestFinished(() => db.destroy())
  return db
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
