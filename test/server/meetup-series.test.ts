import { Migrator, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { buildTestApp, clockAt, DATABASES } from './test-app.ts'
import { openDatabase } from '../../server/db/database.ts'
import * as m0001 from '../../server/db/migrations/0001-meetups.ts'
import * as m0003 from '../../server/db/migrations/0003-meetup-series.ts'
import { insertSampleMeetups, sampleSeries } from '../../server/meetups/sample-meetups.ts'
import { findOccurrenceForRegistration } from '../../server/meetups/occurrence-lookup.ts'
import { saveSeries, type SeriesInput } from '../../server/meetups/series.repository.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'

const NOW = new Date('2026-11-22T10:00:00Z')

function series(overrides: Partial<SeriesInput> = {}): SeriesInput {
  return {
    id: '3f8a1c2e-1111-4222-8333-444455556666',
    kind: 'welcome-table',
    title: { de: 'Welcome Table Test' },
    description: { de: 'Test' },
    district: 'stendal',
    placeName: 'Gemeindesaal',
    address: 'Beispielstraße 1, 39576 Stendal',
    latitude: null,
    longitude: null,
    accessibility: null,
    organiser: 'Beispielverein',
    languages: ['de'],
    audience: ['newcomers'],
    cost: null,
    registrationRequired: true,
    capacity: 12,
    startsLocal: '2026-12-03T17:00',
    durationMinutes: 120,
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
    exceptions: [],
    isSample: false,
    ...overrides,
  }
}

describe.each(DATABASES)('meetup series on %s', (kind) => {
  it('materialises dates with stable ids and finds one for a registration', async () => {
    const { db } = await buildTestApp(kind)
    await db.transaction().execute((trx) => saveSeries(trx, series(), NOW))
    const found = await findOccurrenceForRegistration(db, '3f8a1c2e-1111-4222-8333-444455556666:20261217T1700')
    expect(found).toEqual({
      id: '3f8a1c2e-1111-4222-8333-444455556666:20261217T1700',
      meetupId: '3f8a1c2e-1111-4222-8333-444455556666',
      startsAt: new Date('2026-12-17T16:00:00Z'),
      endsAt: new Date('2026-12-17T18:00:00Z'),
      status: 'scheduled',
      capacity: 12,
      registrationRequired: true,
      district: 'stendal',
    })
    // Summer time: 17:00 in Berlin is 15:00 UTC.
    const summer = await findOccurrenceForRegistration(db, '3f8a1c2e-1111-4222-8333-444455556666:20270408T1700')
    expect(summer?.startsAt).toEqual(new Date('2027-04-08T15:00:00Z'))
    expect(await findOccurrenceForRegistration(db, 'nope:20261217T1700')).toBeUndefined()
    expect(await findOccurrenceForRegistration(db, '3f8a1c2e-1111-4222-8333-444455556666:20261210T1700')).toBeUndefined()
  })

  it('keeps ids on a change, cancels and moves single dates, and raises only what changed', async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt(NOW.toISOString()) })
    await db.transaction().execute((trx) => saveSeries(trx, series(), NOW))
    const res0 = await app.inject({ url: '/api/v1/sync?since=0' })
    const before = res0.json<SyncResponse>()
    const ids = before.changes.meetupOccurrences.map((o) => o.id)
    expect(ids.length).toBeGreaterThan(20)

    await db.transaction().execute((trx) =>
      saveSeries(
        trx,
        series({
          exceptions: [
            { original: '20261217T1700', cancelled: true },
            { original: '20261231T1700', movedTo: '2027-01-02T15:00' },
          ],
        }),
        NOW,
      ),
    )
    const after = (await app.inject({ url: `/api/v1/sync?since=${before.cursor}` })).json<SyncResponse>()
    expect(after.changes.meetups[0]?.revision).toBe(1)
    const byId = new Map(after.changes.meetupOccurrences.map((o) => [o.id, o]))
    expect(byId.get(`${series().id}:20261217T1700`)?.status).toBe('cancelled')
    expect(byId.get(`${series().id}:20261231T1700`)).toMatchObject({ status: 'scheduled', startsAt: '2027-01-02T14:00:00.000Z' })

    // Shorter rule: later dates stay, cancelled; no id changes.
    await db.transaction().execute((trx) => saveSeries(trx, series({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=3' }), NOW))
    const rows = await db.selectFrom('meetup_occurrences').select(['id', 'status']).orderBy('starts_at').execute()
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort())
    // The new version has no exceptions any more, so 17 December is back.
    expect(rows.filter((r) => r.status === 'scheduled').map((r) => r.id)).toEqual(
      ['20261203T1700', '20261217T1700', '20261231T1700'].map((d) => `${series().id}:${d}`),
    )
  })

  it('inserts sample network meetings with registration and capacity', async () => {
    const { db } = await buildTestApp(kind)
    expect(await insertSampleMeetups(db, NOW)).toBe(sampleSeries(NOW).length)
    const network = await db.selectFrom('meetups').selectAll().where('kind', '=', 'network-meeting').execute()
    expect(network.length).toBeGreaterThanOrEqual(4)
    expect(network.every((m) => m.registration_required && m.capacity === 20 && m.audience.includes('partners'))).toBe(true)
    const first = await db.selectFrom('meetup_occurrences').select('id').where('meetup_id', '=', network[0]!.id).orderBy('starts_at').executeTakeFirstOrThrow()
    expect(await findOccurrenceForRegistration(db, first.id)).toMatchObject({ capacity: 20, registrationRequired: true, district: 'magdeburg' })
  })
})

describe('migration 0003 on pglite', () => {
  it('turns each one-off meetup into a series of one date in Berlin wall time', async () => {
    const { db } = openDatabase({ dataDir: 'memory://' })
    const migrations = { '0001-meetups': m0001, '0003-meetup-series': m0003 }
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
    expect((await migrator.migrateTo('0001-meetups')).error).toBeUndefined()
    await sql`insert into meetups (id, kind, title, description, district, place_name, address, languages, starts_at, ends_at, seq)
      values ('0b6f3a52-2a53-4b1e-9f7e-0d4c6a0e2b11', 'language-cafe', '{"de":"Alt"}', '{"de":""}', 'stendal', 'Ort', 'Adresse',
              '{de}', '2026-07-01T15:00:00Z', '2026-07-01T16:30:00Z', nextval('change_seq'))`.execute(db)
    expect((await migrator.migrateToLatest()).error).toBeUndefined()
    const row = await db.selectFrom('meetups').select(['starts_local', 'duration_minutes', 'rrule']).executeTakeFirstOrThrow()
    expect(row).toEqual({ starts_local: '2026-07-01T17:00', duration_minutes: 90, rrule: null })
    const occ = await db.selectFrom('meetup_occurrences').selectAll().executeTakeFirstOrThrow()
    expect(occ).toMatchObject({ id: '0b6f3a52-2a53-4b1e-9f7e-0d4c6a0e2b11:20260701T1700', status: 'scheduled', starts_at: new Date('2026-07-01T15:00:00Z') })
    await db.destroy()
  })
})
