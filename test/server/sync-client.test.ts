import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { fetchFrom } from './phone-fetch.ts'
import { WillkommenDb } from '../../src/db/db.ts'
import { pull, type Fetch } from '../../src/sync/pull.ts'
import { readCursor } from '../../src/sync/apply-delta.ts'
import { insertSampleMeetups } from '../../server/meetups/sample-meetups.ts'
import { deleteSeries } from '../../server/meetups/series.repository.ts'

describe.each(DATABASES)('phone ⇄ server sync on %s', (kind) => {
  it('brings the server state into IndexedDB and follows deletions', async () => {
    const { app, db } = await buildTestApp(kind)
    const count = await insertSampleMeetups(db, new Date())
    const phone = new WillkommenDb(`phone-${crypto.randomUUID()}`)

    await pull(phone, fetchFrom(app))
    expect(await phone.meetups.count()).toBe(count)
    const cursor = await readCursor(phone)

    const [victim] = await db.selectFrom('meetups').select('id').limit(1).execute()
    await db.transaction().execute(async (trx) => {
      await deleteSeries(trx, victim!.id)
    })
    await pull(phone, fetchFrom(app))
    expect(await phone.meetups.count()).toBe(count - 1)
    expect(await phone.meetups.get(victim!.id)).toBeUndefined()
    expect(await phone.meetupOccurrences.where('meetupId').equals(victim!.id).count()).toBe(0)
    expect(await readCursor(phone)).toBeGreaterThan(cursor)
    await phone.delete()
  })

  it('keeps what the phone has when the server answers with an error', async () => {
    const { app, db } = await buildTestApp(kind)
    await insertSampleMeetups(db, new Date())
    const phone = new WillkommenDb(`phone-${crypto.randomUUID()}`)
    await pull(phone, fetchFrom(app))
    const before = await phone.meetups.count()
    const failing: Fetch = async () => new Response('{}', { status: 503 })
    await expect(pull(phone, failing)).rejects.toThrow('503')
    expect(await phone.meetups.count()).toBe(before)
    await phone.delete()
  })
})
