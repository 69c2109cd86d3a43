import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import PO from 'pofile'
import { describe, expect, it } from 'vitest'
import { buildTestApp, DATABASES } from './test-app.ts'
import { loginCast } from './coordination-fixtures.ts'
import type { Database } from '../../server/db/schema.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import type { StepDetail, StepDraft, StepListItem } from '../../src/shared/guide/content-editor.schema.ts'
import type { ContactInput, EditableContact } from '../../src/shared/contacts/contact-editor.schema.ts'

const STEP = 'register-address'

async function call<T>(app: FastifyInstance, cookie: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, status = 200): Promise<T> {
  const res = await app.inject({ method, url: `/api/v1/coordination/content${url}`, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) })
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status)
  return (res.body ? res.json() : undefined) as T
}

const sync = async (app: FastifyInstance, since: number) => (await app.inject({ url: `/api/v1/sync?since=${since}` })).json<SyncResponse>()

async function audit(db: Kysely<Database>) {
  return db.selectFrom('audit_log').select(['action', 'actor', 'entity_id', 'district', 'details']).where('action', 'not like', 'coordinator.%').orderBy('id').execute()
}

/** The step as its editor starts: the published state as a draft. */
function draftOf(detail: StepDetail): StepDraft {
  const { texts, ...rest } = detail.current
  return { ...rest, texts: Object.fromEntries(Object.entries(texts).map(([l, t]) => [l, { title: t.title, text: t.text, bring: t.bring, status: t.status }])) as StepDraft['texts'] }
}

const contactInput = (over: Partial<ContactInput> = {}): ContactInput => ({
  name: 'Bürgerbüro Halberstadt (Beispiel)',
  kind: { de: 'Bürgerbüro', en: 'Citizens’ office' },
  fields: ['residence'],
  district: 'harz',
  address: 'Domplatz 1, 38820 Halberstadt',
  openingHours: 'Mo–Fr 9–12 Uhr',
  phone: '+49 3941 000000',
  email: 'buergerbuero@example.org',
  website: 'https://example.org/buergerbuero',
  languages: ['de', 'en'],
  ...over,
})

