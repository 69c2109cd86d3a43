/**
 * Loads the generated state-scale data set (server/state-data/state-data.ts) into an empty database:
 *   DATA_DIR=./data-state npm run data:state                                  (PGlite)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/willkommen_state npm run data:state   (PostgreSQL)
 * Start the server on the same database afterwards with DEMO_DATA=false.
 */
import { loadConfigOrExit } from '../server/config.ts'
import { openDatabaseOrExit } from '../server/db/database.ts'
import { migrateToLatest } from '../server/db/migrate.ts'
import { loadStateData } from '../server/state-data/state-data.ts'
import { systemClock } from '../server/clock.ts'

const config = loadConfigOrExit()
const { db, kind } = openDatabaseOrExit({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema })
try {
  await migrateToLatest(db)
  const started = performance.now()
  const result = await loadStateData(db, systemClock())
  console.log(`state data loaded into ${kind} in ${((performance.now() - started) / 1000).toFixed(1)} s:`, result)
} catch (error) {
  console.error(`data:state: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 2
} finally {
  await db.destroy()
}
