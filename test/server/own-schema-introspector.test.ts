import { randomBytes } from 'node:crypto'
import { Kysely, PostgresIntrospector, sql, type DatabaseIntrospector } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { OwnSchemaIntrospector, OwnSchemaPostgresDialect } from '../../server/db/own-schema-introspector.ts'

const url = process.env.TEST_DATABASE_URL

/** A schema with one table, on a pool whose search_path is that schema. */
async function schemaWithTable(table: string) {
  const name = `introspect_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema ${name}; create table ${name}.${table} (id serial primary key, label text not null)`)
  await admin.end()
  const db = new Kysely<unknown>({ dialect: new OwnSchemaPostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${name}` }) }) })
  return { name, db }
}

/** Creates and drops other schemas with tables in them, as parallel tests and other apps do, until stopped. */
function churnOtherSchemas() {
  let running = true
  const done = (async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    while (running) {
      const other = `churn_${randomBytes(5).toString('hex')}`
      await client.query(`create schema ${other}; create table ${other}.t (id serial primary key)`)
      await client.query(`drop schema ${other} cascade`)
    }
    await client.end()
  })()
  return async () => {
    running = false
    await done
  }
}

async function failuresWhileChurning(introspector: DatabaseIntrospector, rounds: number): Promise<number> {
  const stop = churnOtherSchemas()
  let failures = 0
  for (let i = 0; i < rounds; i++) {
    await introspector.getTables({ withInternalKyselyTables: true }).catch(() => failures++)
  }
  await stop()
  return failures
}

describe.runIf(url)('the migrator looks only at its own PostgreSQL schema', () => {
  const opened: { name: string; db: Kysely<unknown> }[] = []
  afterAll(async () => {
    for (const { name, db } of opened) {
      await sql.raw(`drop schema ${name} cascade`).execute(db)
      await db.destroy()
    }
  })

  it('lists the tables of its own schema, with their columns, and none of another', async () => {
    const own = await schemaWithTable('people')
    const other = await schemaWithTable('elsewhere')
    opened.push(own, other)
    const tables = await own.db.introspection.getTables()
    expect(tables.map((t) => [t.schema, t.name])).toEqual([[own.name, 'people']])
    expect(tables[0]!.columns.map((c) => [c.name, c.isNullable, c.isAutoIncrementing])).toEqual([
      ['id', false, true],
      ['label', false, false],
    ])
  })

  it('keeps working while other schemas are created and dropped (Kysely\'s own introspector does not)', { timeout: 120_000 }, async () => {
    const own = await schemaWithTable('people')
    opened.push(own)
    // The failure this guards against: Kysely's introspector checks every schema by name, and one dropped
    // meanwhile ends the query with "schema … does not exist". Shown here first, so the test can fail.
    const kyselyFailures = await failuresWhileChurning(new PostgresIntrospector(own.db), 300)
    expect(kyselyFailures, 'the race reproduces with Kysely\'s introspector').toBeGreaterThan(0)
    expect(await failuresWhileChurning(new OwnSchemaIntrospector(own.db), 300)).toBe(0)
  })
})