describe.each(DATABASES)('content workspace on %s', (kind) => {
  it('an admin’s German change, once published, marks the translations outdated; a reviewed translation clears it', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const before = await call<StepDetail>(app, cast.admin, 'GET', `/steps/${STEP}`)
    expect(before.current.texts.ar?.status).toBe('machine')
    const { cursor } = await sync(app, 0)

    const draft = draftOf(before)
    draft.texts.de = { ...draft.texts.de, text: `${draft.texts.de.text}\n\nNeu: **Termin** unter [Bürgeramt](https://example.org/termin).` }
    const saved = await call<StepDetail>(app, cast.admin, 'PUT', `/steps/${STEP}/draft`, { revision: before.revision, draft })
    // Drafts are not synced.
    expect((await sync(app, cursor)).changes.guideTexts).toEqual([])

    await call(app, cast.admin, 'POST', `/steps/${STEP}/publish`, { revision: saved.revision })
    const delta = await sync(app, cursor)
    const byLang = Object.fromEntries(delta.changes.guideTexts.map((t) => [t.lang, t]))
    expect(byLang.de?.text).toContain('**Termin**')
    expect(byLang.ar?.status).toBe('outdated')
    expect(byLang.uk?.status).toBe('outdated')

    const after = await call<StepDetail>(app, cast.admin, 'GET', `/steps/${STEP}`)
    const review = draftOf(after)
    review.texts.ar = { ...review.texts.ar!, text: 'نص مراجع.', status: 'reviewed' }
    const again = await call<StepDetail>(app, cast.admin, 'PUT', `/steps/${STEP}/draft`, { revision: after.revision, draft: review })
    await call(app, cast.admin, 'POST', `/steps/${STEP}/publish`, { revision: again.revision })
    const list = await call<StepListItem[]>(app, cast.admin, 'GET', '/steps')
    const status = list.find((s) => s.id === STEP)?.status
    expect(status).toMatchObject({ de: 'reviewed', en: 'outdated', uk: 'outdated', ar: 'reviewed', ti: 'outdated' }) // every translation the German left behind
    expect((await audit(db)).map((a) => a.action)).toEqual(['guide-step.draft', 'guide-step.publish', 'guide-step.draft', 'guide-step.publish'])
  })

  it('refuses the second of two saves made from the same revision', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const detail = await call<StepDetail>(app, cast.admin, 'GET', `/steps/${STEP}`)
    await call(app, cast.admin, 'PUT', `/steps/${STEP}/draft`, { revision: detail.revision, draft: draftOf(detail) })
    const res = await call<{ error: string }>(app, cast.admin, 'PUT', `/steps/${STEP}/draft`, { revision: detail.revision, draft: draftOf(detail) }, 409)
    expect(res.error).toBe('conflict')
    await call(app, cast.admin, 'POST', `/steps/${STEP}/publish`, { revision: detail.revision }, 409)
  })

  it('a Harz note and a Harz-only step reach phones with their district; Stendal cannot touch them', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { cursor } = await sync(app, 0)
    await call(app, cast.harz, 'PUT', `/steps/${STEP}/notes/harz`, { text: { de: 'Im Harz: Termine nur online.', ar: 'في هارتس: المواعيد عبر الإنترنت فقط.' } })
    await call(app, cast.stendal, 'PUT', `/steps/${STEP}/notes/harz`, { text: { de: 'x' } }, 403)

    const detail = await call<StepDetail>(app, cast.admin, 'GET', `/steps/${STEP}`)
    const local = { ...draftOf(detail), phase: 'settling-in' as const, order: 900 }
    await call(app, cast.harz, 'POST', '/steps', { id: 'harz-rufbus', district: 'harz', draft: local }, 201)
    await call(app, cast.stendal, 'GET', '/steps/harz-rufbus', undefined, 403)
    expect((await call<StepListItem[]>(app, cast.stendal, 'GET', '/steps')).map((s) => s.id)).not.toContain('harz-rufbus')
    expect((await sync(app, cursor)).changes.guideSteps.map((s) => s.id)).not.toContain('harz-rufbus')
    const created = await call<StepDetail>(app, cast.harz, 'GET', '/steps/harz-rufbus')
    await call(app, cast.harz, 'POST', '/steps/harz-rufbus/publish', { revision: created.revision })

    const delta = await sync(app, cursor)
    expect(delta.changes.guideNotes).toEqual([{ id: `harz.${STEP}`, stepId: STEP, district: 'harz', text: { de: 'Im Harz: Termine nur online.', ar: 'في هارتس: المواعيد عبر الإنترنت فقط.' }, status: { ar: 'machine' } }])
    expect(delta.changes.guideSteps).toEqual([expect.objectContaining({ id: 'harz-rufbus', district: 'harz' })])
    expect(delta.changes.guideTexts.filter((t) => t.stepId === 'harz-rufbus').length).toBeGreaterThan(0)

    await call(app, cast.harz, 'DELETE', `/steps/${STEP}/notes/harz`)
    expect((await sync(app, delta.cursor)).deleted.guideNotes).toEqual([`harz.${STEP}`])
    expect((await audit(db)).map((a) => `${a.actor} ${a.action}`)).toEqual([
      'harz@example.org guide-note.create',
      'harz@example.org guide-step.create',
      'harz@example.org guide-step.publish',
      'harz@example.org guide-note.delete',
    ])
  })

  it('a note’s translations have a status: a German change marks the unchanged ones outdated, a checked one is reviewed', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const url = `/steps/${STEP}/notes/harz`
    const note = (d: StepDetail) => d.notes.find((n) => n.district === 'harz')!
    const first = note(await call<StepDetail>(app, cast.harz, 'PUT', url, { text: { de: 'Nur online.', ar: 'عبر الإنترنت فقط.', uk: 'Лише онлайн.' }, status: { ar: 'reviewed' } }))
    expect(first.status).toEqual({ ar: 'reviewed', uk: 'machine' })
    await call(app, cast.harz, 'PUT', url, { text: { de: 'x' }, status: { de: 'reviewed' } }, 400)

    const { cursor } = await sync(app, 0)
    const changed = note(await call<StepDetail>(app, cast.harz, 'PUT', url, { revision: first.revision, text: { ...first.text, de: 'Nur online, Termine ab 8 Uhr.' } }))
    expect(changed.status).toEqual({ ar: 'outdated', uk: 'outdated' })
    expect((await sync(app, cursor)).changes.guideNotes).toEqual([expect.objectContaining({ id: `harz.${STEP}`, status: { ar: 'outdated', uk: 'outdated' } })])

    const checked = note(
      await call<StepDetail>(app, cast.harz, 'PUT', url, { revision: changed.revision, text: { ...changed.text, ar: 'عبر الإنترنت فقط، المواعيد من الساعة 8.' }, status: { ar: 'reviewed', uk: 'outdated' } }),
    )
    expect(checked.status).toEqual({ ar: 'reviewed', uk: 'outdated' })
    expect((await audit(db)).map((a) => (a.details as { outdated: string[] }).outdated)).toEqual([[], ['ar', 'uk'], []])
  })

  it('contacts: a district creates, edits and retires its own; phones follow; partner contacts stay with the partner directory', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const { cursor } = await sync(app, 0)
    const made = await call<EditableContact>(app, cast.harz, 'POST', '/contacts', contactInput(), 201)
    expect(made).toMatchObject({ source: 'workspace', district: 'harz', revision: 1 })
    const first = await sync(app, cursor)
    expect(first.changes.contacts).toEqual([expect.objectContaining({ id: made.id, name: 'Bürgerbüro Halberstadt (Beispiel)', openingHours: { de: 'Mo–Fr 9–12 Uhr' }, isSample: false })])

    const { id, revision, source, ...rest } = made
    expect(source).toBe('workspace')
    await call(app, cast.harz, 'PUT', `/contacts/${id}`, { ...rest, name: 'Bürgerbüro Halberstadt', revision })
    await call(app, cast.harz, 'PUT', `/contacts/${id}`, { ...rest, name: 'Zu spät', revision }, 409)
    await call(app, cast.stendal, 'PUT', `/contacts/${id}`, { ...rest, revision: revision + 1 }, 403)
    await call(app, cast.harz, 'DELETE', `/contacts/${id}`, undefined, 204)
    expect((await sync(app, first.cursor)).deleted.contacts).toEqual([id])

    await db.insertInto('contacts').values({ id: 'partner-x', name: 'P', kind: '{"de":"Partner"}', fields: ['residence'], district: 'harz', address: null, opening_hours: null, phone: null, email: null, website: null, languages: [], seq: 1 }).execute()
    await call(app, cast.harz, 'DELETE', '/contacts/partner-x', undefined, 409)
  })

  it('stores no markup that could run: stored-XSS attempts in every new field are cleaned or refused', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const detail = await call<StepDetail>(app, cast.admin, 'GET', `/steps/${STEP}`)
    const draft = draftOf(detail)
    draft.texts.de = { title: 'Titel <script>alert(1)</script>', text: '[klick](javascript:alert(1)) <img src=x onerror=alert(1)>', bring: ['[x](javascript:y)'], status: 'reviewed' }
    const saved = await call<StepDetail>(app, cast.admin, 'PUT', `/steps/${STEP}/draft`, { revision: detail.revision, draft })
    expect(saved.draft?.texts.de.text).toBe('klick) <img src=x onerror=alert(1)>')
    expect(saved.draft?.texts.de.bring).toEqual(['x'])
    await call(app, cast.admin, 'PUT', `/steps/${STEP}/draft`, { revision: saved.revision, draft: { ...draft, sources: [{ url: 'javascript:alert(1)', label: 'x' }] } }, 400)

    const noted = await call<StepDetail>(app, cast.harz, 'PUT', `/steps/${STEP}/notes/harz`, { text: { de: '[a](javascript:alert(1))\u202E' } })
    expect(noted.notes[0]?.text.de).toBe('a)')
    await call(app, cast.harz, 'POST', '/contacts', contactInput({ website: 'javascript:alert(1)' }), 400)
    await call(app, cast.harz, 'POST', '/contacts', contactInput({ email: '"><script>@x.y' }), 400)
    await call(app, cast.harz, 'POST', '/contacts', contactInput({ phone: '<script>' }), 400)
    await call(app, cast.harz, 'POST', '/steps', { id: '<script>', district: 'harz', draft }, 400)
  })
})

