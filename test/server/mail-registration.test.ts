import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { DATABASES } from './test-app.ts'
import { loginAs } from './coordination-fixtures.ts'
import { MEETUPS, setupNetworkMeeting } from './network-meeting-fixture.ts'
import { headerLines as header, startSmtpServer, type ReceivedMail } from './smtp-fixture.ts'
import { clientAddress, postJson, registration } from './volunteering-fixtures.ts'
import { CURRENT_CONSENT_VERSION } from '../../src/shared/volunteering/fields.schema.ts'

/**
 * Issue 14 items 1–4: mail about a registration, through a real SMTP server in this process, parsed by
 * mailparser and ical.js. Double opt-in, the .ics with the same UID and a higher SEQUENCE, exactly one
 * of each mail even when the server refuses the first try, one-click unsubscribe, erasure.
 */

const PUBLIC_URL = 'https://willkommen.test'
const given = { textVersion: CURRENT_CONSENT_VERSION, givenAt: '2026-11-20T10:00:00.000Z' }
let client = 0

interface Answer {
  id: string
  status: string
  manageToken: string
}

function withMail(occurrenceId: string, n: number, overrides: Record<string, unknown> = {}) {
  return { ...registration(occurrenceId, n), locale: 'en', consents: { store: given, mail: given }, ...overrides }
}

async function register(app: FastifyInstance, body: unknown): Promise<Answer> {
  const res = await app.inject(postJson('/api/v1/registrations', body, randomUUID(), clientAddress(++client)))
  expect(res.statusCode, res.body).toBe(201)
  return res.json<Answer>()
}

/** A movable clock starting now (the meeting's dates are a week ahead of the real date). */
function movableClock() {
  let at = Date.now()
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) }
}

async function setup(kind: (typeof DATABASES)[number], options: { refuse?: number; capacity?: number } = {}) {
  const smtp = await startSmtpServer({ refuse: options.refuse ?? 0 })
  const clock = movableClock()
  const env = await setupNetworkMeeting(kind, options.capacity ?? 3, { smtpUrl: smtp.url, publicUrl: PUBLIC_URL, mailFrom: 'Willkommen <willkommen@example.org>', now: clock.now })
  return { ...env, smtp, clock }
}

function linkIn(mail: ReceivedMail, path: string): string {
  const found = mail.parsed.text?.match(new RegExp(`${PUBLIC_URL}${path}[A-Za-z0-9_-]+`))
  expect(found, mail.parsed.text).not.toBeNull()
  return found![0].slice(PUBLIC_URL.length)
}

function calendarEvent(mail: ReceivedMail) {
  const ics = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar')
  expect(ics, 'a calendar attachment').toBeDefined()
  const event = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8'))).getFirstSubcomponent('vevent')!
  return { uid: event.getFirstPropertyValue('uid'), sequence: Number(event.getFirstPropertyValue('sequence')), status: event.getFirstPropertyValue('status'), filename: ics!.filename }
}

