import ICAL from 'ical.js'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginCast } from './coordination-fixtures.ts'
import type { Database } from '../../server/db/schema.ts'
import { saveSeries } from '../../server/meetups/series.repository.ts'
import { toBerlinWallTime } from '../../src/shared/berlin-time.ts'
import { WEEKDAYS, type Weekday } from '../../src/shared/meetups/recurrence.ts'
import type { EditorDetail, EditorListItem, MeetupEditorInput } from '../../src/shared/coordination/meetup-editor.schema.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'

const BASE = '/api/v1/coordination/meetups'
const DAY = 86400000

/** A Berlin calendar day at least `daysAhead` days from now that falls on `weekday`, as YYYY-MM-DD. */
function dayAhead(daysAhead: number, weekday?: Weekday): string {
  let t = Date.now() + daysAhead * DAY
  if (weekday) {
    while (WEEKDAYS[new Date(`${iso(t)}T12:00:00Z`).getUTCDay()] !== weekday) t += DAY
  }
  return iso(t)
}
function iso(t: number): string {
  const w = toBerlinWallTime(new Date(t))
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
}

function input(overrides: Partial<MeetupEditorInput> = {}): MeetupEditorInput {
  return {
    kind: 'language-cafe',
    title: { de: 'Sprachcafé am Bahnhof', en: 'Language café at the station' },
    description: { de: 'Deutsch üben bei Tee; alle Niveaus, auch Anfänger.' },
    district: 'stendal',
    placeName: 'Bahnhofsmission (Beispiel)',
    address: 'Beispielstraße 9, 39576 Stendal',
    accessibility: { de: '' },
    organiser: 'Beispielverein',
    languages: ['de', 'en'],
    audience: ['newcomers'],
    free: true,
    cost: { de: '' },
    registrationRequired: false,
    startsLocal: `${dayAhead(10, 'TH')}T17:00`,
    durationMinutes: 90,
    recurrence: { type: 'weekly', interval: 2, weekdays: ['TH'], end: { type: 'none' } },
    ...overrides,
  }
}

function events(body: string) {
  const cal = new ICAL.Component(ICAL.parse(body))
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
}

function berlinTime(d: Date): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(d)
}

async function setup(kind: (typeof DATABASES)[number]) {
  const t = await buildTestApp(kind)
  const cast = await loginCast(t.app, t.db)
  return { ...t, cast }
}

async function create(app: FastifyInstance, cookie: string, body: MeetupEditorInput = input()): Promise<EditorDetail> {
  const res = await app.inject({ method: 'POST', url: BASE, headers: { cookie }, payload: body })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<EditorDetail>()
}

