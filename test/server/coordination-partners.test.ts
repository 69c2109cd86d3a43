import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { sql, type Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { declaration, GIVEN, loginCast } from './coordination-fixtures.ts'
import { clientAddress, postJson } from './volunteering-fixtures.ts'
import type { Database } from '../../server/db/schema.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import type {
  MeetingAttendanceDto,
  MeetingDto,
  PartnerDetailDto,
  PartnerDto,
  PartnerInput,
  PartnerRequestDecision,
  PartnerRequestItem,
} from '../../src/shared/coordination/partner.schema.ts'
import { checkPartnerRequest } from '../../src/shared/coordination/partner-rules.ts'
import { berlinDay } from '../../src/shared/berlin-time.ts'

const DAY = 86400_000

function partnerInput(overrides: Partial<PartnerInput> = {}): PartnerInput {
  return {
    organisation: 'Jobcenter Harz (Beispiel)',
    address: 'Beispielstraße 5, 38820 Halberstadt',
    district: 'harz',
    contactFunction: 'Integrationsbeauftragte',
    email: 'integration@jobcenter-beispiel.example',
    workingGroups: ['work-training'],
    publicListing: false,
    ...overrides,
  }
}

async function setup(kind: (typeof DATABASES)[number]) {
  const t = await buildTestApp(kind)
  const cast = await loginCast(t.app, t.db)
  return { ...t, cast }
}

let address = 0
/** Declarations come from many clients here, so the per-client rate limit stays out of the way. */
async function declare(app: FastifyInstance, body: Record<string, unknown>, key = randomUUID()) {
  return app.inject(postJson('/api/v1/partner-requests', body, key, clientAddress(++address)))
}