describe.each(DATABASES)('content workspace: authorisation matrix on %s', (kind) => {
  it('anonymous 401 everywhere; other district 403; a coordinator may not change statewide steps; an admin may do all', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const detail = await call<StepDetail>(app, cast.admin, 'GET', `/steps/${STEP}`)
    const draft = draftOf(detail)
    const stendalContact = await call<EditableContact>(app, cast.stendal, 'POST', '/contacts', contactInput({ district: 'stendal' }), 201)
    await call(app, cast.stendal, 'POST', '/steps', { id: 'stendal-only', district: 'stendal', draft }, 201)

    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/steps'],
      ['POST', '/steps', { id: 'x-new', district: 'harz', draft }],
      ['GET', `/steps/${STEP}`],
      ['PUT', `/steps/${STEP}/draft`, { revision: 1, draft }],
      ['POST', `/steps/${STEP}/discard`, { revision: 1 }],
      ['POST', `/steps/${STEP}/publish`, { revision: 1 }],
      ['PUT', `/steps/${STEP}/notes/harz`, { text: { de: 'x' } }],
      ['DELETE', `/steps/${STEP}/notes/harz`],
      ['GET', '/contacts'],
      ['POST', '/contacts', contactInput()],
      ['GET', `/contacts/${stendalContact.id}`],
      ['PUT', `/contacts/${stendalContact.id}`, { ...contactInput(), revision: 1 }],
      ['DELETE', `/contacts/${stendalContact.id}`],
    ]
    for (const [method, url, payload] of routes) {
      const res = await app.inject({ method: method as 'GET', url: `/api/v1/coordination/content${url}`, ...(payload ? { payload: payload as object } : {}) })
      expect(res.statusCode, `${method} ${url}`).toBe(401)
    }

    // Harz on Stendal's things and on statewide steps.
    await call(app, cast.harz, 'GET', '/contacts?district=stendal', undefined, 403)
    await call(app, cast.harz, 'GET', `/contacts/${stendalContact.id}`, undefined, 403)
    await call(app, cast.harz, 'PUT', `/contacts/${stendalContact.id}`, { ...contactInput({ district: 'stendal' }), revision: 1 }, 403)
    await call(app, cast.harz, 'DELETE', `/contacts/${stendalContact.id}`, undefined, 403)
    await call(app, cast.harz, 'POST', '/contacts', contactInput({ district: 'stendal' }), 403)
    await call(app, cast.harz, 'GET', '/steps/stendal-only', undefined, 403)
    await call(app, cast.harz, 'PUT', '/steps/stendal-only/draft', { revision: 1, draft }, 403)
    await call(app, cast.harz, 'POST', '/steps/stendal-only/publish', { revision: 1 }, 403)
    await call(app, cast.harz, 'POST', '/steps', { id: 'x-state', district: null, draft }, 403)
    await call(app, cast.harz, 'PUT', `/steps/${STEP}/draft`, { revision: detail.revision, draft }, 403)
    await call(app, cast.harz, 'POST', `/steps/${STEP}/publish`, { revision: detail.revision }, 403)
    await call(app, cast.harz, 'PUT', `/steps/${STEP}/notes/stendal`, { text: { de: 'x' } }, 403)
    await call(app, cast.harz, 'PUT', '/steps/stendal-only/notes/harz', { text: { de: 'x' } }, 404)
    expect((await call<EditableContact[]>(app, cast.harz, 'GET', '/contacts')).map((c) => c.district)).not.toContain('stendal')

    // An admin may do all of it.
    await call(app, cast.admin, 'GET', '/contacts?district=stendal')
    await call(app, cast.admin, 'GET', '/steps/stendal-only')
    await call(app, cast.admin, 'PUT', `/contacts/${stendalContact.id}`, { ...contactInput({ district: 'stendal' }), revision: 1 })
    await call(app, cast.admin, 'POST', '/steps', { id: 'x-state', district: null, draft }, 201)
    await call(app, cast.admin, 'PUT', `/steps/${STEP}/notes/stendal`, { text: { de: 'Admin-Hinweis' } })
    const saved = await call<StepDetail>(app, cast.admin, 'PUT', `/steps/${STEP}/draft`, { revision: detail.revision, draft })
    await call(app, cast.admin, 'POST', `/steps/${STEP}/publish`, { revision: saved.revision })
    await call(app, cast.admin, 'DELETE', `/contacts/${stendalContact.id}`, undefined, 204)
    // Harz's refused attempts left no trace.
    expect((await audit(db)).filter((a) => a.actor === 'harz@example.org')).toEqual([])
  })
})

