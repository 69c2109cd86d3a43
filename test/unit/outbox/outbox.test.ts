import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { deleteFreshDatabases, freshDbName } from '../db/fresh-db-name.ts'
import { enqueue } from '../../../src/outbox/enqueue.ts'
import { flush, recoverInterrupted, requestCancel, resubmit, undoCancel, UNDO_MS, type Fetch } from '../../../src/outbox/outbox.ts'
import { MATCH_KEY, refreshStatuses } from '../../../src/outbox/entry-status.ts'
import { backoffDelay, BASE_DELAY_MS, MAX_DELAY_MS } from '../../../src/outbox/backoff.ts'
import { signupStatus } from '../../../src/volunteering/signup-status.ts'

interface Call {
  url: string
  method: string
  headers: Record<string, string>
  body: unknown
}

/** A scripted server: answers each request with the next reply; records what the phone sent. */
function server(...replies: Array<Response | Error>) {
  const calls: Call[] = []
  const fetch: Fetch = async (url, init = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const reply = replies.shift()
    if (!reply) throw new Error('unexpected request')
    if (reply instanceof Error) throw reply
    return reply
  }
  return { fetch, calls }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })
const TOKEN = 'T'.repeat(43)
const answer = (status = 'received') => json(201, { id: '6f1f7d36-3c8e-4a57-9f51-3a8f3c1f1a11', status, manageToken: TOKEN })

let db: WillkommenDb
let now = 1_000_000
const clock = () => now
const half = () => 0.5

beforeEach(async () => {
  db = new WillkommenDb(freshDbName('outbox'))
  await db.open()
  now = 1_000_000
})
afterEach(async () => {
  db.close()
  await deleteFreshDatabases()
})

