import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildTestApp, clockAt, DATABASES } from './test-app.ts'
import { saveSeries, type SeriesInput } from '../../server/meetups/series.repository.ts'

const STENDAL_ID = '3f8a1c2e-1111-4222-8333-444455556666'
const HARZ_ID = '7c1d2e3f-2222-4333-8444-555566667777'

function series(overrides: Partial<SeriesInput>): SeriesInput {
  return {
    id: STENDAL_ID,
    kind: 'welcome-table',
    title: { de: 'Welcome Table Stendal', en: 'Welcome Table Stendal (en)', ar: 'طاولة الترحيب في شتندال' },
    description: { de: 'Treffen, mit Kaffee; einfach kommen' },
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
    registrationRequired: false,
    capacity: null,
    startsLocal: '2027-03-18T17:00',
    durationMinutes: 120,
    rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=4',
    exceptions: [{ original: '20270401T1700', cancelled: true }],
    isSample: false,
    ...overrides,
  }
}

async function setup(kind: (typeof DATABASES)[number]) {
  const clock = clockAt('2026-11-22T10:00:00Z')
  const t = await buildTestApp(kind, { now: clock })
  const now = clock()
  await t.db.transaction().execute(async (trx) => {
    await saveSeries(trx, series({}), now)
    await saveSeries(trx, series({ id: HARZ_ID, kind: 'language-cafe', district: 'harz', title: { de: 'Sprachcafé Harz' }, startsLocal: '2027-05-06T10:00', rrule: null, exceptions: [] }), now)
  })
  return t
}

function events(body: string) {
  const cal = new ICAL.Component(ICAL.parse(body))
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz))
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
}

describe.each(DATABASES)('calendar files on %s', (kind) => {
  it('serves the whole feed as text/calendar with Berlin times across the clock change', async () => {
    const { app } = await setup(kind)
    const res = await app.inject({ url: '/api/v1/calendar.ics' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8')
    const all = events(res.body)
    expect(all.map((e) => e.summary)).toEqual([...Array(4).fill('Welcome Table Stendal'), 'Sprachcafé Harz'])
    const stendal = all.filter((e) => e.summary === 'Welcome Table Stendal')
    expect(stendal.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2027-03-18T16:00:00.000Z',
      '2027-03-25T16:00:00.000Z',
      '2027-04-01T15:00:00.000Z',
      '2027-04-08T15:00:00.000Z',
    ])
    expect(stendal.map((e) => e.startDate.toString())).toEqual(['2027-03-18T17:00:00', '2027-03-25T17:00:00', '2027-04-01T17:00:00', '2027-04-08T17:00:00'])
    expect(stendal.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED', 'CONFIRMED'])
    expect(stendal[0]!.uid).toBe(`${STENDAL_ID}:20270318T1700@willkommen.example.org`)
    expect(stendal[0]!.description).toContain('Treffen, mit Kaffee; einfach kommen')
  })

  it('filters by district and by kind, and speaks the asked language', async () => {
    const { app } = await setup(kind)
    const harz = events((await app.inject({ url: '/api/v1/calendar.ics?district=harz' })).body)
    expect(harz.map((e) => e.summary)).toEqual(['Sprachcafé Harz'])
    const tables = events((await app.inject({ url: '/api/v1/calendar.ics?type=welcome-table&lang=en' })).body)
    expect(tables).toHaveLength(4)
    expect(tables[0]!.summary).toBe('Welcome Table Stendal (en)')
    const none = events((await app.inject({ url: '/api/v1/calendar.ics?district=harz&type=welcome-table' })).body)
    expect(none).toEqual([])
  })

  it.each([
    ['district=atlantis', 'district'],
    ['type=party', 'type'],
    ['lang=DEU1', 'lang'],
    ['evil=1', 'evil'],
  ])('rejects %s with a 400 JSON error naming %s', async (query, field) => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ url: `/api/v1/calendar.ics?${query}` })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'validation', fields: { [field]: expect.any(String) } })
  })

  it('raises SEQUENCE when the series changes', async () => {
    const { app, db } = await setup(kind)
    const before = events((await app.inject({ url: `/api/v1/meetups/${STENDAL_ID}/calendar.ics` })).body)
    await db.transaction().execute((trx) => saveSeries(trx, series({ placeName: 'Neuer Saal' }), new Date('2026-11-22T10:00:00Z')))
    const after = events((await app.inject({ url: `/api/v1/meetups/${STENDAL_ID}/calendar.ics` })).body)
    expect(after[0]!.sequence).toBe(before[0]!.sequence + 1)
    expect(after[0]!.location).toContain('Neuer Saal')
  })

  it('serves one series with its rule and EXDATE, and one date, as downloads', async () => {
    const { app } = await setup(kind)
    const whole = await app.inject({ url: `/api/v1/meetups/${STENDAL_ID}/calendar.ics` })
    expect(whole.statusCode).toBe(200)
    expect(whole.headers['content-disposition']).toBe('attachment; filename="welcome-table-stendal.ics"')
    const [master] = events(whole.body)
    expect(master!.isRecurring()).toBe(true)
    const it = master!.iterator()
    const starts: string[] = []
    for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate().toISOString())
    expect(starts).toEqual(['2027-03-18T16:00:00.000Z', '2027-03-25T16:00:00.000Z', '2027-04-08T15:00:00.000Z'])

    const one = await app.inject({ url: `/api/v1/meetup-occurrences/${STENDAL_ID}:20270401T1700/calendar.ics` })
    expect(one.statusCode).toBe(200)
    const [single] = events(one.body)
    expect(single!.component.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(single!.startDate.toJSDate().toISOString()).toBe('2027-04-01T15:00:00.000Z')
    // A title without Latin letters: the German one names the file, not a generic "termin".
    const arabic = await app.inject({ url: `/api/v1/meetup-occurrences/${STENDAL_ID}:20270401T1700/calendar.ics?lang=ar` })
    expect(arabic.headers['content-disposition']).toBe('attachment; filename="welcome-table-stendal-20270401.ics"')
  })

  it('answers 404 for unknown ids and 400 for malformed ones', async () => {
    const { app } = await buildTestApp(kind)
    expect((await app.inject({ url: `/api/v1/meetups/${STENDAL_ID}/calendar.ics` })).statusCode).toBe(404)
    expect((await app.inject({ url: `/api/v1/meetup-occurrences/${STENDAL_ID}:20270401T1700/calendar.ics` })).statusCode).toBe(404)
    expect((await app.inject({ url: '/api/v1/meetups/not-a-uuid/calendar.ics' })).statusCode).toBe(400)
    expect((await app.inject({ url: '/api/v1/meetup-occurrences/x/calendar.ics' })).statusCode).toBe(400)
  })

  it('lists the calendar routes in the OpenAPI document', async () => {
    const { app } = await buildTestApp(kind)
    const paths = Object.keys((await app.inject({ url: '/api/openapi.json' })).json().paths)
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/calendar.ics', '/api/v1/meetups/{meetupId}/calendar.ics', '/api/v1/meetup-occurrences/{occurrenceId}/calendar.ics']))
  })
})
