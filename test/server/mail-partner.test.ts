import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { declaration, GIVEN, loginAs } from './coordination-fixtures.ts'
import { headerLines as header, startSmtpServer, type ReceivedMail } from './smtp-fixture.ts'
import { clientAddress, postJson } from './volunteering-fixtures.ts'
import { runRetention, UNDECIDED_DECLARATION_DAYS } from '../../server/volunteering/retention.ts'
import { CONFIRM_REQUESTS_PER_ADDRESS_PER_DAY } from '../../server/mail/registration-mail.ts'

/**
 * Issue 14 for partner declarations: an optional address with its own consent, double opt-in, the
 * mails "declaration received" and "declaration decided" (with the outcome) in the language the form
 * was sent in, each with the status link and RFC 8058 one-click unsubscribe; erased with the
 * declaration. Real SMTP in-process, parsed by mailparser.
 */

const PUBLIC_URL = 'https://willkommen.test'
const DAY = 86400_000
let client = 0

interface Declared {
  id: string
  statusToken: string
}

const withMail = (overrides: Record<string, unknown> = {}) => declaration({ email: 'info@buergerhaus.example.org', consents: { store: GIVEN, mail: GIVEN }, ...overrides })

async function declare(app: FastifyInstance, body: Record<string, unknown>): Promise<Declared> {
  const res = await app.inject(postJson('/api/v1/partner-requests', body, randomUUID(), clientAddress(++client)))
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Declared>()
}

function linkIn(mail: ReceivedMail, path: string): string {
  const found = mail.parsed.text?.match(new RegExp(`${PUBLIC_URL}${path}[A-Za-z0-9_-]+`))
  expect(found, mail.parsed.text).not.toBeNull()
  return found![0].slice(PUBLIC_URL.length)
}