describe.each(DATABASES)('guide translations as PO on %s', (kind) => {
  it('round trip: export, translate in another tool (read and written with pofile), import makes it reviewed; stale German is refused by unit', async () => {
    const { app, db } = await buildTestApp(kind)
    const cast = await loginCast(app, db)
    const exported = await app.inject({ url: '/api/v1/coordination/content/translations/ar?only=open', headers: { cookie: cast.admin } })
    expect(exported.statusCode, exported.body).toBe(200)
    expect(exported.headers['content-type']).toContain('text/x-gettext-translation')

    // The translator's tool: an independent PO library.
    const file = PO.parse(exported.body)
    const title = file.items.find((i) => i.msgctxt === `${STEP}|title`)!
    const text = file.items.find((i) => i.msgctxt === `${STEP}|text`)!
    expect(title.msgid).toBe('Wohnung anmelden (Anmeldung)')
    expect(title.flags.fuzzy).toBe(true)
    text.msgstr = ['نص عربي جديد راجعه مترجم.']
    // Checked: every unit of the step loses its fuzzy mark; the other steps are left untranslated.
    for (const item of file.items) {
      if (item.msgctxt?.startsWith(`${STEP}|`)) item.flags = {}
      else item.msgstr = ['']
    }

    const res = await call<{ changed: string[]; empty: string[]; units: number }>(app, cast.admin, 'POST', '/translations/ar', { po: file.toString() })
    expect(res.changed).toEqual([STEP])
    expect(res.units).toBe(file.items.length)
    expect(res.empty.length).toBeGreaterThan(0)
    const after = await call<StepDetail>(app, cast.admin, 'GET', `/steps/${STEP}`)
    expect(after.current.texts.ar).toMatchObject({ text: 'نص عربي جديد راجعه مترجم.', status: 'reviewed' })
    // Only what the translator changed: another step keeps its status.
    const list = await call<StepListItem[]>(app, cast.admin, 'GET', '/steps')
    expect(list.filter((s) => s.id !== STEP && s.status.ar === 'reviewed')).toEqual([])

    // The German changes after the export: that unit is refused by name, nothing is written.
    const draft = draftOf(after)
    draft.texts.de = { ...draft.texts.de, title: 'Wohnung anmelden' }
    const saved = await call<StepDetail>(app, cast.admin, 'PUT', `/steps/${STEP}/draft`, { revision: after.revision, draft })
    await call(app, cast.admin, 'POST', `/steps/${STEP}/publish`, { revision: saved.revision })
    const refused = await call<{ error: string; fields: Record<string, string> }>(app, cast.admin, 'POST', '/translations/ar', { po: file.toString() }, 409)
    expect(refused.fields).toEqual({ [`${STEP}|title`]: 'source_changed' })
    await call(app, cast.harz, 'POST', '/translations/ar', { po: file.toString() }, 409)
    const anonymous = await app.inject({ url: '/api/v1/coordination/content/translations/ar' })
    expect(anonymous.statusCode).toBe(401)
    // A unit naming no step part is refused by name, not dropped.
    const unknown = await call<{ fields: Record<string, string> }>(app, cast.admin, 'POST', '/translations/ar', { po: 'msgid "x"\nmsgstr "y"\n' }, 409)
    expect(unknown.fields).toEqual({ x: 'unknown_unit' })
  })
})
