import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { FastifyInstance } from 'fastify'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { Database } from '../../server/db/schema.ts'
import { runRetention } from '../../server/volunteering/retention.ts'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginCast } from './coordination-fixtures.ts'
import { postJson, registration } from './volunteering-fixtures.ts'

const DAY = 24 * 3600_000
const BASE = '/api/v1/coordination/registrations'

interface DateSetup {
  district?: string
  title?: string
  capacity?: number | null
  registrationRequired?: boolean
  /** Start relative to now, in days (negative: in the past). */
  inDays?: number
  /** Adds a date to an existing event. */
  meetupId?: string
}

/** A date of a network event in a district, straight in the meetup tables; returns its ids. */
async function insertDate(db: Kysely<Database>, o: DateSetup = {}): Promise<{ meetupId: string; occurrenceId: string }> {
  const meetupId = o.meetupId ?? randomUUID()
  const startsAt = new Date(Date.now() + (o.inDays ?? 7) * DAY)
  const original = startsAt.toISOString().slice(0, 16).replace(/[-:]/g, '')
  const occurrenceId = `${meetupId}:${original}`
  if (!o.meetupId) {
    await sql`
      insert into meetups (id, kind, title, description, district, place_name, address, languages, seq, starts_local,
                           registration_required, capacity, is_sample)
      values (${meetupId}, 'network-meeting', ${JSON.stringify({ de: o.title ?? 'Netzwerktreffen (Beispiel)', en: 'Network meeting (sample)' })}::jsonb,
              ${JSON.stringify({ de: 'Beispiel' })}::jsonb, ${o.district ?? 'stendal'}, 'Rathaus (Beispiel)', 'Markt 1, 39576 Stendal',
              '{de}', nextval('change_seq'), '2026-12-03T17:00', ${o.registrationRequired ?? true},
              ${o.capacity === undefined ? 20 : o.capacity}, true)`.execute(db)
  }
  await sql`
    insert into meetup_occurrences (id, meetup_id, original_start, starts_at, ends_at, status, seq)
    values (${occurrenceId}, ${meetupId}, ${original}, ${startsAt.toISOString()}, ${new Date(startsAt.getTime() + 2 * 3600_000).toISOString()},
            'scheduled', nextval('change_seq'))`.execute(db)
  return { meetupId, occurrenceId }
}

interface Registered {
  id: string
  status: 'confirmed' | 'waitlisted'
  manageToken: string
}

/** Registers through the public API, as the app's form does; returns id, status and manage token. */
async function register(app: FastifyInstance, occurrenceId: string, n: number, overrides: Record<string, unknown> = {}): Promise<Registered> {
  const res = await app.inject(postJson('/api/v1/registrations', { ...registration(occurrenceId, n), ...overrides }))
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as Registered
}

