import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildTestApp, clockAt, DATABASES } from './test-app.ts'
import { loginCast } from './coordination-fixtures.ts'
import { insertEventDate, postJson } from './volunteering-fixtures.ts'
import { runRetention } from '../../server/volunteering/retention.ts'
import { FEEDBACK_LIMIT } from '../../server/feedback/feedback.routes.ts'
import type { FeedbackGroup } from '../../src/shared/feedback/feedback.schema.ts'

const STEP = 'register-address' // statewide: counted in the district the phone chose

const answer = (over: Record<string, unknown> = {}) => ({ subject: 'step', subjectId: STEP, helped: false, text: 'Wo ist das Amt?', lang: 'ar', district: 'harz', ...over })
const send = (app: FastifyInstance, body: unknown, key?: string, address?: string) => app.inject(postJson('/api/v1/feedback', body, key, address))

async function feedbackOf(app: FastifyInstance, cookie: string, query = ''): Promise<FeedbackGroup[]> {
  const res = await app.inject({ url: `/api/v1/coordination/feedback${query}`, headers: { cookie } })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}

describe.each(DATABASES)('newcomers’ feedback on %s', (kind) => {
  it('is stored anonymously: exactly what it is about, district, language, yes/no, text and the day', async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt('2026-11-30T22:30:00Z') })
    const res = await send(app, answer({ text: '  مكتب التسجيل غير مذكور  ' }))
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toEqual({ id: expect.any(String), status: 'received' })
    const rows = await db.selectFrom('feedback').selectAll().execute()
    // The stored row in full: no name, e-mail, device id, address or time of day; the Berlin day only.
    expect(rows).toEqual([
      { id: Number(res.json().id), subject: 'step', subject_id: STEP, district: 'harz', lang: 'ar', helped: false, text: 'مكتب التسجيل غير مذكور', submitted_on: '2026-11-30', mark: null },
    ])
  })

  it('takes the district of a meetup, not the one the phone names; unknown subjects are refused', async () => {
    const { app, db } = await buildTestApp(kind)
    const meetupId = (await insertEventDate(db)).split(':')[0]!
    expect((await send(app, answer({ subject: 'meetup', subjectId: meetupId, district: 'harz', helped: true, text: '' }))).statusCode).toBe(201)
    expect(await db.selectFrom('feedback').select(['district', 'text']).execute()).toEqual([{ district: 'magdeburg', text: null }])
    const unknown = await send(app, answer({ subjectId: 'no-such-step' }))
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ error: 'not_found', fields: { subjectId: 'not_found' } })
    expect((await send(app, answer({ text: 'x'.repeat(501) }))).statusCode).toBe(400)
    expect((await send(app, answer({ email: 'a@example.org' }))).statusCode).toBe(400)
  })

  it('is one row when the outbox sends the same key again', async () => {
    const { app, db } = await buildTestApp(kind)
    const key = randomUUID()
    const first = await send(app, answer(), key)
    const replay = await send(app, answer(), key)
    expect(replay.statusCode).toBe(201)
    expect(replay.json()).toEqual(first.json())
    expect(await db.selectFrom('feedback').select('id').execute()).toHaveLength(1)
    expect((await send(app, answer({ helped: true }), key)).statusCode).toBe(422)
  })

  it('is rate-limited per client', async () => {
    const { app, db } = await buildTestApp(kind)
    for (let i = 0; i < FEEDBACK_LIMIT.max; i++) expect((await send(app, answer(), undefined, '10.0.0.1')).statusCode).toBe(201)
    const limited = await send(app, answer(), undefined, '10.0.0.1')
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toMatchObject({ error: 'rate_limited' })
    expect(limited.headers['retry-after']).toBeDefined()
    expect((await send(app, answer(), undefined, '10.0.0.2')).statusCode).toBe(201)
    expect(await db.selectFrom('feedback').select('id').execute()).toHaveLength(FEEDBACK_LIMIT.max + 1)
  })

  it('erases the text after twelve months; the yes/no stays counted', async () => {
    let now = new Date('2025-11-15T10:00:00Z')
    const { app, db } = await buildTestApp(kind, { now: () => now })
    await send(app, answer())
    now = new Date('2026-01-10T10:00:00Z')
    await send(app, answer({ text: 'Später geschrieben' }))
    expect(await runRetention(db, new Date('2026-11-14T10:00:00Z'), 90)).toMatchObject({ feedbackTexts: 0 })
    expect(await runRetention(db, new Date('2026-11-16T10:00:00Z'), 90)).toMatchObject({ feedbackTexts: 1 })
    const rows = await db.selectFrom('feedback').select(['submitted_on', 'helped', 'text']).orderBy('submitted_on').execute()
    expect(rows).toEqual([
      { submitted_on: '2025-11-15', helped: false, text: null },
      { submitted_on: '2026-01-10', helped: false, text: 'Später geschrieben' },
    ])
    const { admin } = await loginCast(app, db)
    const [group] = await feedbackOf(app, admin)
    expect(group).toMatchObject({ no: 2, months: [{ month: '2026-01', no: 1 }, { month: '2025-11', no: 1 }] })
    expect(group!.texts.map((t) => t.text)).toEqual(['Später geschrieben'])
  })

  it('shows coordinators only their districts’ answers, per step and month, texts newest first', async () => {
    let now = new Date('2026-10-05T10:00:00Z')
    const { app, db } = await buildTestApp(kind, { now: () => now })
    const meetupId = (await insertEventDate(db)).split(':')[0]!
    await send(app, answer({ helped: true, text: undefined, lang: 'de' }))
    now = new Date('2026-11-20T10:00:00Z')
    await send(app, answer({ text: 'Erste Antwort' }))
    await send(app, answer({ text: 'Neueste Antwort', lang: 'uk' }))
    await send(app, answer({ district: 'stendal', text: 'Aus Stendal' }))
    await send(app, answer({ district: undefined, text: 'Ohne Landkreis' }))
    await send(app, answer({ subject: 'meetup', subjectId: meetupId, text: 'Zum Treffen' }))
    const { admin, harz, stendal } = await loginCast(app, db)

    const harzView = await feedbackOf(app, harz)
    expect(harzView).toHaveLength(1)
    expect(harzView[0]).toMatchObject({
      subject: 'step',
      subjectId: STEP,
      district: 'harz',
      title: expect.stringMatching(/\S/),
      yes: 1,
      no: 2,
      months: [{ month: '2026-11', yes: 0, no: 2 }, { month: '2026-10', yes: 1, no: 0 }],
    })
    expect(harzView[0]!.texts.map((t) => [t.text, t.lang, t.submittedOn])).toEqual([
      ['Neueste Antwort', 'uk', '2026-11-20'],
      ['Erste Antwort', 'ar', '2026-11-20'],
    ])
    expect((await feedbackOf(app, stendal)).flatMap((g) => g.texts.map((t) => t.text))).toEqual(['Aus Stendal'])
    expect((await app.inject({ url: '/api/v1/coordination/feedback?district=harz', headers: { cookie: stendal } })).statusCode).toBe(403)
    expect((await app.inject({ url: '/api/v1/coordination/feedback' })).statusCode).toBe(401)

    const all = await feedbackOf(app, admin)
    expect(all.map((g) => [g.subject, g.district]).sort()).toEqual([['meetup', 'magdeburg'], ['step', 'harz'], ['step', 'stendal'], ['step', null]].sort())
    expect(all.find((g) => g.subject === 'meetup')).toMatchObject({ title: 'AG Sprache (Beispiel)', no: 1 })
    expect(all[0]).toMatchObject({ district: 'harz', no: 2 }) // most "no" first
    expect((await feedbackOf(app, admin, '?district=stendal')).map((g) => g.district)).toEqual(['stendal'])
  })

  it('marks a written answer done or not relevant, in its district only, audit-logged', async () => {
    const { app, db } = await buildTestApp(kind)
    await send(app, answer())
    await send(app, answer({ district: undefined }))
    const { admin, harz, stendal } = await loginCast(app, db)
    const ids = (await db.selectFrom('feedback').select(['id', 'district']).orderBy('id').execute()).map((r) => String(r.id))
    const mark = (cookie: string, id: string, value: string | null) =>
      app.inject({ method: 'PUT', url: `/api/v1/coordination/feedback/${id}/mark`, headers: { cookie }, payload: { mark: value } })

    expect((await mark(stendal, ids[0]!, 'done')).statusCode).toBe(403)
    expect((await mark(harz, ids[1]!, 'done')).statusCode).toBe(403) // no district: the admins'
    expect((await mark(harz, ids[0]!, 'done')).statusCode).toBe(204)
    expect((await mark(harz, ids[0]!, 'done')).statusCode).toBe(204) // the same again: no second audit entry
    expect((await feedbackOf(app, harz))[0]!.texts[0]!.mark).toBe('done')
    expect((await mark(harz, ids[0]!, 'not_relevant')).statusCode).toBe(204)
    expect((await mark(admin, ids[1]!, 'not_relevant')).statusCode).toBe(204)
    expect((await mark(harz, ids[0]!, null)).statusCode).toBe(204)
    expect((await mark(harz, ids[0]!, 'maybe')).statusCode).toBe(400)
    expect((await mark(admin, '999999', 'done')).statusCode).toBe(404)
    const audit = await db.selectFrom('audit_log').select(['actor', 'action', 'entity', 'entity_id', 'district', 'details']).where('entity', '=', 'feedback').orderBy('id').execute()
    expect(audit).toEqual([
      { actor: 'harz@example.org', action: 'feedback.mark', entity: 'feedback', entity_id: ids[0], district: 'harz', details: { from: null, to: 'done' } },
      { actor: 'harz@example.org', action: 'feedback.mark', entity: 'feedback', entity_id: ids[0], district: 'harz', details: { from: 'done', to: 'not_relevant' } },
      { actor: 'admin@example.org', action: 'feedback.mark', entity: 'feedback', entity_id: ids[1], district: null, details: { from: null, to: 'not_relevant' } },
      { actor: 'harz@example.org', action: 'feedback.mark', entity: 'feedback', entity_id: ids[0], district: 'harz', details: { from: 'not_relevant', to: null } },
    ])
  })
})
