import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import type { RegistrationListDto } from '../../src/shared/coordination/registrations.schema.ts'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginAs, loginCast } from './coordination-fixtures.ts'
import { clientAddress, insertEventDate, postJson, registration } from './volunteering-fixtures.ts'

const BASE = '/api/v1/coordination/registrations'
const dateUrl = (occurrenceId: string) => `${BASE}/dates/${encodeURIComponent(occurrenceId)}`
const register = (app: FastifyInstance, occurrenceId: string, n: number, address: string) =>
  app.inject(postJson('/api/v1/registrations', registration(occurrenceId, n), randomUUID(), address))
const list = async (app: FastifyInstance, occurrenceId: string, cookie: string) =>
  (await app.inject({ method: 'GET', url: dateUrl(occurrenceId), headers: { cookie } })).json<RegistrationListDto>()

describe.each(DATABASES)('registrations per client and date (%s)', (kind) => {
  it('one address takes at most the limit of a date; the next gets 409 registration_limit, other dates and addresses are free', { timeout: 240_000 }, async () => {
    const { app, db } = await buildTestApp(kind, { registrationsPerClientAndDate: 3 })
    const date = await insertEventDate(db, { capacity: 2 })
    const statuses = []
    for (let n = 0; n < 3; n++) statuses.push((await register(app, date, n, '203.0.113.7')).json<{ status: string }>().status)
    expect(statuses).toEqual(['confirmed', 'confirmed', 'waitlisted'])
    const fourth = await register(app, date, 3, '203.0.113.7')
    expect(fourth.statusCode).toBe(409)
    expect(fourth.json()).toMatchObject({ error: 'registration_limit' })
    // Another address, and the same address for another date, are not limited by it.
    expect((await register(app, date, 4, '203.0.113.8')).statusCode).toBe(201)
    const other = await insertEventDate(db, { startsAt: new Date(Date.now() + 9 * 86400000) })
    expect((await register(app, other, 5, '203.0.113.7')).statusCode).toBe(201)
    // A withdrawn entry frees the client's turn.
    const first = await register(app, date, 6, '203.0.113.9')
    await app.inject({ method: 'DELETE', url: `/api/v1/manage/${first.json<{ manageToken: string }>().manageToken}` })
    for (let n = 7; n < 10; n++) expect((await register(app, date, n, '203.0.113.9')).statusCode).toBe(201)
  })

  it('many phones racing from one address: exactly the limit gets through', { timeout: 240_000 }, async () => {
    const { app, db } = await buildTestApp(kind, { registrationsPerClientAndDate: 5 })
    const date = await insertEventDate(db, { capacity: 20 })
    const answers = await Promise.all(Array.from({ length: 30 }, (_, n) => register(app, date, n, '198.51.100.1')))
    const codes = answers.map((a) => a.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(5)
    expect(codes.filter((c) => c === 409)).toHaveLength(25)
  })

  it('a coordinator sees entries grouped by client and removes one client’s entries at once: places free, the waiting list moves up, audited', { timeout: 240_000 }, async () => {
    const { app, db } = await buildTestApp(kind, { registrationsPerClientAndDate: 60 })
    const cast = await loginCast(app, db)
    const magdeburg = await loginAs(app, db, { email: 'magdeburg@example.org', districts: ['magdeburg'] })
    const date = await insertEventDate(db, { capacity: 20 })
    // One client takes all 20 places and 10 waiting places; then three people from elsewhere wait.
    for (let n = 0; n < 30; n++) expect((await register(app, date, n, '192.0.2.66')).statusCode).toBe(201)
    const people = []
    for (let n = 0; n < 3; n++) people.push((await register(app, date, 100 + n, clientAddress(n + 1))).json<{ id: string; status: string }>())
    expect(people.map((p) => p.status)).toEqual(['waitlisted', 'waitlisted', 'waitlisted'])

    const before = await list(app, date, cast.admin)
    const bulk = before.registrations.filter((r) => r.name?.startsWith('Teilnehmer ') && Number(r.name.split(' ')[1]) < 30)
    const fingerprints = new Set(bulk.map((r) => r.client))
    expect(fingerprints.size).toBe(1)
    const [client] = [...fingerprints]
    expect(client).toMatch(/^[0-9a-f]{12}$/)
    // The three others each have their own fingerprint.
    expect(new Set(before.registrations.map((r) => r.client)).size).toBe(4)

    // Harz may not; Magdeburg's coordinator may.
    expect((await app.inject({ method: 'POST', url: `${dateUrl(date)}/clients/${client}/cancel`, headers: { cookie: cast.harz } })).statusCode).toBe(403)
    const res = await app.inject({ method: 'POST', url: `${dateUrl(date)}/clients/${client}/cancel`, headers: { cookie: magdeburg } })
    expect(res.statusCode, res.body).toBe(200)
    const after = res.json<RegistrationListDto>()
    const live = after.registrations.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted')
    expect(live.map((r) => [r.id, r.status])).toEqual(people.map((p) => [p.id, 'confirmed']))
    expect(after.date.counts).toMatchObject({ confirmed: 3, waitlisted: 0, cancelled: 30 })
    expect(after.registrations.filter((r) => r.status === 'cancelled').every((r) => r.erased && r.name === null && r.client === null)).toBe(true)
    // Erased means erased: no client hash is left behind either.
    const hashes = await db.selectFrom('registrations').select('client_hash').where('status', '=', 'cancelled').execute()
    expect(hashes.every((h) => h.client_hash === null)).toBe(true)

    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'registration.bulk-cancel').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actor: 'magdeburg@example.org', entity: 'date', entity_id: date, district: 'magdeburg' })
    const details = audit[0]!.details as { cancelled: string[]; promoted: string[] }
    expect(details.cancelled).toHaveLength(30)
    expect([...details.promoted].sort()).toEqual(people.map((p) => p.id).sort())
    // Repeating finds nothing left of that client.
    expect((await app.inject({ method: 'POST', url: `${dateUrl(date)}/clients/${client}/cancel`, headers: { cookie: cast.admin } })).statusCode).toBe(404)
  })
})
