import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { deleteFreshDatabases, freshDbName } from '../db/fresh-db-name.ts'
import { enqueue } from '../../../src/outbox/enqueue.ts'
import { flush } from '../../../src/outbox/outbox.ts'
import { recordingServer as server } from '../outbox/recording-fetch.ts'

// A "Did this help?" answer goes through the same outbox as sign-ups; its answer has no manage token.
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'retry-after': '60' } })
const payload = { subject: 'step', subjectId: 'register-address', helped: false, text: 'لا أعرف أين المكتب', lang: 'ar', district: 'harz' }

let db: WillkommenDb
beforeEach(async () => {
  db = new WillkommenDb(freshDbName('feedback-outbox'))
  await db.open()
})
afterEach(async () => {
  db.close()
  await deleteFreshDatabases()
})


describe('feedback in the outbox', () => {
  it('is sent to /api/v1/feedback with its key and no device key, and kept as sent', async () => {
    const entry = await enqueue(db, 'feedback', payload, 1000)
    const s = server(json(201, { id: '7', status: 'received' }))
    await flush({ db, fetch: s.fetch, now: () => 1000 })
    expect(s.calls).toHaveLength(1)
    expect(s.calls[0]).toMatchObject({ url: '/api/v1/feedback', headers: { 'idempotency-key': entry.clientId }, body: payload })
    expect(s.calls[0]!.headers).not.toHaveProperty('x-device-key')
    expect(await db.outbox.get(entry.clientId)).toMatchObject({ state: 'sent', response: { id: '7', status: 'received' } })
  })

  it('waits when rate-limited and keeps a refused answer with its reason', async () => {
    const limited = await enqueue(db, 'feedback', payload, 1000)
    const s = server(json(429, { error: 'rate_limited', message: 'x', fields: {} }))
    await flush({ db, fetch: s.fetch, now: () => 1000, random: () => 0.5 })
    expect(await db.outbox.get(limited.clientId)).toMatchObject({ state: 'pending', attempts: 1, nextAttemptAt: 61_000 })

    const refused = await enqueue(db, 'feedback', { ...payload, subjectId: 'gone' }, 2000)
    const s2 = server(json(429, { error: 'rate_limited', message: 'x', fields: {} }), json(404, { error: 'not_found', message: 'x', fields: { subjectId: 'not_found' } }))
    await flush({ db, fetch: s2.fetch, now: () => 2000 }, { ignoreBackoff: true })
    expect(await db.outbox.get(refused.clientId)).toMatchObject({ state: 'rejected', lastError: { code: 'not_found', fields: { subjectId: 'not_found' } } })
  })
})
