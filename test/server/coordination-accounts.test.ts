import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginAs, PASSWORD } from './coordination-fixtures.ts'
import { startSmtpServer, type ReceivedMail } from './smtp-fixture.ts'

/**
 * Issue 14 item 5: coordinator accounts by invitation, through a real SMTP server in this process and
 * parsed by mailparser. Single-use links that expire (only their hash stored), forgotten password with
 * the same answer for every address, deactivation that ends sessions at once, districts changed.
 */

const PUBLIC_URL = 'https://willkommen.test'
const ACCOUNTS = '/api/v1/coordination/accounts'
const NEW_PASSWORD = 'a new password of twelve+'
const HOUR = 3600_000

function movableClock() {
  let at = Date.parse('2026-11-20T09:00:00Z')
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) }
}

async function setup(kind: (typeof DATABASES)[number]) {
  const smtp = await startSmtpServer()
  const clock = movableClock()
  const { app, db } = await buildTestApp(kind, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL, now: clock.now })
  const admin = await loginAs(app, db, { email: 'admin@example.org', role: 'admin' })
  return { app, db, smtp, clock, admin }
}

/** The secret of the set-password link in a mail. */
function tokenIn(mail: ReceivedMail): string {
  const found = mail.parsed.text?.match(new RegExp(`${PUBLIC_URL}/coordination/password/([A-Za-z0-9_-]{43})\\n`))
  expect(found, mail.parsed.text).not.toBeNull()
  return found![1]!
}

