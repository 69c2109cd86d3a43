import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginAs } from './coordination-fixtures.ts'
import { headerLines as header, startSmtpServer, type ReceivedMail } from './smtp-fixture.ts'
import { clientAddress, consents, postJson, tandemOffer } from './volunteering-fixtures.ts'
import { CURRENT_CONSENT_VERSION } from '../../src/shared/volunteering/fields.schema.ts'

/**
 * Issue 14 items 1–2 for tandem entries: an optional address with its own consent, double opt-in, and
 * the mails "match proposed" (to each side) and "accepted", each in the person's language with the
 * manage link and RFC 8058 one-click unsubscribe; erased with the entry. Real SMTP in-process, mailparser.
 */

const PUBLIC_URL = 'https://willkommen.test'
const mailConsent = { mail: { textVersion: CURRENT_CONSENT_VERSION, givenAt: '2026-11-20T10:00:00.000Z' } }
let client = 0

interface Entry {
  id: string
  token: string
}

async function submit(app: FastifyInstance, body: Record<string, unknown>): Promise<Entry> {
  const res = await app.inject(postJson('/api/v1/tandems', body, randomUUID(), clientAddress(++client)))
  expect(res.statusCode, res.body).toBe(201)
  const { id, manageToken } = res.json<{ id: string; manageToken: string }>()
  return { id, token: manageToken }
}

const offer = (overrides: Record<string, unknown> = {}) => tandemOffer({ email: 'erika@example.org', locale: 'de', consents: { ...consents(), ...mailConsent }, ...overrides })
const request = (overrides: Record<string, unknown> = {}) => ({
  role: 'request',
  kind: 'language',
  name: 'Olena Beispiel',
  email: 'olena@example.org',
  district: 'stendal',
  locale: 'uk',
  consents: { ...consents(), ...mailConsent },
  ...overrides,
})

function linkIn(mail: ReceivedMail, path: string): string {
  const found = mail.parsed.text?.match(new RegExp(`${PUBLIC_URL}${path}[A-Za-z0-9_-]+`))
  expect(found, mail.parsed.text).not.toBeNull()
  return found![0].slice(PUBLIC_URL.length)
}

const post = (app: FastifyInstance, url: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })
const answer = (app: FastifyInstance, token: string) =>
  app.inject({ method: 'POST', url: `/api/v1/manage/${token}/match`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ answer: 'accept' }) })

async function setup(kind: (typeof DATABASES)[number]) {
  const smtp = await startSmtpServer()
  const { app, db } = await buildTestApp(kind, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL })
  const stendal = await loginAs(app, db, { email: 'stendal@example.org', districts: ['stendal'] })
  return { app, db, smtp, stendal }
}

describe.each(DATABASES)('mail about a tandem entry, on %s', { timeout: 300_000 }, (kind) => {
  it('confirm the address → match proposed to each side (the later confirmer at once) → accepted to both, in each one\'s language, with manage and one-click unsubscribe links', async () => {
    const { app, smtp, stendal } = await setup(kind)
    const o = await submit(app, offer())
    const r = await submit(app, request())
    expect(await app.sendDueMail()).toEqual({ sent: 2, failed: 0 })
    const byTo = (to: string) => smtp.received.filter((m) => m.to[0] === to)
    const [offerConfirm] = byTo('erika@example.org')
    const [requestConfirm] = byTo('olena@example.org')
    expect(offerConfirm!.parsed.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse')
    expect(requestConfirm!.parsed.subject).toBe('Будь ласка, підтвердіть адресу електронної пошти')
    // Before confirming: not even the manage link.
    expect(offerConfirm!.parsed.text).not.toContain(o.token)
    expect((await post(app, linkIn(offerConfirm!, '/api/v1/mail/confirm/'))).statusCode).toBe(200)

    const proposed = await app.inject({ method: 'POST', url: '/api/v1/coordination/tandems/matches', headers: { cookie: stendal, 'content-type': 'application/json' }, payload: JSON.stringify({ offerId: o.id, requestId: r.id }) })
    expect(proposed.statusCode, proposed.body).toBe(201)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const offerProposal = byTo('erika@example.org')[1]!
    expect(offerProposal.parsed.subject).toBe('Ein Tandem wird Ihnen vorgeschlagen')
    expect(offerProposal.parsed.text).toContain(`${PUBLIC_URL}/manage/${o.token}`)
    expect(offerProposal.parsed.html).toContain(`<a href="${PUBLIC_URL}/manage/${o.token}">`)
    const unsubscribe = linkIn(offerProposal, '/api/v1/mail/unsubscribe/')
    expect(header(offerProposal, 'List-Unsubscribe')).toEqual([`<${PUBLIC_URL}${unsubscribe}>`])
    expect(header(offerProposal, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click'])

    // The request side confirms after the proposal: told of it at once, in Ukrainian.
    expect((await post(app, linkIn(requestConfirm!, '/api/v1/mail/confirm/'))).statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect(byTo('olena@example.org')[1]!.parsed.subject).toBe('Вам запропоновано тандем')

    expect((await answer(app, o.token)).statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    expect((await answer(app, r.token)).statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 2, failed: 0 })
    expect(byTo('erika@example.org')[2]!.parsed.subject).toBe('Ihr Tandem kann beginnen')
    expect(byTo('olena@example.org')[2]!.parsed.subject).toBe('Ваш тандем може розпочатися')
    expect(byTo('olena@example.org')[2]!.parsed.text).toContain(`${PUBLIC_URL}/manage/${r.token}`)
    expect(smtp.received).toHaveLength(6)
  })

  it('one-click unsubscribe stops mail; withdrawing the entry erases its address, mail token and unsent mails; no address, no mail consent', async () => {
    const { app, db, smtp, stendal } = await setup(kind)
    const o = await submit(app, offer())
    const r = await submit(app, request({ email: 'olena2@example.org' }))
    await app.sendDueMail()
    const offerConfirm = smtp.received.find((m) => m.to[0] === 'erika@example.org')!
    expect((await post(app, linkIn(offerConfirm, '/api/v1/mail/confirm/'))).statusCode).toBe(200)
    const stop = await post(app, linkIn(offerConfirm, '/api/v1/mail/unsubscribe/'))
    expect(stop.statusCode).toBe(200)
    const proposed = await app.inject({ method: 'POST', url: '/api/v1/coordination/tandems/matches', headers: { cookie: stendal, 'content-type': 'application/json' }, payload: JSON.stringify({ offerId: o.id, requestId: r.id }) })
    expect(proposed.statusCode).toBe(201)
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })

    // A third entry waits for its confirmation mail; it is withdrawn before the worker runs.
    const w = await submit(app, offer({ email: 'weg@example.org', name: 'Weg Beispiel' }))
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${w.token}` })).statusCode).toBe(204)
    expect(await db.selectFrom('mail_queue').select('id').where('tandem_id', '=', w.id).execute()).toEqual([])
    expect(await db.selectFrom('tandems').select(['mail_status', 'mail_token', 'mail_manage_token', 'details']).where('id', '=', w.id).executeTakeFirst()).toEqual({
      mail_status: null,
      mail_token: null,
      mail_manage_token: null,
      details: null,
    })
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })

    const noAddress = await app.inject(postJson('/api/v1/tandems', request({ email: undefined, phone: '+4915112345678' }), randomUUID(), clientAddress(++client)))
    expect(noAddress.statusCode).toBe(400)
    expect(noAddress.json().fields).toHaveProperty('email')
  })
})
