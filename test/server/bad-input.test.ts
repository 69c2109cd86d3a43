import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { declaration, loginAs } from './coordination-fixtures.ts'
import { clientAddress, insertEventDate, postJson, registration, tandemOffer } from './volunteering-fixtures.ts'
import { registerErrorHandler } from '../../server/errors/error-handler.ts'

describe.each(DATABASES)('no 5xx from bad input (%s)', (kind) => {
  it('refuses NUL characters and lone surrogates in stored text with a 400 naming the field', async () => {
    const { app, db } = await buildTestApp(kind)
    const occurrenceId = await insertEventDate(db)
    const cases = [
      ['/api/v1/registrations', { ...registration(occurrenceId), name: 'Ann\u0000a' }, 'name'],
      ['/api/v1/tandems', tandemOffer({ name: 'Oleh \ud800' }), 'name'],
      ['/api/v1/partner-requests', declaration({ note: 'Sprachcafé \udc00' }), 'note'],
    ] as const
    for (const [n, [url, body, field]] of cases.entries()) {
      const res = await app.inject(postJson(url, body, undefined, clientAddress(n + 1)))
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400)
      expect(res.json()).toMatchObject({ error: 'bad_text', fields: { [field]: 'errors.invalid' } })
    }
    const query = await app.inject({ url: '/api/v1/manage/abc%00def' })
    expect(query.statusCode).toBe(400)
  }, 180_000)

  it('refuses a sync cursor the server never handed out, Infinity too, instead of echoing it', async () => {
    const { app } = await buildTestApp(kind, { demoData: true })
    const head = (await app.inject({ url: '/api/v1/sync?since=0' })).json<{ cursor: number }>().cursor
    expect((await app.inject({ url: `/api/v1/sync?since=${head}` })).statusCode).toBe(200)
    for (const since of [String(head + 1), 'Infinity']) {
      const res = await app.inject({ url: `/api/v1/sync?since=${since}` })
      expect(res.statusCode, since).toBe(400)
      expect(res.json()).toMatchObject({ error: since === 'Infinity' ? expect.any(String) : 'cursor_ahead' })
    }
  }, 180_000)

  it('answers audit?before=1e30 with 400 and a malformed Origin with 403', async () => {
    const { app, db } = await buildTestApp(kind)
    const cookie = await loginAs(app, db, { email: 'admin@example.org', role: 'admin' })
    expect((await app.inject({ url: '/api/v1/coordination/audit?before=1e30', headers: { cookie } })).statusCode).toBe(400)
    const origin = await app.inject({ method: 'POST', url: '/api/v1/coordination/meetups', headers: { cookie, origin: 'http://[' }, payload: {} })
    expect(origin.statusCode).toBe(403)
  }, 180_000)

  it('marks answers with personal data Cache-Control: no-store', async () => {
    const { app, db } = await buildTestApp(kind)
    const cookie = await loginAs(app, db, { email: 'admin@example.org', role: 'admin' })
    const sent = await app.inject(postJson('/api/v1/tandems', tandemOffer(), undefined, clientAddress(9)))
    const token = sent.json<{ manageToken: string }>().manageToken
    for (const [url, headers] of [
      [`/api/v1/manage/${token}`, {}],
      ['/api/v1/coordination/tandems', { cookie }],
      ['/api/v1/coordination/partner-requests', { cookie }],
      ['/api/v1/coordination/audit', { cookie }],
    ] as const) {
      const res = await app.inject({ url, headers })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe('no-store')
    }
    expect(sent.headers['cache-control']).toBe('no-store')
  }, 180_000)
})

describe('the error handler', () => {
  it('logs a database error by its code and names, never the values its message and detail quote', async () => {
    const lines: string[] = []
    const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } })
    registerErrorHandler(app)
    app.get('/fails', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint "x" (phone)=(0151 2345678)'), {
        code: '23505',
        severity: 'ERROR',
        detail: 'Key (phone)=(0151 2345678) already exists.',
        table: 'registrations',
        constraint: 'x',
      })
    })
    app.get('/out-of-range', async () => {
      throw Object.assign(new Error('invalid input syntax for type bigint: "0151 2345678"'), { code: '22P02', severity: 'ERROR' })
    })
    const failed = await app.inject({ url: '/fails' })
    expect(failed.statusCode).toBe(500)
    expect((await app.inject({ url: '/out-of-range' })).statusCode).toBe(400)
    const log = lines.join('')
    expect(log).toContain('23505')
    expect(log).toContain('registrations')
    expect(log).not.toContain('2345678')
    await app.close()
  })
})
