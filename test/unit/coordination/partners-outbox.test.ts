import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { deleteFreshDatabases, freshDbName } from '../db/fresh-db-name.ts'
import { enqueue } from '../../../src/outbox/enqueue.ts'
import { flush } from '../../../src/outbox/outbox.ts'
import { recordingServer as server } from '../outbox/recording-fetch.ts'
import { signupStatus } from '../../../src/volunteering/signup-status.ts'

// A partner declaration goes through the same outbox as sign-ups; its answer has no manage token.
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

let db: WillkommenDb
beforeEach(async () => {
  db = new WillkommenDb(freshDbName('partners-outbox'))
  await db.open()
})
afterEach(async () => {
  db.close()
  await deleteFreshDatabases()
})


describe('partner declarations in the outbox', () => {
  it('are sent to /api/v1/partner-requests with the client id as Idempotency-Key and kept as received', async () => {
    const entry = await enqueue(db, 'partner-request', { kind: 'entry', organisation: 'Verein' }, 1000)
    const s = server(json(201, { id: '6f1f7d36-3c8e-4a57-9f51-3a8f3c1f1a11', status: 'received' }))
    await flush({ db, fetch: s.fetch, now: () => 1000 })
    expect(s.calls).toEqual([
      { url: '/api/v1/partner-requests', headers: expect.objectContaining({ 'idempotency-key': entry.clientId }), body: { kind: 'entry', organisation: 'Verein' } },
    ])
    const sent = (await db.outbox.get(entry.clientId))!
    expect(sent).toMatchObject({ state: 'sent', response: { id: '6f1f7d36-3c8e-4a57-9f51-3a8f3c1f1a11', status: 'received' } })
    expect(sent.response).not.toHaveProperty('manageToken')
    expect(signupStatus(sent)).toBe('received')
  })

  it('keep a refused declaration with the fields to correct', async () => {
    const entry = await enqueue(db, 'partner-request', { kind: 'entry' }, 1000)
    const s = server(json(400, { error: 'validation', message: 'x', fields: { organisation: 'errors.required' } }))
    await flush({ db, fetch: s.fetch, now: () => 1000 })
    expect(await db.outbox.get(entry.clientId)).toMatchObject({ state: 'rejected', lastError: { code: 'validation', fields: { organisation: 'errors.required' } } })
  })

  it('still need an answer with a status before they count as sent', async () => {
    const entry = await enqueue(db, 'partner-request', { kind: 'entry' }, 1000)
    const s = server(json(201, {}))
    await flush({ db, fetch: s.fetch, now: () => 1000, random: () => 0.5 })
    expect(await db.outbox.get(entry.clientId)).toMatchObject({ state: 'pending', attempts: 1 })
  })
})
