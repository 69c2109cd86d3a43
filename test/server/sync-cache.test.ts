import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { buildTestApp, clockAt, DATABASES } from './test-app.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import { insertSampleMeetups, sampleSeries } from '../../server/meetups/sample-meetups.ts'
import { saveSeries } from '../../server/meetups/series.repository.ts'

const NOW = '2026-11-22T10:00:00Z'
const FIRST = '/api/v1/sync?since=0&districts=stendal&langs=uk'

describe.each(DATABASES)('cheap pulls on %s', (kind) => {
  it('serves a first sync compressed with an ETag, 304 while nothing changed, and the change as soon as there is one', async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt(NOW) })
    const now = new Date(NOW)
    await insertSampleMeetups(db, now)
    const first = await app.inject({ url: FIRST, headers: { 'accept-encoding': 'gzip' } })
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-encoding']).toBe('gzip')
    const delta = JSON.parse(gunzipSync(first.rawPayload).toString()) as SyncResponse
    expect(delta.changes.meetups.map((m) => m.district)).toContain('stendal')
    expect(first.headers.etag).toBe(`W/"${delta.cursor}"`)
    const brotli = await app.inject({ url: FIRST, headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(JSON.parse(brotliDecompressSync(brotli.rawPayload).toString())).toEqual(delta)

    const again = await app.inject({ url: FIRST, headers: { 'if-none-match': first.headers.etag as string } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')

    // A change elsewhere leaves Stendal's answer as it was …
    const harz = sampleSeries(now).find((s) => s.district === 'harz')!
    await db.transaction().execute((trx) => saveSeries(trx, { ...harz, title: { de: 'Anders' } }, now))
    expect((await app.inject({ url: FIRST, headers: { 'if-none-match': first.headers.etag as string } })).statusCode).toBe(304)
    // … a change in Stendal is in the very next answer.
    const stendal = sampleSeries(now).find((s) => s.district === 'stendal')!
    await db.transaction().execute((trx) => saveSeries(trx, { ...stendal, title: { de: 'Neu in Stendal' } }, now))
    const changed = await app.inject({ url: FIRST, headers: { 'if-none-match': first.headers.etag as string } })
    expect(changed.statusCode).toBe(200)
    expect(changed.json<SyncResponse>().changes.meetups.find((m) => m.id === stendal.id)?.title).toEqual({ de: 'Neu in Stendal' })

    // A pull with nothing new: an empty delta, or — as the phone asks, with its cursor as ETag — 304 without a body.
    const { cursor } = changed.json<SyncResponse>()
    const empty = await app.inject({ url: `/api/v1/sync?since=${cursor}&districts=stendal&langs=uk` })
    expect(empty.json<SyncResponse>()).toMatchObject({ cursor, changes: { meetups: [], guideTexts: [] }, deleted: { meetups: [] } })
    const none = await app.inject({ url: `/api/v1/sync?since=${cursor}&districts=stendal&langs=uk`, headers: { 'if-none-match': `W/"${cursor}"` } })
    expect(none.statusCode).toBe(304)
    expect(none.body).toBe('')
    // Only what a cache needs to update its copy (RFC 9110, 15.4.5): the page's security headers and the
    // body's type and length were six times the 200 bytes an empty pull may cost.
    expect(Object.keys(none.headers).sort()).toEqual(['cache-control', 'connection', 'date', 'etag'])
  })

  it('serves the calendar feed from its cache until the district’s meetups change', async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt(NOW) })
    const now = new Date(NOW)
    await insertSampleMeetups(db, now)
    const url = '/api/v1/calendar.ics?district=stendal'
    const feed = await app.inject({ url })
    expect(feed.statusCode).toBe(200)
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect((await app.inject({ url, headers: { 'if-none-match': feed.headers.etag as string } })).statusCode).toBe(304)

    const stendal = sampleSeries(now).find((s) => s.district === 'stendal')!
    await db.transaction().execute((trx) => saveSeries(trx, { ...stendal, title: { de: 'Neu in Stendal' } }, now))
    const changed = await app.inject({ url, headers: { 'if-none-match': feed.headers.etag as string } })
    expect(changed.statusCode).toBe(200)
    expect(changed.body).toContain('Neu in Stendal')
  })
})
