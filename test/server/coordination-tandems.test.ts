import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginCast } from './coordination-fixtures.ts'
import { clientAddress, consents, postJson, tandemOffer } from './volunteering-fixtures.ts'
import type { Database } from '../../server/db/schema.ts'
import type { Match, MatchView, OpenEntries, Suggestion } from '../../src/shared/coordination/tandem-match.schema.ts'

const BASE = '/api/v1/coordination/tandems'
let client = 0

interface Entry {
  id: string
  token: string
}

/** Submits a tandem entry the way the phone does (public POST), from its own client address. */
async function submit(app: FastifyInstance, body: Record<string, unknown>): Promise<Entry> {
  const res = await app.inject(postJson('/api/v1/tandems', body, randomUUID(), clientAddress(++client)))
  expect(res.statusCode, res.body).toBe(201)
  const { id, manageToken } = res.json() as { id: string; manageToken: string }
  return { id, token: manageToken }
}

const offer = (overrides: Record<string, unknown> = {}) => tandemOffer(overrides)

/** A newcomer asking for a language tandem in Stendal: Ukrainian mother tongue, a little German. */
const request = (overrides: Record<string, unknown> = {}) => ({
  role: 'request',
  kind: 'language',
  name: 'Olena Beispiel',
  phone: '+4915112345678',
  district: 'stendal',
  town: 'Stendal',
  languages: [
    { code: 'uk', level: 'native' },
    { code: 'de', level: 'basic' },
  ],
  availability: ['tue-evening', 'sat-morning', 'sun-afternoon'],
  interests: 'Kochen und Radfahren',
  consents: consents(),
  ...overrides,
})

function call(app: FastifyInstance, cookie: string | undefined, method: 'GET' | 'POST', url: string, body?: unknown) {
  return app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  })
}

const propose = (app: FastifyInstance, cookie: string, offerId: string, requestId: string) => call(app, cookie, 'POST', `${BASE}/matches`, { offerId, requestId })
const answer = (app: FastifyInstance, token: string, value: string) =>
  app.inject({ method: 'POST', url: `/api/v1/manage/${token}/match`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ answer: value }) })
const manage = async (app: FastifyInstance, token: string) => (await app.inject({ url: `/api/v1/manage/${token}` })).json() as { match?: MatchView | null }

async function auditActions(db: Kysely<Database>, matchId: string) {
  const rows = await db.selectFrom('audit_log').select(['action', 'actor', 'district', 'details']).where('entity', '=', 'match').where('entity_id', '=', matchId).orderBy('id').execute()
  return rows.map((r) => `${r.action} ${r.actor}`)
}

