import { Kysely, type Dialect } from 'kysely'
import { PGlite } from '@electric-sql/pglite'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { Database } from './schema.ts'
import { OwnSchemaPostgresDialect } from './own-schema-introspector.ts'

export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle {
  db: Kysely<Database>
  kind: DatabaseKind
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined
  dataDir?: string
  /** PostgreSQL schema to work in (tests isolate themselves in one each). */
  schema?: string
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
  const dialect: Dialect = new PGliteDialect(new PGlite(options.dataDir ?? 'memory://'))
  return { db: new Kysely<Database>({ dialect }), kind: 'pglite' }
}
