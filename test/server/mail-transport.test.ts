import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { simpleParser } from 'mailparser'
import { describe, expect, it, onTestFinished } from 'vitest'
import { DATABASES } from './test-app.ts'
import { meeting, MEETUPS, setupNetworkMeeting } from './network-meeting-fixture.ts'
import { startSmtpServer } from './smtp-fixture.ts'
import { clientAddress, postJson, registration } from './volunteering-fixtures.ts'
import { CURRENT_CONSENT_VERSION } from '../../src/shared/volunteering/fields.schema.ts'

/** Issue 14 items 4 and 6: the .eml folder without SMTP_URL; limits; no header injection. */

const given = { textVersion: CURRENT_CONSENT_VERSION, givenAt: '2026-11-20T10:00:00.000Z' }
const withMail = (occurrenceId: string, n: number, overrides: Record<string, unknown> = {}) => ({
  ...registration(occurrenceId, n),
  consents: { store: given, mail: given },
  ...overrides,
})
let client = 0

describe.each(DATABASES)('mail transport and abuse, on %s', { timeout: 300_000 }, (kind) => {
  it('without SMTP_URL each mail is an .eml file in DATA_DIR/mail/ that a mail parser reads', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'willkommen-mail-test-'))
    onTestFinished(() => rm(dataDir, { recursive: true, force: true }))
    const { app, meetup } = await setupNetworkMeeting(kind, 3, { dataDir, smtpUrl: undefined })
    const res = await app.inject(postJson('/api/v1/registrations', withMail(meetup.dates[0]!.id, 1), randomUUID(), clientAddress(++client)))
    expect(res.statusCode).toBe(201)
    expect(await app.sendDueMail()).toEqual({ sent: 1, failed: 0 })
    const files = await readdir(join(dataDir, 'mail'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/\.eml$/)
    const parsed = await simpleParser(await readFile(join(dataDir, 'mail', files[0]!)))
    expect(parsed.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse')
    expect(parsed.text).toContain('/api/v1/mail/confirm/')
  })

  it('an address gets at most three confirmation requests a day, one client causes at most ten an hour; the registrations stand', async () => {
    const smtp = await startSmtpServer()
    const { app, meetup } = await setupNetworkMeeting(kind, 30, { smtpUrl: smtp.url })
    const [a, b, c] = meetup.dates
    const send = (body: unknown, from = clientAddress(++client)) => app.inject(postJson('/api/v1/registrations', body, randomUUID(), from))
    const first = await send(withMail(a!.id, 1))
    await send(withMail(b!.id, 1))
    await send(withMail(c!.id, 1))
    await app.sendDueMail()
    // Withdrawn and registered again: the fourth request to the same address is not sent.
    await app.inject({ method: 'DELETE', url: `/api/v1/manage/${first.json<{ manageToken: string }>().manageToken}` })
    expect((await send(withMail(a!.id, 1))).statusCode).toBe(201)
    expect(await app.sendDueMail()).toEqual({ sent: 0, failed: 0 })
    expect(smtp.received.map((m) => m.to[0])).toEqual(['person1@example.org', 'person1@example.org', 'person1@example.org'])

    const one = clientAddress(++client)
    for (let n = 10; n < 22; n++) expect((await send(withMail(a!.id, n), one)).statusCode).toBe(201)
    expect(await app.sendDueMail()).toEqual({ sent: 10, failed: 0 })
  })

  it('CR/LF in a name, a title or an address never makes a header of its own', async () => {
    const smtp = await startSmtpServer()
    const { app, cast, meetup } = await setupNetworkMeeting(kind, 3, { smtpUrl: smtp.url })
    const injected = 'Eve\r\nBcc: victim@example.org\r\nX-Injected: yes'
    const title = await app.inject({
      method: 'PUT',
      url: `${MEETUPS}/${meetup.id}`,
      headers: { cookie: cast.stendal },
      payload: { ...meeting(3), title: { de: `Treffen\r\nBcc: victim@example.org` }, organiser: injected, placeName: injected, revision: meetup.revision },
    })
    expect(title.statusCode, title.body).toBe(200)
    const date = meetup.dates[0]!.id
    const bad = await app.inject(postJson('/api/v1/registrations', withMail(date, 1, { email: 'eve@example.org\r\nBcc: victim@example.org' }), randomUUID(), clientAddress(++client)))
    expect(bad.statusCode).toBe(400)
    const ok = await app.inject(postJson('/api/v1/registrations', withMail(date, 2, { name: injected, organisation: injected }), randomUUID(), clientAddress(++client)))
    expect(ok.statusCode, ok.body).toBe(201)
    await app.sendDueMail()
    await app.inject({ method: 'POST', url: smtp.received[0]!.parsed.text!.match(/\/api\/v1\/mail\/confirm\/[A-Za-z0-9_-]+/)![0] })
    await app.sendDueMail()
    expect(smtp.received).toHaveLength(2)
    for (const mail of smtp.received) {
      expect(mail.to).toEqual(['person2@example.org'])
      expect(mail.parsed.bcc).toBeUndefined()
      expect(mail.parsed.headers.has('x-injected')).toBe(false)
      expect(mail.parsed.headerLines.filter((h) => h.key === 'bcc')).toEqual([])
      expect(mail.parsed.subject).not.toMatch(/[\r\n]/)
    }
    expect(smtp.received[1]!.parsed.subject).toMatch(/^Angemeldet: Treffen Bcc: victim@example\.org, /)
  })
})
