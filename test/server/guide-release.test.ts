import type { FastifyInstance } from 'fastify'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { readGuideFile, seedGuideSteps } from '../../server/guide/guide-content.ts'
import { withoutGlossaryLinks } from '../../src/shared/guide/safe-text.ts'
import { applyGuideRelease } from '../../server/guide/guide-release.ts'
import { FIXTURE_SEED } from '../fixtures/guide-steps.ts'
import { loginCast } from './coordination-fixtures.ts'
import type { StepDetail, StepDraft } from '../../src/shared/guide/content-editor.schema.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import type { GuideSeedStep } from '../../src/shared/guide/guide-step.schema.ts'

const sync = async (app: FastifyInstance, since = 0) => (await app.inject({ url: `/api/v1/sync?since=${since}` })).json<SyncResponse>()
const source = { url: 'https://www.gesetze-im-internet.de/bmg/__17.html', label: '§ 17 BMG' }

/** The next release: a corrected German text (with a renewed English one), sources and date on every step, a new step. */
function nextRelease(): GuideSeedStep[] {
  const steps: GuideSeedStep[] = FIXTURE_SEED.map((s) => ({ ...s, sources: [source], checkedOn: '2026-11-29' }))
  const anmeldung = steps.find((s) => s.id === 'anmeldung')!
  anmeldung.text = { ...anmeldung.text, de: 'Melden Sie Ihre Wohnung innerhalb von zwei Wochen an.', en: 'Register your flat within two weeks.' }
  anmeldung.situations = ['asylum', 'ukraine']
  steps.push({ ...FIXTURE_SEED[3]!, id: 'new-step', order: 9, title: { de: 'Neu' }, text: { de: 'Neuer Schritt.' }, bring: {} })
  return steps
}