async function cursor(app: FastifyInstance): Promise<number> {
  return (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>().cursor
}

async function syncSince(app: FastifyInstance, since: number): Promise<SyncResponse> {
  const res = await app.inject({ url: `/api/v1/sync?since=${since}` })
  expect(res.statusCode).toBe(200)
  return res.json<SyncResponse>()
}

async function feed(app: FastifyInstance, query = '?district=stendal') {
  const res = await app.inject({ url: `/api/v1/calendar.ics${query}` })
  expect(res.statusCode).toBe(200)
  return events(res.body)
}

async function auditActions(db: Kysely<Database>) {
  const rows = await db.selectFrom('audit_log').select(['action', 'actor', 'entity', 'entity_id', 'district', 'details']).where('action', 'not like', 'coordinator.%').orderBy('id').execute()
  return rows
}

describe.each(DATABASES)('event editor on %s', (kind) => {
  it('creates a fortnightly language café that phones get by the delta sync and subscribers in the feed', async () => {
    const { app, db, cast } = await setup(kind)
    const since = await cursor(app)
    const created = await create(app, cast.stendal)
    expect(created.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH')
    expect(created.revision).toBe(0)
    expect(created.cancelledAt).toBeNull()
    expect(created.ruleEditable).toBe(true)
    expect(created.input).toEqual(input())
    // A year of dates, a fortnight apart, all at 17:00 German time.
    expect(created.dates.length).toBeGreaterThanOrEqual(25)
    const starts = created.dates.map((d) => new Date(d.startsAt).getTime())
    for (let i = 1; i < starts.length; i++) expect(Math.round((starts[i]! - starts[i - 1]!) / DAY)).toBe(14)
    expect(new Set(created.dates.map((d) => berlinTime(new Date(d.startsAt))))).toEqual(new Set(['17:00']))

    const delta = await syncSince(app, since)
    expect(delta.changes.meetups.map((m) => m.id)).toEqual([created.id])
    expect(delta.changes.meetups[0]).toMatchObject({ kind: 'language-cafe', title: { de: 'Sprachcafé am Bahnhof', en: 'Language café at the station' }, accessibility: null, cost: null })
    expect(delta.changes.meetupOccurrences.map((o) => o.id).sort()).toEqual(created.dates.map((d) => d.id).sort())

    const inFeed = (await feed(app)).filter((e) => e.summary === 'Sprachcafé am Bahnhof')
    expect(inFeed).toHaveLength(created.dates.length)
    expect(inFeed[0]!.startDate.zone.tzid).toBe('Europe/Berlin')
    expect(inFeed[0]!.component.getFirstPropertyValue('sequence')).toBe(0)
    expect(inFeed[0]!.component.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect((await feed(app, '?district=harz')).filter((e) => e.summary === 'Sprachcafé am Bahnhof')).toHaveLength(0)

    const audit = await auditActions(db)
    expect(audit).toEqual([
      {
        action: 'meetup.create',
        actor: 'stendal@example.org',
        entity: 'meetup',
        entity_id: created.id,
        district: 'stendal',
        details: { title: 'Sprachcafé am Bahnhof', kind: 'language-cafe', startsLocal: created.input.startsLocal, rrule: created.rrule },
      },
    ])
  })

  it('edits an event: the revision (SEQUENCE) rises, ids stay, phones and the feed get the change', async () => {
    const { app, db, cast } = await setup(kind)
    const created = await create(app, cast.stendal)
    const since = await cursor(app)
    const change = input({ title: { de: 'Sprachcafé im Bahnhof' }, registrationRequired: true, capacity: 15 })
    const res = await app.inject({ method: 'PUT', url: `${BASE}/${created.id}`, headers: { cookie: cast.stendal }, payload: { ...change, revision: 0 } })
    expect(res.statusCode, res.body).toBe(200)
    const edited = res.json<EditorDetail>()
    expect(edited.revision).toBe(1)
    expect(edited.input.title).toEqual({ de: 'Sprachcafé im Bahnhof' })
    expect(edited.dates.map((d) => d.id)).toEqual(created.dates.map((d) => d.id))

    const delta = await syncSince(app, since)
    expect(delta.changes.meetups[0]).toMatchObject({ id: created.id, revision: 1, title: { de: 'Sprachcafé im Bahnhof' }, registrationRequired: true, capacity: 15 })
    const inFeed = (await feed(app)).filter((e) => e.summary === 'Sprachcafé im Bahnhof')
    expect(inFeed).toHaveLength(created.dates.length)
    expect(new Set(inFeed.map((e) => e.component.getFirstPropertyValue('sequence')))).toEqual(new Set([1]))

    // The same again changes nothing and raises nothing.
    const again = await app.inject({ method: 'PUT', url: `${BASE}/${created.id}`, headers: { cookie: cast.stendal }, payload: change })
    expect(again.json<EditorDetail>().revision).toBe(1)
    // Based on an old revision: somebody else saved in between.
    const stale = await app.inject({ method: 'PUT', url: `${BASE}/${created.id}`, headers: { cookie: cast.stendal }, payload: { ...input(), revision: 0 } })
    expect(stale.statusCode).toBe(409)
    expect(stale.json()).toMatchObject({ error: 'conflict' })

    // A new time of day: new dates (new ids), the old ones stay for phones as cancelled.
    const later = await app.inject({ method: 'PUT', url: `${BASE}/${created.id}`, headers: { cookie: cast.stendal }, payload: { ...change, startsLocal: change.startsLocal.replace('17:00', '18:00') } })
    const moved = later.json<EditorDetail>()
    expect(new Set(moved.dates.filter((d) => d.status === 'scheduled').map((d) => berlinTime(new Date(d.startsAt))))).toEqual(new Set(['18:00']))
    expect(moved.dates.filter((d) => d.status === 'cancelled').map((d) => d.id).sort()).toEqual(created.dates.map((d) => d.id).sort())

    const audit = await auditActions(db)
    expect(audit.map((a) => a.action)).toEqual(['meetup.create', 'meetup.update', 'meetup.update'])
    expect(audit[1]!.details).toEqual({ changed: ['title', 'registrationRequired', 'capacity'] })
    expect(audit[2]!.details).toEqual({ changed: ['startsLocal'] })
  })

  it('cancels, moves and restores single dates; phones and the feed see each change with a higher SEQUENCE', async () => {
    const { app, db, cast } = await setup(kind)
    const created = await create(app, cast.stendal)
    const second = created.dates[1]!
    const third = created.dates[2]!
    let since = await cursor(app)

    const cancelled = await app.inject({ method: 'POST', url: `${BASE}/${created.id}/dates/${second.original}/cancel`, headers: { cookie: cast.stendal } })
    expect(cancelled.statusCode, cancelled.body).toBe(200)
    expect(cancelled.json<EditorDetail>().dates[1]).toMatchObject({ id: second.id, status: 'cancelled', cancelledAlone: true, movedFrom: null })
    let delta = await syncSince(app, since)
    expect(delta.changes.meetupOccurrences.find((o) => o.id === second.id)).toMatchObject({ status: 'cancelled', startsAt: second.startsAt })
    expect(delta.changes.meetups[0]).toMatchObject({ revision: 1, exceptions: [{ original: second.original, cancelled: true }] })
    let inFeed = (await feed(app)).filter((e) => e.summary === 'Sprachcafé am Bahnhof')
    const feedSecond = inFeed.find((e) => e.uid === `${second.id}@willkommen.example.org`)!
    expect(feedSecond.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(feedSecond.component.getFirstPropertyValue('sequence')).toBe(1)
    // The whole series as one calendar file: the date is an EXDATE.
    const series = await app.inject({ url: `/api/v1/meetups/${created.id}/calendar.ics` })
    expect(series.body).toContain(`EXDATE;TZID=Europe/Berlin:${second.original}00`)

    // Cancelling again changes nothing.
    await app.inject({ method: 'POST', url: `${BASE}/${created.id}/dates/${second.original}/cancel`, headers: { cookie: cast.stendal } })

    since = (await syncSince(app, since)).cursor
    const newStart = `${third.original.slice(0, 4)}-${third.original.slice(4, 6)}-${third.original.slice(6, 8)}T19:30`
    const movedRes = await app.inject({ method: 'POST', url: `${BASE}/${created.id}/dates/${third.original}/move`, headers: { cookie: cast.stendal }, payload: { startsLocal: newStart } })
    expect(movedRes.statusCode, movedRes.body).toBe(200)
    const moved = movedRes.json<EditorDetail>().dates.find((d) => d.id === third.id)!
    expect(berlinTime(new Date(moved.startsAt))).toBe('19:30')
    expect(moved.movedFrom).toBe(third.startsAt)
    delta = await syncSince(app, since)
    expect(delta.changes.meetupOccurrences.find((o) => o.id === third.id)).toMatchObject({ status: 'scheduled', startsAt: moved.startsAt })
    inFeed = (await feed(app)).filter((e) => e.summary === 'Sprachcafé am Bahnhof')
    const feedThird = inFeed.find((e) => e.uid === `${third.id}@willkommen.example.org`)!
    expect(berlinTime(feedThird.startDate.toJSDate())).toBe('19:30')
    expect(feedThird.component.getFirstPropertyValue('sequence')).toBe(2)

    since = delta.cursor
    const restored = await app.inject({ method: 'POST', url: `${BASE}/${created.id}/dates/${second.original}/restore`, headers: { cookie: cast.stendal } })
    expect(restored.json<EditorDetail>().dates[1]).toMatchObject({ id: second.id, status: 'scheduled', cancelledAlone: false })
    delta = await syncSince(app, since)
    expect(delta.changes.meetupOccurrences.find((o) => o.id === second.id)?.status).toBe('scheduled')
    expect(delta.changes.meetups[0]).toMatchObject({ revision: 3, exceptions: [{ original: third.original, movedTo: newStart }] })

    // Moving back to the original time removes the exception.
    const back = await app.inject({ method: 'POST', url: `${BASE}/${created.id}/dates/${third.original}/move`, headers: { cookie: cast.stendal }, payload: { startsLocal: newStart.replace('19:30', '17:00') } })
    expect(back.json<EditorDetail>().dates.find((d) => d.id === third.id)).toMatchObject({ startsAt: third.startsAt, movedFrom: null })

    const audit = await auditActions(db)
    expect(audit.map((a) => [a.action, a.entity, a.entity_id])).toEqual([
      ['meetup.create', 'meetup', created.id],
      ['date.cancel', 'date', second.id],
      ['date.move', 'date', third.id],
      ['date.restore', 'date', second.id],
      ['date.move', 'date', third.id],
    ])
    expect(audit[2]!.details).toEqual({ original: third.original, from: third.startsAt, to: moved.startsAt })
  })

  it('cancels a whole event: every date still to come is cancelled on phones and in the feed, and can be restored', async () => {
    const { app, db, cast } = await setup(kind)
    const created = await create(app, cast.stendal)
    const since = await cursor(app)
    const res = await app.inject({ method: 'POST', url: `${BASE}/${created.id}/cancel`, headers: { cookie: cast.stendal } })
    expect(res.statusCode, res.body).toBe(200)
    const cancelled = res.json<EditorDetail>()
    expect(cancelled.cancelledAt).not.toBeNull()
    expect(cancelled.dates.map((d) => d.id)).toEqual(created.dates.map((d) => d.id))
    expect(cancelled.dates.every((d) => d.status === 'cancelled')).toBe(true)

    const delta = await syncSince(app, since)
    expect(delta.changes.meetups[0]).toMatchObject({ id: created.id, revision: 1, cancelledAt: cancelled.cancelledAt })
    expect(delta.changes.meetupOccurrences).toHaveLength(created.dates.length)
    expect(delta.changes.meetupOccurrences.every((o) => o.status === 'cancelled')).toBe(true)
    const inFeed = (await feed(app)).filter((e) => e.summary === 'Sprachcafé am Bahnhof')
    expect(inFeed).toHaveLength(created.dates.length)
    expect(new Set(inFeed.map((e) => e.component.getFirstPropertyValue('status')))).toEqual(new Set(['CANCELLED']))
    const series = await app.inject({ url: `/api/v1/meetups/${created.id}/calendar.ics` })
    expect(events(series.body)[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED')

    // A cancelled event gets no new dates when the horizon moves on.
    const { refreshAllOccurrences } = await import('../../server/meetups/series.repository.ts')
    await refreshAllOccurrences(db, new Date(Date.now() + 30 * DAY))
    const count = await db.selectFrom('meetup_occurrences').select((eb) => eb.fn.countAll<string>().as('n')).where('meetup_id', '=', created.id).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(created.dates.length)

    // Single dates cannot be restored or moved while the whole event is cancelled.
    const date = created.dates[0]!
    const refused = await app.inject({ method: 'POST', url: `${BASE}/${created.id}/dates/${date.original}/restore`, headers: { cookie: cast.stendal } })
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ error: 'event_cancelled' })

    const restored = (await app.inject({ method: 'POST', url: `${BASE}/${created.id}/restore`, headers: { cookie: cast.stendal } })).json<EditorDetail>()
    expect(restored.cancelledAt).toBeNull()
    expect(restored.dates.every((d) => d.status === 'scheduled')).toBe(true)
    expect((await auditActions(db)).map((a) => a.action)).toEqual(['meetup.create', 'meetup.cancel', 'meetup.restore'])
    expect((await auditActions(db))[1]!.details).toEqual({ cancelledDates: created.dates.length })
  })

  it('keeps a 17:00 series at 17:00 German time across the clock change, in the API and in the feed', async () => {
    const { app, cast } = await setup(kind)
    const created = await create(app, cast.stendal, input({ title: { de: 'Welcome Table Uhrzeit' }, kind: 'welcome-table', recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'none' } } }))
    // A year of weekly dates spans both clock changes: 15:00 UTC in summer, 16:00 UTC in winter.
    expect(new Set(created.dates.map((d) => new Date(d.startsAt).getUTCHours()))).toEqual(new Set([15, 16]))
    expect(new Set(created.dates.map((d) => berlinTime(new Date(d.startsAt))))).toEqual(new Set(['17:00']))
    const inFeed = (await feed(app)).filter((e) => e.summary === 'Welcome Table Uhrzeit')
    expect(inFeed).toHaveLength(created.dates.length)
    expect(new Set(inFeed.map((e) => berlinTime(e.startDate.toJSDate())))).toEqual(new Set(['17:00']))
    expect(new Set(inFeed.map((e) => e.startDate.hour))).toEqual(new Set([17]))
  })

  it('builds monthly rules (second Thursday, last Friday every three months) and ends them by date or count', async () => {
    const { app, cast } = await setup(kind)
    const secondThursday = (() => {
      for (let t = Date.now() + 5 * DAY; ; t += DAY) {
        const day = iso(t)
        const d = new Date(`${day}T12:00:00Z`)
        if (d.getUTCDay() === 4 && Math.ceil(d.getUTCDate() / 7) === 2) return day
      }
    })()
    const monthly = await create(app, cast.stendal, input({ startsLocal: `${secondThursday}T17:00`, recurrence: { type: 'monthly', interval: 1, week: 2, weekday: 'TH', end: { type: 'count', count: 6 } } }))
    expect(monthly.rrule).toBe('FREQ=MONTHLY;BYDAY=2TH;COUNT=6')
    expect(monthly.dates).toHaveLength(6)
    for (const d of monthly.dates) {
      const day = new Date(d.startsAt)
      expect(day.getUTCDay()).toBe(4)
      expect(Math.ceil(day.getUTCDate() / 7)).toBe(2)
    }
    expect(monthly.input.recurrence).toEqual({ type: 'monthly', interval: 1, week: 2, weekday: 'TH', end: { type: 'count', count: 6 } })

    const lastFriday = (() => {
      for (let t = Date.now() + 5 * DAY; ; t += DAY) {
        const day = iso(t)
        const d = new Date(`${day}T12:00:00Z`)
        if (d.getUTCDay() === 5 && new Date(d.getTime() + 7 * DAY).getUTCMonth() !== d.getUTCMonth()) return day
      }
    })()
    const quarterly = await create(app, cast.stendal, input({ kind: 'network-meeting', startsLocal: `${lastFriday}T10:00`, recurrence: { type: 'monthly', interval: 3, week: -1, weekday: 'FR', end: { type: 'none' } } }))
    expect(quarterly.rrule).toBe('FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR')
    // A year ahead: four or five dates, depending on where the last Fridays fall.
    expect(quarterly.dates.length).toBeGreaterThanOrEqual(4)
    expect(quarterly.dates.length).toBeLessThanOrEqual(5)
    for (const d of quarterly.dates) {
      const day = new Date(d.startsAt)
      expect(day.getUTCDay()).toBe(5)
      expect(new Date(day.getTime() + 7 * DAY).getUTCMonth()).not.toBe(day.getUTCMonth())
      expect(berlinTime(day)).toBe('10:00')
    }

    const until = dayAhead(60)
    const weekly = await create(app, cast.stendal, input({ recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'until', date: until } } }))
    expect(weekly.rrule).toMatch(/^FREQ=WEEKLY;BYDAY=TH;UNTIL=\d{8}T\d{6}Z$/)
    expect(weekly.input.recurrence).toEqual({ type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'until', date: until } })
    expect(weekly.dates.every((d) => iso(new Date(d.startsAt).getTime()) <= until)).toBe(true)
    expect(weekly.dates.length).toBeGreaterThanOrEqual(6)
  })

  it('lists the events a coordinator may edit, filtered by district, kind and period', async () => {
    const { app, db, cast } = await setup(kind)
    const stendal = await create(app, cast.stendal)
    const harz = await create(app, cast.admin, input({ district: 'harz', kind: 'welcome-table', title: { de: 'Welcome Table Harz' } }))
    // An event whose only date is over.
    await db.transaction().execute((trx) =>
      saveSeries(trx, {
        id: '0b6f3a52-2a53-4b1e-9f7e-0d4c6a0e2b11', kind: 'info-event', title: { de: 'Infoabend vorbei' }, description: { de: 'x' }, district: 'stendal',
        placeName: 'Rathaus', address: 'Beispielstraße 2', latitude: null, longitude: null, accessibility: null, organiser: 'Stadt', languages: ['de'],
        audience: ['newcomers'], cost: null, registrationRequired: false, capacity: null, startsLocal: `${iso(Date.now() - 10 * DAY)}T18:00`,
        durationMinutes: 60, rrule: null, exceptions: [], isSample: false,
      }, new Date()),
    )
    const list = async (cookie: string, query = '') => {
      const res = await app.inject({ url: `${BASE}${query}`, headers: { cookie } })
      expect(res.statusCode, res.body).toBe(200)
      return res.json<EditorListItem[]>()
    }
    const mine = await list(cast.stendal)
    expect(mine.map((m) => m.id)).toEqual([stendal.id])
    expect(mine[0]).toMatchObject({ district: 'stendal', recurrence: { type: 'weekly', interval: 2, weekdays: ['TH'] }, upcomingCount: stendal.dates.length, cancelledAt: null })
    expect(mine[0]!.nextDates).toHaveLength(5)
    expect((await list(cast.stendal, '?period=past')).map((m) => m.title.de)).toEqual(['Infoabend vorbei'])
    expect((await list(cast.admin)).map((m) => m.id).sort()).toEqual([stendal.id, harz.id].sort())
    expect((await list(cast.admin, '?district=harz')).map((m) => m.id)).toEqual([harz.id])
    expect((await list(cast.admin, '?kind=welcome-table')).map((m) => m.id)).toEqual([harz.id])
    expect(await list(cast.stendal, '?kind=welcome-table')).toEqual([])
  })

  it('keeps every coordinator to their districts (authorisation matrix)', async () => {
    const { app, db, cast } = await setup(kind)
    const stendal = await create(app, cast.stendal)
    const date = stendal.dates[0]!
    const id = stendal.id
    const harzInput = input({ district: 'harz', title: { de: 'Harz' } })
    const rows: Array<[string, string, string, string, unknown, number]> = [
      // who, method, url, what, body, expected status
      ['harz', 'GET', BASE + '?district=stendal', 'list Stendal', undefined, 403],
      ['harz', 'GET', `${BASE}/${id}`, 'read Stendal', undefined, 403],
      ['harz', 'PUT', `${BASE}/${id}`, 'edit Stendal', input(), 403],
      ['harz', 'PUT', `${BASE}/${id}`, 'take Stendal into Harz', harzInput, 403],
      ['harz', 'POST', `${BASE}/${id}/cancel`, 'cancel Stendal', undefined, 403],
      ['harz', 'POST', `${BASE}/${id}/restore`, 'restore Stendal', undefined, 403],
      ['harz', 'POST', `${BASE}/${id}/dates/${date.original}/cancel`, 'cancel a date', undefined, 403],
      ['harz', 'POST', `${BASE}/${id}/dates/${date.original}/restore`, 'restore a date', undefined, 403],
      ['harz', 'POST', `${BASE}/${id}/dates/${date.original}/move`, 'move a date', { startsLocal: input().startsLocal.replace('17:00', '18:00') }, 403],
      ['harz', 'POST', BASE, 'create in Stendal', input(), 403],
      ['stendal', 'POST', BASE, 'create in Harz', harzInput, 403],
      ['stendal', 'PUT', `${BASE}/${id}`, 'move own event into Harz', harzInput, 403],
      ['anonymous', 'GET', BASE, 'list without login', undefined, 401],
      ['anonymous', 'POST', `${BASE}/${id}/cancel`, 'cancel without login', undefined, 401],
      ['admin', 'GET', `${BASE}/${id}`, 'admin reads Stendal', undefined, 200],
      ['admin', 'PUT', `${BASE}/${id}`, 'admin edits Stendal', input({ title: { de: 'Vom Admin' } }), 200],
      ['admin', 'POST', `${BASE}/${id}/dates/${date.original}/cancel`, 'admin cancels a date', undefined, 200],
      ['admin', 'POST', BASE, 'admin creates in Harz', harzInput, 201],
      ['harz', 'GET', `${BASE}/${id}`, 'still not Harz', undefined, 403],
    ]
    const cookies: Record<string, string | undefined> = { ...cast, anonymous: undefined }
    const results = []
    for (const [who, method, url, what, body] of rows) {
      const cookie = cookies[who]
      const res = await app.inject({ method: method as 'GET', url, ...(cookie ? { headers: { cookie } } : {}), ...(body !== undefined ? { payload: body as object } : {}) })
      results.push([who, what, res.statusCode])
    }
    expect(results).toEqual(rows.map(([who, , , what, , status]) => [who, what, status]))
    // Harz's list has none of Stendal's.
    const harzList = (await app.inject({ url: BASE, headers: { cookie: cast.harz } })).json<EditorListItem[]>()
    expect(harzList.map((m) => m.title.de)).toEqual(['Harz'])
    // Nothing the refused requests tried has happened.
    const row = await db.selectFrom('meetups').select(['district', 'title']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toEqual({ district: 'stendal', title: { de: 'Vom Admin' } })
    expect((await auditActions(db)).map((a) => [a.action, a.actor])).toEqual([
      ['meetup.create', 'stendal@example.org'],
      ['meetup.update', 'admin@example.org'],
      ['date.cancel', 'admin@example.org'],
      ['meetup.create', 'admin@example.org'],
    ])
  })

  it('refuses bad input with 4xx naming the field, and unknown ids with 404', async () => {
    const { app, db, cast } = await setup(kind)
    const created = await create(app, cast.stendal)
    const past = `${iso(Date.now() - 3 * DAY)}T17:00`
    const table: Array<[string, unknown, Record<string, string>]> = [
      ['no German title', input({ title: { de: '', en: 'Only English' } }), { 'title.de': 'errors.required' }],
      ['blank German title', input({ title: { de: '   ' } }), { 'title.de': 'errors.required' }],
      ['title too long', input({ title: { de: 'x'.repeat(121) } }), { 'title.de': 'errors.tooLong' }],
      ['no German description', input({ description: { de: '' } }), { 'description.de': 'errors.required' }],
      ['a language we do not have', input({ title: { de: 'Titel', fr: 'Titre' } as MeetupEditorInput['title'] }), { 'title.fr': 'errors.unknownField' }],
      ['unknown kind', { ...input(), kind: 'party' }, { kind: 'errors.invalid' }],
      ['unknown district', { ...input(), district: 'atlantis' }, { district: 'errors.invalid' }],
      ['no place', input({ placeName: '' }), { placeName: 'errors.required' }],
      ['registration without capacity', input({ registrationRequired: true }), { capacity: 'errors.required' }],
      ['capacity zero', input({ registrationRequired: true, capacity: 0 }), { capacity: 'errors.invalid' }],
      ['cost without text', input({ free: false, cost: { de: '' } }), { 'cost.de': 'errors.required' }],
      ['no language', input({ languages: [] }), { languages: 'errors.required' }],
      ['no audience', input({ audience: [] }), { audience: 'errors.required' }],
      ['only a latitude', input({ latitude: 52.6 }), { longitude: 'coordinationMeetups.errors.coordinatesPair' }],
      ['latitude out of range', input({ latitude: 123, longitude: 11 }), { latitude: 'errors.invalid' }],
      ['start is no date', input({ startsLocal: '2027-02-30T17:00' }), { startsLocal: 'errors.invalid' }],
      ['start in the wrong form', input({ startsLocal: '3.12.2026 17:00' }), { startsLocal: 'errors.invalid' }],
      ['start in the past', input({ startsLocal: past, recurrence: { type: 'none' } }), { startsLocal: 'coordinationMeetups.errors.inPast' }],
      ['too short', input({ durationMinutes: 1 }), { durationMinutes: 'errors.invalid' }],
      ['weekly without weekdays', input({ recurrence: { type: 'weekly', interval: 1, weekdays: [], end: { type: 'none' } } }), { 'recurrence.weekdays': 'coordinationMeetups.errors.noWeekday' }],
      ['start not on a weekday of the rule', input({ recurrence: { type: 'weekly', interval: 1, weekdays: ['MO'], end: { type: 'none' } } }), { startsLocal: 'coordinationMeetups.errors.startNotInRule' }],
      ['interval zero', input({ recurrence: { type: 'weekly', interval: 0, weekdays: ['TH'] } }), { 'recurrence.interval': 'errors.invalid' }],
      ['unknown weekday', { ...input(), recurrence: { type: 'weekly', interval: 1, weekdays: ['XX'] } }, { 'recurrence.weekdays.0': 'errors.invalid' }],
      ['fifth week', { ...input(), recurrence: { type: 'monthly', week: 5, weekday: 'TH' } }, { 'recurrence.week': 'errors.invalid' }],
      ['monthly without weekday', input({ recurrence: { type: 'monthly', interval: 1, week: 2 } }), { 'recurrence.weekday': 'errors.required' }],
      ['every 13 months', input({ recurrence: { type: 'monthly', interval: 13, week: -1, weekday: 'TH' } }), { 'recurrence.interval': 'errors.invalid' }],
      ['until before the start', input({ recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'until', date: iso(Date.now()) } } }), { 'recurrence.end.date': 'coordinationMeetups.errors.untilBeforeStart' }],
      ['until without date', input({ recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'until' } } }), { 'recurrence.end.date': 'errors.required' }],
      ['count zero', input({ recurrence: { type: 'weekly', interval: 1, weekdays: ['TH'], end: { type: 'count', count: 0 } } }), { 'recurrence.end.count': 'errors.invalid' }],
      ['unknown field', { ...input(), colour: 'red' }, { colour: 'errors.unknownField' }],
    ]
    const got = []
    for (const [what, body] of table) {
      const res = await app.inject({ method: 'POST', url: BASE, headers: { cookie: cast.stendal }, payload: body as object })
      got.push([what, res.statusCode, res.json<{ fields: Record<string, string> }>().fields])
    }
    expect(got).toEqual(table.map(([what, , fields]) => [what, 400, expect.objectContaining(fields)]))

    // A change is checked the same way, except that a first date in the past is fine (a running series).
    const edit = await app.inject({ method: 'PUT', url: `${BASE}/${created.id}`, headers: { cookie: cast.stendal }, payload: input({ title: { de: '' } }) })
    expect(edit.statusCode).toBe(400)
    expect(edit.json().fields).toEqual({ 'title.de': 'errors.required' })

    const moveCases: Array<[string, unknown, Record<string, string>]> = [
      ['into the past', { startsLocal: past }, { startsLocal: 'coordinationMeetups.errors.inPast' }],
      ['no date', { startsLocal: '2027-13-01T10:00' }, { startsLocal: 'errors.invalid' }],
      ['wrong form', { startsLocal: '2027-01-01 10:00' }, { startsLocal: 'errors.invalid' }],
      ['extra field', { startsLocal: input().startsLocal, note: 'x' }, { note: 'errors.unknownField' }],
    ]
    for (const [what, body, fields] of moveCases) {
      const res = await app.inject({ method: 'POST', url: `${BASE}/${created.id}/dates/${created.dates[0]!.original}/move`, headers: { cookie: cast.stendal }, payload: body as object })
      expect([what, res.statusCode, res.json()]).toEqual([what, 400, { error: 'validation', message: expect.any(String), fields }])
    }

    const unknown = '9d3b1c2e-aaaa-4bbb-8ccc-ddddeeeeffff'
    for (const [method, url] of [
      ['GET', `${BASE}/${unknown}`],
      ['PUT', `${BASE}/${unknown}`],
      ['POST', `${BASE}/${unknown}/cancel`],
      ['POST', `${BASE}/${unknown}/dates/20270101T1700/cancel`],
      ['POST', `${BASE}/${created.id}/dates/20200101T1700/cancel`],
      ['POST', `${BASE}/${created.id}/dates/20200101T1700/restore`],
    ] as const) {
      const res = await app.inject({ method, url, headers: { cookie: cast.stendal }, ...(method === 'PUT' ? { payload: input() } : {}) })
      expect([method, url, res.statusCode]).toEqual([method, url, 404])
    }
    const badId = await app.inject({ url: `${BASE}/not-a-uuid`, headers: { cookie: cast.stendal } })
    expect(badId.statusCode).toBe(400)
    const badDate = await app.inject({ method: 'POST', url: `${BASE}/${created.id}/dates/tomorrow/cancel`, headers: { cookie: cast.stendal } })
    expect(badDate.statusCode).toBe(400)
    const badJson = await app.inject({ method: 'POST', url: BASE, headers: { cookie: cast.stendal, 'content-type': 'application/json' }, payload: '{"kind":' })
    expect(badJson.statusCode).toBe(400)
    const badQuery = await app.inject({ url: `${BASE}?period=soon`, headers: { cookie: cast.stendal } })
    expect(badQuery.statusCode).toBe(400)
    // Nothing was written by the refused requests.
    expect((await auditActions(db)).map((a) => a.action)).toEqual(['meetup.create'])
  })

  it('does not change dates that are over, and knows only dates of the rule', async () => {
    const { app, db, cast } = await setup(kind)
    const id = '5e1c9a0b-3333-4444-8555-666677778888'
    // A weekly series that began four weeks ago.
    await db.transaction().execute((trx) =>
      saveSeries(trx, {
        id, kind: 'welcome-table', title: { de: 'Läuft schon' }, description: { de: 'x' }, district: 'stendal', placeName: 'Saal',
        address: 'Beispielstraße 3', latitude: null, longitude: null, accessibility: null, organiser: 'Verein', languages: ['de'],
        audience: ['newcomers'], cost: null, registrationRequired: false, capacity: null, startsLocal: `${iso(Date.now() - 28 * DAY)}T10:00`,
        durationMinutes: 60, rrule: 'FREQ=WEEKLY', exceptions: [], isSample: false,
      }, new Date()),
    )
    const detail = (await app.inject({ url: `${BASE}/${id}`, headers: { cookie: cast.stendal } })).json<EditorDetail>()
    expect(detail.input.recurrence).toEqual({ type: 'weekly', interval: 1, weekdays: [detail.input.recurrence.weekdays![0]], end: { type: 'none' } })
    // A single date that began three hours ago and lasted an hour: over, and still stored.
    const pastId = '6f2d0b1c-4444-4555-8666-777788889999'
    const began = toBerlinWallTime(new Date(Date.now() - 3 * 3600000))
    const beganLocal = `${iso(Date.now() - 3 * 3600000)}T${String(began.hour).padStart(2, '0')}:${String(began.minute).padStart(2, '0')}`
    await db.transaction().execute((trx) =>
      saveSeries(trx, {
        id: pastId, kind: 'info-event', title: { de: 'Gerade vorbei' }, description: { de: 'x' }, district: 'stendal', placeName: 'Saal',
        address: 'Beispielstraße 3', latitude: null, longitude: null, accessibility: null, organiser: 'Verein', languages: ['de'],
        audience: ['newcomers'], cost: null, registrationRequired: false, capacity: null, startsLocal: beganLocal,
        durationMinutes: 60, rrule: null, exceptions: [], isSample: false,
      }, new Date()),
    )
    const key = beganLocal.replace(/[-:]/g, '')
    for (const action of ['cancel', 'restore', 'move']) {
      const res = await app.inject({
        method: 'POST', url: `${BASE}/${pastId}/dates/${key}/${action}`, headers: { cookie: cast.stendal },
        ...(action === 'move' ? { payload: { startsLocal: `${dayAhead(3)}T10:00` } } : {}),
      })
      expect([action, res.statusCode, res.json().error]).toEqual([action, 409, 'date_past'])
    }
    // Editing a running series keeps its first date in the past.
    const edited = await app.inject({ method: 'PUT', url: `${BASE}/${id}`, headers: { cookie: cast.stendal }, payload: { ...detail.input, title: { de: 'Läuft weiter' } } })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json<EditorDetail>().input.startsLocal).toBe(detail.input.startsLocal)

    // Cancel a date, then make the rule fortnightly: a date the rule dropped cannot be restored, the exception goes.
    const dates = detail.dates
    await app.inject({ method: 'POST', url: `${BASE}/${id}/dates/${dates[1]!.original}/cancel`, headers: { cookie: cast.stendal } })
    const firstWeekday = detail.input.recurrence.weekdays!
    const fortnight = await app.inject({
      method: 'PUT', url: `${BASE}/${id}`, headers: { cookie: cast.stendal },
      payload: { ...detail.input, title: { de: 'Läuft weiter' }, recurrence: { type: 'weekly', interval: 2, weekdays: firstWeekday, end: { type: 'none' } } },
    })
    const after = fortnight.json<EditorDetail>()
    const dropped = after.dates.find((d) => d.status === 'cancelled' && !d.cancelledAlone)!
    expect(dropped).toBeDefined()
    const res = await app.inject({ method: 'POST', url: `${BASE}/${id}/dates/${dropped.original}/restore`, headers: { cookie: cast.stendal } })
    expect([409, 'not_in_rule']).toEqual([res.statusCode, res.json().error])
    const audit = await auditActions(db)
    expect(audit.at(-1)!.details).toMatchObject({ changed: ['rrule'] })
  })

  it('keeps texts in languages the editor does not offer when an event is changed', async () => {
    const { app, db, cast } = await setup(kind)
    const id = '7a3e1f20-5555-4666-8777-888899990000'
    await db.transaction().execute((trx) =>
      saveSeries(trx, {
        id, kind: 'language-cafe', title: { de: 'Sprachcafé', ru: 'Языковое кафе' }, description: { de: 'Deutsch üben.', ru: 'Практика немецкого.' },
        district: 'stendal', placeName: 'Bibliothek', address: 'Beispielstraße 5', latitude: null, longitude: null, accessibility: null,
        organiser: 'Verein', languages: ['de', 'ru'], audience: ['newcomers'], cost: null, registrationRequired: false, capacity: null,
        startsLocal: `${dayAhead(5, 'TU')}T16:00`, durationMinutes: 90, rrule: 'FREQ=WEEKLY;BYDAY=TU', exceptions: [], isSample: false,
      }, new Date()),
    )
    const detail = (await app.inject({ url: `${BASE}/${id}`, headers: { cookie: cast.stendal } })).json<EditorDetail>()
    expect(detail.input.title).toEqual({ de: 'Sprachcafé' })
    const res = await app.inject({ method: 'PUT', url: `${BASE}/${id}`, headers: { cookie: cast.stendal }, payload: { ...detail.input, title: { de: 'Sprachcafé neu', en: 'Language café' } } })
    expect(res.statusCode, res.body).toBe(200)
    const row = await db.selectFrom('meetups').select(['title', 'description']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toEqual({ title: { de: 'Sprachcafé neu', en: 'Language café', ru: 'Языковое кафе' }, description: { de: 'Deutsch üben.', ru: 'Практика немецкого.' } })
  })

  it('documents its routes in the OpenAPI document', async () => {
    const { app } = await buildTestApp(kind)
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/coordination/meetups',
        '/api/v1/coordination/meetups/{id}',
        '/api/v1/coordination/meetups/{id}/cancel',
        '/api/v1/coordination/meetups/{id}/restore',
        '/api/v1/coordination/meetups/{id}/dates/{original}/cancel',
        '/api/v1/coordination/meetups/{id}/dates/{original}/move',
        '/api/v1/coordination/meetups/{id}/dates/{original}/restore',
      ]),
    )
  })
})
