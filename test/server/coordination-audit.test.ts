import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginCast } from './coordination-fixtures.ts'
import type { EditorDetail, EditorListItem } from '../../src/shared/coordination/meetup-editor.schema.ts'
import type { AuditEntryDto, AuditFiltersDto } from '../../src/shared/coordination/audit.schema.ts'

const BASE = '/api/v1/coordination/meetups'

describe.each(DATABASES)('audit log on %s', (kind) => {
  it('names only the fields that changed: a capacity-only edit lists capacity alone, also for texts in several languages', async () => {
    // The sample events carry titles and descriptions in four languages, which jsonb gives back in its own key order.
    const { app, db } = await buildTestApp(kind, { demoData: true })
    const cast = await loginCast(app, db)
    const all = (await app.inject({ url: BASE, headers: { cookie: cast.admin } })).json<EditorListItem[]>()
    // Three are enough: every sample text has all four languages (and the test stays quick on a busy machine).
    const list = all.slice(0, 3)
    expect(list).toHaveLength(3)
    const expected: Record<string, string[]> = {}
    for (const item of list) {
      const detail = (await app.inject({ url: `${BASE}/${item.id}`, headers: { cookie: cast.admin } })).json<EditorDetail>()
      const payload = { ...detail.input, registrationRequired: true, capacity: (detail.input.capacity ?? 10) + 1, revision: detail.revision }
      expected[item.id] = detail.input.registrationRequired ? ['capacity'] : ['registrationRequired', 'capacity']
      const res = await app.inject({ method: 'PUT', url: `${BASE}/${item.id}`, headers: { cookie: cast.admin }, payload })
      expect(res.statusCode, res.body).toBe(200)
    }
    const rows = await db.selectFrom('audit_log').select(['entity_id', 'details']).where('action', '=', 'meetup.update').execute()
    expect(Object.fromEntries(rows.map((r) => [r.entity_id, r.details.changed]))).toEqual(expected)
  })
})

describe.each(DATABASES)('readable audit log on %s', (kind) => {
  it('names the events, dates and partners entries are about, and filters by person and by event', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const call = async <T>(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<T> => {
      const res = await app.inject({ method, url: `/api/v1/coordination${url}`, headers: { cookie }, ...(payload ? { payload } : {}) })
      expect(res.statusCode, res.body).toBeLessThan(300)
      return res.json<T>()
    }
    const startsLocal = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + 9 * 86400000))
    const event = (title: string, district: string) => ({
      kind: 'language-cafe', title: { de: title }, description: { de: 'Deutsch üben.' }, district, placeName: 'Bibliothek', address: 'Markt 1',
      accessibility: { de: '' }, organiser: 'Verein', languages: ['de'], audience: ['newcomers'], free: true, cost: { de: '' },
      registrationRequired: true, capacity: 5, startsLocal: `${startsLocal}T17:00`, durationMinutes: 90,
      recurrence: { type: 'weekly', interval: 1, weekdays: [], end: { type: 'count', count: 3 } },
    })
    const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(`${startsLocal}T12:00:00Z`).getUTCDay()]
    const withDay = (e: ReturnType<typeof event>) => ({ ...e, recurrence: { ...e.recurrence, weekdays: [weekday] } })

    const cafe = await call<EditorDetail>(cast.stendal, 'POST', '/meetups', withDay(event('Sprachcafé Stendal', 'stendal')))
    await call(cast.stendal, 'PUT', `/meetups/${cafe.id}`, { ...cafe.input, capacity: 8, revision: cafe.revision })
    const date = cafe.dates[1]!
    await call(cast.admin, 'POST', `/meetups/${cafe.id}/dates/${date.original}/cancel`)
    const other = await call<EditorDetail>(cast.admin, 'POST', '/meetups', withDay(event('Welcome Table Stendal', 'stendal')))
    await call(cast.harz, 'POST', '/meetups', withDay(event('Sprachcafé Harz', 'harz')))
    const partner = await call<{ id: string }>(cast.admin, 'POST', '/partners', {
      organisation: 'Bürgerhaus Stendal (Beispiel)', address: 'Beispielweg 3', district: 'stendal', contactFunction: 'Leitung',
      email: 'info@buergerhaus.example', workingGroups: ['language'], publicListing: false,
    })

    // By event: the event, its changed capacity and its cancelled date, named by title and date, newest first.
    const byEvent = await call<AuditEntryDto[]>(cast.stendal, 'GET', `/audit?event=${cafe.id}`)
    expect(byEvent.map((e) => [e.action, e.actor, e.subject.event?.de, e.subject.startsAt ?? null])).toEqual([
      ['date.cancel', 'admin@example.org', 'Sprachcafé Stendal', date.startsAt],
      ['meetup.update', 'stendal@example.org', 'Sprachcafé Stendal', null],
      ['meetup.create', 'stendal@example.org', 'Sprachcafé Stendal', null],
    ])
    expect(byEvent[1]!.details.changed).toEqual(['capacity'])

    // By person: what the admin did in Stendal, partners by their organisation's name.
    const byAdmin = await call<AuditEntryDto[]>(cast.stendal, 'GET', `/audit?actor=${encodeURIComponent('admin@example.org')}`)
    expect(byAdmin.map((e) => [e.action, e.subject.name ?? e.subject.event?.de])).toEqual([
      ['partner.create', 'Bürgerhaus Stendal (Beispiel)'],
      ['meetup.create', 'Welcome Table Stendal'],
      ['date.cancel', 'Sprachcafé Stendal'],
    ])
    expect(byAdmin.find((e) => e.action === 'partner.create')!.entityId).toBe(partner.id)

    // The choices for the filters: people and events of the reader's districts (Harz's stay with Harz).
    const filters = await call<AuditFiltersDto>(cast.stendal, 'GET', '/audit/filters')
    expect(filters.actors).toEqual(['admin@example.org', 'stendal@example.org'])
    expect(filters.events.map((e) => [e.id, e.title.de]).sort()).toEqual([[cafe.id, 'Sprachcafé Stendal'], [other.id, 'Welcome Table Stendal']].sort())
    const all = await call<AuditFiltersDto>(cast.admin, 'GET', '/audit/filters')
    expect(all.actors).toEqual(['admin@example.org', 'harz@example.org', 'stendal@example.org'])
    expect(all.events).toHaveLength(3)

    const bad = await app.inject({ url: '/api/v1/coordination/audit?event=not-an-id', headers: { cookie: cast.stendal } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ error: 'validation' })
  })
})