async function call<T>(app: FastifyInstance, cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, status = 200): Promise<T> {
  const res = await app.inject({ method, url: `/api/v1/coordination${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) })
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status)
  return (res.body ? res.json() : undefined) as T
}

async function syncSince(app: FastifyInstance, since: number): Promise<SyncResponse> {
  const res = await app.inject({ url: `/api/v1/sync?since=${since}` })
  expect(res.statusCode).toBe(200)
  return res.json<SyncResponse>()
}

async function auditActions(db: Kysely<Database>) {
  const rows = await db.selectFrom('audit_log').select(['action', 'actor', 'entity', 'entity_id', 'district', 'details']).where('action', 'not like', 'coordinator.%').orderBy('id').execute()
  return rows
}

/** A network meeting (a date of a `network-meeting` meetup) straight in the tables. */
async function insertMeeting(db: Kysely<Database>, district: string, startsAt: Date, kind = 'network-meeting'): Promise<string> {
  const meetupId = randomUUID()
  const occurrenceId = `${meetupId}:20260101T1700`
  await sql`
    insert into meetups (id, kind, title, description, district, place_name, address, languages, seq, starts_local, registration_required, capacity, is_sample)
    values (${meetupId}, ${kind}, ${JSON.stringify({ de: 'AG Sprache (Beispiel)' })}::jsonb, ${JSON.stringify({ de: 'Beispiel' })}::jsonb, ${district},
            'Rathaus (Beispiel)', 'Beispielstraße 1', '{de}', nextval('change_seq'), '2026-01-01T17:00', false, null, true)`.execute(db)
  await sql`
    insert into meetup_occurrences (id, meetup_id, original_start, starts_at, ends_at, status, seq)
    values (${occurrenceId}, ${meetupId}, '20260101T1700', ${startsAt.toISOString()}, ${new Date(startsAt.getTime() + 2 * 3600_000).toISOString()},
            'scheduled', nextval('change_seq'))`.execute(db)
  return occurrenceId
}

describe.each(DATABASES)('partner directory on %s', (kind) => {
  it('a declaration, once applied, makes a partner that phones get in the contacts directory by the delta sync', async () => {
    const { app, db, cast } = await setup(kind)
    const since = (await syncSince(app, 0)).cursor

    const sent = await declare(app, declaration())
    expect(sent.statusCode, sent.body).toBe(201)
    const answer = sent.json<{ id: string; status: string }>()
    expect(answer).toEqual({ id: expect.any(String), status: 'received', statusToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) })
    // Nothing is public before a coordinator applied it.
    expect((await syncSince(app, since)).changes.contacts).toEqual([])

    const inbox = await call<PartnerRequestItem[]>(app, cast.stendal, 'GET', '/partner-requests')
    expect(inbox).toHaveLength(1)
    expect(inbox[0]).toMatchObject({ id: answer.id, kind: 'entry', status: 'open', district: 'stendal', suggestedPartnerId: null })
    // Cleaned like the form cleans it.
    expect(inbox[0]!.details).toMatchObject({ email: 'info@buergerhaus-beispiel.org', phone: '+493931000222' })

    const decision = await call<PartnerRequestDecision>(app, cast.stendal, 'POST', `/partner-requests/${answer.id}/apply`, {})
    expect(decision.request).toMatchObject({ status: 'applied', decidedBy: 'stendal@example.org', details: null })
    const partner = decision.partner!
    expect(partner).toMatchObject({
      organisation: 'Bürgerhaus Stendal e. V. (Beispiel)',
      district: 'stendal',
      contactFunction: 'Leitung Beratungsstelle',
      phone: '+493931000222',
      email: 'info@buergerhaus-beispiel.org',
      workingGroups: ['language', 'culture-social'],
      publicListing: true,
      listingConsent: { ...GIVEN, via: 'declaration' },
      memberSince: berlinDay(new Date()),
      lastAttendedOn: null,
      flagged: false,
    })
    expect(decision.request.partnerId).toBe(partner.id)

    const delta = await syncSince(app, since)
    expect(delta.changes.contacts).toEqual([
      {
        id: `partner-${partner.id}`,
        name: 'Bürgerhaus Stendal e. V. (Beispiel)',
        // "Network partner" in every language of the app (locales/<code>.json, partners.contactKind).
        kind: expect.objectContaining({ de: 'Partner im Integrationsnetzwerk', en: 'Partner in the integration network', uk: 'Партнер інтеграційної мережі', ar: 'شريك في شبكة الاندماج' }),
        fields: ['lifelong-learning', 'welcome-culture'],
        district: 'stendal',
        address: 'Beispielweg 3, 39576 Stendal',
        openingHours: null,
        phone: '+493931000222',
        email: 'info@buergerhaus-beispiel.org',
        website: null,
        languages: [],
        isSample: false,
      },
    ])
    // The declaration's text is erased once decided; the inbox is empty again.
    expect((await db.selectFrom('partner_requests').select('details').executeTakeFirstOrThrow()).details).toBeNull()
    expect(await call<PartnerRequestItem[]>(app, cast.stendal, 'GET', '/partner-requests')).toEqual([])
    expect((await call<PartnerRequestItem[]>(app, cast.stendal, 'GET', '/partner-requests?status=applied')).map((r) => r.id)).toEqual([answer.id])

    expect((await auditActions(db)).map((a) => [a.action, a.actor, a.district])).toEqual([
      ['partner-request.receive', 'partner', 'stendal'],
      ['partner.create', 'stendal@example.org', 'stendal'],
      ['partner-request.apply', 'stendal@example.org', 'stendal'],
    ])
    // No contact details in the audit log.
    expect(JSON.stringify(await auditActions(db))).not.toMatch(/buergerhaus-beispiel\.org|3931000222|Beispielweg/)
  })

  it('unlisting or deleting a partner sends a deletion to phones; listing it again brings it back', async () => {
    const { app, cast } = await setup(kind)
    const created = await call<PartnerDetailDto>(app, cast.admin, 'POST', '/partners', partnerInput({ publicListing: true, phone: '03941 000 111' }), 201)
    expect(created).toMatchObject({ phone: '+493941000111', listingConsent: { via: 'coordinator', textVersion: '2026-11' }, attendance: [] })
    const contactId = `partner-${created.id}`
    const c1 = await syncSince(app, 0)
    expect(c1.changes.contacts.map((c) => c.id)).toContain(contactId)

    const rest = partnerInput({ memberSince: created.memberSince })
    const unlisted = await call<PartnerDetailDto>(app, cast.admin, 'PUT', `/partners/${created.id}`, { ...rest, phone: '03941 000 111', publicListing: false })
    expect(unlisted).toMatchObject({ publicListing: false, listingConsent: null })
    const c2 = await syncSince(app, c1.cursor)
    expect(c2.deleted.contacts).toEqual([contactId])
    expect(c2.changes.contacts).toEqual([])

    await call(app, cast.admin, 'PUT', `/partners/${created.id}`, { ...rest, phone: '03941 000 111', publicListing: true, organisation: 'Jobcenter Harz, Standort Halberstadt (Beispiel)' })
    const c3 = await syncSince(app, c2.cursor)
    expect(c3.changes.contacts.map((c) => [c.id, c.name])).toEqual([[contactId, 'Jobcenter Harz, Standort Halberstadt (Beispiel)']])
    expect(c3.deleted.contacts).toEqual([])
    // A phone that missed all of it gets the row, not a deletion of it.
    const late = await syncSince(app, c1.cursor)
    expect(late.changes.contacts.map((c) => c.id)).toEqual([contactId])
    expect(late.deleted.contacts).toEqual([])

    await call(app, cast.admin, 'DELETE', `/partners/${created.id}`, undefined, 204)
    const c4 = await syncSince(app, c3.cursor)
    expect(c4.deleted.contacts).toEqual([contactId])
    await call(app, cast.admin, 'GET', `/partners/${created.id}`, undefined, 404)

    // A partner that was never listed leaves no tombstone behind.
    const quiet = await call<PartnerDto>(app, cast.admin, 'POST', '/partners', partnerInput(), 201)
    await call(app, cast.admin, 'DELETE', `/partners/${quiet.id}`, undefined, 204)
    expect((await syncSince(app, c4.cursor)).deleted.contacts).toEqual([])
  })

  it('change and deletion requests apply to the partner the coordinator confirms', async () => {
    const { app, db, cast } = await setup(kind)
    const entry = (await declare(app, declaration())).json<{ id: string }>()
    const partner = (await call<PartnerRequestDecision>(app, cast.stendal, 'POST', `/partner-requests/${entry.id}/apply`, {})).partner!
    const other = await call<PartnerDto>(app, cast.stendal, 'POST', '/partners', partnerInput({ district: 'stendal', organisation: 'Volkshochschule Stendal (Beispiel)', email: 'vhs@example.org' }), 201)
    const since = (await syncSince(app, 0)).cursor

    // A change names the entry as listed now, and brings the new details without the public listing.
    const change = declaration({
      kind: 'change',
      entry: { organisation: 'bürgerhaus stendal e. V. (Beispiel)', email: 'INFO@buergerhaus-beispiel.org' },
      organisation: 'Bürgerhaus Stendal (Beispiel)',
      email: 'kontakt@buergerhaus-beispiel.org',
      workingGroups: ['work-training', 'cross-group'],
      consents: { store: GIVEN },
    })
    const changeId = (await declare(app, change)).json<{ id: string }>().id
    const [open] = await call<PartnerRequestItem[]>(app, cast.stendal, 'GET', '/partner-requests')
    expect(open).toMatchObject({ id: changeId, kind: 'change', suggestedPartnerId: partner.id })

    // The coordinator must say which partner; a request is decided once.
    const missing = await app.inject({ method: 'POST', url: `/api/v1/coordination/partner-requests/${changeId}/apply`, headers: { cookie: cast.stendal }, payload: {} })
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toMatchObject({ error: 'validation', fields: { partnerId: 'errors.required' } })
    const changed = await call<PartnerRequestDecision>(app, cast.stendal, 'POST', `/partner-requests/${changeId}/apply`, { partnerId: partner.id })
    expect(changed.partner).toMatchObject({ id: partner.id, organisation: 'Bürgerhaus Stendal (Beispiel)', email: 'kontakt@buergerhaus-beispiel.org', publicListing: false, listingConsent: null })
    await call(app, cast.stendal, 'POST', `/partner-requests/${changeId}/apply`, { partnerId: partner.id }, 409)
    // No longer listed: phones drop it.
    expect((await syncSince(app, since)).deleted.contacts).toEqual([`partner-${partner.id}`])

    // A deletion names the entry by organisation and e-mail.
    const deletion = { kind: 'deletion', organisation: 'Volkshochschule Stendal (Beispiel)', district: 'stendal', email: 'vhs@example.org', consents: {} }
    const deletionId = (await declare(app, deletion)).json<{ id: string }>().id
    const [openDeletion] = await call<PartnerRequestItem[]>(app, cast.stendal, 'GET', '/partner-requests')
    expect(openDeletion).toMatchObject({ id: deletionId, kind: 'deletion', suggestedPartnerId: other.id })
    await call(app, cast.stendal, 'POST', `/partner-requests/${deletionId}/apply`, { partnerId: other.id })
    await call(app, cast.stendal, 'GET', `/partners/${other.id}`, undefined, 404)

    // A rejected request is erased too.
    const rejectedId = (await declare(app, declaration({ organisation: 'Spaßverein (Beispiel)' }))).json<{ id: string }>().id
    const rejected = await call<PartnerRequestItem>(app, cast.stendal, 'POST', `/partner-requests/${rejectedId}/reject`, { reason: 'not-network' })
    expect(rejected).toMatchObject({ status: 'rejected', details: null, decidedBy: 'stendal@example.org' })
    await call(app, cast.stendal, 'POST', `/partner-requests/${rejectedId}/reject`, { reason: 'not-network' }, 409)

    expect((await auditActions(db)).map((a) => a.action)).toEqual([
      'partner-request.receive',
      'partner.create',
      'partner-request.apply',
      'partner.create',
      'partner-request.receive',
      'partner.update',
      'partner-request.apply',
      'partner-request.receive',
      'partner.delete',
      'partner-request.apply',
      'partner-request.receive',
      'partner-request.reject',
    ])
    const update = (await auditActions(db)).find((a) => a.action === 'partner.update')!
    expect(update.details).toMatchObject({ changed: ['organisation', 'email', 'working_groups', 'public_listing'], request: changeId })
  })

  it('tells the declaring device the outcome by its status token: open, applied, or rejected with the reason', async () => {
    const { app, cast } = await setup(kind)
    const outcome = async (token: string) => {
      const res = await app.inject({ url: `/api/v1/partner-requests/${token}` })
      expect(res.statusCode, res.body).toBe(200)
      return res.json()
    }
    const applied = (await declare(app, declaration())).json<{ id: string; statusToken: string }>()
    expect(applied.statusToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await outcome(applied.statusToken)).toEqual({ kind: 'entry', locale: 'de', status: 'open', decidedAt: null, reason: null, note: null })
    await call(app, cast.stendal, 'POST', `/partner-requests/${applied.id}/apply`, {})
    expect(await outcome(applied.statusToken)).toMatchObject({ status: 'applied', decidedAt: expect.any(String), reason: null })

    const turnedDown = (await declare(app, declaration({ organisation: 'Spaßverein (Beispiel)' }))).json<{ id: string; statusToken: string }>()
    // A reason is needed, from the fixed list.
    await call(app, cast.stendal, 'POST', `/partner-requests/${turnedDown.id}/reject`, {}, 400)
    await call(app, cast.stendal, 'POST', `/partner-requests/${turnedDown.id}/reject`, { reason: 'whatever' }, 400)
    await call(app, cast.stendal, 'POST', `/partner-requests/${turnedDown.id}/reject`, { reason: 'not-network', note: '  Bitte wenden Sie sich an den Landkreis Harz.  ' })
    expect(await outcome(turnedDown.statusToken)).toMatchObject({ status: 'rejected', reason: 'not-network', note: 'Bitte wenden Sie sich an den Landkreis Harz.' })

    expect((await app.inject({ url: `/api/v1/partner-requests/${'A'.repeat(43)}` })).statusCode).toBe(404)
    expect((await app.inject({ url: '/api/v1/partner-requests/short' })).statusCode).toBe(400)
  })

  it('flags partners without attendance for twelve months, and attendance per meeting clears the flag', async () => {
    const { app, db, cast } = await setup(kind)
    const now = Date.now()
    const make = async (organisation: string, memberSinceDaysAgo: number, attendedDaysAgo?: number) => {
      const p = await call<PartnerDto>(app, cast.stendal, 'POST', '/partners', partnerInput({ district: 'stendal', organisation, memberSince: berlinDay(new Date(now - memberSinceDaysAgo * DAY)) }), 201)
      if (attendedDaysAgo !== undefined) {
        await db.insertInto('partner_attendance').values({ partner_id: p.id, occurrence_id: `old:${organisation}`, attended_on: berlinDay(new Date(now - attendedDaysAgo * DAY)) }).execute()
      }
      return p.id
    }
    const silent = await make('A Stiller Verein (Beispiel)', 800)
    const lapsed = await make('B Früher aktiv (Beispiel)', 800, 400)
    const active = await make('C Aktiv (Beispiel)', 800, 100)
    const fresh = await make('D Neu dabei (Beispiel)', 90)

    const all = await call<PartnerDto[]>(app, cast.stendal, 'GET', '/partners')
    expect(all.map((p) => [p.organisation, p.flagged])).toEqual([
      ['A Stiller Verein (Beispiel)', true],
      ['B Früher aktiv (Beispiel)', true],
      ['C Aktiv (Beispiel)', false],
      ['D Neu dabei (Beispiel)', false],
    ])
    expect((await call<PartnerDto[]>(app, cast.stendal, 'GET', '/partners?flagged=true')).map((p) => p.id)).toEqual([silent, lapsed])
    expect((await call<PartnerDto[]>(app, cast.stendal, 'GET', '/partners?flagged=false')).map((p) => p.id)).toEqual([active, fresh])

    // The network meeting of two weeks ago: the coordinator records who came.
    const meeting = await insertMeeting(db, 'stendal', new Date(now - 14 * DAY))
    await insertMeeting(db, 'stendal', new Date(now - 14 * DAY), 'language-cafe') // not a network meeting
    const future = await insertMeeting(db, 'stendal', new Date(now + 14 * DAY))
    const harzMeeting = await insertMeeting(db, 'harz', new Date(now - 7 * DAY))
    const meetings = await call<MeetingDto[]>(app, cast.stendal, 'GET', '/partner-meetings')
    expect(meetings.map((m) => m.occurrenceId)).toEqual([meeting])

    const url = `/partner-meetings/${encodeURIComponent(meeting)}`
    const before = await call<MeetingAttendanceDto>(app, cast.stendal, 'GET', url)
    expect(before.partners.map((p) => [p.id, p.attended])).toEqual([silent, lapsed, active, fresh].map((id) => [id, false]))
    const after = await call<MeetingAttendanceDto>(app, cast.stendal, 'PUT', `${url}/attendance`, { partnerIds: [lapsed, active] })
    expect(after.partners.filter((p) => p.attended).map((p) => p.id)).toEqual([lapsed, active])
    expect(after.meeting.attendees).toBe(2)
    expect((await call<PartnerDto[]>(app, cast.stendal, 'GET', '/partners?flagged=true')).map((p) => p.id)).toEqual([silent])
    const detail = await call<PartnerDetailDto>(app, cast.stendal, 'GET', `/partners/${lapsed}`)
    expect(detail.lastAttendedOn).toBe(berlinDay(new Date(now - 14 * DAY)))
    expect(detail.attendance.map((a) => [a.occurrenceId, a.title])).toEqual([
      [meeting, { de: 'AG Sprache (Beispiel)' }],
      ['old:B Früher aktiv (Beispiel)', null],
    ])

    // Recorded again: replaced, not added to.
    await call(app, cast.stendal, 'PUT', `${url}/attendance`, { partnerIds: [active] })
    expect((await call<PartnerDto[]>(app, cast.stendal, 'GET', '/partners?flagged=true')).map((p) => p.id)).toEqual([silent, lapsed])

    // Not before it happened; only the district's own partners.
    const notYet = await app.inject({ method: 'PUT', url: `/api/v1/coordination/partner-meetings/${encodeURIComponent(future)}/attendance`, headers: { cookie: cast.stendal }, payload: { partnerIds: [active] } })
    expect(notYet.statusCode).toBe(409)
    expect(notYet.json().error).toBe('meeting_not_held')
    const harzPartner = await call<PartnerDto>(app, cast.admin, 'POST', '/partners', partnerInput(), 201)
    const wrong = await app.inject({ method: 'PUT', url: `/api/v1/coordination${url}/attendance`, headers: { cookie: cast.stendal }, payload: { partnerIds: [harzPartner.id] } })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().fields).toEqual({ partnerIds: 'errors.invalid' })
    await call(app, cast.stendal, 'GET', `/partner-meetings/${encodeURIComponent(harzMeeting)}`, undefined, 403)

    // The coordinator removes the flagged partner; the audit log says why.
    await call(app, cast.stendal, 'DELETE', `/partners/${silent}`, undefined, 204)
    const audit = await auditActions(db)
    expect(audit.filter((a) => a.action === 'partner.attendance').map((a) => [a.entity_id, a.details])).toEqual([
      [meeting, { attended: 2, added: [lapsed, active], removed: [] }],
      [meeting, { attended: 1, added: [], removed: [lapsed] }],
    ])
    expect(audit.find((a) => a.action === 'partner.delete')).toMatchObject({ entity_id: silent, details: { reason: 'no-attendance-12-months' } })
  })

  it('answers a replayed declaration from the first one, and refuses a reused key with another body', async () => {
    const { app, db } = await setup(kind)
    const key = randomUUID()
    const first = await declare(app, declaration(), key)
    const replay = await declare(app, declaration(), key)
    expect(first.statusCode).toBe(201)
    expect(replay.statusCode).toBe(201)
    expect(replay.json()).toEqual(first.json())
    const reused = await declare(app, declaration({ organisation: 'Anderer Verein (Beispiel)' }), key)
    expect(reused.statusCode).toBe(422)
    expect(reused.json().error).toBe('idempotency_key_reused')
    const rows = await db.selectFrom('partner_requests').select('id').execute()
    expect(rows).toEqual([{ id: first.json().id }])
  })

  it('limits declarations per client', async () => {
    const { app } = await setup(kind)
    const codes: number[] = []
    for (let i = 0; i < 11; i++) codes.push((await app.inject(postJson('/api/v1/partner-requests', declaration(), randomUUID(), '10.9.9.9'))).statusCode)
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(201))
    expect(codes[10]).toBe(429)
  })
})

// Inputs a form can produce, each with at most one mistake (the server reports the first kind it finds).
const VALIDATION: Array<[string, Record<string, unknown>, Record<string, string> | null]> = [
  ['a full entry', declaration(), null],
  ['an entry without phone, note or public listing', declaration({ phone: '', note: '', consents: { store: GIVEN } }), null],
  ['a deletion naming the entry only', { kind: 'deletion', organisation: 'Verein (Beispiel)', district: 'harz', email: 'a@example.org', consents: {} }, null],
  ['no kind', declaration({ kind: '' }), { kind: 'errors.required' }],
  ['an unknown kind', declaration({ kind: 'merger' }), { kind: 'errors.invalid' }],
  ['an empty organisation', declaration({ organisation: '   ' }), { organisation: 'errors.required' }],
  ['a long organisation', declaration({ organisation: 'o'.repeat(151) }), { organisation: 'errors.tooLong' }],
  ['no address for an entry', declaration({ address: '' }), { address: 'errors.required' }],
  ['no function for an entry', declaration({ contactFunction: ' ' }), { contactFunction: 'errors.required' }],
  ['no working group in Magdeburg (its network has them)', declaration({ district: 'magdeburg', workingGroups: [] }), { workingGroups: 'errors.required' }],
  ['no working group in Stendal (its network has none)', declaration({ workingGroups: [] }), null],
  ['an unknown working group', declaration({ workingGroups: ['sports'] }), { 'workingGroups.0': 'errors.invalid' }],
  ['a working group twice', declaration({ workingGroups: ['language', 'language'] }), { workingGroups: 'errors.invalid' }],
  ['no district', declaration({ district: '' }), { district: 'errors.required' }],
  ['an unknown district', declaration({ district: 'atlantis' }), { district: 'errors.invalid' }],
  ['a broken e-mail', declaration({ email: 'info at example.org' }), { email: 'errors.email.invalid' }],
  ['no e-mail', declaration({ email: '' }), { email: 'errors.required' }],
  ['a phone with letters', declaration({ phone: '0391-CALL' }), { phone: 'errors.phone.invalid' }],
  ['no consent to store', declaration({ consents: { publish: GIVEN } }), { 'consents.store': 'errors.required' }],
  ['an unknown consent version', declaration({ consents: { store: { ...GIVEN, textVersion: '1999-01' } } }), { 'consents.store.textVersion': 'errors.invalid' }],
  ['a change that names no entry', declaration({ kind: 'change' }), { 'entry.organisation': 'errors.required', 'entry.email': 'errors.required' }],
  ['a change naming a broken e-mail', declaration({ kind: 'change', entry: { organisation: 'X', email: 'x@y' } }), { 'entry.email': 'errors.email.invalid' }],
  ['a deletion without e-mail', { kind: 'deletion', organisation: 'Verein (Beispiel)', district: 'harz', consents: {} }, { email: 'errors.required' }],
  ['an unknown field', declaration({ name: 'Erika Beispiel' }), { name: 'errors.unknownField' }],
  ['a note that is too long', declaration({ note: 'x'.repeat(1001) }), { note: 'errors.tooLong' }],
]

describe('partner declarations: the form and the server reject the same input with the same keys', () => {
  it(`in ${VALIDATION.length} cases`, async () => {
    const { app } = await buildTestApp('pglite')
    for (const [label, input, fields] of VALIDATION) {
      const form = checkPartnerRequest(input)
      const res = await app.inject(postJson('/api/v1/partner-requests', input, randomUUID(), clientAddress(++address)))
      const server = res.statusCode === 201 ? null : { status: res.statusCode, error: res.json().error, fields: res.json().fields }
      expect({ label, form: form.errors, server }).toEqual({ label, form: fields ?? {}, server: fields === null ? null : { status: 400, error: 'validation', fields } })
    }
  })

  it('refuses a request without an Idempotency-Key', async () => {
    const { app } = await buildTestApp('pglite')
    const res = await app.inject({ method: 'POST', url: '/api/v1/partner-requests', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(declaration()) })
    expect(res.statusCode).toBe(400)
  })
})

describe.each(DATABASES)('partner directory: authorisation matrix on %s', (kind) => {
  it('Harz cannot see or change Stendal\'s partners, requests or meetings; an admin can', async () => {
    const { app, db, cast } = await setup(kind)
    const stendalPartner = await call<PartnerDto>(app, cast.stendal, 'POST', '/partners', partnerInput({ district: 'stendal', organisation: 'Tafel Stendal (Beispiel)' }), 201)
    const requestId = (await declare(app, declaration())).json<{ id: string }>().id
    const meeting = await insertMeeting(db, 'stendal', new Date(Date.now() - 3 * DAY))
    const meetingUrl = `/partner-meetings/${encodeURIComponent(meeting)}`
    const full = { ...partnerInput({ district: 'stendal' }) }

    // Lists: Harz sees nothing of Stendal, and may not ask for it.
    expect(await call<PartnerDto[]>(app, cast.harz, 'GET', '/partners')).toEqual([])
    await call(app, cast.harz, 'GET', '/partners?district=stendal', undefined, 403)
    expect(await call<PartnerRequestItem[]>(app, cast.harz, 'GET', '/partner-requests')).toEqual([])
    await call(app, cast.harz, 'GET', '/partner-requests?district=stendal', undefined, 403)
    expect(await call<MeetingDto[]>(app, cast.harz, 'GET', '/partner-meetings')).toEqual([])
    await call(app, cast.harz, 'GET', '/partner-meetings?district=stendal', undefined, 403)

    // Single items and changes: 403.
    await call(app, cast.harz, 'GET', `/partners/${stendalPartner.id}`, undefined, 403)
    await call(app, cast.harz, 'PUT', `/partners/${stendalPartner.id}`, full, 403)
    await call(app, cast.harz, 'DELETE', `/partners/${stendalPartner.id}`, undefined, 403)
    await call(app, cast.harz, 'POST', '/partners', full, 403)
    // Nor move its own partner into Stendal.
    const harzPartner = await call<PartnerDto>(app, cast.harz, 'POST', '/partners', partnerInput(), 201)
    await call(app, cast.harz, 'PUT', `/partners/${harzPartner.id}`, partnerInput({ district: 'stendal' }), 403)
    await call(app, cast.harz, 'POST', `/partner-requests/${requestId}/apply`, {}, 403)
    await call(app, cast.harz, 'POST', `/partner-requests/${requestId}/reject`, { reason: 'other' }, 403)
    await call(app, cast.harz, 'GET', meetingUrl, undefined, 403)
    await call(app, cast.harz, 'PUT', `${meetingUrl}/attendance`, { partnerIds: [] }, 403)

    // Nothing changed for Stendal.
    expect((await call<PartnerDto[]>(app, cast.stendal, 'GET', '/partners')).map((p) => p.id)).toEqual([stendalPartner.id])
    expect((await call<PartnerRequestItem[]>(app, cast.stendal, 'GET', '/partner-requests')).map((r) => r.id)).toEqual([requestId])

    // An admin sees and changes everything.
    expect((await call<PartnerDto[]>(app, cast.admin, 'GET', '/partners')).map((p) => p.district).sort()).toEqual(['harz', 'stendal'])
    expect((await call<PartnerDto[]>(app, cast.admin, 'GET', '/partners?district=stendal')).map((p) => p.id)).toEqual([stendalPartner.id])
    await call(app, cast.admin, 'GET', `/partners/${stendalPartner.id}`)
    await call(app, cast.admin, 'PUT', `/partners/${stendalPartner.id}`, full)
    await call(app, cast.admin, 'PUT', `${meetingUrl}/attendance`, { partnerIds: [stendalPartner.id] })
    await call(app, cast.admin, 'POST', `/partner-requests/${requestId}/apply`, {})
    await call(app, cast.admin, 'DELETE', `/partners/${stendalPartner.id}`, undefined, 204)

    // Without a session: 401 everywhere.
    for (const [method, url] of [
      ['GET', '/partners'],
      ['POST', '/partners'],
      ['GET', '/partner-requests'],
      ['GET', '/partner-meetings'],
    ] as const) {
      const res = await app.inject({ method, url: `/api/v1/coordination${url}`, ...(method === 'POST' ? { payload: full } : {}) })
      expect(res.statusCode, `${method} ${url}`).toBe(401)
    }
    // Harz's attempts left no trace in the audit log.
    expect((await auditActions(db)).filter((a) => a.actor === 'harz@example.org').map((a) => a.action)).toEqual(['partner.create'])
  })

  it('validates the editor\'s input like the form: bad fields and a "partner since" in the future', async () => {
    const { app, cast } = await setup(kind)
    const bad = async (body: unknown, fields: Record<string, string>) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/coordination/partners', headers: { cookie: cast.admin }, payload: body as object })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json()).toMatchObject({ error: 'validation', fields })
    }
    await bad({ ...partnerInput(), email: 'nope' }, { email: 'errors.email.invalid' })
    await bad({ ...partnerInput(), organisation: '' }, { organisation: 'errors.required' })
    await bad({ ...partnerInput(), workingGroups: ['sports'] }, { 'workingGroups.0': 'errors.invalid' })
    await bad({ ...partnerInput(), memberSince: '2025-02-30' }, { memberSince: 'errors.invalid' })
    await bad({ ...partnerInput(), memberSince: berlinDay(new Date(Date.now() + 3 * DAY)) }, { memberSince: 'errors.invalid' })
    await bad({ ...partnerInput(), extra: 1 }, { extra: 'errors.unknownField' })
    const res = await app.inject({ method: 'GET', url: '/api/v1/coordination/partners/not-a-uuid', headers: { cookie: cast.admin } })
    expect(res.statusCode).toBe(400)
  })
})

describe('partner directory in the API description', () => {
  it('lists the public declaration and the coordinator routes', async () => {
    const { app } = await buildTestApp('pglite')
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/partner-requests',
        '/api/v1/coordination/partners',
        '/api/v1/coordination/partners/{id}',
        '/api/v1/coordination/partner-requests',
        '/api/v1/coordination/partner-requests/{id}/apply',
        '/api/v1/coordination/partner-requests/{id}/reject',
        '/api/v1/coordination/partner-meetings',
        '/api/v1/coordination/partner-meetings/{occurrenceId}',
        '/api/v1/coordination/partner-meetings/{occurrenceId}/attendance',
      ]),
    )
  })
})
