import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../server/db/database.ts'

/** An app for a benchmark on in-memory PGlite or, with TEST_DATABASE_URL, a fresh PostgreSQL schema; `close` drops it. */
export async function benchApp(kind: DatabaseKind): Promise<{ app: FastifyInstance; database: DatabaseHandle; close: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL
  const schema = `bench_${randomBytes(4).toString('hex')}`
  if (kind === 'postgres') await sql(url!, `create schema ${schema}`)
  const database = kind === 'postgres' ? openDatabase({ databaseUrl: url, schema }) : openDatabase({ dataDir: 'memory://' })
  const app = await buildApp({ config: { ...loadConfig({}), demoData: false, webRoot: '/nonexistent', logLevel: 'silent' }, database, logger: false })
  return {
    app,
    database,
    close: async () => {
      await app.close()
      if (kind === 'postgres') await sql(url!, `drop schema ${schema} cascade`)
    },
  }
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(text)
  await client.end()
}
