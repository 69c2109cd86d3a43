import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginCast } from './coordination-fixtures.ts'
import type { EditorDetail, EditorListItem } from '../../src/shared/coordination/meetup-editor.schema.ts'

const BASE = '/api/v1/coordination/meetups'

describe.each(DATABASES)('audit log on %s', (kind) => {
  it('names only the fields that changed: a capacity-only edit lists capacity alone, also for texts in several languages', async () => {
    // The sample events carry titles and descriptions in four languages, which jsonb gives back in its own key order.
    const { app, db } = await buildTestApp(kind, { demoData: true })
    const cast = await loginCast(app, db)
    const list = (await app.inject({ url: BASE, headers: { cookie: cast.admin } })).json<EditorListItem[]>()
    expect(list.length).toBeGreaterThan(3)
    const expected: Record<string, string[]> = {}
    for (const item of list) {
      const detail = (await app.inject({ url: `${BASE}/${item.id}`, headers: { cookie: cast.admin } })).json<EditorDetail>()
      const payload = { ...detail.input, registrationRequired: true, capacity: (detail.input.capacity ?? 10) + 1, revision: detail.revision }
      expected[item.id] = detail.input.registrationRequired ? ['capacity'] : ['registrationRequired', 'capacity']
      const res = await app.inject({ method: 'PUT', url: `${BASE}/${item.id}`, headers: { cookie: cast.admin }, payload })
      expect(res.statusCode, res.body).toBe(200)
    }
    const rows = await db.selectFrom('audit_log').select(['entity_id', 'details']).where('action', '=', 'meetup.update').execute()
    expect(Object.fromEntries(rows.map((r) => [r.entity_id, r.details.changed]))).toEqual(expected)
  })
})