const invite = (app: FastifyInstance, cookie: string, body: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: ACCOUNTS, headers: { cookie }, payload: { role: 'coordinator', districts: ['stendal'], ...body } })
const setPassword = (app: FastifyInstance, token: string, password = NEW_PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/v1/coordination/password', payload: { token, password } })
const login = (app: FastifyInstance, email: string, password = NEW_PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload: { email, password } })
const forgot = (app: FastifyInstance, email: string, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/coordination/password/forgot', remoteAddress, payload: { email, locale: 'en' } })
const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => `${res.cookies[0]!.name}=${res.cookies[0]!.value}`

describe.each(DATABASES)('coordinator accounts by invitation, on %s', { timeout: 120_000 }, (kind) => {
  it('an admin invites; the invitee sets a password from the mailed link once and logs in with district scope; all in the audit log', async () => {
    const { app, db, smtp, admin } = await setup(kind)
    const res = await invite(app, admin, { email: 'Berta@Example.org', districts: ['stendal', 'harz'], locale: 'en' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ email: 'berta@example.org', role: 'coordinator', districts: ['stendal', 'harz'], active: true, invited: true })
    // Invited, not yet able to log in with any password.
    expect((await login(app, 'berta@example.org', PASSWORD)).statusCode).toBe(401)

    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const mail = smtp.received[0]!
    expect(mail.to).toEqual(['berta@example.org'])
    expect(mail.parsed.subject).toBe('Your access to the Willkommen coordination area')
    expect(mail.parsed.text).toContain('it works once and for 168 hours')
    expect(mail.parsed.html).toContain(`<a href="${PUBLIC_URL}/coordination/password/`)
    // Nothing to unsubscribe from in an account mail.
    expect(mail.parsed.headers.has('list-unsubscribe')).toBe(false)
    const token = tokenIn(mail)
    // Only a hash of the link's secret is kept; the queued mail's text is erased once sent.
    const stored = await db.selectFrom('coordinator_tokens').select(['token_hash', 'purpose']).execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).not.toContain(token)
    expect(await db.selectFrom('mail_queue').select('data').where('data', 'is not', null).execute()).toEqual([])

    expect((await setPassword(app, token, 'too short')).statusCode).toBe(400)
    const set = await setPassword(app, token)
    expect(set.statusCode, set.body).toBe(204)
    // Single use: the same link a second time is refused.
    const again = await setPassword(app, token, 'another password of 12+')
    expect(again.statusCode).toBe(410)
    expect(again.json()).toMatchObject({ error: 'link_expired' })

    const loggedIn = await login(app, 'berta@example.org')
    expect(loggedIn.statusCode, loggedIn.body).toBe(200)
    expect(loggedIn.json()).toEqual({ email: 'berta@example.org', role: 'coordinator', districts: ['stendal', 'harz'] })
    const berta = cookieOf(loggedIn)
    const own = await app.inject({ url: '/api/v1/coordination/content/contacts?district=harz', headers: { cookie: berta } })
    expect(own.statusCode).toBe(200)
    const other = await app.inject({ url: '/api/v1/coordination/content/contacts?district=magdeburg', headers: { cookie: berta } })
    expect(other.statusCode).toBe(403)
    // Accounts are the admins' to manage.
    expect((await app.inject({ url: ACCOUNTS, headers: { cookie: berta } })).statusCode).toBe(403)
    expect((await invite(app, berta, { email: 'carl@example.org' })).statusCode).toBe(403)

    const audit = await db.selectFrom('audit_log').select(['actor', 'action']).where('entity', '=', 'coordinator').where('action', '<>', 'coordinator.login').orderBy('id').execute()
    expect(audit).toEqual([
      { actor: 'admin@example.org', action: 'coordinator.invite' },
      { actor: 'berta@example.org', action: 'coordinator.accept-invite' },
    ])
  })

  it('an invitation link stops working after a week, and a new invitation replaces the old link', async () => {
    const { app, smtp, clock, admin } = await setup(kind)
    expect((await invite(app, admin, { email: 'carl@example.org' })).statusCode).toBe(201)
    await app.sendDueMail()
    const first = tokenIn(smtp.received[0]!)
    clock.advance(7 * 24 * HOUR + 1000)
    expect((await setPassword(app, first)).statusCode).toBe(410)

    const again = cookieOf(await login(app, 'admin@example.org', PASSWORD))
    expect((await invite(app, again, { email: 'carl@example.org', locale: 'de' })).statusCode).toBe(201)
    await app.sendDueMail()
    const second = smtp.received[1]!
    expect(second.parsed.subject).toBe('Ihr Zugang zum Koordinationsbereich von Willkommen')
    expect((await setPassword(app, tokenIn(second))).statusCode).toBe(204)
    // An account with a password cannot be invited again.
    const twice = await invite(app, again, { email: 'carl@example.org' })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().fields).toHaveProperty('email')
  })

  it('refuses an invitation of a coordinator without districts, with a field to show', async () => {
    const { app, admin } = await setup(kind)
    const res = await invite(app, admin, { email: 'dora@example.org', districts: [] })
    expect(res.statusCode).toBe(400)
    expect(res.json().fields).toHaveProperty('districts')
  })

  it('forgot password: the same answer for a known and an unknown address; only the known one gets a link, valid an hour, at most three an hour', async () => {
    const { app, db, smtp, clock } = await setup(kind)
    await loginAs(app, db, { email: 'anna@example.org', districts: ['stendal'] })
    const known = await forgot(app, 'Anna@example.org', '203.0.113.1')
    const unknown = await forgot(app, 'nobody@example.org', '203.0.113.2')
    expect([known.statusCode, known.body]).toEqual([unknown.statusCode, unknown.body])
    expect(known.statusCode).toBe(202)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const mail = smtp.received[0]!
    expect(mail.to).toEqual(['anna@example.org'])
    expect(mail.parsed.subject).toBe('Set a new password for Willkommen')

    // The old password works until the link is used; a link is good for an hour.
    const session = cookieOf(await login(app, 'anna@example.org', PASSWORD))
    clock.advance(HOUR + 1000)
    expect((await setPassword(app, tokenIn(mail))).statusCode).toBe(410)

    const sent: number[] = []
    for (let i = 0; i < 4; i++) {
      expect((await forgot(app, 'anna@example.org', `203.0.113.${10 + i}`)).statusCode).toBe(202)
      sent.push((await app.sendDueMail()).sent)
    }
    expect(sent).toEqual([1, 1, 1, 0])
    const latest = smtp.received[3]!
    // Only the newest link works; setting the password ends every session of the account.
    expect((await setPassword(app, tokenIn(smtp.received[1]!))).statusCode).toBe(410)
    expect((await setPassword(app, tokenIn(latest))).statusCode).toBe(204)
    expect((await app.inject({ url: '/api/v1/coordination/me', headers: { cookie: session } })).statusCode).toBe(401)
    expect((await login(app, 'anna@example.org', PASSWORD)).statusCode).toBe(401)
    expect((await login(app, 'anna@example.org')).statusCode).toBe(200)
  })

  it('limits forgotten-password requests per client', async () => {
    const { app } = await setup(kind)
    const codes: number[] = []
    for (let i = 0; i < 6; i++) codes.push((await forgot(app, `x${i}@example.org`, '198.51.100.9')).statusCode)
    expect(codes).toEqual([202, 202, 202, 202, 202, 429])
  })

  it('deactivating an account ends its sessions at once and voids its links; districts change at once; an admin cannot deactivate themselves', async () => {
    const { app, db, smtp, admin } = await setup(kind)
    const anna = await loginAs(app, db, { email: 'anna@example.org', districts: ['stendal'] })
    const list = await app.inject({ url: ACCOUNTS, headers: { cookie: admin } })
    expect(list.statusCode).toBe(200)
    const accounts = list.json<Array<{ id: string; email: string }>>()
    expect(accounts.map((a) => a.email)).toEqual(['admin@example.org', 'anna@example.org'])
    const annaId = accounts[1]!.id
    const adminId = accounts[0]!.id
    const patch = (id: string, payload: Record<string, unknown>, cookie = admin) => app.inject({ method: 'PATCH', url: `${ACCOUNTS}/${id}`, headers: { cookie }, payload })

    const moved = await patch(annaId, { districts: ['harz', 'stendal'] })
    expect(moved.statusCode, moved.body).toBe(200)
    expect((await app.inject({ url: '/api/v1/coordination/me', headers: { cookie: anna } })).json().districts).toEqual(['harz', 'stendal'])

    await forgot(app, 'anna@example.org')
    const off = await patch(annaId, { active: false })
    expect(off.statusCode).toBe(200)
    expect(off.json()).toMatchObject({ active: false })
    expect((await app.inject({ url: '/api/v1/coordination/me', headers: { cookie: anna } })).statusCode).toBe(401)
    expect((await login(app, 'anna@example.org', PASSWORD)).statusCode).toBe(401)
    // The link asked for before the deactivation no longer works, and asking again sends nothing.
    await app.sendDueMail()
    expect((await setPassword(app, tokenIn(smtp.received[0]!))).statusCode).toBe(410)
    await forgot(app, 'anna@example.org')
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })

    expect((await patch(annaId, { active: true })).statusCode).toBe(200)
    expect((await login(app, 'anna@example.org', PASSWORD)).statusCode).toBe(200)
    const self = await patch(adminId, { active: false })
    expect(self.statusCode).toBe(409)
    expect((await patch(annaId, { active: false }, anna)).statusCode).toBe(401)

    const actions = await db.selectFrom('audit_log').select('action').where('entity_id', '=', annaId).where('action', '<>', 'coordinator.login').orderBy('id').execute()
    expect(actions.map((a) => a.action)).toEqual(['coordinator.districts', 'coordinator.reset-request', 'coordinator.deactivate', 'coordinator.activate'])
  })
})
