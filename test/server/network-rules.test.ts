import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import type { RegistrationListDto } from '../../src/shared/coordination/registrations.schema.ts'
import { buildTestApp, DATABASES } from './test-app.ts'
import { declaration, loginAs, loginCast } from './coordination-fixtures.ts'
import { clientAddress, insertEventDate, postJson, registration } from './volunteering-fixtures.ts'
import type { PartnerRequestItem } from '../../src/shared/coordination/partner.schema.ts'
import { setupNetworkMeeting } from './network-meeting-fixture.ts'

const dateUrl = (occurrenceId: string) => `/api/v1/coordination/registrations/dates/${encodeURIComponent(occurrenceId)}`
const decide = (app: FastifyInstance, id: string, cookie: string, approve: boolean) =>
  app.inject({ method: 'POST', url: `/api/v1/coordination/registrations/${id}/guest-decision`, headers: { cookie, 'content-type': 'application/json' }, payload: { approve } })
const manage = async (app: FastifyInstance, token: string) => (await app.inject({ method: 'GET', url: `/api/v1/manage/${token}` })).json<{ status: string; personal: Record<string, unknown> | null }>()
const guest = (occurrenceId: string, n: number) => ({ ...registration(occurrenceId, n), attendingAs: 'guest', contribution: 'Bericht über das Sprachcafé im Stadtteil (Beispiel)' })