const post = (app: FastifyInstance, url: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })
const decide = (app: FastifyInstance, cookie: string, id: string, action: 'apply' | 'reject', body: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1/coordination/partner-requests/${id}/${action}`, headers: { cookie, 'content-type': 'application/json' }, payload: JSON.stringify(body) })

async function setup(kind: (typeof DATABASES)[number], refuse = 0) {
  const smtp = await startSmtpServer({ refuse })
  let at = Date.now()
  const { app, db } = await buildTestApp(kind, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL, now: () => new Date(at) })
  const stendal = await loginAs(app, db, { email: 'stendal@example.org', districts: ['stendal'] })
  return { app, db, smtp, stendal, advance: (ms: number) => (at += ms) }
}

describe.each(DATABASES)('mail about a partner declaration, on %s', { timeout: 300_000 }, (kind) => {
  it('declare → only the confirmation request → confirm → "received" → rejected → "decided" with the reason, each exactly once though the first try is refused', async () => {
    const { app, db, smtp, stendal, advance } = await setup(kind, 1)
    const d = await declare(app, withMail({ locale: 'uk', organisation: 'Bürgerhaus <b>Stendal</b> (Beispiel)' }))

    // The mail server refuses the first try: the declaration was answered already; the mail goes on the next.
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 1 })
    advance(60_000)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const request = smtp.received[0]!
    expect(request.to).toEqual(['info@buergerhaus.example.org'])
    expect(request.parsed.subject).toBe('Будь ласка, підтвердіть адресу електронної пошти')
    // Nothing but the request before the address is confirmed: not even the status link.
    expect(request.parsed.text).not.toContain(d.statusToken)
    expect(request.parsed.html).toContain('Bürgerhaus &#60;b&#62;Stendal&#60;/b&#62; (Beispiel)')
    const unsubscribe = linkIn(request, '/api/v1/mail/unsubscribe/')
    expect(header(request, 'List-Unsubscribe')).toEqual([`<${PUBLIC_URL}${unsubscribe}>`])
    expect(header(request, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click'])

    // The link's page is in the declaration's language and changes nothing; the button's POST confirms.
    const confirm = linkIn(request, '/api/v1/mail/confirm/')
    const page = await app.inject({ url: confirm })
    expect(page.body).toContain('lang="uk"')
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    expect((await post(app, confirm)).statusCode).toBe(200)
    expect((await post(app, confirm)).statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const received = smtp.received[1]!
    expect(received.parsed.subject).toBe('Вашу заяву отримано')
    expect(received.parsed.text).toContain(`${PUBLIC_URL}/partners/status/${d.statusToken}`)
    expect(received.parsed.html).toContain(`<a href="${PUBLIC_URL}/partners/status/${d.statusToken}">`)
    expect(header(received, 'List-Unsubscribe')).toEqual([`<${PUBLIC_URL}${unsubscribe}>`])

    const rejected = await decide(app, stendal, d.id, 'reject', { reason: 'not-network', note: 'Bitte an <den> Landkreis Harz wenden.' })
    expect(rejected.statusCode, rejected.body).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const decided = smtp.received[2]!
    expect(decided.parsed.subject).toBe('Щодо вашої заяви ухвалено рішення')
    expect(decided.parsed.text).toContain('Відхилено – координаційний центр не прийняв вашу заяву.')
    expect(decided.parsed.text).toContain('Організація не належить до мережі цього району.')
    expect(decided.parsed.text).toContain('Bitte an <den> Landkreis Harz wenden.')
    expect(decided.parsed.html).toContain('Bitte an &#60;den&#62; Landkreis Harz wenden.')
    expect(decided.parsed.text).toContain(`${PUBLIC_URL}/partners/status/${d.statusToken}`)
    expect(header(decided, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click'])

    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    expect(smtp.received).toHaveLength(3)
    // Sent mails keep neither address nor text; the declaration keeps no copy of its status token.
    expect(await db.selectFrom('mail_queue').select(['kind', 'status', 'recipient', 'data']).where('partner_request_id', '=', d.id).orderBy('created_at').execute()).toEqual([
      { kind: 'confirm-partner-address', status: 'sent', recipient: null, data: null },
      { kind: 'partner-request-received', status: 'sent', recipient: null, data: null },
      { kind: 'partner-request-decided', status: 'sent', recipient: null, data: null },
    ])
    expect(await db.selectFrom('partner_requests').select(['mail_status', 'mail_manage_token', 'details']).where('id', '=', d.id).executeTakeFirst()).toEqual({ mail_status: 'confirmed', mail_manage_token: null, details: null })
    // The unsubscribe link of the last mail still answers, in Ukrainian.
    const stop = await post(app, unsubscribe)
    expect(stop.statusCode).toBe(200)
    expect(stop.body).toContain('lang="uk"')
  })

  it('an applied declaration is told so; no consent, no mail; the status page says which language', async () => {
    const { app, smtp, stendal } = await setup(kind)
    const d = await declare(app, withMail({ locale: 'en' }))
    const silent = await declare(app, declaration({ organisation: 'Ohne Post (Beispiel)', email: 'ohne@example.org' }))
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect((await post(app, linkIn(smtp.received[0]!, '/api/v1/mail/confirm/'))).statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect((await decide(app, stendal, d.id, 'apply')).statusCode).toBe(200)
    expect((await decide(app, stendal, silent.id, 'apply')).statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect(smtp.received.map((m) => [m.to[0], m.parsed.subject])).toEqual([
      ['info@buergerhaus.example.org', 'Please confirm your e-mail address'],
      ['info@buergerhaus.example.org', 'Your declaration has arrived'],
      ['info@buergerhaus.example.org', 'Your declaration has been decided'],
    ])
    expect(smtp.received[2]!.parsed.text).toContain('Applied – the coordination office has carried out your declaration.')
    const outcome = await app.inject({ url: `/api/v1/partner-requests/${d.statusToken}` })
    expect(outcome.json()).toMatchObject({ kind: 'entry', locale: 'en', status: 'applied' })
  })

  it('unsubscribed, decided before confirming, closed by retention: queued mails and the address go with it; a flood of requests is capped', async () => {
    const { app, db, smtp, stendal, advance } = await setup(kind)
    const mailOf = (id: string) => db.selectFrom('mail_queue').select(['kind', 'status']).where('partner_request_id', '=', id).execute()
    const columns = (id: string) => db.selectFrom('partner_requests').select(['mail_status', 'mail_token', 'mail_manage_token', 'details']).where('id', '=', id).executeTakeFirstOrThrow()

    // Unsubscribed after confirming: the decision sends nothing.
    const stopped = await declare(app, withMail({ email: 'stopped@example.org' }))
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect((await post(app, linkIn(smtp.received[0]!, '/api/v1/mail/confirm/'))).statusCode).toBe(200)
    expect((await post(app, linkIn(smtp.received[0]!, '/api/v1/mail/unsubscribe/'))).statusCode).toBe(200)
    expect((await decide(app, stendal, stopped.id, 'apply')).statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })

    // Decided before the confirmation request left: the request and the mail columns go.
    const early = await declare(app, withMail({ email: 'early@example.org' }))
    expect(await mailOf(early.id)).toEqual([{ kind: 'confirm-partner-address', status: 'queued' }])
    expect((await decide(app, stendal, early.id, 'reject', { reason: 'duplicate' })).statusCode).toBe(200)
    expect(await mailOf(early.id)).toEqual([])
    expect(await columns(early.id)).toEqual({ mail_status: null, mail_token: null, mail_manage_token: null, details: null })

    // Confirmed, its "received" still queued when retention closes it: erased with the declaration.
    const old = await declare(app, withMail({ email: 'old@example.org' }))
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect((await post(app, linkIn(smtp.received.at(-1)!, '/api/v1/mail/confirm/'))).statusCode).toBe(200)
    expect(await mailOf(old.id)).toEqual([
      { kind: 'confirm-partner-address', status: 'sent' },
      { kind: 'partner-request-received', status: 'queued' },
    ])
    advance((UNDECIDED_DECLARATION_DAYS + 1) * DAY)
    expect((await runRetention(db, app.now(), 90)).declarations).toBe(1)
    expect(await db.selectFrom('mail_queue').select(['kind', 'status', 'partner_request_id']).where('kind', '=', 'partner-request-received').execute()).toEqual([])
    expect(await columns(old.id)).toEqual({ mail_status: null, mail_token: null, mail_manage_token: null, details: null })
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })

    // One address is asked to confirm at most CONFIRM_REQUESTS_PER_ADDRESS_PER_DAY times a day; the declaration stands regardless.
    const sentBefore = smtp.received.length
    for (let n = 0; n <= CONFIRM_REQUESTS_PER_ADDRESS_PER_DAY; n++) await declare(app, withMail({ email: 'flood@example.org', organisation: `Verein ${n} (Beispiel)` }))
    expect(await app.sendDueMail()).toEqual({ sent: CONFIRM_REQUESTS_PER_ADDRESS_PER_DAY, failed: 0 })
    expect(smtp.received.length - sentBefore).toBe(CONFIRM_REQUESTS_PER_ADDRESS_PER_DAY)
  })

  it('refuses a mail consent that is not a consent', async () => {
    const { app } = await setup(kind)
    const res = await app.inject(postJson('/api/v1/partner-requests', withMail({ consents: { store: GIVEN, mail: true } }), randomUUID(), clientAddress(++client)))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'validation', fields: expect.objectContaining({ 'consents.mail': expect.any(String) }) })
  })
})
