import { Kysely, type Dialect, type Driver } from 'kysely'
import { PGlite } from '@electric-sql/pglite'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Database } from './schema.ts'
import { OwnSchemaPostgresDialect } from './own-schema-introspector.ts'
import { DataDirLockedError, lockDataDir } from './data-dir-lock.ts'

export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseKind
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined
  dataDir?: string
  /** PostgreSQL schema to work in (tests isolate themselves in one each). */
  schema?: string | undefined
}

/** One SQL dialect for both: embedded PGlite by default, a PostgreSQL server when a URL is given. */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    })
    return { db: new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }) }), kind: 'postgres' }
  }
  const dataDir = options.dataDir ?? 'memory://'
  if (dataDir.startsWith('memory://')) return { db: new Kysely<Database>({ dialect: new PGliteDialect(new PGlite(dataDir)) }), kind: 'pglite' }
  // One process per folder: the lock is taken before PGlite opens it and given back when the database is closed.
  const release = lockDataDir(dataDir)
  const dialect = releasingOnClose(new PGliteDialect(new PGlite(dataDir)), release)
  return { db: new Kysely<Database>({ dialect }), kind: 'pglite' }
}

function releasingOnClose(dialect: Dialect, release: () => void): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver(): Driver {
      const driver = dialect.createDriver()
      const destroy = driver.destroy.bind(driver)
      driver.destroy = () => destroy().finally(release)
      return driver
    },
  }
}

/** For the entry points (server, scripts): the database, or why the PGlite folder is taken on stderr and exit code 1. */
export function openDatabaseOrExit(options: DatabaseOptions): DatabaseHandle {
  try {
    return openDatabase(options)
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err
    process.stderr.write(`${err.message}\n`)
    process.exit(1)
  }
}
