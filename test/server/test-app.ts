import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { onTestFinished } from 'vitest'
import { buildApp } from '../../server/app.ts'
import { loadConfig, type Config } from '../../server/config.ts'
import { openDatabase, type DatabaseKind } from '../../server/db/database.ts'
import type { Database } from '../../server/db/schema.ts'

/** Server suites run on in-memory PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set. */
export const DATABASES: DatabaseKind[] = ['pglite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])]

export interface TestApp {
  app: FastifyInstance
  db: Kysely<Database>
}

/**
 * A fresh app on a fresh database: PGlite in memory, or a new PostgreSQL schema dropped afterwards.
 * Closed automatically when the calling test ends.
 */
export async function buildTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApp> {
  const config: Config = { ...loadConfig({}), demoData: false, webRoot: '/nonexistent', logLevel: 'silent', ...overrides }
  let database
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL!
    const schema = `test_${randomBytes(6).toString('hex')}`
    await withClient(url, (c) => c.query(`create schema ${schema}`))
    // Registered before the app starts, so a failing migration does not leave the schema behind.
    onTestFinished(async () => {
      await withClient(url, (c) => c.query(`drop schema ${schema} cascade`))
    })
    database = openDatabase({ databaseUrl: url, schema })
  } else {
    database = openDatabase({ dataDir: 'memory://' })
  }
  let app: FastifyInstance
  try {
    app = await buildApp({ config, database, logger: false })
  } catch (error) {
    await database.db.destroy()
    throw error
  }
  onTestFinished(() => app.close())
  return { app, db: database.db }
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
