import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { insertEventDate, postJson, registration, tandemOffer } from './volunteering-fixtures.ts'
import { runRetention, UNDECIDED_DECLARATION_DAYS } from '../../server/volunteering/retention.ts'
import { declaration } from './coordination-fixtures.ts'
import { changeDate } from '../../server/coordination/meetups/meetup-editor.service.ts'

const json = { 'content-type': 'application/json' }
const keyed = (extra: Record<string, string> = {}) => ({ ...json, 'idempotency-key': randomUUID(), ...extra })
const body = (value: unknown) => JSON.stringify(value)

interface Malformed {
  name: string
  headers: Record<string, string>
  payload: string | Buffer
  status: number
  error: string
  fields?: Record<string, string>
}

const MALFORMED: Malformed[] = [
  { name: 'a number as the name', headers: keyed(), payload: body(tandemOffer({ name: { first: 'x' } })), status: 400, error: 'validation', fields: { name: 'errors.invalid' } },
  { name: 'a string as the languages', headers: keyed(), payload: body(tandemOffer({ languages: { de: 'native' } })), status: 400, error: 'validation' },
  { name: 'a string as a consent', headers: keyed(), payload: body(tandemOffer({ consents: 'yes' })), status: 400, error: 'validation', fields: { consents: 'errors.invalid' } },
  { name: 'an array as the body', headers: keyed(), payload: body([tandemOffer()]), status: 400, error: 'validation' },
  { name: 'null as the body', headers: keyed(), payload: 'null', status: 400, error: 'validation' },
  { name: 'an unknown field', headers: keyed(), payload: body(tandemOffer({ isAdmin: true })), status: 400, error: 'validation', fields: { isAdmin: 'errors.unknownField' } },
  { name: 'an unknown nested field', headers: keyed(), payload: body(tandemOffer({ languages: [{ code: 'de', level: 'native', x: 1 }] })), status: 400, error: 'validation', fields: { 'languages.0.x': 'errors.unknownField' } },
  { name: 'a __proto__ key', headers: keyed(), payload: '{"__proto__": {"polluted": true}, "role": "offer"}', status: 400, error: 'bad_json' },
  { name: 'a missing required field', headers: keyed(), payload: body(tandemOffer({ district: undefined })), status: 400, error: 'validation', fields: { district: 'errors.required' } },
  { name: 'an unknown district', headers: keyed(), payload: body(tandemOffer({ district: 'atlantis' })), status: 400, error: 'validation', fields: { district: 'errors.invalid' } },
  { name: 'a broken e-mail address', headers: keyed(), payload: body(tandemOffer({ email: 'erika@' })), status: 400, error: 'validation', fields: { email: 'errors.email.invalid' } },
  { name: 'a phone number with letters', headers: keyed(), payload: body(tandemOffer({ phone: '0391 CALL ME' })), status: 400, error: 'validation', fields: { phone: 'errors.phone.invalid' } },
  { name: 'a name that is too long', headers: keyed(), payload: body(tandemOffer({ name: 'x'.repeat(101) })), status: 400, error: 'validation', fields: { name: 'errors.tooLong' } },
  { name: 'a consent text version that does not exist', headers: keyed(), payload: body(tandemOffer({ consents: { store: { textVersion: '1999', givenAt: '2026-11-20T10:00:00Z' } } })), status: 400, error: 'validation', fields: { 'consents.store.textVersion': 'errors.invalid' } },
  { name: 'no consent to store', headers: keyed(), payload: body(tandemOffer({ consents: {} })), status: 400, error: 'validation', fields: { 'consents.store': 'errors.required' } },
  { name: 'a body above 64 KB', headers: keyed(), payload: body(tandemOffer({ note: 'x'.repeat(70_000) })), status: 413, error: 'too_large' },
  { name: 'broken JSON', headers: keyed(), payload: '{"role": "offer",', status: 400, error: 'bad_json' },
  { name: 'an empty body', headers: keyed(), payload: '', status: 400, error: 'bad_json' },
  { name: 'bytes that are not UTF-8', headers: keyed(), payload: Buffer.concat([Buffer.from('{"role":"offer","name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]), status: 400, error: 'bad_encoding' },
  { name: 'no Idempotency-Key', headers: json, payload: body(tandemOffer()), status: 400, error: 'validation', fields: { 'idempotency-key': 'errors.required' } },
  { name: 'an Idempotency-Key that is no UUID', headers: keyed({ 'idempotency-key': 'once-please' }), payload: body(tandemOffer()), status: 400, error: 'validation', fields: { 'idempotency-key': 'errors.invalid' } },
  { name: 'a form content type', headers: keyed({ 'content-type': 'application/x-www-form-urlencoded' }), payload: 'role=offer', status: 415, error: 'unsupported_media_type' },
  { name: 'a text content type', headers: keyed({ 'content-type': 'text/plain' }), payload: body(tandemOffer()), status: 415, error: 'unsupported_media_type' },
]

describe.each(DATABASES)('bad input on %s', (kind) => {
  it('answers every malformed submission with a 4xx in the JSON error shape and stores nothing', async () => {
    const { app, db } = await buildTestApp(kind)
    for (const [n, bad] of MALFORMED.entries()) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/tandems', headers: bad.headers, payload: bad.payload, remoteAddress: `10.0.0.${n}` })
      expect({ name: bad.name, status: res.statusCode }).toEqual({ name: bad.name, status: bad.status })
      const answer = res.json()
      expect(answer, bad.name).toEqual({ error: bad.error, message: expect.any(String), fields: bad.fields ?? expect.any(Object) })
    }
    expect(await db.selectFrom('tandems').select('id').execute()).toEqual([])
  })

  it('limits submissions per client with a JSON 429, leaving other clients and other routes alone', async () => {
    const { app, db } = await buildTestApp(kind)
    const occurrenceId = await insertEventDate(db, { capacity: null })
    const statuses: number[] = []
    for (let n = 0; n < 61; n++) statuses.push((await app.inject(postJson('/api/v1/registrations', registration(occurrenceId, n)))).statusCode)
    expect(statuses.slice(0, 60).every((s) => s === 201)).toBe(true)
    const limited = await app.inject(postJson('/api/v1/registrations', registration(occurrenceId, 99)))
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toEqual({ error: 'rate_limited', message: expect.any(String), fields: {} })
    expect((await app.inject(postJson('/api/v1/registrations', registration(occurrenceId, 98), randomUUID(), '10.9.9.9'))).statusCode).toBe(201)
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
  })

  it('documents the volunteering routes in OpenAPI', async () => {
    const { app } = await buildTestApp(kind)
    const doc = (await app.inject({ url: '/api/openapi.json' })).json()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/tandems', '/api/v1/registrations', '/api/v1/manage/{token}']))
    expect(doc.paths['/api/v1/tandems'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]))
  })
})

describe.each(DATABASES)('retention on %s', (kind) => {
  it('erases registrations N days after the event and tandems not renewed for 12 months, and nothing younger', async () => {
    const { app, db } = await buildTestApp(kind)
    const occurrenceId = await insertEventDate(db, { capacity: null })
    const reg = (await app.inject(postJson('/api/v1/registrations', registration(occurrenceId)))).json()
    const tandem = (await app.inject(postJson('/api/v1/tandems', tandemOffer()))).json()
    const { event_ends_at: endsAt, created_at: createdAt } = await db.selectFrom('registrations').selectAll().executeTakeFirstOrThrow()
    const days = (d: number, from: Date) => new Date(from.getTime() + d * 24 * 3600_000)

    expect(await runRetention(db, days(89, endsAt), 90)).toEqual({ registrations: 0, tandems: 0, idempotencyKeys: 2, declarations: 0, limits: 2, mails: 0, feedbackTexts: 0 }) // limits: the two submissions' windows
    const show = async (token: string) => (await app.inject({ url: `/api/v1/manage/${token}` })).json()
    expect((await show(reg.manageToken)).personal).not.toBeNull()

    expect(await runRetention(db, days(91, endsAt), 90)).toMatchObject({ registrations: 1, tandems: 0 })
    expect(await show(reg.manageToken)).toMatchObject({ status: 'confirmed', personal: null, erasedAt: expect.any(String) })
    expect((await show(tandem.manageToken)).status).toBe('received')

    expect(await runRetention(db, days(366, createdAt), 90)).toMatchObject({ registrations: 0, tandems: 1 })
    expect(await show(tandem.manageToken)).toMatchObject({ status: 'erased', personal: null, consents: null })
  })

  it('counts a moved date\'s retention from its new end, so its registrants\' data is kept until after it took place', async () => {
    const { app, db } = await buildTestApp(kind)
    const occurrenceId = await insertEventDate(db, { capacity: null })
    const reg = (await app.inject(postJson('/api/v1/registrations', registration(occurrenceId)))).json<{ manageToken: string }>()
    const { event_ends_at: oldEnd } = await db.selectFrom('registrations').selectAll().executeTakeFirstOrThrow()
    const [meetupId, original] = occurrenceId.split(':') as [string, string]
    const admin = { id: randomUUID(), email: 'admin@example.org', role: 'admin' as const, districts: [] }
    const postponed = new Date(oldEnd.getTime() + 200 * 24 * 3600_000)
    await changeDate(db, admin, meetupId, original, { kind: 'move', startsLocal: postponed.toISOString().slice(0, 16) }, new Date())
    const { event_ends_at: newEnd } = await db.selectFrom('registrations').selectAll().executeTakeFirstOrThrow()
    expect(newEnd.getTime()).toBeGreaterThan(postponed.getTime() - 2 * 3600_000)
    // Ninety-one days after the old end the date has not even taken place: nothing is erased.
    expect(await runRetention(db, new Date(oldEnd.getTime() + 91 * 24 * 3600_000), 90)).toMatchObject({ registrations: 0 })
    expect((await app.inject({ url: `/api/v1/manage/${reg.manageToken}` })).json()).toMatchObject({ personal: expect.anything() })
    expect(await runRetention(db, new Date(newEnd.getTime() + 91 * 24 * 3600_000), 90)).toMatchObject({ registrations: 1 })
  })

  it('closes a partner declaration nobody decided on and erases what it said after the documented period', async () => {
    const { app, db } = await buildTestApp(kind)
    const sent = await app.inject(postJson('/api/v1/partner-requests', declaration()))
    expect(sent.statusCode, sent.body).toBe(201)
    const { submitted_at: submittedAt } = await db.selectFrom('partner_requests').selectAll().executeTakeFirstOrThrow()
    const days = (d: number) => new Date(submittedAt.getTime() + d * 24 * 3600_000)
    expect(await runRetention(db, days(UNDECIDED_DECLARATION_DAYS - 1), 90)).toMatchObject({ declarations: 0 })
    expect(await runRetention(db, days(UNDECIDED_DECLARATION_DAYS + 1), 90)).toMatchObject({ declarations: 1 })
    const row = await db.selectFrom('partner_requests').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'rejected', details: null, decided_by: 'retention' })
  })

  it('keeps a tandem that was renewed', async () => {
    const { app, db } = await buildTestApp(kind)
    const day = 24 * 3600_000
    const tandem = (await app.inject(postJson('/api/v1/tandems', tandemOffer()))).json()
    const old = new Date(Date.now() - 300 * day) // an entry from ten months ago
    await db.updateTable('tandems').set({ created_at: old, renewed_at: old }).execute()
    expect((await app.inject({ method: 'POST', url: `/api/v1/manage/${tandem.manageToken}/renew` })).statusCode).toBe(204)
    // Without the renewal it would be erased 100 days from now.
    expect(await runRetention(db, new Date(Date.now() + 100 * day), 90)).toMatchObject({ tandems: 0 })
  })
})
