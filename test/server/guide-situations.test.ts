import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginCast } from './coordination-fixtures.ts'
import { seedGuideSteps } from '../../server/guide/guide-content.ts'
import { FIXTURE_SEED } from '../fixtures/guide-steps.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import type { StepDetail, StepDraft } from '../../src/shared/guide/content-editor.schema.ts'
import type { GuideSeedStep } from '../../src/shared/guide/guide-step.schema.ts'

const sync = async (app: FastifyInstance, since = 0) => (await app.inject({ url: `/api/v1/sync?since=${since}` })).json<SyncResponse>()

async function put(app: FastifyInstance, cookie: string, url: string, payload: object) {
  return app.inject({ method: 'PUT', url: `/api/v1/coordination/content${url}`, headers: { cookie }, payload })
}

const FOR_ASYLUM: GuideSeedStep = {
  ...FIXTURE_SEED[2]!,
  situations: ['asylum', 'family'],
  sources: [{ url: 'https://www.bamf.de/DE/Themen/AsylFluechtlingsschutz/asylfluechtlingsschutz-node.html', label: 'BAMF: Asyl und Flüchtlingsschutz' }],
  checkedOn: '2026-11-29',
}

describe.each(DATABASES)('whom guide steps are for, on %s', (kind) => {
  it('the seed writes situations, sources and the last-checked date, and phones get them (none listed: everyone)', async () => {
    const { app, db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    await seedGuideSteps(db, [FIXTURE_SEED[0]!, FOR_ASYLUM])
    const steps = Object.fromEntries((await sync(app)).changes.guideSteps.map((s) => [s.id, s]))
    expect(steps[FOR_ASYLUM.id]).toMatchObject({ situations: ['asylum', 'family'], sources: FOR_ASYLUM.sources, checkedOn: '2026-11-29' })
    expect(steps[FIXTURE_SEED[0]!.id]).toMatchObject({ situations: [], sources: [], checkedOn: null })
  })

  it('a coordinator ticks whom a step is for in the editor; once published phones get it; an unknown situation is refused by field', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const step = 'register-address'
    const detail = (await app.inject({ url: `/api/v1/coordination/content/steps/${step}`, headers: { cookie: cast.admin } })).json<StepDetail>()
    const { texts, ...rest } = detail.current
    const draft: StepDraft = { ...rest, situations: ['ukraine', 'asylum'], texts: texts as unknown as StepDraft['texts'] }
    const { cursor } = await sync(app)

    const bad = await put(app, cast.admin, `/steps/${step}/draft`, { revision: detail.revision, draft: { ...draft, situations: ['tourist'] } })
    expect(bad.statusCode).toBe(400)
    expect(Object.keys(bad.json<{ fields: Record<string, string> }>().fields).join()).toContain('situations')

    const saved = await put(app, cast.admin, `/steps/${step}/draft`, { revision: detail.revision, draft })
    expect(saved.statusCode, saved.body).toBe(200)
    const published = await app.inject({
      method: 'POST',
      url: `/api/v1/coordination/content/steps/${step}/publish`,
      headers: { cookie: cast.admin },
      payload: { revision: saved.json<StepDetail>().revision },
    })
    expect(published.statusCode, published.body).toBe(200)
    expect(published.json<StepDetail>().current.situations).toEqual(['ukraine', 'asylum'])
    expect((await sync(app, cursor)).changes.guideSteps).toEqual([expect.objectContaining({ id: step, situations: ['ukraine', 'asylum'] })])
  })
})
