import { randomBytes, randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { DATABASES } from './test-app.ts'
import { localDay, meeting, MEETUPS, setupNetworkMeeting as setup } from './network-meeting-fixture.ts'
import { clientAddress, postJson, registration } from './volunteering-fixtures.ts'
import type { EditorDetail } from '../../src/shared/coordination/meetup-editor.schema.ts'
import type { RegistrationListDto } from '../../src/shared/coordination/registrations.schema.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'

/**
 * Registrations follow what happens to their date (issue 16 items 2, 3, 6): places that free up go
 * to the waiting list, a cancelled or moved date reaches the people registered, and one person
 * holds one place per date.
 */

let client = 0

interface Answer {
  id: string
  status: string
  manageToken: string
}

async function register(app: FastifyInstance, occurrenceId: string, n: number, headers: Record<string, string> = {}): Promise<Answer> {
  const request = postJson('/api/v1/registrations', registration(occurrenceId, n), randomUUID(), clientAddress(++client))
  const res = await app.inject({ ...request, headers: { ...request.headers, ...headers } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Answer>()
}

async function statusOf(app: FastifyInstance, answer: Answer): Promise<string> {
  return (await app.inject({ url: `/api/v1/manage/${answer.manageToken}` })).json<{ status: string }>().status
}

async function list(app: FastifyInstance, cookie: string, occurrenceId: string): Promise<RegistrationListDto> {
  const res = await app.inject({ url: `/api/v1/coordination/registrations/dates/${encodeURIComponent(occurrenceId)}`, headers: { cookie } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json<RegistrationListDto>()
}

describe.each(DATABASES)('the waiting list moves whenever places free up, on %s', (kind) => {
  it('raising the capacity 3 → 5 confirms the first two waiting, in order; the next new one waits', async () => {
    const { app, cast, meetup } = await setup(kind, 3)
    const date = meetup.dates[0]!.id
    const people = []
    for (let n = 0; n < 6; n++) people.push(await register(app, date, n))
    expect(people.map((p) => p.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted', 'waitlisted'])

    const raised = await app.inject({ method: 'PUT', url: `${MEETUPS}/${meetup.id}`, headers: { cookie: cast.stendal }, payload: { ...meeting(5), revision: meetup.revision } })
    expect(raised.statusCode, raised.body).toBe(200)
    expect(await Promise.all(people.map((p) => statusOf(app, p)))).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'waitlisted'])
    expect((await register(app, date, 6)).status).toBe('waitlisted')
    const after = await list(app, cast.stendal, date)
    expect(after.date.counts).toEqual({ confirmed: 5, waitlisted: 2, cancelled: 0, requested: 0 })
    // The other dates of the series, with nobody waiting, are untouched.
    expect((await list(app, cast.stendal, meetup.dates[1]!.id)).date.counts.confirmed).toBe(0)
  })

  it('one date can have its own capacity: it decides there, reaches phones by the sync, and frees places', async () => {
    const { app, cast, meetup } = await setup(kind, 2)
    const [first, second] = meetup.dates
    const people = []
    for (let n = 0; n < 4; n++) people.push(await register(app, first!.id, n))
    const since = (await app.inject({ url: '/api/v1/sync?since=0' })).json<SyncResponse>().cursor

    const set = await app.inject({ method: 'PUT', url: `${MEETUPS}/${meetup.id}/dates/${first!.original}/capacity`, headers: { cookie: cast.stendal }, payload: { capacity: 3 } })
    expect(set.statusCode, set.body).toBe(200)
    expect(set.json<EditorDetail>().dates.find((d) => d.id === first!.id)).toMatchObject({ capacity: 3, registered: 4 })
    expect(set.json<EditorDetail>().dates.find((d) => d.id === second!.id)).toMatchObject({ capacity: null })
    expect(await Promise.all(people.map((p) => statusOf(app, p)))).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted'])
    expect((await list(app, cast.stendal, first!.id)).date.capacity).toBe(3)
    expect((await list(app, cast.stendal, second!.id)).date.capacity).toBe(2)

    const delta = (await app.inject({ url: `/api/v1/sync?since=${since}` })).json<SyncResponse>()
    expect(delta.changes.meetupOccurrences).toEqual([expect.objectContaining({ id: first!.id, capacity: 3 })])

    // Back to the series' capacity: nobody loses a place, the next one waits.
    const reset = await app.inject({ method: 'DELETE', url: `${MEETUPS}/${meetup.id}/dates/${first!.original}/capacity`, headers: { cookie: cast.stendal } })
    expect(reset.statusCode, reset.body).toBe(200)
    expect((await list(app, cast.stendal, first!.id)).date).toMatchObject({ capacity: 2, counts: { confirmed: 3, waitlisted: 1 } })

    const audit = await app.inject({ url: '/api/v1/coordination/audit', headers: { cookie: cast.admin } })
    expect(JSON.stringify(audit.json())).toContain('date.capacity')
    const other = await app.inject({ method: 'PUT', url: `${MEETUPS}/${meetup.id}/dates/${first!.original}/capacity`, headers: { cookie: cast.harz }, payload: { capacity: 9 } })
    expect(other.statusCode).toBe(403)
    const bad = await app.inject({ method: 'PUT', url: `${MEETUPS}/${meetup.id}/dates/${first!.original}/capacity`, headers: { cookie: cast.stendal }, payload: { capacity: 0 } })
    expect(bad.statusCode, bad.body).toBe(400)
    expect(bad.json().fields).toHaveProperty('capacity')
  })

  it('a withdrawal, a coordinator cancellation and a person giving up a place each move the next one up', async () => {
    const { app, cast, meetup } = await setup(kind, 1)
    const date = meetup.dates[0]!.id
    const people = []
    for (let n = 0; n < 4; n++) people.push(await register(app, date, n))
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${people[0]!.manageToken}` })).statusCode).toBe(204)
    expect(await statusOf(app, people[1]!)).toBe('confirmed')
    const cancelled = await app.inject({ method: 'POST', url: `/api/v1/coordination/registrations/${people[1]!.id}/cancel`, headers: { cookie: cast.stendal } })
    expect(cancelled.statusCode).toBe(200)
    expect(await statusOf(app, people[2]!)).toBe('confirmed')
    // A waiting person who leaves frees nothing; the one behind them keeps waiting, now first.
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${people[3]!.manageToken}` })).statusCode).toBe(204)
    expect((await list(app, cast.stendal, date)).date.counts).toEqual({ confirmed: 1, waitlisted: 0, cancelled: 3, requested: 0 })
  })
})

describe.each(DATABASES)('a cancelled or moved date reaches the people registered, on %s', (kind) => {
  it('cancelling a date turns its registrations into "date cancelled", kept, places freed; restoring brings them back in order', async () => {
    const { app, cast, meetup } = await setup(kind, 2)
    const date = meetup.dates[1]!
    const people = []
    for (let n = 0; n < 3; n++) people.push(await register(app, date.id, n))
    // The editor tells the coordinator beforehand how many people are registered.
    const detail = (await app.inject({ url: `${MEETUPS}/${meetup.id}`, headers: { cookie: cast.stendal } })).json<EditorDetail>()
    expect(detail.dates.map((d) => d.registered)).toEqual([0, 3, 0])

    const res = await app.inject({ method: 'POST', url: `${MEETUPS}/${meetup.id}/dates/${date.original}/cancel`, headers: { cookie: cast.stendal } })
    expect(res.statusCode).toBe(200)
    const shown = (await app.inject({ url: `/api/v1/manage/${people[0]!.manageToken}` })).json()
    expect(shown).toMatchObject({
      status: 'date_cancelled',
      personal: { name: 'Teilnehmer 0 (Beispiel)' },
      about: { occurrenceId: date.id, event: { title: { de: 'Netzwerktreffen Stendal' }, status: 'cancelled', startsAt: date.startsAt, movedFrom: null } },
    })
    expect(await statusOf(app, people[2]!)).toBe('date_cancelled')
    const cancelledList = await list(app, cast.stendal, date.id)
    expect(cancelledList.date.counts).toEqual({ confirmed: 0, waitlisted: 0, cancelled: 3, requested: 0 })
    expect(cancelledList.registrations.map((r) => [r.status, r.erased])).toEqual([
      ['date_cancelled', false],
      ['date_cancelled', false],
      ['date_cancelled', false],
    ])
    // Nobody can register for it now, and withdrawing still works (and erases).
    const late = await app.inject(postJson('/api/v1/registrations', registration(date.id, 9), randomUUID(), clientAddress(++client)))
    expect(late.json().error).toBe('occurrence_cancelled')

    const restored = await app.inject({ method: 'POST', url: `${MEETUPS}/${meetup.id}/dates/${date.original}/restore`, headers: { cookie: cast.stendal } })
    expect(restored.statusCode).toBe(200)
    expect(await Promise.all(people.map((p) => statusOf(app, p)))).toEqual(['confirmed', 'confirmed', 'waitlisted'])
  })

  it('cancelling the whole event reaches every date\'s registrations', async () => {
    const { app, cast, meetup } = await setup(kind, 5)
    const a = await register(app, meetup.dates[0]!.id, 0)
    const b = await register(app, meetup.dates[2]!.id, 1)
    expect((await app.inject({ method: 'POST', url: `${MEETUPS}/${meetup.id}/cancel`, headers: { cookie: cast.stendal } })).statusCode).toBe(200)
    expect([await statusOf(app, a), await statusOf(app, b)]).toEqual(['date_cancelled', 'date_cancelled'])
  })

  it('moving a date shows the new time and "moved" to the people registered', async () => {
    const { app, db, cast, meetup } = await setup(kind, 5)
    const date = meetup.dates[0]!
    const person = await register(app, date.id, 0)
    const newStart = `${localDay(8)}T19:30`
    const moved = await app.inject({ method: 'POST', url: `${MEETUPS}/${meetup.id}/dates/${date.original}/move`, headers: { cookie: cast.stendal }, payload: { startsLocal: newStart } })
    expect(moved.statusCode).toBe(200)
    const now = moved.json<EditorDetail>().dates.find((d) => d.id === date.id)!
    const shown = (await app.inject({ url: `/api/v1/manage/${person.manageToken}` })).json()
    expect(shown).toMatchObject({ status: 'confirmed', about: { event: { status: 'scheduled', startsAt: now.startsAt, endsAt: now.endsAt, movedFrom: date.startsAt } } })
    // Retention counts from the new end.
    const row = await db.selectFrom('registrations').select('event_ends_at').where('id', '=', person.id).executeTakeFirstOrThrow()
    expect(row.event_ends_at.toISOString()).toBe(now.endsAt)
  })
})

describe.each(DATABASES)('one person, one place per date, on %s', (kind) => {
  it('the same e-mail address (any case, spaces) for the same date takes no second place', async () => {
    const { app, cast, meetup } = await setup(kind, 1)
    const date = meetup.dates[0]!.id
    const first = await register(app, date, 0)
    const again = await app.inject(postJson('/api/v1/registrations', { ...registration(date, 1), email: '  PERSON0@Example.org ' }, randomUUID(), clientAddress(++client)))
    expect(again.statusCode, again.body).toBe(409)
    expect(again.json()).toMatchObject({ error: 'already_registered', fields: { email: 'errors.registration.duplicate' } })
    expect((await list(app, cast.stendal, date)).date.counts).toEqual({ confirmed: 1, waitlisted: 0, cancelled: 0, requested: 0 })
    // Another date of the same event is another place.
    expect((await register(app, meetup.dates[1]!.id, 0)).status).toBe('confirmed')
    // After withdrawing, the same address may register again.
    await app.inject({ method: 'DELETE', url: `/api/v1/manage/${first.manageToken}` })
    expect((await register(app, date, 0)).status).toBe('confirmed')
  })

  it('the same phone\'s second entry for a date is answered with the first: same id, status and manage token', async () => {
    const { app, cast, meetup } = await setup(kind, 1)
    const date = meetup.dates[0]!.id
    const phone = { 'x-device-key': randomBytes(32).toString('base64url') }
    const first = await register(app, date, 0, phone)
    const request = postJson('/api/v1/registrations', registration(date, 1), randomUUID(), clientAddress(++client))
    const second = await app.inject({ ...request, headers: { ...request.headers, ...phone } })
    expect(second.statusCode, second.body).toBe(200)
    expect(second.json()).toEqual(first)
    // Another phone is another person.
    expect((await register(app, date, 2, { 'x-device-key': randomBytes(32).toString('base64url') })).status).toBe('waitlisted')
    expect((await list(app, cast.stendal, date)).date.counts).toEqual({ confirmed: 1, waitlisted: 1, cancelled: 0, requested: 0 })
    // Withdrawn, the phone can register anew: a new registration with a new token.
    await app.inject({ method: 'DELETE', url: `/api/v1/manage/${first.manageToken}` })
    const anew = await register(app, date, 0, phone)
    expect(anew.id).not.toBe(first.id)
    expect(anew.manageToken).not.toBe(first.manageToken)
  })

  it('twenty at once from one phone or with one address still take one place', async () => {
    const { app, cast, meetup } = await setup(kind, 30)
    const [a, b] = meetup.dates
    const phone = { 'x-device-key': randomBytes(32).toString('base64url') }
    const fromPhone = await Promise.all(
      Array.from({ length: 20 }, (_, n) => {
        const request = postJson('/api/v1/registrations', registration(a!.id, n), randomUUID(), clientAddress(++client))
        return app.inject({ ...request, headers: { ...request.headers, ...phone } })
      }),
    )
    expect(fromPhone.map((r) => r.statusCode).sort()).toEqual([...Array(19).fill(200), 201])
    expect(new Set(fromPhone.map((r) => r.json<Answer>().manageToken)).size).toBe(1)
    const sameAddress = await Promise.all(Array.from({ length: 20 }, () => app.inject(postJson('/api/v1/registrations', registration(b!.id, 7), randomUUID(), clientAddress(++client)))))
    expect(sameAddress.map((r) => r.statusCode).sort()).toEqual([201, ...Array(19).fill(409)])
    expect((await list(app, cast.stendal, a!.id)).date.counts.confirmed).toBe(1)
    expect((await list(app, cast.stendal, b!.id)).date.counts.confirmed).toBe(1)
  })
})
