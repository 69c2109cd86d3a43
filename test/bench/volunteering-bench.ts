/**
 * Concurrency and idempotency figures for the volunteering API, on PGlite and (with
 * TEST_DATABASE_URL) PostgreSQL: node test/bench/volunteering-bench.ts
 */
import { randomUUID } from 'node:crypto'
import type { DatabaseKind } from '../../server/db/database.ts'
import { benchApp } from './bench-app.ts'
import { clientAddress, insertEventDate, postJson, registration, tandemOffer } from '../server/volunteering-fixtures.ts'

const SEATS = 20
const REGISTRATIONS = 300
const REPLAYS = 50

async function bench(kind: DatabaseKind): Promise<void> {
  const { app, database, close } = await benchApp(kind)
  const { db } = database
  try {
    const occurrenceId = await insertEventDate(db, { capacity: SEATS })
    let t = performance.now()
    const answers = await Promise.all(
      Array.from({ length: REGISTRATIONS }, (_, n) => app.inject(postJson('/api/v1/registrations', registration(occurrenceId, n), randomUUID(), clientAddress(n)))),
    )
    const ms = performance.now() - t
    const count = (status: string) => answers.filter((a) => a.statusCode === 201 && a.json().status === status).length
    const rows = await db.selectFrom('registrations').select('status').where('occurrence_id', '=', occurrenceId).execute()
    console.log(
      `${kind}: ${REGISTRATIONS} parallel registrations for ${SEATS} places → ${count('confirmed')} confirmed, ${count('waitlisted')} waitlisted, ` +
        `${answers.filter((a) => a.statusCode !== 201).length} errors; rows: ${rows.length} (${rows.filter((r) => r.status === 'confirmed').length} confirmed) ` +
        `in ${ms.toFixed(0)} ms (${((ms / REGISTRATIONS) * 1000).toFixed(0)} µs per registration)`,
    )

    const key = randomUUID()
    t = performance.now()
    const replays = await Promise.all(Array.from({ length: REPLAYS }, () => app.inject(postJson('/api/v1/tandems', tandemOffer(), key))))
    const replayMs = performance.now() - t
    const tandems = await db.selectFrom('tandems').select('id').execute()
    console.log(
      `${kind}: one Idempotency-Key sent ${REPLAYS}× at once → statuses ${[...new Set(replays.map((r) => r.statusCode))].join(',')}, ` +
        `${new Set(replays.map((r) => r.body)).size} distinct answer(s), ${tandems.length} row(s) in ${replayMs.toFixed(0)} ms`,
    )

    t = performance.now()
    for (let i = 0; i < REPLAYS; i++) await app.inject(postJson('/api/v1/tandems', tandemOffer(), key, clientAddress(1000 + i)))
    console.log(`${kind}: ${REPLAYS} sequential replays: ${((performance.now() - t) / REPLAYS).toFixed(1)} ms each; rows still ${(await db.selectFrom('tandems').select('id').execute()).length}`)
  } finally {
    await close()
  }
}

await bench('pglite')
if (process.env.TEST_DATABASE_URL) await bench('postgres')
