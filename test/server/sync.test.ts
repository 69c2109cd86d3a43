import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildTestApp, clockAt, DATABASES } from './test-app.ts'
import { insertSampleMeetups } from '../../server/meetups/sample-meetups.ts'
import { insertSampleContacts } from '../../server/contacts/sample-contacts.ts'
import { saveSeries } from '../../server/meetups/series.repository.ts'
import { recordDeletion } from '../../server/sync/change-seq.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'

describe.each(DATABASES)('delta sync on %s', (kind) => {
  it('sends everything on the first sync, then only what changed', async () => {
    const now = clockAt('2026-11-22T10:00:00Z')
    const { app, db } = await buildTestApp(kind, { now })
    const inserted = await insertSampleMeetups(db, now())
    expect(inserted).toBeGreaterThan(4)

    const first = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>()
    expect(first.changes.meetups).toHaveLength(inserted)
    expect(first.changes.meetups.every((m) => m.isSample)).toBe(true)
    expect(first.changes.meetupOccurrences.length).toBeGreaterThan(inserted)
    expect(first.cursor).toBeGreaterThan(0)

    const none = (await app.inject({ url: `/api/v1/sync?since=${first.cursor}` })).json<SyncResponse>()
    expect(none).toMatchObject({ cursor: first.cursor, changes: { meetups: [], meetupOccurrences: [] }, deleted: { meetups: [], meetupOccurrences: [] } })

    const id = randomUUID()
    const { id: gone, district: goneDistrict } = first.changes.meetupOccurrences[0]!
    await db.transaction().execute(async (trx) => {
      await saveSeries(trx, {
        id,
        kind: 'language-cafe',
        title: { de: 'Sprachcafé Genthin' },
        description: { de: 'Deutsch üben.' },
        district: 'jerichower-land',
        placeName: 'Gemeindehaus',
        address: 'Beispielstraße 9, 39307 Genthin',
        latitude: null,
        longitude: null,
        accessibility: null,
        organiser: 'Beispielverein',
        languages: ['de'],
        audience: ['newcomers'],
        cost: null,
        registrationRequired: false,
        capacity: null,
        startsLocal: '2026-12-01T17:00',
        durationMinutes: 90,
        rrule: null,
        exceptions: [],
        isSample: false,
      }, new Date('2026-11-22T10:00:00Z'))
      await trx.deleteFrom('meetup_occurrences').where('id', '=', gone).execute()
      await recordDeletion(trx, 'meetupOccurrences', gone, { district: goneDistrict })
    })

    const delta = (await app.inject({ url: `/api/v1/sync?since=${first.cursor}` })).json<SyncResponse>()
    expect(delta.changes.meetups.map((m) => m.id)).toEqual([id])
    expect(delta.changes.meetups[0]).toMatchObject({ title: { de: 'Sprachcafé Genthin' }, startsLocal: '2026-12-01T17:00' })
    expect(delta.changes.meetupOccurrences).toEqual([
      expect.objectContaining({ id: `${id}:20261201T1700`, startsAt: '2026-12-01T16:00:00.000Z', district: 'jerichower-land' }),
    ])
    expect(delta.deleted.meetupOccurrences).toEqual([gone])
    expect(delta.cursor).toBeGreaterThan(first.cursor)
  })

  it.each(['abc', '-1', '1.5', '99999999999999999999'])('rejects the cursor %s with a 400 naming the field', async (since) => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ url: `/api/v1/sync?since=${since}` })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'validation', fields: { since: expect.any(String) } })
  })

  it.each([
    ['an unknown entity', 'since=0&entities=passwords', 'entities.0'],
    ['an added entity outside the scope', 'since=5&entities=meetups&addedEntities=contacts', 'addedEntities'],
    ['an added language outside the scope', 'since=5&langs=de&addedLangs=ar', 'addedLangs'],
  ])('rejects %s with a 400 naming the field', async (_case, query, field) => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ url: `/api/v1/sync?${query}` })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'validation', fields: { [field]: expect.any(String) } })
  })

  it('sends only the entities named, the others as empty lists; an added entity comes whole, the rest since the cursor', async () => {
    const now = clockAt('2026-11-22T10:00:00Z')
    const { app, db } = await buildTestApp(kind, { now })
    await insertSampleMeetups(db, now())
    await insertSampleContacts(db)
    const first = (await app.inject({ url: '/api/v1/sync?since=0&entities=meetups&entities=meetupOccurrences' })).json<SyncResponse>()
    expect(first.changes.meetups.length).toBeGreaterThan(0)
    expect(first.changes.contacts).toEqual([])
    expect(first.changes.guideTexts).toEqual([])
    const next = (await app.inject({ url: `/api/v1/sync?since=${first.cursor}&entities=meetups&entities=meetupOccurrences&entities=contacts&addedEntities=contacts` })).json<SyncResponse>()
    expect(next.changes.contacts.length).toBe((await db.selectFrom('contacts').select('id').execute()).length)
    expect(next.changes.meetups).toEqual([])
    expect(next.changes.guideTexts).toEqual([])
    expect(next.cursor).toBe(first.cursor)
  })

  it('rejects unknown query parameters', async () => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ url: '/api/v1/sync?since=0&evil=1' })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toHaveProperty('evil')
  })
})
