/**
 * Creates a coordinator account (or resets its password, role and districts):
 *   npm run coordinator:add -- --email anna@example.org --district stendal [--district harz] [--role admin]
 * The first account ever created is an admin unless --role says otherwise. The password is asked for
 * on the terminal (not shown), or read from the first line of stdin, or from COORDINATOR_PASSWORD.
 * Uses the same database settings as the server (DATABASE_URL or DATA_DIR); on PGlite it refuses to run while a server holds the folder: stop it first.
 */
import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline'
import { loadConfigOrExit } from '../server/config.ts'
import { openDatabaseOrExit } from '../server/db/database.ts'
import { migrateToLatest } from '../server/db/migrate.ts'
import { countCoordinators, upsertCoordinator } from '../server/coordination/coordinators.repository.ts'
import { writeAudit } from '../server/coordination/audit/audit.ts'
import { DISTRICT_SLUGS } from '../src/shared/districts.ts'

const MIN_PASSWORD = 12

function fail(message: string): never {
  console.error(`coordinator:add: ${message}`)
  process.exit(2)
}

async function readPassword(): Promise<string> {
  if (process.env.COORDINATOR_PASSWORD) return process.env.COORDINATOR_PASSWORD
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY })
  if (process.stdin.isTTY) {
    // Hide what is typed: write the prompt, then swallow the echo.
    process.stdout.write('Password (not shown): ')
    ;(rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {}
  }
  const line = await new Promise<string>((resolve) => rl.once('line', resolve).once('close', () => resolve('')))
  rl.close()
  if (process.stdin.isTTY) process.stdout.write('\n')
  return line
}

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    district: { type: 'string', multiple: true, default: [] },
    role: { type: 'string' },
  },
})
if (!values.email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) fail('give --email with an e-mail address')
const districts = values.district.flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean)
const unknown = districts.filter((d) => !DISTRICT_SLUGS.includes(d))
if (unknown.length) fail(`unknown district ${unknown.join(', ')}; one of: ${DISTRICT_SLUGS.join(', ')}`)
if (values.role && values.role !== 'admin' && values.role !== 'coordinator') fail('--role is admin or coordinator')

const config = loadConfigOrExit()
const { db, kind } = openDatabaseOrExit({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema })
try {
  await migrateToLatest(db)
  const role = (values.role as 'admin' | 'coordinator' | undefined) ?? ((await countCoordinators(db)) === 0 ? 'admin' : 'coordinator')
  if (role === 'coordinator' && districts.length === 0) fail('a coordinator needs at least one --district')
  const password = await readPassword()
  if (password.length < MIN_PASSWORD) fail(`the password needs at least ${MIN_PASSWORD} characters`)
  const { id, created } = await upsertCoordinator(db, { email: values.email, password, role, districts })
  await writeAudit(db, {
    actor: 'system',
    action: created ? 'coordinator.create' : 'coordinator.reset',
    entity: 'coordinator',
    entityId: id,
    district: null,
    details: { role, districts },
  })
  console.log(`${created ? 'Created' : 'Updated'} ${role} ${values.email.toLowerCase()}${role === 'coordinator' ? ` for ${districts.join(', ')}` : ''} (${kind}).`)
} finally {
  await db.destroy()
}
