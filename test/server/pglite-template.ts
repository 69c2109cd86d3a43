import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import type { TestProject } from 'vitest/node'
import type { Database } from '../../server/db/schema.ts'
import { migrateToLatest } from '../../server/db/migrate.ts'
import { loadGuideContent } from '../../server/guide/guide-content.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data folder; each server test starts its own database from it. */
    pgliteTemplate: string
  }
}

/**
 * Global setup of the server suite: creating a PGlite database (initdb) and migrating it takes seconds,
 * so it is done once per run; each test then loads its own copy of the result (about half a second).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const pglite = await PGlite.create('memory://')
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
  await migrateToLatest(db)
  await loadGuideContent(db) // as every start does; buildApp then finds nothing to change
  const dump = await pglite.dumpDataDir('none')
  await db.destroy()
  const dir = await mkdtemp(join(tmpdir(), 'willkommen-pglite-'))
  const file = join(dir, 'migrated.tar')
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()))
  project.provide('pgliteTemplate', file)
  return () => rm(dir, { recursive: true, force: true })
}
