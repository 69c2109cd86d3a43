import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { clientAddress, insertEventDate, postJson, registration, tandemOffer } from './volunteering-fixtures.ts'

describe.each(DATABASES)('tandems and manage tokens on %s', (kind) => {
  it('stores an offer with normalised contact data and answers received with a manage token', async () => {
    const { app, db } = await buildTestApp(kind)
    const res = await app.inject(postJson('/api/v1/tandems', tandemOffer()))
    expect(res.statusCode).toBe(201)
    const answer = res.json()
    expect(answer).toEqual({ id: expect.any(String), status: 'received', manageToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) })

    const row = await db.selectFrom('tandems').selectAll().executeTakeFirstOrThrow()
    expect(row.manage_token_hash).not.toContain(answer.manageToken)
    expect(row.details).toMatchObject({ email: 'erika@example.org', phone: '+493915550100', name: 'Erika Beispiel' })
    expect(row.consents).toMatchObject({ store: { textVersion: '2026-11' }, share: { givenAt: '2026-11-20T10:00:00.000Z' } })

    const shown = await app.inject({ url: `/api/v1/manage/${answer.manageToken}` })
    expect(shown.statusCode).toBe(200)
    expect(shown.json()).toMatchObject({ type: 'tandem', id: answer.id, status: 'received', about: { role: 'offer', kind: 'language' } })
    expect(shown.headers['content-disposition']).toBeUndefined()
  })

  it('exports as a JSON download, then cancels, erases and stays cancelled when asked again', async () => {
    const { app } = await buildTestApp(kind)
    const { manageToken } = (await app.inject(postJson('/api/v1/tandems', tandemOffer()))).json()
    const exported = await app.inject({ url: `/api/v1/manage/${manageToken}?format=json` })
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="willkommen-tandem-.*\.json"$/)
    expect(exported.json().personal).toMatchObject({ name: 'Erika Beispiel', town: 'Tangermünde' })

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${manageToken}` })).statusCode).toBe(204)
    const after = (await app.inject({ url: `/api/v1/manage/${manageToken}` })).json()
    expect(after).toMatchObject({ status: 'cancelled', personal: null, consents: null, erasedAt: expect.any(String) })
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${manageToken}` })).statusCode).toBe(204)
  })

  it('answers an unknown or malformed manage token with a JSON 4xx', async () => {
    const { app } = await buildTestApp(kind)
    const unknown = await app.inject({ url: `/api/v1/manage/${'A'.repeat(43)}` })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toEqual({ error: 'not_found', message: expect.any(String), fields: {} })
    const malformed = await app.inject({ method: 'DELETE', url: '/api/v1/manage/short' })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().fields).toEqual({ token: 'errors.invalid' })
  })

  it('needs an e-mail address or a phone number', async () => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject(postJson('/api/v1/tandems', tandemOffer({ email: '  ', phone: undefined })))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'validation', fields: { contact: 'errors.contact.required' } })
  })
})

describe.each(DATABASES)('idempotency on %s', (kind) => {
  it('the same key sent 50 times at once stores one row and gives 50 identical answers', async () => {
    const { app, db } = await buildTestApp(kind)
    const key = randomUUID()
    const answers = await Promise.all(Array.from({ length: 50 }, () => app.inject(postJson('/api/v1/tandems', tandemOffer(), key))))
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([201]))
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
    const { n } = await db.selectFrom('tandems').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    expect(Number(n)).toBe(1)
  })

  it('replays after the fact with the first answer, also when the body differs only in spacing and case of the e-mail', async () => {
    const { app, db } = await buildTestApp(kind)
    const key = randomUUID()
    const first = await app.inject(postJson('/api/v1/tandems', tandemOffer(), key))
    const again = await app.inject(postJson('/api/v1/tandems', tandemOffer({ email: 'erika@example.org' }), key))
    expect(again.statusCode).toBe(first.statusCode)
    expect(again.json()).toEqual(first.json())
    expect(await db.selectFrom('tandems').select('id').execute()).toHaveLength(1)
  })

  it('refuses the same key with a different body', async () => {
    const { app, db } = await buildTestApp(kind)
    const key = randomUUID()
    await app.inject(postJson('/api/v1/tandems', tandemOffer(), key))
    const reused = await app.inject(postJson('/api/v1/tandems', tandemOffer({ name: 'Jemand anderes' }), key))
    expect(reused.statusCode).toBe(422)
    expect(reused.json()).toEqual({ error: 'idempotency_key_reused', message: expect.any(String), fields: {} })
    const otherRoute = await app.inject(postJson('/api/v1/registrations', registration(await insertEventDate(db)), key))
    expect(otherRoute.statusCode).toBe(422)
    expect(await db.selectFrom('tandems').select('id').execute()).toHaveLength(1)
  })

  it('does not keep the key of a rejected request, so the corrected entry can be sent with it', async () => {
    const { app, db } = await buildTestApp(kind)
    const key = randomUUID()
    const occurrenceId = await insertEventDate(db, { status: 'cancelled' })
    expect((await app.inject(postJson('/api/v1/registrations', registration(occurrenceId), key))).statusCode).toBe(409)
    const open = await insertEventDate(db)
    expect((await app.inject(postJson('/api/v1/registrations', registration(open), key))).statusCode).toBe(201)
  })
})