const get = (app: FastifyInstance, url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })
const put = (app: FastifyInstance, url: string, cookie: string, body: unknown) =>
  app.inject({ method: 'PUT', url, headers: { cookie, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
const post = (app: FastifyInstance, url: string, cookie: string) => app.inject({ method: 'POST', url, headers: { cookie } })

const dateUrl = (occurrenceId: string) => `${BASE}/dates/${encodeURIComponent(occurrenceId)}`
const csvUrl = (occurrenceId: string, query = '') => `${dateUrl(occurrenceId)}/csv${query}`

function parseCsv(body: string, delimiter: ';' | ',') {
  return parse(body, { bom: true, delimiter, record_delimiter: '\r\n' }) as string[][]
}

async function auditRows(db: Kysely<Database>, action: string) {
  return db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute()
}

describe.each(DATABASES)('coordinator registrations on %s', (kind) => {
  it('lists the dates of the coordinator’s districts with capacity and counts after real registrations', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const stendal = await insertDate(db, { title: 'Sprachcafé Stendal (Beispiel)', capacity: 2 })
    const stendalLater = await insertDate(db, { meetupId: stendal.meetupId, inDays: 14 })
    const harz = await insertDate(db, { district: 'harz', title: 'Welcome Table Harz (Beispiel)', capacity: null })
    await insertDate(db, { title: 'Offenes Treffen', registrationRequired: false, capacity: null })
    const lastMonth = await insertDate(db, { title: 'Netzwerk (Beispiel)', inDays: -30 })
    await insertDate(db, { title: 'Zu alt (Beispiel)', inDays: -100 })
    // Registration switched off after people registered: the date stays listed while it has some.
    const switchedOff = await insertDate(db, { title: 'Umgestellt (Beispiel)', inDays: 3 })
    await register(app, switchedOff.occurrenceId, 9)
    await db.updateTable('meetups').set({ registration_required: false }).where('id', '=', switchedOff.meetupId).execute()

    const answers: Registered[] = []
    for (let n = 0; n < 4; n++) answers.push(await register(app, stendal.occurrenceId, n))
    expect(answers.map((a) => a.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted'])
    // The participant withdraws with their manage link: the first waiting person moves up.
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${answers[0]!.manageToken}` })).statusCode).toBe(204)
    await register(app, harz.occurrenceId, 5)

    const res = await get(app, `${BASE}/dates`, cast.stendal)
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    const dates = res.json() as Array<Record<string, unknown> & { occurrenceId: string }>
    expect(dates.map((d) => d.occurrenceId)).toEqual([lastMonth.occurrenceId, switchedOff.occurrenceId, stendal.occurrenceId, stendalLater.occurrenceId])
    expect(dates.find((d) => d.occurrenceId === stendal.occurrenceId)).toEqual({
      occurrenceId: stendal.occurrenceId,
      meetupId: stendal.meetupId,
      title: { de: 'Sprachcafé Stendal (Beispiel)', en: 'Network meeting (sample)' },
      kind: 'network-meeting',
      district: 'stendal',
      placeName: 'Rathaus (Beispiel)',
      startsAt: expect.any(String),
      endsAt: expect.any(String),
      status: 'scheduled',
      registrationRequired: true,
      capacity: 2,
      counts: { confirmed: 2, waitlisted: 1, cancelled: 1, requested: 0 },
    })
    expect(dates.find((d) => d.occurrenceId === stendalLater.occurrenceId)!.counts).toEqual({ confirmed: 0, waitlisted: 0, cancelled: 0, requested: 0 })
    expect(dates.find((d) => d.occurrenceId === switchedOff.occurrenceId)).toMatchObject({ registrationRequired: false, counts: { confirmed: 1 } })

    const harzDates = (await get(app, `${BASE}/dates`, cast.harz)).json() as typeof dates
    expect(harzDates.map((d) => [d.occurrenceId, d.capacity, d.counts])).toEqual([[harz.occurrenceId, null, { confirmed: 1, waitlisted: 0, cancelled: 0, requested: 0 }]])

    const all = (await get(app, `${BASE}/dates`, cast.admin)).json() as typeof dates
    expect(all.map((d) => d.occurrenceId).sort()).toEqual([...dates.map((d) => d.occurrenceId), harz.occurrenceId].sort())
    const adminHarz = (await get(app, `${BASE}/dates?district=harz`, cast.admin)).json() as typeof dates
    expect(adminHarz.map((d) => d.occurrenceId)).toEqual([harz.occurrenceId])
  })

  it('shows one date’s list in order, with places on the waiting list and erased entries without personal data', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { occurrenceId } = await insertDate(db, { capacity: 1 })
    const a = await register(app, occurrenceId, 1, { name: 'Jürgen Müßig (Beispiel)' })
    const b = await register(app, occurrenceId, 2, { name: 'مريم الأحمد', organisation: undefined })
    const c = await register(app, occurrenceId, 3, { name: 'Олена Коваленко' })
    const d = await register(app, occurrenceId, 4)
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${c.manageToken}` })).statusCode).toBe(204)

    const res = await get(app, dateUrl(occurrenceId), cast.stendal)
    expect(res.statusCode).toBe(200)
    const list = res.json()
    expect(list.date).toMatchObject({ occurrenceId, capacity: 1, counts: { confirmed: 1, waitlisted: 2, cancelled: 1 } })
    expect(list.registrations).toEqual([
      {
        id: a.id,
        status: 'confirmed',
        waitlistPosition: null,
        erased: false,
        name: 'Jürgen Müßig (Beispiel)',
        organisation: 'Verein Beispiel e. V.',
        email: 'person1@example.org',
        workingGroup: 'language',
        attendingAs: 'participant',
        contribution: null,
        client: expect.stringMatching(/^[0-9a-f]{12}$/),
        registeredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        cancelledAt: null,
        attendance: 'unknown',
      },
      expect.objectContaining({ id: b.id, status: 'waitlisted', waitlistPosition: 1, name: 'مريم الأحمد', organisation: null }),
      expect.objectContaining({ id: d.id, status: 'waitlisted', waitlistPosition: 2 }),
      expect.objectContaining({ id: c.id, status: 'cancelled', waitlistPosition: null, erased: true, name: null, organisation: null, email: null, cancelledAt: expect.any(String) }),
    ])

    // Past the retention period the data is erased, the row (and its status) stays.
    await db.updateTable('registrations').set({ event_ends_at: new Date(Date.now() - 60 * DAY) }).where('id', '=', a.id).execute()
    await runRetention(db, new Date(), 30)
    const after = (await get(app, dateUrl(occurrenceId), cast.admin)).json()
    expect(after.registrations[0]).toMatchObject({ id: a.id, status: 'confirmed', erased: true, name: null, email: null, organisation: null })
  })

  it('marks attendance yes, no and unknown again, and writes the audit log', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { occurrenceId } = await insertDate(db)
    const a = await register(app, occurrenceId, 1)
    const url = `${BASE}/${a.id}/attendance`
    const attended = async () => (await db.selectFrom('registrations').select('attended').where('id', '=', a.id).executeTakeFirstOrThrow()).attended

    const yes = await put(app, url, cast.stendal, { attendance: 'yes' })
    expect(yes.statusCode, yes.body).toBe(200)
    expect(yes.json()).toEqual({ id: a.id, attendance: 'yes' })
    expect(await attended()).toBe(true)
    expect((await put(app, url, cast.stendal, { attendance: 'yes' })).statusCode).toBe(200) // no change, no second entry
    expect((await put(app, url, cast.admin, { attendance: 'no' })).json()).toEqual({ id: a.id, attendance: 'no' })
    expect(await attended()).toBe(false)
    expect((await put(app, url, cast.stendal, { attendance: 'unknown' })).statusCode).toBe(200)
    expect(await attended()).toBe(null)
    expect((await get(app, dateUrl(occurrenceId), cast.stendal)).json().registrations[0].attendance).toBe('unknown')

    const audit = await auditRows(db, 'registration.attendance')
    expect(audit.map((r) => [r.actor, r.entity, r.entity_id, r.district, r.details])).toEqual([
      ['stendal@example.org', 'registration', a.id, 'stendal', { occurrenceId, attendance: 'yes', previous: 'unknown' }],
      ['admin@example.org', 'registration', a.id, 'stendal', { occurrenceId, attendance: 'no', previous: 'yes' }],
      ['stendal@example.org', 'registration', a.id, 'stendal', { occurrenceId, attendance: 'unknown', previous: 'no' }],
    ])
    expect(JSON.stringify(audit)).not.toContain('person1@example.org')

    // A cancelled registration has no attendance to mark.
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${a.manageToken}` })).statusCode).toBe(204)
    const refused = await put(app, url, cast.stendal, { attendance: 'yes' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({ error: 'conflict' })
  })

  it('lets a coordinator cancel on someone’s behalf: data erased, the first waiting person moves up, audited once', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { occurrenceId } = await insertDate(db, { capacity: 1 })
    const a = await register(app, occurrenceId, 1)
    const b = await register(app, occurrenceId, 2)
    const c = await register(app, occurrenceId, 3)
    expect([a.status, b.status, c.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted'])

    const res = await post(app, `${BASE}/${a.id}/cancel`, cast.stendal)
    expect(res.statusCode, res.body).toBe(200)
    const list = res.json()
    expect(list.date.counts).toEqual({ confirmed: 1, waitlisted: 1, cancelled: 1, requested: 0 })
    expect(list.registrations.map((r: { id: string; status: string; waitlistPosition: number | null }) => [r.id, r.status, r.waitlistPosition])).toEqual([
      [b.id, 'confirmed', null],
      [c.id, 'waitlisted', 1],
      [a.id, 'cancelled', null],
    ])
    const row = await db.selectFrom('registrations').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow()
    expect([row.status, row.name, row.email, row.organisation, row.consents]).toEqual(['cancelled', null, null, null, null])
    expect((await app.inject({ url: `/api/v1/manage/${b.manageToken}` })).json().status).toBe('confirmed')
    const counter = await db.selectFrom('registration_counters').selectAll().where('occurrence_id', '=', occurrenceId).executeTakeFirstOrThrow()
    expect(counter.confirmed).toBe(1)

    // Again: nothing changes, nothing more in the log. A waiting person's cancellation moves nobody up.
    expect((await post(app, `${BASE}/${a.id}/cancel`, cast.stendal)).statusCode).toBe(200)
    expect((await post(app, `${BASE}/${c.id}/cancel`, cast.admin)).json().date.counts).toEqual({ confirmed: 1, waitlisted: 0, cancelled: 2, requested: 0 })
    const audit = await auditRows(db, 'registration.cancel')
    expect(audit.map((r) => [r.actor, r.entity_id, r.district, r.details])).toEqual([
      ['stendal@example.org', a.id, 'stendal', { occurrenceId, previousStatus: 'confirmed', promoted: [b.id] }],
      ['admin@example.org', c.id, 'stendal', { occurrenceId, previousStatus: 'waitlisted', promoted: [] }],
    ])
  })

  it('keeps the capacity exact when coordinators cancel while people register', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { occurrenceId } = await insertDate(db, { capacity: 3 })
    const first: Registered[] = []
    for (let n = 0; n < 6; n++) first.push(await register(app, occurrenceId, n))
    const results = await Promise.all([
      ...first.slice(0, 3).map((r) => post(app, `${BASE}/${r.id}/cancel`, cast.stendal)),
      ...Array.from({ length: 5 }, (_, n) => app.inject(postJson('/api/v1/registrations', registration(occurrenceId, 10 + n), randomUUID(), `10.0.0.${n + 1}`))),
    ])
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 201, 201, 201, 201, 201])
    const rows = await db.selectFrom('registrations').select(['id', 'status']).where('occurrence_id', '=', occurrenceId).orderBy('created_at').execute()
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(3)
    // The three who waited longest took the freed places (whoever registered in between queued behind them).
    expect(rows.filter((r) => first.slice(3).some((f) => f.id === r.id)).map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed'])
    const list = (await get(app, dateUrl(occurrenceId), cast.stendal)).json()
    expect(list.date.counts).toEqual({ confirmed: 3, waitlisted: 5, cancelled: 3, requested: 0 })
    const promoted = (await auditRows(db, 'registration.cancel')).flatMap((r) => (r.details as { promoted: string[] }).promoted)
    expect(promoted.sort()).toEqual(first.slice(3).map((f) => f.id).sort())
  })

  it('exports a CSV that Excel and LibreOffice read: BOM, CRLF, quoting, both separators, translated header', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { occurrenceId } = await insertDate(db, { title: 'Sprachcafé Tangermünde (Beispiel)', capacity: 3 })
    const names = ['Jürgen Müßig', 'مريم الأحمد', 'Anna "Ani" Schmidt\nzweite Zeile', '=HYPERLINK("http://example.org","klick")']
    const ids: string[] = []
    for (const [n, name] of names.entries()) {
      ids.push((await register(app, occurrenceId, n, { name, organisation: ['Verein; Süd', '+49 391 0', '-1+1', '@SUM(A1)'][n] })).id)
    }
    await put(app, `${BASE}/${ids[0]}/attendance`, cast.stendal, { attendance: 'yes' })
    await put(app, `${BASE}/${ids[1]}/attendance`, cast.stendal, { attendance: 'no' })

    const res = await get(app, csvUrl(occurrenceId), cast.stendal)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="anmeldungen-\d{4}-\d\d-\d\d-\d{4}-Sprachcafe-Tangermuende-Beispiel\.csv"; filename\*=UTF-8''[A-Za-z0-9%._-]+\.csv$/)
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const text = res.rawPayload.toString('utf8')
    expect(text.endsWith('\r\n')).toBe(true)
    // Every line break outside a quoted cell is CRLF: csv-parse splits records on CRLF only, and every record has 7 fields.
    const rows = parseCsv(text, ';')
    expect(rows[0]).toEqual(['Status', 'Name', 'Organisation', 'E-Mail', 'Arbeitsgruppe', 'Angemeldet am', 'Teilnahme'])
    expect(rows.slice(1)).toEqual([
      ['bestätigt', 'Jürgen Müßig', 'Verein; Süd', 'person0@example.org', 'Sprache', expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d$/), 'ja'],
      ['bestätigt', 'مريم الأحمد', "'+49 391 0", 'person1@example.org', 'Sprache', expect.any(String), 'nein'],
      ['bestätigt', 'Anna "Ani" Schmidt\nzweite Zeile', "'-1+1", 'person2@example.org', 'Sprache', expect.any(String), ''],
      ['Warteliste', '\'=HYPERLINK("http://example.org","klick")', "'@SUM(A1)", 'person3@example.org', 'Sprache', expect.any(String), ''],
    ])
    expect(text).toContain('"Anna ""Ani"" Schmidt\nzweite Zeile"')

    const comma = await get(app, csvUrl(occurrenceId, '?separator=comma&lang=en'), cast.admin)
    expect(comma.statusCode).toBe(200)
    expect(comma.headers['content-disposition']).toMatch(/filename="registrations-/)
    const commaRows = parseCsv(comma.rawPayload.toString('utf8'), ',')
    expect(commaRows[0]).toEqual(['Status', 'Name', 'Organisation', 'E-mail', 'Working group', 'Registered on', 'Attendance'])
    expect(commaRows.slice(1).map((r) => r.slice(0, 3))).toEqual(rows.slice(1).map((r) => [{ bestätigt: 'confirmed', Warteliste: 'waiting list' }[r[0]!]!, r[1], r[2]]))
    expect(commaRows[1]![6]).toBe('yes')

    // The same list in Arabic and Ukrainian headers; the reader's file name in filename*.
    const arabic = await get(app, csvUrl(occurrenceId, '?lang=ar'), cast.stendal)
    expect(parseCsv(arabic.rawPayload.toString('utf8'), ';')[0]![1]).toBe('الاسم')
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(arabic.headers['content-disposition'] as string)![1]!)).toMatch(/^التسجيلات-/)
    const ukrainian = await get(app, csvUrl(occurrenceId, '?lang=uk&separator=semicolon'), cast.stendal)
    expect(parseCsv(ukrainian.rawPayload.toString('utf8'), ';')[0]![0]).toBe('Статус')

    // A cancelled (erased) entry appears without personal data.
    await post(app, `${BASE}/${ids[2]}/cancel`, cast.stendal)
    const afterCancel = parseCsv((await get(app, csvUrl(occurrenceId), cast.stendal)).rawPayload.toString('utf8'), ';')
    expect(afterCancel.at(-1)!.slice(0, 5)).toEqual(['abgesagt', '(gelöscht)', '', '', 'Sprache'])
    expect(afterCancel.map((r) => r[0])).toEqual(['Status', 'bestätigt', 'bestätigt', 'bestätigt', 'abgesagt'])
  })

  it('keeps Harz out of Stendal’s registrations, lets the admin in, and asks everyone else to log in', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { occurrenceId } = await insertDate(db, { district: 'stendal', capacity: 1 })
    const a = await register(app, occurrenceId, 1)
    const b = await register(app, occurrenceId, 2)
    const requests = [
      { method: 'GET', url: dateUrl(occurrenceId) },
      { method: 'GET', url: csvUrl(occurrenceId) },
      { method: 'GET', url: csvUrl(occurrenceId, '?separator=comma') },
      { method: 'GET', url: `${BASE}/dates?district=stendal` },
      { method: 'PUT', url: `${BASE}/${a.id}/attendance`, body: { attendance: 'yes' } },
      { method: 'POST', url: `${BASE}/${b.id}/cancel` },
    ] as const
    const send = (r: (typeof requests)[number], cookie?: string) =>
      app.inject({
        method: r.method,
        url: r.url,
        headers: { ...(cookie ? { cookie } : {}), ...('body' in r ? { 'content-type': 'application/json' } : {}) },
        ...('body' in r ? { payload: JSON.stringify(r.body) } : {}),
      })

    for (const r of requests) {
      const harz = await send(r, cast.harz)
      expect([r.method, r.url, harz.statusCode]).toEqual([r.method, r.url, 403])
      expect(harz.json()).toMatchObject({ error: 'forbidden' })
      expect(harz.body).not.toContain('person1@example.org')
      expect([r.method, r.url, (await send(r)).statusCode]).toEqual([r.method, r.url, 401])
    }
    // Harz's own list does not show Stendal's date; nothing was changed by the refused requests.
    expect((await get(app, `${BASE}/dates`, cast.harz)).json()).toEqual([])
    const rows = await db.selectFrom('registrations').select(['id', 'status', 'attended']).orderBy('created_at').execute()
    expect(rows).toEqual([
      { id: a.id, status: 'confirmed', attended: null },
      { id: b.id, status: 'waitlisted', attended: null },
    ])
    expect(await db.selectFrom('audit_log').select('id').where('action', 'like', 'registration.%').execute()).toEqual([])

    for (const cookie of [cast.stendal, cast.admin]) {
      for (const r of requests) expect([cookie === cast.admin ? 'admin' : 'stendal', r.method, r.url, (await send(r, cookie)).statusCode]).toEqual([cookie === cast.admin ? 'admin' : 'stendal', r.method, r.url, 200])
    }
  })

  it('answers bad input with 4xx and a field, never a 5xx', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { occurrenceId } = await insertDate(db)
    const a = await register(app, occurrenceId, 1)
    const cases: Array<[string, Promise<{ statusCode: number; json: () => unknown }>, number, Record<string, unknown>]> = [
      ['unknown date', get(app, dateUrl(`${randomUUID()}:20261203T1700`), cast.admin), 404, { error: 'not_found' }],
      ['unknown date as CSV', get(app, csvUrl(`${randomUUID()}:20261203T1700`), cast.stendal), 404, { error: 'not_found' }],
      ['a date id with other characters', get(app, `${BASE}/dates/${encodeURIComponent('a b;drop')}`, cast.stendal), 400, { error: 'validation' }],
      ['an unknown district', get(app, `${BASE}/dates?district=atlantis`, cast.admin), 400, { error: 'validation', fields: { district: expect.any(String) } }],
      ['another district for a coordinator', get(app, `${BASE}/dates?district=harz`, cast.stendal), 403, { error: 'forbidden' }],
      ['an unknown filter', get(app, `${BASE}/dates?period=all`, cast.stendal), 400, { error: 'validation' }],
      ['a tab separator', get(app, csvUrl(occurrenceId, '?separator=tab'), cast.stendal), 400, { error: 'validation', fields: { separator: expect.any(String) } }],
      ['a language the app does not have', get(app, csvUrl(occurrenceId, '?lang=fr'), cast.stendal), 400, { error: 'validation', fields: { lang: expect.any(String) } }],
      ['attendance as a boolean', put(app, `${BASE}/${a.id}/attendance`, cast.stendal, { attendance: true }), 400, { error: 'validation', fields: { attendance: expect.any(String) } }],
      ['attendance missing', put(app, `${BASE}/${a.id}/attendance`, cast.stendal, {}), 400, { error: 'validation', fields: { attendance: 'errors.required' } }],
      ['an extra field', put(app, `${BASE}/${a.id}/attendance`, cast.stendal, { attendance: 'yes', note: 'x' }), 400, { error: 'validation', fields: { note: expect.any(String) } }],
      ['a registration id that is no UUID', put(app, `${BASE}/not-a-uuid/attendance`, cast.stendal, { attendance: 'yes' }), 400, { error: 'validation' }],
      ['an unknown registration', put(app, `${BASE}/${randomUUID()}/attendance`, cast.stendal, { attendance: 'yes' }), 404, { error: 'not_found' }],
      ['cancelling an unknown registration', post(app, `${BASE}/${randomUUID()}/cancel`, cast.admin), 404, { error: 'not_found' }],
      [
        'attendance as form data',
        app.inject({ method: 'PUT', url: `${BASE}/${a.id}/attendance`, headers: { cookie: cast.stendal, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'attendance=yes' }),
        415,
        { error: 'unsupported_media_type' },
      ],
      [
        'broken JSON',
        app.inject({ method: 'PUT', url: `${BASE}/${a.id}/attendance`, headers: { cookie: cast.stendal, 'content-type': 'application/json' }, payload: '{"attendance":' }),
        400,
        { error: 'bad_json' },
      ],
    ]
    for (const [label, pending, status, body] of cases) {
      const res = await pending
      expect([label, res.statusCode]).toEqual([label, status])
      expect(res.json()).toMatchObject({ message: expect.any(String), fields: expect.any(Object), ...body })
    }
    expect(await db.selectFrom('registrations').select('attended').execute()).toEqual([{ attended: null }])
  })

  it('describes every route in the OpenAPI document', async () => {
    const { app } = await buildTestApp(kind)
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> }
    expect(Object.keys(doc.paths).filter((p) => p.startsWith(BASE)).sort()).toEqual([
      `${BASE}/dates`,
      `${BASE}/dates/{occurrenceId}`,
      `${BASE}/dates/{occurrenceId}/clients/{client}/cancel`,
      `${BASE}/dates/{occurrenceId}/csv`,
      `${BASE}/{id}/attendance`,
      `${BASE}/{id}/cancel`,
      `${BASE}/{id}/guest-decision`,
    ])
    expect(Object.keys((doc.paths[`${BASE}/dates/{occurrenceId}/csv`]!.get as { responses: Record<string, { content: object }> }).responses['200']!.content)).toEqual(['text/csv'])
  })
})