describe('outbox', () => {
  it('writes first, then sends with the client id as Idempotency-Key and keeps the answer', async () => {
    const entry = await enqueue(db, 'tandem', { name: 'Erika' }, now)
    expect(await db.outbox.get(entry.clientId)).toMatchObject({ state: 'pending', attempts: 0, response: null })
    expect(signupStatus((await db.outbox.get(entry.clientId))!)).toBe('pending')

    const s = server(answer())
    await flush({ db, fetch: s.fetch, now: clock })
    expect(s.calls).toEqual([
      { url: '/api/v1/tandems', method: 'POST', headers: expect.objectContaining({ 'idempotency-key': entry.clientId, 'content-type': 'application/json' }), body: { name: 'Erika' } },
    ])
    const sent = (await db.outbox.get(entry.clientId))!
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, response: { status: 'received', manageToken: TOKEN } })
    expect(signupStatus(sent)).toBe('received')
  })

  it('retries after a network error with backoff, and not before it is due', async () => {
    const entry = await enqueue(db, 'registration', { name: 'Erika' }, now)
    const s = server(new TypeError('Failed to fetch'), answer('waitlisted'))
    await flush({ db, fetch: s.fetch, now: clock, random: half })
    const waiting = (await db.outbox.get(entry.clientId))!
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: now + backoffDelay(1, half) })
    expect(signupStatus(waiting)).toBe('pending')

    await flush({ db, fetch: s.fetch, now: clock, random: half })
    expect(s.calls).toHaveLength(1)
    now = waiting.nextAttemptAt
    await flush({ db, fetch: s.fetch, now: clock, random: half })
    expect(s.calls).toHaveLength(2)
    expect(s.calls[1]!.headers['idempotency-key']).toBe(entry.clientId)
    expect(await db.outbox.get(entry.clientId)).toMatchObject({ state: 'sent', attempts: 2, response: { status: 'waitlisted' } })
  })

  it('retries a 5xx and honours Retry-After of a 429', async () => {
    const a = await enqueue(db, 'tandem', { n: 1 }, now)
    const b = await enqueue(db, 'tandem', { n: 2 }, now + 1)
    now += 1 // both due, and sent in the order they were made
    const s = server(json(503, { error: 'internal' }), json(429, { error: 'rate_limited' }, { 'retry-after': '120' }))
    await flush({ db, fetch: s.fetch, now: clock, random: half })
    expect(await db.outbox.get(a.clientId)).toMatchObject({ state: 'pending', nextAttemptAt: now + backoffDelay(1, half) })
    expect((await db.outbox.get(b.clientId))!.nextAttemptAt).toBe(now + 120_000)
  })

  it('keeps a 4xx with its reason, sends it no more, and lets the corrected entry go out under a new key', async () => {
    const entry = await enqueue(db, 'tandem', { email: 'erika@' }, now)
    const s = server(json(400, { error: 'validation', message: 'x', fields: { email: 'errors.email.invalid' } }), answer())
    await flush({ db, fetch: s.fetch, now: clock })
    const rejected = (await db.outbox.get(entry.clientId))!
    expect(rejected).toMatchObject({ state: 'rejected', lastError: { code: 'validation', fields: { email: 'errors.email.invalid' } }, payload: { email: 'erika@' } })
    expect(signupStatus(rejected)).toBe('rejected')
    await flush({ db, fetch: s.fetch, now: clock, }, { ignoreBackoff: true })
    expect(s.calls).toHaveLength(1)

    const fixed = await resubmit(db, entry.clientId, { email: 'erika@example.org' }, now)
    expect(fixed.clientId).not.toBe(entry.clientId)
    expect(await db.outbox.get(entry.clientId)).toBeUndefined()
    await flush({ db, fetch: s.fetch, now: clock })
    expect(s.calls[1]).toMatchObject({ headers: { 'idempotency-key': fixed.clientId }, body: { email: 'erika@example.org' } })
  })

  it('keeps one entry per draft: the same draft enqueued twice, at once, is one entry and one request', async () => {
    const draftId = crypto.randomUUID()
    const [first, second] = await Promise.all([enqueue(db, 'registration', { name: 'Kim' }, now, draftId), enqueue(db, 'registration', { name: 'Kim' }, now, draftId)])
    expect(second.clientId).toBe(first.clientId)
    expect(await db.outbox.count()).toBe(1)
    const s = server(answer('confirmed'))
    await flush({ db, fetch: s.fetch, now: clock })
    expect(s.calls).toHaveLength(1)
    expect(s.calls[0]!.headers['idempotency-key']).toBe(draftId)
  })

  it('replaces a refused entry by its correction once, however often the correction is sent', async () => {
    const entry = await enqueue(db, 'tandem', { email: 'erika@' }, now)
    await db.outbox.update(entry.clientId, { state: 'rejected' })
    const draftId = crypto.randomUUID()
    await resubmit(db, entry.clientId, { email: 'erika@example.org' }, now, draftId)
    const again = await resubmit(db, entry.clientId, { email: 'erika@example.org' }, now, draftId)
    expect(again.clientId).toBe(draftId)
    expect((await db.outbox.toArray()).map((e) => e.clientId)).toEqual([draftId])
  })

  it('sends an entry interrupted mid-request again after a reload', async () => {
    const entry = await enqueue(db, 'tandem', {}, now)
    await db.outbox.update(entry.clientId, { state: 'sending', attempts: 1 })
    await recoverInterrupted(db)
    expect(await db.outbox.get(entry.clientId)).toMatchObject({ state: 'pending' })
  })

  it('withdraws a never-sent entry without the server once the time for undo is over, and never sends it', async () => {
    const unsent = await enqueue(db, 'tandem', {}, now)
    await requestCancel(db, unsent.clientId, now)
    expect(signupStatus((await db.outbox.get(unsent.clientId))!, true)).toBe('cancelling')
    const s = server()
    await flush({ db, fetch: s.fetch, now: clock }, { ignoreBackoff: true }) // within the undo time: nothing goes
    expect(await db.outbox.count()).toBe(2)
    now += UNDO_MS
    await flush({ db, fetch: s.fetch, now: clock }, { ignoreBackoff: true })
    expect(await db.outbox.count()).toBe(0)
    expect(s.calls).toEqual([])
  })

  it('takes a withdrawal back while it waits, offline as long as it takes; the sign-up stays as it was', async () => {
    const entry = await enqueue(db, 'registration', {}, now)
    const s = server(answer('confirmed'))
    await flush({ db, fetch: s.fetch, now: clock })
    await requestCancel(db, entry.clientId, now)
    now += 60 * 60_000 // offline for an hour: nothing was sent
    expect(await undoCancel(db, entry.clientId)).toBe(true)
    expect(await db.outbox.count()).toBe(1)
    expect(signupStatus((await db.outbox.get(entry.clientId))!)).toBe('confirmed')
    await flush({ db, fetch: s.fetch, now: clock }, { ignoreBackoff: true })
    expect(s.calls).toHaveLength(1)
  })

  it('cancels a sent one on the server through the outbox after the time for undo, which then is over', async () => {
    const entry = await enqueue(db, 'registration', {}, now)
    const s = server(answer('confirmed'), new TypeError('offline'), new Response(null, { status: 204 }))
    await flush({ db, fetch: s.fetch, now: clock })
    await requestCancel(db, entry.clientId, now)
    await requestCancel(db, entry.clientId, now) // a second tap queues nothing more
    expect(await db.outbox.count()).toBe(2)
    expect(signupStatus((await db.outbox.get(entry.clientId))!, true)).toBe('cancelling')

    await flush({ db, fetch: s.fetch, now: clock }, { ignoreBackoff: true })
    expect(s.calls).toHaveLength(1) // held for undo
    now += UNDO_MS
    await flush({ db, fetch: s.fetch, now: clock })
    expect(s.calls[1]).toMatchObject({ method: 'DELETE', url: `/api/v1/manage/${TOKEN}` })
    expect((await db.outbox.get(entry.clientId))!.response!.status).toBe('confirmed')
    await flush({ db, fetch: s.fetch, now: clock }, { ignoreBackoff: true })
    expect(await undoCancel(db, entry.clientId)).toBe(false)
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ clientId: entry.clientId, response: expect.objectContaining({ status: 'cancelled' }) })])
  })

  it('lets a cancellation wait until the sign-up has its manage token', async () => {
    const entry = await enqueue(db, 'registration', {}, now)
    await db.outbox.update(entry.clientId, { attempts: 1 }) // tried once: it may have arrived
    await requestCancel(db, entry.clientId, now)
    now += UNDO_MS
    const s = server(new TypeError('offline'))
    await flush({ db, fetch: s.fetch, now: clock })
    expect(s.calls.map((c) => c.url)).toEqual(['/api/v1/registrations'])
    const cancel = (await db.outbox.filter((e) => e.kind === 'cancel').first())!
    expect(cancel).toMatchObject({ state: 'pending', attempts: 0 })
  })

  it('learns that a waitlisted registration got a place', async () => {
    const entry = await enqueue(db, 'registration', {}, now)
    const s = server(answer('waitlisted'), json(200, { status: 'confirmed' }))
    await flush({ db, fetch: s.fetch, now: clock })
    expect(await refreshStatuses({ db, fetch: s.fetch })).toBe(false) // nothing waits any more
    expect(s.calls[1]!.url).toBe(`/api/v1/manage/${TOKEN}`)
    expect(signupStatus((await db.outbox.get(entry.clientId))!)).toBe('confirmed')
  })

  it('says a waitlisted registration and a tandem entry without an active match still wait, and keeps the match', async () => {
    await enqueue(db, 'registration', {}, now)
    const tandem = await enqueue(db, 'tandem', {}, now + 1)
    const proposed = { id: '6f1f7d36-3c8e-4a57-9f51-3a8f3c1f1a12', status: 'proposed', myAnswer: null }
    const s = server(answer('waitlisted'), answer('received'), json(200, { status: 'waitlisted' }), json(200, { status: 'received', match: proposed }))
    await flush({ db, fetch: s.fetch, now: clock }, { ignoreBackoff: true })
    expect(await refreshStatuses({ db, fetch: s.fetch, now: clock })).toBe(true)
    expect(await db.meta.get(MATCH_KEY + tandem.clientId)).toEqual({ key: MATCH_KEY + tandem.clientId, value: { view: proposed, checkedAt: now } })

    const active = { ...proposed, status: 'active' }
    const again = server(json(200, { status: 'confirmed' }), json(200, { status: 'received', match: active }))
    expect(await refreshStatuses({ db, fetch: again.fetch, now: clock })).toBe(false)
  })

  it('learns the outcome of a partner declaration by its status token, with the reason', async () => {
    const entry = await enqueue(db, 'partner-request', {}, now)
    const STATUS = 'S'.repeat(43)
    const open = { status: 'open', decidedAt: null, reason: null, note: null }
    const s = server(json(201, { id: '6f1f7d36-3c8e-4a57-9f51-3a8f3c1f1a13', status: 'received', statusToken: STATUS }), json(200, open))
    await flush({ db, fetch: s.fetch, now: clock })
    expect(await refreshStatuses({ db, fetch: s.fetch })).toBe(true)
    expect(s.calls[1]!.url).toBe(`/api/v1/partner-requests/${STATUS}`)

    const rejected = { status: 'rejected', decidedAt: '2026-11-29T10:00:00.000Z', reason: 'duplicate', note: 'Schon eingetragen.' }
    expect(await refreshStatuses({ db, fetch: server(json(200, rejected)).fetch })).toBe(false)
    expect((await db.outbox.get(entry.clientId))!.response).toMatchObject({ status: 'rejected', outcome: { reason: 'duplicate', note: 'Schon eingetragen.' } })
    expect(await refreshStatuses({ db, fetch: server().fetch })).toBe(false) // decided: not asked again
  })

  it('leaves cancelled, rejected and unsent entries alone', async () => {
    const sent = await enqueue(db, 'registration', {}, now)
    await enqueue(db, 'tandem', {}, now + 1)
    const s = server(answer('confirmed'), json(422, { error: 'validation' }))
    await flush({ db, fetch: s.fetch, now: clock }, { ignoreBackoff: true })
    await db.outbox.update(sent.clientId, { response: { status: 'cancelled', manageToken: TOKEN } })
    await enqueue(db, 'registration', {}, now + 2)
    expect(await refreshStatuses({ db, fetch: server().fetch })).toBe(false)
  })

  it('learns that a confirmed registration\'s date was cancelled', async () => {
    const entry = await enqueue(db, 'registration', {}, now)
    const s = server(answer('confirmed'), json(200, { status: 'date_cancelled' }))
    await flush({ db, fetch: s.fetch, now: clock })
    await refreshStatuses({ db, fetch: s.fetch })
    expect(signupStatus((await db.outbox.get(entry.clientId))!)).toBe('dateCancelled')
  })

  it('sends registrations with this phone\'s own key, the same every time, and tandem entries without', async () => {
    await enqueue(db, 'registration', { occurrenceId: 'a' }, now - 2)
    await enqueue(db, 'registration', { occurrenceId: 'b' }, now - 1)
    await enqueue(db, 'tandem', {}, now)
    const s = server(answer('confirmed'), answer('confirmed'), answer())
    await flush({ db, fetch: s.fetch, now: clock })
    const keys = s.calls.map((c) => c.headers['x-device-key'])
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(keys).toEqual([keys[0], keys[0], undefined])
  })
})

describe('backoff', () => {
  it('doubles from the base up to the cap, with jitter in the upper half', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, () => 0))).toEqual([BASE_DELAY_MS / 2, BASE_DELAY_MS, BASE_DELAY_MS * 2])
    expect(backoffDelay(1, () => 0.999999)).toBeLessThanOrEqual(BASE_DELAY_MS)
    expect(backoffDelay(40, () => 0.999999)).toBeLessThanOrEqual(MAX_DELAY_MS)
    expect(backoffDelay(40, () => 0)).toBe(MAX_DELAY_MS / 2)
  })
})