describe.each(DATABASES)('the Magdeburg network’s rules (%s)', (kind) => {
  it('a guest is requested until the coordinator approves (then takes a place, or waits when full) or declines (data erased); audited', { timeout: 240_000 }, async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const magdeburg = await loginAs(app, db, { email: 'magdeburg@example.org', districts: ['magdeburg'] })
    const date = await insertEventDate(db, { capacity: 1 }) // a Magdeburg working-group date

    const asked = await app.inject(postJson('/api/v1/registrations', guest(date, 1)))
    expect(asked.statusCode, asked.body).toBe(201)
    const a = asked.json<{ id: string; status: string; manageToken: string }>()
    expect(a.status).toBe('requested')
    expect(await manage(app, a.manageToken)).toMatchObject({ status: 'requested', personal: { contribution: 'Bericht über das Sprachcafé im Stadtteil (Beispiel)' } })
    // A request takes no place: a participant still gets the one place.
    const member = await app.inject(postJson('/api/v1/registrations', registration(date, 2)))
    expect(member.json()).toMatchObject({ status: 'confirmed' })

    const list = (await app.inject({ method: 'GET', url: dateUrl(date), headers: { cookie: magdeburg } })).json<RegistrationListDto>()
    expect(list.date.counts).toMatchObject({ confirmed: 1, requested: 1 })
    expect(list.registrations.find((r) => r.id === a.id)).toMatchObject({ status: 'requested', attendingAs: 'guest', contribution: expect.stringContaining('Sprachcafé') })

    expect((await decide(app, a.id, cast.harz, true)).statusCode).toBe(403)
    const approved = await decide(app, a.id, magdeburg, true)
    expect(approved.statusCode, approved.body).toBe(200)
    // Full: the approved guest waits for a place like anyone registering now.
    expect(approved.json<RegistrationListDto>().registrations.find((r) => r.id === a.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect((await manage(app, a.manageToken)).status).toBe('waitlisted')
    expect((await decide(app, a.id, magdeburg, false)).statusCode).toBe(409)

    const b = (await app.inject(postJson('/api/v1/registrations', guest(date, 3)))).json<{ id: string; manageToken: string }>()
    const declined = await decide(app, b.id, cast.admin, false)
    expect(declined.statusCode).toBe(200)
    expect(await manage(app, b.manageToken)).toMatchObject({ status: 'declined', personal: null })
    const row = await db.selectFrom('registrations').selectAll().where('id', '=', b.id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'declined', name: null, email: null, contribution: null, client_hash: null })

    const audit = await db.selectFrom('audit_log').select(['action', 'entity_id', 'actor']).where('action', 'like', 'registration.guest-%').orderBy('id').execute()
    expect(audit).toEqual([
      { action: 'registration.guest-approve', entity_id: a.id, actor: 'magdeburg@example.org' },
      { action: 'registration.guest-decline', entity_id: b.id, actor: 'admin@example.org' },
    ])
  })

  it('a guest needs a contribution; working groups and guests exist only where the network has them', { timeout: 240_000 }, async () => {
    const { app, meetup } = await setupNetworkMeeting(kind) // Stendal: no working groups
    const stendalDate = meetup.dates[0]!.id
    const noGroup = { ...registration(stendalDate, 1) } as Record<string, unknown>
    delete noGroup.workingGroup
    const res = await app.inject(postJson('/api/v1/registrations', noGroup))
    expect(res.statusCode, res.body).toBe(201)
    const stored = await app.inject(postJson('/api/v1/registrations', registration(stendalDate, 2)))
    expect(stored.statusCode).toBe(201) // an older phone's working group is kept, not refused
    const guestThere = await app.inject(postJson('/api/v1/registrations', guest(stendalDate, 3)))
    expect(guestThere.statusCode).toBe(400)
    expect(guestThere.json()).toMatchObject({ fields: { attendingAs: 'errors.invalid' } })
  })

  it('in Magdeburg the working group is required and a guest without a contribution is refused', { timeout: 240_000 }, async () => {
    const { app, db } = await buildTestApp(kind)
    const date = await insertEventDate(db)
    const noGroup = { ...registration(date, 1) } as Record<string, unknown>
    delete noGroup.workingGroup
    const res = await app.inject(postJson('/api/v1/registrations', noGroup, randomUUID()))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ fields: { workingGroup: 'errors.required' } })
    const bare = await app.inject(postJson('/api/v1/registrations', { ...registration(date, 2), attendingAs: 'guest' }))
    expect(bare.json()).toMatchObject({ fields: { contribution: 'errors.required' } })
  })

  it('a declaration acknowledges the rules in force, stored with their version; an older version is stored and flagged, an unknown one refused', { timeout: 240_000 }, async () => {
    const { app, db } = await buildTestApp(kind)
    const magdeburg = await loginAs(app, db, { email: 'magdeburg@example.org', districts: ['magdeburg'] })
    const stendal = await loginAs(app, db, { email: 'stendal@example.org', districts: ['stendal'] })
    const rules = { district: 'magdeburg', version: '2016-11-23', title: 'Geschäftsordnung des Netzwerks (Beispiel)', body: '§ 1 Netzwerkpartner und Gäste …' }
    const publish = (cookie: string, body: unknown) =>
      app.inject({ method: 'POST', url: '/api/v1/coordination/network-rules', headers: { cookie, 'content-type': 'application/json' }, payload: JSON.stringify(body) })
    let address = 0
    const declare = (body: Record<string, unknown>) => app.inject(postJson('/api/v1/partner-requests', body, randomUUID(), clientAddress(++address)))
    const inMagdeburg = (overrides: Record<string, unknown> = {}) => declaration({ district: 'magdeburg', address: 'Beispielallee 1, 39104 Magdeburg', ...overrides })

    // Before any rules are published nothing is asked; a version named anyway is refused.
    expect((await declare(inMagdeburg())).statusCode).toBe(201)
    expect((await declare(inMagdeburg({ rulesVersion: '2016-11-23' }))).json()).toMatchObject({ fields: { rulesVersion: 'errors.invalid' } })

    expect((await publish(stendal, rules)).statusCode).toBe(403)
    const first = await publish(magdeburg, rules)
    expect(first.statusCode, first.body).toBe(201)
    expect((await publish(magdeburg, { ...rules, body: 'changed' })).statusCode).toBe(409) // a published version never changes
    expect((await app.inject({ url: '/api/v1/network-rules/magdeburg' })).json()).toMatchObject({ version: '2016-11-23', title: rules.title })
    expect((await app.inject({ url: '/api/v1/network-rules/stendal' })).statusCode).toBe(404)

    expect((await declare(inMagdeburg())).json()).toMatchObject({ fields: { rulesVersion: 'errors.required' } })
    expect((await declare(inMagdeburg({ rulesVersion: '2020-01-01' }))).json()).toMatchObject({ fields: { rulesVersion: 'errors.invalid' } })
    const ok = await declare(inMagdeburg({ organisation: 'Verein A (Beispiel)', rulesVersion: '2016-11-23' }))
    expect(ok.statusCode, ok.body).toBe(201)
    const stored = await db.selectFrom('partner_requests').select(['rules_version']).where('id', '=', ok.json<{ id: string }>().id).executeTakeFirstOrThrow()
    expect(stored).toEqual({ rules_version: '2016-11-23' })
    // A deletion, and a district without rules, need none.
    expect((await declare({ kind: 'deletion', organisation: 'Verein (Beispiel)', district: 'magdeburg', email: 'a@example.org', consents: {} })).statusCode).toBe(201)
    expect((await declare(declaration())).statusCode).toBe(201)

    // A new version comes into force; a declaration made against the old one is kept and flagged.
    expect((await publish(magdeburg, { ...rules, version: '2026-11-01', body: 'Neue Fassung (Beispiel)' })).statusCode).toBe(201)
    const old = await declare(inMagdeburg({ organisation: 'Verein B (Beispiel)', rulesVersion: '2016-11-23' }))
    expect(old.statusCode).toBe(201)
    const inbox = (await app.inject({ url: '/api/v1/coordination/partner-requests', headers: { cookie: magdeburg } })).json<PartnerRequestItem[]>()
    const item = inbox.find((r) => r.id === old.json<{ id: string }>().id)!
    expect(item).toMatchObject({ rulesVersion: '2016-11-23', rulesCurrent: '2026-11-01' })

    // Applied, the partner keeps the version it acknowledged; publishing is audited.
    const applied = await app.inject({ method: 'POST', url: `/api/v1/coordination/partner-requests/${item.id}/apply`, headers: { cookie: magdeburg, 'content-type': 'application/json' }, payload: '{}' })
    expect(applied.statusCode, applied.body).toBe(200)
    const partner = await db.selectFrom('partners').select(['rules_version']).where('organisation', '=', 'Verein B (Beispiel)').executeTakeFirstOrThrow()
    expect(partner).toEqual({ rules_version: '2016-11-23' })
    const audit = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'network-rules.publish').orderBy('id').execute()
    expect(audit.map((a) => a.entity_id)).toEqual(['magdeburg:2016-11-23', 'magdeburg:2026-11-01'])
  })
})