describe.each(DATABASES)('tandem matching on %s', (kind) => {
  it('lists open offers and requests side by side, per district, without withdrawn or matched entries', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o1 = await submit(app, offer())
    const r1 = await submit(app, request())
    const r2 = await submit(app, request({ name: 'Zurückgezogen Beispiel' }))
    const harzOffer = await submit(app, offer({ district: 'harz', town: 'Wernigerode', name: 'Harz Beispiel' }))
    await app.inject({ method: 'DELETE', url: `/api/v1/manage/${r2.token}` })

    const stendal = (await call(app, cast.stendal, 'GET', BASE)).json() as OpenEntries
    expect(stendal.offers.map((e) => e.id)).toEqual([o1.id])
    expect(stendal.requests.map((e) => e.id)).toEqual([r1.id])
    expect(stendal.offers[0]).toMatchObject({
      role: 'offer',
      kind: 'language',
      district: 'stendal',
      name: 'Erika Beispiel',
      email: 'erika@example.org',
      languages: [
        { code: 'de', level: 'native' },
        { code: 'en', level: 'fluent' },
      ],
      availability: ['tue-evening', 'sat-morning'],
      travelKm: 15,
      onlineOk: true,
      shareConsent: true,
    })

    const harz = (await call(app, cast.harz, 'GET', BASE)).json() as OpenEntries
    expect(harz).toEqual({ offers: [expect.objectContaining({ id: harzOffer.id })], requests: [] })
    expect((await call(app, cast.harz, 'GET', `${BASE}?district=stendal`)).statusCode).toBe(403)

    const admin = (await call(app, cast.admin, 'GET', BASE)).json() as OpenEntries
    expect(admin.offers.map((e) => e.id).sort()).toEqual([o1.id, harzOffer.id].sort())
    expect((await call(app, cast.admin, 'GET', `${BASE}?district=harz&kind=language`)).json().offers).toHaveLength(1)

    // Once proposed, the two leave the open lists.
    expect((await propose(app, cast.stendal, o1.id, r1.id)).statusCode).toBe(201)
    expect((await call(app, cast.stendal, 'GET', BASE)).json()).toEqual({ offers: [], requests: [] })

    expect((await call(app, undefined, 'GET', BASE)).statusCode).toBe(401)
  })

  it('ranks suggestions: same kind first, then German from a native speaker, common times and interests', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const req = await submit(app, request())
    const basic = await submit(app, offer({ name: 'B Grundkenntnisse', languages: [{ code: 'de', level: 'basic' }], availability: ['mon-morning'], interests: '' }))
    const best = await submit(app, offer({ name: 'A Muttersprache', interests: 'Kochen, Wandern', availability: ['tue-evening', 'sat-morning'] }))
    const sponsorship = await submit(app, offer({ name: 'C Patenschaft', kind: 'sponsorship', interests: 'Kochen' }))
    const fluent = await submit(app, offer({ name: 'D fließend', languages: [{ code: 'de', level: 'fluent' }, { code: 'uk', level: 'basic' }], availability: ['tue-evening'], interests: '' }))
    const harz = await submit(app, offer({ name: 'E Harz', district: 'harz', town: 'Wernigerode' }))

    const res = await call(app, cast.stendal, 'GET', `${BASE}/requests/${req.id}/suggestions`)
    expect(res.statusCode, res.body).toBe(200)
    const ranked = res.json() as Suggestion[]
    // Harz is not the Stendal coordinator's; the sponsorship offer comes last whatever its score.
    expect(ranked.map((s) => s.offer.id)).toEqual([best.id, fluent.id, basic.id, sponsorship.id])
    expect(ranked.map((s) => s.sameKind)).toEqual([true, true, true, false])
    expect(ranked[0]!.reasons.map((r) => r.key)).toEqual([
      'coordinationTandems.reasons.germanFromSpeaker',
      'coordinationTandems.reasons.sameDistrict',
      'coordinationTandems.reasons.commonTimes',
      'coordinationTandems.reasons.interests',
    ])
    expect(ranked[0]!.reasons.find((r) => r.key.endsWith('commonTimes'))!.params).toEqual({ count: 2 })
    expect(ranked[1]!.reasons.find((r) => r.key.endsWith('exchange'))!.params).toEqual({ language: 'uk' })
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score)
    expect(ranked[1]!.score).toBeGreaterThan(ranked[2]!.score)
    expect(ranked[3]!.score).toBeGreaterThan(ranked[2]!.score)

    // The admin also sees the Harz offer: two districts away and out of travel reach, so no points for the place.
    const all = (await call(app, cast.admin, 'GET', `${BASE}/requests/${req.id}/suggestions?limit=4`)).json() as Suggestion[]
    expect(all.map((s) => s.offer.id)).toEqual([best.id, fluent.id, harz.id, basic.id])
    expect(all[2]!.reasons.map((r) => r.key)).toContain('coordinationTandems.reasons.otherDistrict')

    expect((await call(app, cast.harz, 'GET', `${BASE}/requests/${req.id}/suggestions`)).statusCode).toBe(403)
    expect((await call(app, cast.stendal, 'GET', `${BASE}/requests/${best.id}/suggestions`)).statusCode).toBe(404)
    expect((await call(app, cast.stendal, 'GET', `${BASE}/requests/${randomUUID()}/suggestions`)).statusCode).toBe(404)
    expect((await call(app, cast.stendal, 'GET', `${BASE}/requests/not-a-uuid/suggestions`)).statusCode).toBe(400)
    expect((await call(app, cast.stendal, 'GET', `${BASE}/requests/${req.id}/suggestions?limit=0`)).statusCode).toBe(400)
    expect((await call(app, cast.stendal, 'GET', `${BASE}/requests/${req.id}/suggestions?extra=1`)).statusCode).toBe(400)
  })

  it('proposed → both accept → active: the contact shows only then; ending hides it again', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o = await submit(app, offer())
    const r = await submit(app, request())

    const created = await propose(app, cast.stendal, o.id, r.id)
    expect(created.statusCode, created.body).toBe(201)
    const match = created.json() as Match
    expect(match).toMatchObject({
      status: 'proposed',
      district: 'stendal',
      proposedBy: 'stendal@example.org',
      offer: { id: o.id, name: 'Erika Beispiel', answer: null, shareConsent: true },
      request: { id: r.id, name: 'Olena Beispiel', answer: null },
    })

    // Proposed: the facts of the other side, never who they are.
    const shown = await app.inject({ url: `/api/v1/manage/${r.token}` })
    expect(shown.body).not.toContain('Erika')
    expect(shown.body).not.toContain('erika@example.org')
    expect(shown.body).not.toContain('+493915550100')
    expect(shown.json().match).toEqual({
      id: match.id,
      status: 'proposed',
      side: 'request',
      myAnswer: null,
      partnerAnswer: null,
      proposedAt: expect.any(String),
      changedAt: expect.any(String),
      partner: {
        kind: 'language',
        district: 'stendal',
        languages: [
          { code: 'de', level: 'native' },
          { code: 'en', level: 'fluent' },
        ],
        commonTimes: ['tue-evening', 'sat-morning'],
      },
      contact: null,
      contactWithheld: false,
      mySharing: true,
    })

    // Accepting renews the entry (it is clearly still wanted): the 12 months of retention start again.
    await db.updateTable('tandems').set({ renewed_at: new Date('2026-01-01T00:00:00Z') }).execute()
    const first = await answer(app, r.token, 'accept')
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toMatchObject({ status: 'proposed', myAnswer: 'accepted', partnerAnswer: null, contact: null })
    expect(first.headers['cache-control']).toBe('no-store')
    expect((await manage(app, o.token)).match).toMatchObject({ status: 'proposed', side: 'offer', partnerAnswer: 'accepted', contact: null })
    const renewed = await db.selectFrom('tandems').select(['id', 'renewed_at']).orderBy('id').execute()
    expect(renewed.map((t) => [t.id, t.renewed_at.getTime() > Date.now() - 60_000])).toEqual([[o.id, false], [r.id, true]].sort())
    // Accepting again is harmless.
    expect((await answer(app, r.token, 'accept')).json()).toMatchObject({ status: 'proposed', myAnswer: 'accepted' })

    const second = await answer(app, o.token, 'accept')
    expect(second.json()).toMatchObject({
      status: 'active',
      myAnswer: 'accepted',
      partnerAnswer: 'accepted',
      contact: { name: 'Olena Beispiel', phone: '+4915112345678' },
      contactWithheld: false,
    })
    expect((await manage(app, r.token)).match).toMatchObject({
      status: 'active',
      contact: { name: 'Erika Beispiel', email: 'erika@example.org', phone: '+493915550100' },
    })
    const listed = (await call(app, cast.stendal, 'GET', `${BASE}/matches?status=active`)).json() as Match[]
    expect(listed).toEqual([expect.objectContaining({ id: match.id, status: 'active', offer: expect.objectContaining({ answer: 'accepted' }) })])
    // An active tandem cannot be declined through the link; withdrawing a proposal no longer applies.
    expect((await answer(app, r.token, 'decline')).json()).toMatchObject({ error: 'match_active' })
    expect((await call(app, cast.stendal, 'POST', `${BASE}/matches/${match.id}/withdraw`)).statusCode).toBe(409)

    const ended = await call(app, cast.stendal, 'POST', `${BASE}/matches/${match.id}/end`)
    expect(ended.statusCode, ended.body).toBe(200)
    expect(ended.json()).toMatchObject({ status: 'ended' })
    const after = await app.inject({ url: `/api/v1/manage/${r.token}` })
    expect(after.json().match).toMatchObject({ status: 'ended', contact: null })
    expect(after.body).not.toContain('erika@example.org')
    expect((await call(app, cast.stendal, 'POST', `${BASE}/matches/${match.id}/end`)).json()).toMatchObject({ error: 'not_active' })

    expect(await auditActions(db, match.id)).toEqual([
      'match.propose stendal@example.org',
      'match.accept participant',
      'match.accept participant',
      'match.end stendal@example.org',
    ])
    const audit = await db.selectFrom('audit_log').select(['district', 'details']).where('entity_id', '=', match.id).execute()
    expect(audit.every((a) => a.district === 'stendal')).toBe(true)
    expect(JSON.stringify(audit)).not.toMatch(/erika|olena|\+49/i)
  })

  it('a decline by either side makes the match declined and both entries open again', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o = await submit(app, offer())
    const r = await submit(app, request())
    const match = (await propose(app, cast.stendal, o.id, r.id)).json() as Match
    expect((await answer(app, o.token, 'accept')).statusCode).toBe(200)
    const declined = await answer(app, r.token, 'decline')
    expect(declined.json()).toMatchObject({ status: 'declined', myAnswer: 'declined', partnerAnswer: 'accepted', contact: null })

    const open = (await call(app, cast.stendal, 'GET', BASE)).json() as OpenEntries
    expect(open.offers.map((e) => e.id)).toEqual([o.id])
    expect(open.requests.map((e) => e.id)).toEqual([r.id])
    expect((await answer(app, o.token, 'accept')).json()).toMatchObject({ error: 'no_proposal' })
    expect((await manage(app, o.token)).match).toMatchObject({ status: 'declined', partnerAnswer: 'declined' })
    expect(await auditActions(db, match.id)).toEqual(['match.propose stendal@example.org', 'match.accept participant', 'match.decline participant'])

    // Both can be proposed again, to each other or to someone else.
    expect((await propose(app, cast.stendal, o.id, r.id)).statusCode).toBe(201)
    expect((await manage(app, r.token)).match).toMatchObject({ status: 'proposed', myAnswer: null })
  })

  it('without the consent to pass the contact on, the partner sees no name or contact, only that it is withheld', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o = await submit(app, offer())
    const r = await submit(app, request({ consents: consents(false) }))
    const match = (await propose(app, cast.stendal, o.id, r.id)).json() as Match
    expect(match.request.shareConsent).toBe(false)
    await answer(app, r.token, 'accept')
    await answer(app, o.token, 'accept')
    const offerSide = await app.inject({ url: `/api/v1/manage/${o.token}` })
    expect(offerSide.json().match).toMatchObject({ status: 'active', contact: null, contactWithheld: true, mySharing: true })
    expect(offerSide.body).not.toContain('Olena')
    expect(offerSide.body).not.toContain('+4915112345678')
    // The other way round the consent was given.
    expect((await manage(app, r.token)).match).toMatchObject({ contact: { name: 'Erika Beispiel' }, contactWithheld: false, mySharing: false })
  })

  it('refuses a second proposal for an entry in an open match with 409, also when two arrive at once', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o1 = await submit(app, offer())
    const o2 = await submit(app, offer({ name: 'Zweite Beispiel' }))
    const o3 = await submit(app, offer({ name: 'Dritte Beispiel' }))
    const r1 = await submit(app, request())
    const r2 = await submit(app, request({ name: 'Zweiter Beispiel' }))

    expect((await propose(app, cast.stendal, o1.id, r1.id)).statusCode).toBe(201)
    const again = await propose(app, cast.stendal, o2.id, r1.id)
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: 'already_matched' })
    expect((await propose(app, cast.stendal, o1.id, r2.id)).json()).toMatchObject({ error: 'already_matched' })
    expect((await call(app, cast.stendal, 'GET', `${BASE}/requests/${r1.id}/suggestions`)).json()).toMatchObject({ error: 'already_matched' })

    // Two proposals for the same request at the same moment: exactly one wins.
    const both = await Promise.all([propose(app, cast.stendal, o2.id, r2.id), propose(app, cast.admin, o3.id, r2.id)])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(both.find((r) => r.statusCode === 409)!.json()).toMatchObject({ error: 'already_matched' })
    const open = await db.selectFrom('tandem_matches').select('id').where('request_id', '=', r2.id).where('status', 'in', ['proposed', 'active']).execute()
    expect(open).toHaveLength(1)

    // The database itself refuses a second open match for an entry (the partial unique index).
    await expect(
      db
        .insertInto('tandem_matches')
        .values({ id: randomUUID(), offer_id: o3.id, request_id: r1.id, district: 'stendal', status: 'proposed', offer_answer: null, request_answer: null, proposed_by: 'x' })
        .execute(),
    ).rejects.toMatchObject({ code: '23505' })
  })

  it('a coordinator withdraws a proposal; both entries are open again', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o = await submit(app, offer())
    const r = await submit(app, request())
    const match = (await propose(app, cast.stendal, o.id, r.id)).json() as Match
    expect((await call(app, cast.stendal, 'POST', `${BASE}/matches/${match.id}/end`)).json()).toMatchObject({ error: 'not_active' })
    const withdrawn = await call(app, cast.stendal, 'POST', `${BASE}/matches/${match.id}/withdraw`)
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' })
    expect((await answer(app, r.token, 'accept')).json()).toMatchObject({ error: 'no_proposal' })
    expect((await call(app, cast.stendal, 'GET', BASE)).json()).toMatchObject({ offers: [{ id: o.id }], requests: [{ id: r.id }] })
    expect((await manage(app, r.token)).match).toMatchObject({ status: 'withdrawn' })
    expect(await auditActions(db, match.id)).toEqual(['match.propose stendal@example.org', 'match.withdraw stendal@example.org'])
    expect((await call(app, cast.stendal, 'GET', `${BASE}/matches?status=withdrawn`)).json()).toHaveLength(1)
    expect((await call(app, cast.stendal, 'GET', `${BASE}/matches?status=open`)).json()).toHaveLength(0)
  })

  it('withdrawing one\'s entry declines a proposal and ends an active tandem', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o1 = await submit(app, offer())
    const r1 = await submit(app, request())
    const proposed = (await propose(app, cast.stendal, o1.id, r1.id)).json() as Match
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${r1.token}` })).statusCode).toBe(204)
    expect((await manage(app, o1.token)).match).toMatchObject({ id: proposed.id, status: 'declined', partnerAnswer: 'declined', partner: null })
    expect(await auditActions(db, proposed.id)).toEqual(['match.propose stendal@example.org', 'match.decline participant'])

    const r2 = await submit(app, request({ name: 'Zweiter Beispiel' }))
    const active = (await propose(app, cast.stendal, o1.id, r2.id)).json() as Match
    await answer(app, o1.token, 'accept')
    await answer(app, r2.token, 'accept')
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${o1.token}` })).statusCode).toBe(204)
    expect((await manage(app, r2.token)).match).toMatchObject({ id: active.id, status: 'ended', contact: null, partner: null })
    expect((await manage(app, o1.token)).match).toBeNull()
    expect((await call(app, cast.stendal, 'GET', BASE)).json()).toMatchObject({ offers: [], requests: [{ id: r2.id }] })
    // A withdrawn entry cannot be proposed.
    const o2 = await submit(app, offer({ name: 'Neue Beispiel' }))
    expect((await propose(app, cast.stendal, o2.id, r1.id)).json()).toMatchObject({ error: 'not_open' })
  })

  it('ending a tandem opens both entries again, and the coordinator still sees the consent that was given', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o = await submit(app, offer())
    const r = await submit(app, request())
    const match = (await propose(app, cast.stendal, o.id, r.id)).json() as Match
    await answer(app, o.token, 'accept')
    await answer(app, r.token, 'accept')
    expect((await call(app, cast.stendal, 'POST', `${BASE}/matches/${match.id}/end`)).statusCode).toBe(200)
    // The newcomer's request is open again, and the volunteer can be matched again without a new entry.
    expect((await call(app, cast.stendal, 'GET', BASE)).json()).toMatchObject({ offers: [{ id: o.id }], requests: [{ id: r.id }] })
    expect((await manage(app, r.token)).match).toMatchObject({ status: 'ended', side: 'request' })
    expect((await manage(app, o.token)).match).toMatchObject({ status: 'ended', side: 'offer' })

    // The newcomer withdraws and is erased; the ended match still says both had agreed to share their contact.
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${r.token}` })).statusCode).toBe(204)
    const kept = ((await call(app, cast.stendal, 'GET', `${BASE}/matches`)).json() as Match[]).find((m) => m.id === match.id)
    expect(kept).toMatchObject({ status: 'ended', offer: { shareConsent: true }, request: { status: 'cancelled', name: null, shareConsent: true } })
    const r2 = await submit(app, request({ name: 'Zweiter Beispiel', consents: consents(false) }))
    expect((await propose(app, cast.stendal, o.id, r2.id)).json()).toMatchObject({ status: 'proposed', request: { shareConsent: false } })
  })

  it('authorisation: Harz can neither see nor change Stendal\'s tandems; admin can', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o = await submit(app, offer())
    const r = await submit(app, request())
    const harzOffer = await submit(app, offer({ district: 'harz', town: 'Wernigerode', name: 'Harz Beispiel' }))

    expect((await propose(app, cast.harz, o.id, r.id)).statusCode).toBe(403)
    // A Stendal coordinator cannot reach into Harz either.
    expect((await propose(app, cast.stendal, harzOffer.id, r.id)).statusCode).toBe(403)
    const match = (await propose(app, cast.stendal, o.id, r.id)).json() as Match

    expect((await call(app, cast.harz, 'GET', `${BASE}/matches`)).json()).toEqual([])
    expect((await call(app, cast.harz, 'GET', `${BASE}/matches?district=stendal`)).statusCode).toBe(403)
    expect((await call(app, cast.harz, 'POST', `${BASE}/matches/${match.id}/withdraw`)).statusCode).toBe(403)
    expect((await call(app, cast.harz, 'POST', `${BASE}/matches/${match.id}/end`)).statusCode).toBe(403)
    expect((await call(app, cast.stendal, 'GET', `${BASE}/matches`)).json()).toHaveLength(1)
    expect((await call(app, cast.admin, 'GET', `${BASE}/matches?district=stendal`)).json()).toHaveLength(1)
    expect((await call(app, cast.admin, 'GET', `${BASE}/matches?district=harz`)).json()).toHaveLength(0)
    expect((await call(app, undefined, 'GET', `${BASE}/matches`)).statusCode).toBe(401)
    expect((await call(app, undefined, 'POST', `${BASE}/matches/${match.id}/withdraw`)).statusCode).toBe(401)

    // The admin works for every district: withdraws Stendal's proposal, pairs across districts.
    expect((await call(app, cast.admin, 'POST', `${BASE}/matches/${match.id}/withdraw`)).json()).toMatchObject({ status: 'withdrawn' })
    const cross = await propose(app, cast.admin, harzOffer.id, r.id)
    expect(cross.statusCode).toBe(201)
    expect(cross.json()).toMatchObject({ district: 'stendal', proposedBy: 'admin@example.org', offer: { district: 'harz' } })
    // A cross-district match is visible to the coordinators of both sides.
    expect((await call(app, cast.harz, 'GET', `${BASE}/matches?status=open`)).json()).toHaveLength(1)
    expect(await auditActions(db, match.id)).toEqual(['match.propose stendal@example.org', 'match.withdraw admin@example.org'])
  })

  it('validates every input with a JSON 4xx and answers unknown ids and tokens with 404', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const o = await submit(app, offer())
    const r = await submit(app, request())

    const missing = await call(app, cast.stendal, 'POST', `${BASE}/matches`, { offerId: o.id })
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toMatchObject({ error: 'validation', fields: { requestId: 'errors.required' } })
    expect((await call(app, cast.stendal, 'POST', `${BASE}/matches`, { offerId: o.id, requestId: r.id, score: 3 })).json()).toMatchObject({
      error: 'validation',
      fields: { score: expect.any(String) },
    })
    expect((await call(app, cast.stendal, 'POST', `${BASE}/matches`, { offerId: 'x', requestId: r.id })).statusCode).toBe(400)
    const swapped = await propose(app, cast.stendal, r.id, o.id)
    expect(swapped.statusCode).toBe(400)
    expect(swapped.json()).toMatchObject({ error: 'validation', fields: { offerId: 'errors.invalid' } })
    expect((await propose(app, cast.stendal, randomUUID(), r.id)).statusCode).toBe(404)
    expect((await propose(app, cast.stendal, o.id, randomUUID())).json()).toMatchObject({ error: 'not_found', fields: { requestId: 'errors.invalid' } })
    const broken = await app.inject({ method: 'POST', url: `${BASE}/matches`, headers: { cookie: cast.stendal, 'content-type': 'application/json' }, payload: '{"offerId":' })
    expect(broken.json()).toMatchObject({ error: 'bad_json' })

    expect((await call(app, cast.stendal, 'GET', `${BASE}/matches?status=maybe`)).statusCode).toBe(400)
    expect((await call(app, cast.stendal, 'GET', `${BASE}?district=atlantis`)).statusCode).toBe(400)
    expect((await call(app, cast.stendal, 'POST', `${BASE}/matches/${randomUUID()}/end`)).statusCode).toBe(404)
    expect((await call(app, cast.stendal, 'POST', `${BASE}/matches/nope/withdraw`)).statusCode).toBe(400)

    // The public answer.
    expect((await answer(app, r.token, 'accept')).json()).toMatchObject({ error: 'no_proposal' })
    expect((await answer(app, r.token, 'maybe')).json()).toMatchObject({ error: 'validation', fields: { answer: expect.any(String) } })
    expect((await answer(app, 'A'.repeat(43), 'accept')).statusCode).toBe(404)
    expect((await answer(app, 'short', 'accept')).statusCode).toBe(400)
    const extra = await app.inject({
      method: 'POST',
      url: `/api/v1/manage/${r.token}/match`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ answer: 'accept', contact: 'me' }),
    })
    expect(extra.statusCode).toBe(400)
    const form = await app.inject({ method: 'POST', url: `/api/v1/manage/${r.token}/match`, headers: { 'content-type': 'text/plain' }, payload: 'accept' })
    expect(form.statusCode).toBe(415)
    // An entry never proposed shows no match.
    expect((await manage(app, r.token)).match).toBeNull()
  })

  it('documents the routes in the OpenAPI document', async () => {
    const { app } = await buildTestApp(kind)
    const paths = Object.keys((await app.inject({ url: '/api/openapi.json' })).json().paths as Record<string, unknown>)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/coordination/tandems',
        '/api/v1/coordination/tandems/requests/{id}/suggestions',
        '/api/v1/coordination/tandems/matches',
        '/api/v1/coordination/tandems/matches/{id}/end',
        '/api/v1/coordination/tandems/matches/{id}/withdraw',
        '/api/v1/manage/{token}/match',
      ]),
    )
  })
})
