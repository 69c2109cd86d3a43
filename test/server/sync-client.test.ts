import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { fetchFrom } from './phone-fetch.ts'
import { WillkommenDb } from '../../src/db/db.ts'
import { pull, type Fetch } from '../../src/sync/pull.ts'
import { CURSOR_KEY, readCursor } from '../../src/sync/apply-delta.ts'
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

  it('starts again from 0 when the server no longer knows the cursor, replacing what the phone had', async () => {
    const { app, db } = await buildTestApp(kind)
    const count = await insertSampleMeetups(db, new Date())
    const phone = new WillkommenDb(`phone-${crypto.randomUUID()}`)
    await pull(phone, fetchFrom(app))
    const cursor = await readCursor(phone)
    // As after the server's database was restored from an older backup: the phone is ahead, and holds a row
    // the server does not have any more.
    const stray = { ...(await phone.meetups.toCollection().first())!, id: 'gone-from-the-server' }
    await phone.meetups.put(stray)
    await phone.meta.put({ key: CURSOR_KEY, value: cursor + 1000 })

    await pull(phone, fetchFrom(app))
    expect(await readCursor(phone)).toBe(cursor)
    expect(await phone.meetups.count()).toBe(count)
    expect(await phone.meetups.get('gone-from-the-server')).toBeUndefined()
    await phone.delete()
  })
})