describe.each(DATABASES)('mail about a registration, on %s', { timeout: 300_000 }, (kind) => {
  it('register → confirmation request → confirm → confirmation with .ics → date cancelled → notice with SEQUENCE+1, each exactly once, the first try refused', async () => {
    const { app, db, cast, meetup, smtp, clock } = await setup(kind, { refuse: 1 })
    const date = meetup.dates[0]!
    const person = await register(app, withMail(date.id, 1))
    expect(person.status).toBe('confirmed')

    // The mail server refuses: the submission was answered already; the mail waits and goes on the next try.
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 1 })
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    clock.advance(60_000)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect(smtp.received).toHaveLength(1)
    const request = smtp.received[0]!
    expect(request.to).toEqual(['person1@example.org'])
    expect(request.parsed.subject).toBe('Please confirm your e-mail address')
    expect(request.parsed.from?.value).toEqual([{ name: 'Willkommen', address: 'willkommen@example.org' }])
    expect(request.parsed.html).toContain('<a href="https://willkommen.test/api/v1/mail/confirm/')
    // Nothing but the request before the address is confirmed: not even the manage link.
    expect(request.parsed.text).not.toContain(person.manageToken)
    const unsubscribe = linkIn(request, '/api/v1/mail/unsubscribe/')
    expect(header(request, 'List-Unsubscribe')).toEqual([`<${PUBLIC_URL}${unsubscribe}>`])
    expect(header(request, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click'])

    // Opening the link (a mail scanner may) changes nothing; the button's POST confirms.
    const confirm = linkIn(request, '/api/v1/mail/confirm/')
    const page = await app.inject({ url: confirm })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain('<form method="post">')
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    const confirmed = await app.inject({ method: 'POST', url: confirm, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' })
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(confirmed.body).toContain('Your address is confirmed')
    expect((await app.inject({ method: 'POST', url: confirm })).statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })

    const confirmation = smtp.received[1]!
    expect(confirmation.parsed.subject).toMatch(/^Registered: Netzwerktreffen Stendal, /)
    expect(confirmation.parsed.text).toContain(`${PUBLIC_URL}/manage/${person.manageToken}`)
    expect(confirmation.parsed.text).toContain('Rathaus (Beispiel), Markt 1, 39576 Stendal')
    const first = calendarEvent(confirmation)
    expect(first).toMatchObject({ uid: `${date.id}@willkommen.example.org`, status: 'CONFIRMED' })
    expect(first.filename).toMatch(/\.ics$/)

    const cancel = await app.inject({ method: 'POST', url: `${MEETUPS}/${meetup.id}/dates/${date.original}/cancel`, headers: { cookie: cast.stendal } })
    expect(cancel.statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const notice = smtp.received[2]!
    expect(notice.parsed.subject).toMatch(/^Cancelled: Netzwerktreffen Stendal, /)
    expect(calendarEvent(notice)).toMatchObject({ uid: first.uid, sequence: first.sequence + 1, status: 'CANCELLED' })

    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    expect(smtp.received.map((m) => m.parsed.subject?.split(':')[0])).toEqual(['Please confirm your e-mail address', 'Registered', 'Cancelled'])
    // Sent mails keep neither the address nor the text.
    const rows = await db.selectFrom('mail_queue').select(['status', 'recipient', 'data', 'attempts']).orderBy('created_at').execute()
    expect(rows).toEqual([
      { status: 'sent', recipient: null, data: null, attempts: 2 },
      { status: 'sent', recipient: null, data: null, attempts: 1 },
      { status: 'sent', recipient: null, data: null, attempts: 1 },
    ])
  })

  it('three workers at once send each of 12 mails exactly once', async () => {
    const { app, meetup, smtp } = await setup(kind, { capacity: 20 })
    for (let n = 0; n < 12; n++) await register(app, withMail(meetup.dates[0]!.id, n))
    const results = await Promise.all([app.sendDueMail(), app.sendDueMail(), app.sendDueMail()])
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(12)
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(Array.from({ length: 12 }, (_, n) => `person${n}@example.org`).sort())
  })

  it('a person moved up from the waiting list hears of it; one who unsubscribed (RFC 8058 one-click) hears nothing more', async () => {
    const { app, cast, meetup, smtp } = await setup(kind, { capacity: 1 })
    const date = meetup.dates[0]!
    const first = await register(app, withMail(date.id, 1, { locale: 'de' }))
    const second = await register(app, withMail(date.id, 2, { locale: 'ar' }))
    expect(second.status).toBe('waitlisted')
    await app.sendDueMail()
    for (const mail of smtp.received) {
      await app.inject({ method: 'POST', url: linkIn(mail, '/api/v1/mail/confirm/') })
    }
    await app.sendDueMail()
    // Sent in no particular order: found by address.
    const to = (address: string) => smtp.received.slice(2).find((m) => m.to[0] === address)!
    const place = to('person1@example.org')
    const waiting = to('person2@example.org')
    expect(place!.parsed.subject).toMatch(/^Angemeldet: /)
    expect(waiting!.parsed.subject).toMatch(/^قائمة الانتظار: /)
    expect(waiting!.parsed.html).toContain('dir="rtl"')
    expect(waiting!.parsed.attachments).toEqual([])

    // The first person unsubscribes by one click, then withdraws: the second moves up and is told.
    const oneClick = await app.inject({
      method: 'POST',
      url: linkIn(place!, '/api/v1/mail/unsubscribe/'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    })
    expect(oneClick.statusCode).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${first.manageToken}` })).statusCode).toBe(204)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const movedUp = smtp.received[4]!
    expect(movedUp.to).toEqual(['person2@example.org'])
    expect(movedUp.parsed.subject).toMatch(/^شغر مكان: /)
    expect(calendarEvent(movedUp).status).toBe('CONFIRMED')
    // Cancelling the date now reaches only the one still subscribed.
    await app.inject({ method: 'POST', url: `${MEETUPS}/${meetup.id}/dates/${date.original}/cancel`, headers: { cookie: cast.stendal } })
    await app.sendDueMail()
    expect(smtp.received.slice(5).map((m) => m.to[0])).toEqual(['person2@example.org'])
  })

  it('the reminder goes the day before, once; a moved date is reminded of again', async () => {
    const { app, db, meetup, smtp, clock } = await setup(kind)
    const date = meetup.dates[0]!
    await register(app, withMail(date.id, 1))
    await app.sendDueMail()
    await app.inject({ method: 'POST', url: linkIn(smtp.received[0]!, '/api/v1/mail/confirm/') })
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    clock.advance(Date.parse(date.startsAt) - 25 * 3600_000 - clock.now().getTime())
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    clock.advance(2 * 3600_000)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    const reminder = smtp.received[2]!
    expect(reminder.parsed.subject).toMatch(/^Tomorrow: Netzwerktreffen Stendal, /)
    expect(calendarEvent(reminder).uid).toBe(`${date.id}@willkommen.example.org`)

    // Moved two days later: the moved notice now, and a new reminder the day before the new time.
    const later = new Date(Date.parse(date.startsAt) + 2 * 24 * 3600_000)
    const local = later.toLocaleString('sv-SE', { timeZone: 'Europe/Berlin' }).slice(0, 16).replace(' ', 'T')
    // Days later: the coordinator logs in again.
    const cookie = await loginAs(app, db, { email: 'stendal@example.org', districts: ['stendal'] })
    const moved = await app.inject({ method: 'POST', url: `${MEETUPS}/${meetup.id}/dates/${date.original}/move`, headers: { cookie }, payload: { startsLocal: local } })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect(smtp.received[3]!.parsed.subject).toMatch(/^Moved: Netzwerktreffen Stendal, now /)
    clock.advance(2 * 24 * 3600_000)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    expect(smtp.received[4]!.parsed.subject).toMatch(/^Tomorrow: /)
  })

  it('without the mail consent nothing is sent; a withdrawal erases the mail not yet sent and the address', async () => {
    const { app, db, meetup, smtp } = await setup(kind)
    await register(app, registration(meetup.dates[0]!.id, 1))
    const person = await register(app, withMail(meetup.dates[0]!.id, 2))
    expect(await db.selectFrom('mail_queue').select('status').execute()).toEqual([{ status: 'queued' }])
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/manage/${person.manageToken}` })).statusCode).toBe(204)
    expect(await db.selectFrom('mail_queue').select('id').execute()).toEqual([])
    const row = await db.selectFrom('registrations').select(['email', 'mail_status', 'mail_token', 'mail_manage_token']).where('id', '=', person.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ email: null, mail_status: null, mail_token: null, mail_manage_token: null })
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    expect(smtp.received).toEqual([])
  })
})
