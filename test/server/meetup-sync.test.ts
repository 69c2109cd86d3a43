import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { fetchFrom } from './phone-fetch.ts'
import { WillkommenDb } from '../../src/db/db.ts'
import { pull } from '../../src/sync/pull.ts'
import { sampleSeries, insertSampleMeetups } from '../../server/meetups/sample-meetups.ts'
import { saveSeries } from '../../server/meetups/series.repository.ts'

describe.each(DATABASES)('meetup dates on the phone, %s', (kind) => {
  it('a cancelled date reaches the phone at its next sync, under the same id', async () => {
    const { app, db } = await buildTestApp(kind)
    const now = new Date()
    await insertSampleMeetups(db, now)
    const phone = new WillkommenDb(`phone-${crypto.randomUUID()}`)
    await pull(phone, fetchFrom(app))

    const stendal = sampleSeries(now).find((s) => s.district === 'stendal' && s.kind === 'welcome-table')!
    const dates = await phone.meetupOccurrences.where('meetupId').equals(stendal.id).sortBy('startsAt')
    expect(dates.length).toBeGreaterThan(10)
    expect(dates.every((d) => d.status === 'scheduled' && d.district === 'stendal')).toBe(true)
    const second = dates[1]!

    // The phone is offline while the organiser cancels the second date.
    await db.transaction().execute((trx) => saveSeries(trx, { ...stendal, exceptions: [{ original: second.originalStart, cancelled: true }] }, now))
    expect((await phone.meetupOccurrences.get(second.id))?.status).toBe('scheduled')

    await pull(phone, fetchFrom(app))
    expect((await phone.meetupOccurrences.get(second.id))?.status).toBe('cancelled')
    expect((await phone.meetups.get(stendal.id))?.revision).toBe(1)
    expect(await phone.meetupOccurrences.where('meetupId').equals(stendal.id).count()).toBe(dates.length)
    await phone.delete()
  })
})
