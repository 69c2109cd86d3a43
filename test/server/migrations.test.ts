import { sql, type Kysely, type MigrationResultSet } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../server/db/database.ts'
import type { Database } from '../../server/db/schema.ts'
import { createMigrator, MIGRATION_NAMES } from '../../server/db/migrate.ts'

/** Tables with their columns, indexes and constraints in the current schema (the migration table left out). */
async function schemaOf(db: Kysely<Database>): Promise<string[]> {
  const columns = await sql<{ line: string }>`
    select table_name || '.' || column_name || ' ' || data_type || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') as line
    from information_schema.columns where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(db)
  const indexes = await sql<{ line: string }>`
    select indexdef as line from pg_indexes where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(db)
  const constraints = await sql<{ line: string }>`
    select c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) as line
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = current_schema() and c.conrelid::regclass::text not like 'kysely_%'`.execute(db)
  return [...columns.rows, ...indexes.rows, ...constraints.rows].map((r) => r.line).sort()
}

function ok({ error, results }: MigrationResultSet): void {
  if (error) throw error instanceof Error ? error : new Error(String(error))
  expect(results?.every((r) => r.status === 'Success')).toBe(true)
}

describe('every migration goes up, down and up again', () => {
  const { db } = openDatabase({ dataDir: 'memory://' })
  afterAll(() => db.destroy())

  it('leaves the schema as the migration before it after down, and as it was after up again', { timeout: 300_000 }, async () => {
    const migrator = await createMigrator(db)
    let before = await schemaOf(db)
    expect(before).toEqual([])
    for (const name of MIGRATION_NAMES) {
      ok(await migrator.migrateUp())
      const after = await schemaOf(db)
      expect(after, `${name} changes the schema`).not.toEqual(before)
      ok(await migrator.migrateDown())
      expect(await schemaOf(db), `${name} down`).toEqual(before)
      ok(await migrator.migrateUp())
      expect(await schemaOf(db), `${name} up again`).toEqual(after)
      before = after
    }
    // Kysely runs and lists them in name order (a lower number may land after a higher one).
    expect((await migrator.getMigrations()).map((m) => [m.name, m.executedAt !== undefined])).toEqual([...MIGRATION_NAMES].sort().map((n) => [n, true]))
  })
})