describe.each(DATABASES)('registrations and capacity on %s', (kind) => {
  it('300 parallel registrations for 20 places give exactly 20 confirmed and 280 waitlisted', async () => {
    const { app, db } = await buildTestApp(kind)
    const occurrenceId = await insertEventDate(db, { capacity: 20 })
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, n) => app.inject(postJson('/api/v1/registrations', registration(occurrenceId, n), randomUUID(), clientAddress(n)))),
    )
    expect(answers.every((a) => a.statusCode === 201)).toBe(true)
    const statuses = answers.map((a) => a.json().status as string)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(20)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(280)
    const rows = await db.selectFrom('registrations').select(['status']).where('occurrence_id', '=', occurrenceId).execute()
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20)
    expect(rows).toHaveLength(300)
  })

  it('a cancellation erases the data and promotes the first on the waitlist', async () => {
    const { app, db } = await buildTestApp(kind)
    const occurrenceId = await insertEventDate(db, { capacity: 2 })
    const tokens: string[] = []
    for (let n = 0; n < 4; n++) {
      const res = await app.inject(postJson('/api/v1/registrations', registration(occurrenceId, n)))
      expect(res.json().status).toBe(n < 2 ? 'confirmed' : 'waitlisted')
      tokens.push(res.json().manageToken)
    }
    const status = async (token: string) => (await app.inject({ url: `/api/v1/manage/${token}` })).json().status
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${tokens[3]}` })).statusCode).toBe(204)
    expect(await status(tokens[2]!)).toBe('waitlisted') // a waitlisted cancellation frees no place

    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${tokens[0]}` })).statusCode).toBe(204)
    expect(await status(tokens[2]!)).toBe('confirmed')
    expect(await status(tokens[0]!)).toBe('cancelled')
    const erased = await db.selectFrom('registrations').selectAll().where('status', '=', 'cancelled').execute()
    expect(erased.map((r) => [r.name, r.email, r.organisation, r.consents])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
    ])
    const counter = await db.selectFrom('registration_counters').selectAll().where('occurrence_id', '=', occurrenceId).executeTakeFirstOrThrow()
    expect(counter.confirmed).toBe(2)
  })

  it('confirms everyone when a date has no capacity limit', async () => {
    const { app, db } = await buildTestApp(kind)
    const occurrenceId = await insertEventDate(db, { capacity: null })
    const res = await app.inject(postJson('/api/v1/registrations', registration(occurrenceId)))
    expect(res.json().status).toBe('confirmed')
  })

  it.each([
    ['unknown', null, 422, 'unknown_occurrence', 'errors.occurrence.unknown'],
    ['open to all', { registrationRequired: false }, 422, 'registration_not_needed', 'errors.occurrence.open'],
    ['cancelled', { status: 'cancelled' as const }, 409, 'occurrence_cancelled', 'errors.occurrence.cancelled'],
    ['past', { startsAt: new Date(Date.now() - 5 * 24 * 3600_000) }, 409, 'occurrence_past', 'errors.occurrence.past'],
  ])('refuses a date that is %s', async (_label, options, statusCode, error, code) => {
    const { app, db } = await buildTestApp(kind)
    const occurrenceId = options === null ? `${randomUUID()}:20261203T1700` : await insertEventDate(db, options)
    const res = await app.inject(postJson('/api/v1/registrations', registration(occurrenceId)))
    expect(res.statusCode).toBe(statusCode)
    expect(res.json()).toEqual({ error, message: expect.any(String), fields: { occurrenceId: code } })
    expect(await db.selectFrom('registrations').select('id').execute()).toEqual([])
  })
})
