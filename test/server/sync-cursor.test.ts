import { describe, expect, it } from 'vitest'
import { sql, type Kysely } from 'kysely'
import { buildTestApp, DATABASES } from './test-app.ts'
import type { Database } from '../../server/db/schema.ts'
import { readDelta } from '../../server/sync/sync.routes.ts'
import { nextChangeSeq, recordDeletion } from '../../server/sync/change-seq.ts'
import { syncWindow, type SyncRead } from '../../server/sync/sync-scope.ts'
import { addedPartitions, keeps, normalizeScope, NOTHING_ADDED, sameScope, type SyncScope } from '../../src/shared/sync-scope.ts'

// Rows partitioned by district and language, written through the shared change functions, read
// through the shared sync window: the same machinery every synced entity uses.
const DISTRICTS = ['boerde', 'harz', 'stendal']
const LANGS = ['ar', 'de', 'uk']
interface Row {
  id: string
  district: string | null
  lang: string | null
  version: number
}

function random(seed: number): () => number {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
}

async function createTable(db: Kysely<Database>): Promise<void> {
  await sql`create table scoped_rows (id text primary key, district text, lang text, version integer not null, seq integer not null)`.execute(db)
}

const source = async (db: Kysely<Database>, read: SyncRead) => {
  const { rows } = await sql<Row & { seq: number }>`
    select * from scoped_rows where ${syncWindow(read, { seq: 'seq', district: 'district', lang: 'lang' })}`.execute(db)
  return rows.map(({ seq, ...item }) => ({ seq, item }))
}

async function write(db: Kysely<Database>, rnd: () => number, truth: Map<string, Row>, n: number): Promise<void> {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!
  const ids = [...truth.keys()]
  const op = ids.length === 0 ? 'insert' : pick(['insert', 'insert', 'update', 'move', 'delete'])
  await db.transaction().execute(async (trx) => {
    if (op === 'insert') {
      const row: Row = { id: `r${n}`, district: pick([null, ...DISTRICTS]), lang: pick([null, ...LANGS]), version: n }
      const seq = await nextChangeSeq(trx, row)
      await sql`insert into scoped_rows values (${row.id}, ${row.district}, ${row.lang}, ${row.version}, ${seq})`.execute(trx)
      truth.set(row.id, row)
      return
    }
    const old = truth.get(pick(ids))!
    if (op === 'delete') {
      await sql`delete from scoped_rows where id = ${old.id}`.execute(trx)
      await recordDeletion(trx, 'scopedRows', old.id, old)
      truth.delete(old.id)
      return
    }
    const row: Row = op === 'move' ? { ...old, district: pick([null, ...DISTRICTS]), lang: pick([null, ...LANGS]), version: n } : { ...old, version: n }
    if (row.district !== old.district || row.lang !== old.lang) await recordDeletion(trx, 'scopedRows', old.id, old)
    const seq = await nextChangeSeq(trx, row)
    await sql`update scoped_rows set district = ${row.district}, lang = ${row.lang}, version = ${row.version}, seq = ${seq} where id = ${row.id}`.execute(trx)
    truth.set(row.id, row)
  })
}

function randomScope(rnd: () => number): SyncScope {
  const some = (values: string[]) => values.filter(() => rnd() < 0.5)
  const districts = rnd() < 0.15 ? 'all' : some(DISTRICTS)
  return normalizeScope({ districts: districts === 'all' || districts.length ? districts : [DISTRICTS[0]!], langs: some(LANGS) })
}

describe.each(DATABASES)('cursors per scope on %s', (kind) => {
  it('no row is skipped or sent twice while writes, moves, deletions and scope changes interleave', async () => {
    const { db } = await buildTestApp(kind)
    await createTable(db)
    let n = 0
    for (const seed of [1, 7, 42, 1234]) {
      await sql`truncate scoped_rows`.execute(db)
      const rnd = random(seed)
      const truth = new Map<string, Row>()
      const phone = new Map<string, Row>()
      let scope = randomScope(rnd)
      let cursor = 0
      for (let step = 0; step < 30; step++) {
        for (let w = Math.floor(rnd() * 4); w > 0; w--) await write(db, rnd, truth, ++n)
        const held = scope
        if (rnd() < 0.3) scope = randomScope(rnd)
        const read: SyncRead = { since: cursor, scope, added: cursor > 0 ? addedPartitions(held, scope, DISTRICTS) : NOTHING_ADDED }
        const delta = (await readDelta(db, read, new Date(), { scopedRows: source })) as unknown as { cursor: number; changes: { scopedRows: Row[] }; deleted: { scopedRows: string[] } }
        for (const row of delta.changes.scopedRows) {
          expect(phone.get(row.id), `seed ${seed} step ${step}: ${row.id} v${row.version} sent again`).not.toEqual(row)
          phone.set(row.id, row)
        }
        for (const id of delta.deleted.scopedRows) phone.delete(id)
        if (!sameScope(held, scope)) for (const [id, row] of phone) if (!keeps(scope, 'scopedRows', row)) phone.delete(id)
        expect(delta.cursor).toBeGreaterThanOrEqual(cursor)
        cursor = delta.cursor
        const wanted = [...truth.values()].filter((row) => keeps(scope, 'scopedRows', row))
        expect(new Map(wanted.map((r) => [r.id, r])), `seed ${seed} step ${step}`).toEqual(phone)
      }
    }
  })
})