describe.each(DATABASES)('a new release of the guide content on %s', (kind) => {
  it('reaches a guide that has content: new steps, corrected texts, sources and dates; translations not renewed become outdated; phones get it', async () => {
    const { app, db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    await seedGuideSteps(db, FIXTURE_SEED)
    const { cursor } = await sync(app)

    expect(await applyGuideRelease(db, nextRelease())).toEqual({ inserted: ['new-step'], updated: FIXTURE_SEED.map((s) => s.id), retired: [], handedOver: [] })
    const delta = await sync(app, cursor)
    const texts = Object.fromEntries(delta.changes.guideTexts.map((t) => [t.id, t]))
    expect(texts['anmeldung:de']).toMatchObject({ text: 'Melden Sie Ihre Wohnung innerhalb von zwei Wochen an.', status: 'reviewed' })
    expect(texts['anmeldung:en']).toMatchObject({ text: 'Register your flat within two weeks.', status: 'machine' })
    expect(texts['anmeldung:ar']).toMatchObject({ text: FIXTURE_SEED[1]!.text.ar, status: 'outdated' })
    expect(texts['new-step:de']).toMatchObject({ title: 'Neu' })
    const steps = Object.fromEntries(delta.changes.guideSteps.map((s) => [s.id, s]))
    expect(steps.anmeldung).toMatchObject({ situations: ['asylum', 'ukraine'], sources: [source], checkedOn: '2026-11-29' })
    expect(Object.keys(steps).sort()).toEqual([...FIXTURE_SEED.map((s) => s.id), 'new-step'].sort())

    // The same release again changes nothing and sends nothing.
    const after = await sync(app, cursor)
    expect(await applyGuideRelease(db, nextRelease())).toEqual({ inserted: [], updated: [], retired: [], handedOver: [] })
    expect((await sync(app, after.cursor)).cursor).toBe(after.cursor)
  })

  it('keeps what people changed: a rewritten German (and so the step’s texts), a reviewed translation, a changed order, an open draft', async () => {
    const { db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    await seedGuideSteps(db, FIXTURE_SEED)
    await db.updateTable('guide_texts').set({ text: 'Von Hand geändert.' }).where('id', '=', 'anmeldung:de').execute()
    await db.updateTable('guide_texts').set({ status: 'reviewed' }).where('id', '=', 'learn-german:uk').execute()
    await db.updateTable('guide_steps').set({ position: 77 }).where('id', '=', 'learn-german').execute()
    await db.updateTable('guide_steps').set({ draft: JSON.stringify({ pending: true }) }).where('id', '=', 'language-cafe').execute()

    const release = nextRelease()
    const learn = release.find((s) => s.id === 'learn-german')!
    learn.order = 5
    learn.text = { ...learn.text, de: 'Fangen Sie heute an.', uk: 'Почніть сьогодні.' }
    const { updated } = await applyGuideRelease(db, release)
    expect(updated).not.toContain('language-cafe')

    const text = async (id: string) => db.selectFrom('guide_texts').select(['text', 'status']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(await text('anmeldung:de')).toEqual({ text: 'Von Hand geändert.', status: 'reviewed' })
    expect(await text('anmeldung:en')).toEqual({ text: FIXTURE_SEED[1]!.text.en, status: 'machine' })
    expect(await text('learn-german:de')).toEqual({ text: 'Fangen Sie heute an.', status: 'reviewed' })
    expect(await text('learn-german:uk')).toEqual({ text: FIXTURE_SEED[0]!.text.uk, status: 'outdated' })
    const step = async (id: string) => db.selectFrom('guide_steps').select(['position', 'sources', 'checked_on']).where('id', '=', id).executeTakeFirstOrThrow()
    expect(await step('learn-german')).toEqual({ position: 77, sources: [source], checked_on: '2026-11-29' })
    expect(await step('language-cafe')).toMatchObject({ sources: [], checked_on: null })
  })

  it('never deletes a step: one the file no longer has is retired (phones drop it, the server keeps it and audits it) and comes back when listed again', async () => {
    const { app, db } = await buildTestApp(kind)
    await db.deleteFrom('guide_steps').execute()
    await seedGuideSteps(db, FIXTURE_SEED)
    await db.insertInto('guide_notes').values({ id: 'harz.anmeldung', step_id: 'anmeldung', district: 'harz', text: JSON.stringify({ de: 'Im Harz: online.' }), status: '{}', seq: 0 }).execute()
    // A person rewrote the German of another step the file drops: that one is theirs now.
    await db.updateTable('guide_texts').set({ text: 'Von Hand geändert.' }).where('id', '=', 'language-cafe:de').execute()
    const first = await sync(app)
    const harz = async (since: number) => (await app.inject({ url: `/api/v1/sync?since=${since}&districts=harz` })).json<SyncResponse>()
    const before = await harz(0)
    expect(before.changes.guideNotes.map((n) => n.id)).toEqual(['harz.anmeldung'])

    const without = FIXTURE_SEED.filter((s) => s.id !== 'anmeldung' && s.id !== 'language-cafe')
    expect(await applyGuideRelease(db, without)).toEqual({ inserted: [], updated: [], retired: ['anmeldung'], handedOver: ['language-cafe'] })

    // Phones drop the step, its texts and its note; a new phone never gets them.
    const delta = await harz(before.cursor)
    expect(delta.deleted.guideSteps).toEqual(['anmeldung'])
    expect([...delta.deleted.guideTexts].sort()).toEqual(Object.keys(FIXTURE_SEED[1]!.title).map((l) => `anmeldung:${l}`).sort())
    expect(delta.deleted.guideNotes).toEqual(['harz.anmeldung'])
    const fresh = await harz(0)
    expect(fresh.changes.guideSteps.map((s) => s.id)).not.toContain('anmeldung')
    expect(fresh.changes.guideTexts.filter((t) => t.stepId === 'anmeldung')).toEqual([])
    expect(fresh.changes.guideNotes).toEqual([])
    expect(fresh.changes.guideSteps.map((s) => s.id)).toContain('language-cafe')
    // The server keeps it all, and the audit says what happened.
    expect(await db.selectFrom('guide_steps').select(['published', 'seeded']).where('id', '=', 'anmeldung').executeTakeFirstOrThrow()).toMatchObject({ published: false })
    expect(await db.selectFrom('guide_texts').select('id').where('step_id', '=', 'anmeldung').execute()).toHaveLength(4)
    expect(await db.selectFrom('guide_steps').select('seeded').where('id', '=', 'language-cafe').executeTakeFirstOrThrow()).toEqual({ seeded: null })
    const audit = await db.selectFrom('audit_log').select(['action', 'entity_id']).where('entity_id', 'in', ['anmeldung', 'language-cafe']).orderBy('id').execute()
    expect(audit.map((a) => `${a.action} ${a.entity_id}`)).toEqual(['guide-step.retire anmeldung', 'guide-step.handover language-cafe'])
    // Once retired, the same release does nothing more.
    expect(await applyGuideRelease(db, without)).toEqual({ inserted: [], updated: [], retired: [], handedOver: [] })

    // Listed again, it comes back with its texts and its note.
    const cursor = (await harz(before.cursor)).cursor
    expect((await applyGuideRelease(db, FIXTURE_SEED)).updated).toEqual(['anmeldung'])
    const back = await harz(cursor)
    expect(back.changes.guideSteps.map((s) => s.id)).toEqual(['anmeldung'])
    expect(back.changes.guideTexts.filter((t) => t.stepId === 'anmeldung')).toHaveLength(4)
    expect(back.changes.guideNotes.map((n) => n.id)).toEqual(['harz.anmeldung'])
    expect(back.deleted.guideSteps).toEqual([])
    expect((await sync(app, first.cursor)).changes.guideSteps.map((s) => s.id)).toContain('anmeldung')
  })

  it('brings the glossary links of the shipped guide to a database seeded without them; a reviewed translation is kept, not outdated', async () => {
    const { db } = await buildTestApp(kind)
    const shipped = (await readGuideFile())!
    const before = shipped.map((s) => ({ ...s, text: Object.fromEntries(Object.entries(s.text).map(([lang, text]) => [lang, withoutGlossaryLinks(text)])) }))
    await db.deleteFrom('guide_steps').execute()
    await seedGuideSteps(db, before)
    await db.updateTable('guide_texts').set({ status: 'reviewed' }).where('id', '=', 'residence-permit:uk').execute()

    const { updated } = await applyGuideRelease(db, shipped)
    expect(updated).toEqual(shipped.filter((s) => Object.values(s.text).some((t) => t.includes('](glossary:'))).map((s) => s.id))
    const text = async (id: string) => db.selectFrom('guide_texts').select(['text', 'status']).where('id', '=', id).executeTakeFirstOrThrow()
    const permit = shipped.find((s) => s.id === 'residence-permit')!
    expect(await text('residence-permit:de')).toEqual({ text: permit.text.de, status: 'reviewed' })
    expect(await text('residence-permit:ar')).toEqual({ text: permit.text.ar, status: 'machine' })
    expect((await text('residence-permit:ar')).text).toContain('[الطلب](glossary:antrag)')
    expect(await text('residence-permit:uk')).toEqual({ text: withoutGlossaryLinks(permit.text.uk!), status: 'reviewed' })
  })

  it('a step a release retired, published again by an admin in the workspace, reaches phones with its texts', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const shipped = (await readGuideFile())!
    const step = 'register-address'
    expect((await applyGuideRelease(db, shipped.filter((s) => s.id !== step))).retired).toEqual([step])
    const { cursor } = await sync(app)

    const url = `/api/v1/coordination/content/steps/${step}`
    const detail = (await app.inject({ url, headers: { cookie: cast.admin } })).json<StepDetail>()
    expect(detail.published).toBe(false)
    const { texts, ...rest } = detail.current
    const draft: StepDraft = { ...rest, texts: texts as unknown as StepDraft['texts'] }
    const saved = await app.inject({ method: 'PUT', url: `${url}/draft`, headers: { cookie: cast.admin }, payload: { revision: detail.revision, draft } })
    expect(saved.statusCode, saved.body).toBe(200)
    const published = await app.inject({ method: 'POST', url: `${url}/publish`, headers: { cookie: cast.admin }, payload: { revision: saved.json<StepDetail>().revision } })
    expect(published.statusCode, published.body).toBe(200)

    const delta = await sync(app, cursor)
    expect(delta.changes.guideSteps.map((s) => s.id)).toEqual([step])
    expect(delta.changes.guideTexts.filter((t) => t.stepId === step).map((t) => t.lang).sort()).toEqual(Object.keys(texts).sort())
    expect(delta.deleted.guideTexts).toEqual([])
  })
})
