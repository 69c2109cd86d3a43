import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type { Kysely, Selectable } from 'kysely'
import { buildTestApp, clockAt, DATABASES } from './test-app.ts'
import { fetchFrom, type Exchange } from './phone-fetch.ts'
import { WillkommenDb } from '../../src/db/db.ts'
import { saveSetting } from '../../src/db/settings.ts'
import { pull } from '../../src/sync/pull.ts'
import type { SyncResponse } from '../../src/shared/sync.schema.ts'
import type { Database, PartnersTable } from '../../server/db/schema.ts'
import { insertSampleMeetups } from '../../server/meetups/sample-meetups.ts'
import { insertSampleContacts } from '../../server/contacts/sample-contacts.ts'
import { deleteSeries } from '../../server/meetups/series.repository.ts'
import { syncPartnerContact } from '../../server/contacts/partner-contacts.ts'
import { loginCast } from './coordination-fixtures.ts'
import type { StepDetail } from '../../src/shared/guide/content-editor.schema.ts'

async function phoneIn(district: string, locale: string): Promise<WillkommenDb> {
  const phone = new WillkommenDb(`phone-${crypto.randomUUID()}`)
  await saveSetting(phone, 'district', district)
  await saveSetting(phone, 'locale', locale)
  return phone
}

async function districtsOn(phone: WillkommenDb): Promise<string[]> {
  const rows = [...(await phone.meetups.toArray()), ...(await phone.contacts.toArray()), ...(await phone.meetupOccurrences.toArray())]
  return [...new Set(rows.map((r) => r.district))].sort()
}

const delta = (exchange: Exchange) => JSON.parse(exchange.body) as SyncResponse
const sentCount = (d: SyncResponse) => Object.values(d.changes).reduce((n, rows) => n + rows.length, 0)

function partner(district: string): Selectable<PartnersTable> {
  return {
    id: '5b0c7f0e-3f7a-4c55-9d7e-1c2b3a4d5e6f',
    organisation: 'Tafel (Beispiel)',
    address: 'Marktplatz 1',
    district,
    contact_function: 'Leitung',
    phone: null,
    email: 'tafel@example.org',
    working_groups: ['language'],
    public_listing: true,
    created_at: new Date(),
    updated_at: new Date(),
    listing_consent: null,
    rules_version: null,
  }
}

const NOW = '2026-11-22T10:00:00Z'

async function seed(db: Kysely<Database>): Promise<void> {
  await insertSampleMeetups(db, new Date(NOW))
  await insertSampleContacts(db)
}

describe.each(DATABASES)('scoped sync, phone ⇄ server on %s', (kind) => {
  it('switching district fetches only the new district and drops the old one; switching language fetches only texts in the new language', async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt(NOW) })
    await seed(db)
    const log: Exchange[] = []
    const phone = await phoneIn('harz', 'uk')

    // The first pull: the person's language without the contacts first, then German (the fallback) and the
    // contacts as an added language and entity, nothing twice.
    await pull(phone, fetchFrom(app, log))
    expect(log.map((e) => e.url)).toEqual([
      '/api/v1/sync?since=0&districts=harz&langs=uk&entities=meetups&entities=guideSteps&entities=guideTexts&entities=guideNotes&entities=meetupOccurrences',
      expect.stringMatching(/^\/api\/v1\/sync\?since=\d+&districts=harz&langs=de&langs=uk&addedLangs=de&addedEntities=contacts$/),
    ])
    expect(delta(log[0]!).changes.guideTexts.every((t) => t.lang === 'uk')).toBe(true)
    expect(delta(log[0]!).changes.meetups.length).toBeGreaterThan(0)
    expect(delta(log[0]!).changes.contacts).toEqual([])
    const german = delta(log[1]!)
    expect(german.changes.guideTexts.length).toBeGreaterThan(0)
    expect(german.changes.guideTexts.every((t) => t.lang === 'de')).toBe(true)
    expect(german.changes.contacts.length).toBeGreaterThan(0)
    expect(german.changes.contacts.every((c) => c.district === 'harz' || c.district === null)).toBe(true)
    expect(sentCount(german)).toBe(german.changes.guideTexts.length + german.changes.contacts.length)
    expect(await phone.contacts.count()).toBe(german.changes.contacts.length)
    log.splice(0, 1) // the indices below count the first pull as one exchange, its German answer
    expect(await districtsOn(phone)).toEqual(['harz'])
    expect(await phone.guideSteps.count()).toBeGreaterThan(0)
    expect([...new Set((await phone.guideTexts.toArray()).map((t) => t.lang))].sort()).toEqual(['de', 'uk'])
    const guideSteps = await phone.guideSteps.count()

    await saveSetting(phone, 'district', 'stendal')
    await pull(phone, fetchFrom(app, log))
    expect(log[1]!.url).toContain('districts=stendal&langs=de&langs=uk&addedDistricts=stendal')
    const switched = delta(log[1]!)
    expect(switched.changes.guideSteps).toEqual([]) // statewide content is not downloaded again
    expect(switched.changes.guideTexts).toEqual([])
    expect(switched.changes.meetups.length).toBeGreaterThan(0)
    expect(switched.changes.meetups.every((m) => m.district === 'stendal')).toBe(true)
    expect(await districtsOn(phone)).toEqual(['stendal'])
    expect(await phone.guideSteps.count()).toBe(guideSteps)

    await saveSetting(phone, 'locale', 'ar')
    await pull(phone, fetchFrom(app, log))
    expect(log[2]!.url).toContain('langs=ar&langs=de&addedLangs=ar')
    const arabic = delta(log[2]!)
    expect(arabic.changes.guideTexts.length).toBeGreaterThan(0)
    expect(arabic.changes.guideTexts.every((t) => t.lang === 'ar')).toBe(true)
    expect(sentCount(arabic)).toBe(arabic.changes.guideTexts.length) // meetups and contacts keep all their languages in one row
    expect(await districtsOn(phone)).toEqual(['stendal'])
    expect([...new Set((await phone.guideTexts.toArray()).map((t) => t.lang))].sort()).toEqual(['ar', 'de'])

    // Nothing new: one request, answered 304 without a body.
    await pull(phone, fetchFrom(app, log))
    expect(log[3]).toMatchObject({ status: 304, body: '' })
    await phone.delete()
  })

  it('neighbouring districts: switching them on fetches only the neighbours’ dates and contacts, switching off drops them', async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt(NOW) })
    await seed(db)
    const log: Exchange[] = []
    const phone = await phoneIn('stendal', 'de')
    await pull(phone, fetchFrom(app, log))
    // A German phone's first pull: all but the contacts, then the contacts alone.
    expect(log.map((e) => e.url)).toEqual([
      '/api/v1/sync?since=0&districts=stendal&langs=de&entities=meetups&entities=guideSteps&entities=guideTexts&entities=guideNotes&entities=meetupOccurrences',
      `/api/v1/sync?since=${delta(log[0]!).cursor}&districts=stendal&langs=de&addedEntities=contacts`,
    ])
    expect(sentCount(delta(log[1]!))).toBe(delta(log[1]!).changes.contacts.length)
    log.splice(0, 1)
    expect(await districtsOn(phone)).toEqual(['stendal'])
    const stendalDates = await phone.meetupOccurrences.where('district').equals('stendal').count()
    expect(stendalDates).toBeGreaterThan(0)

    await saveSetting(phone, 'nearbyDistricts', true)
    await pull(phone, fetchFrom(app, log))
    expect(log[1]!.url).toBe(
      '/api/v1/sync?since=' + delta(log[0]!).cursor +
        '&districts=altmarkkreis-salzwedel&districts=boerde&districts=jerichower-land&districts=stendal&langs=de' +
        '&addedDistricts=altmarkkreis-salzwedel&addedDistricts=boerde&addedDistricts=jerichower-land',
    )
    const widened = delta(log[1]!)
    expect(widened.changes.meetupOccurrences.length).toBeGreaterThan(0)
    expect(widened.changes.meetupOccurrences.every((o) => o.district === 'altmarkkreis-salzwedel')).toBe(true) // Stendal's own not again
    expect(widened.changes.contacts.every((c) => c.district !== 'stendal')).toBe(true)
    expect(widened.changes.guideSteps).toEqual([])
    expect(await districtsOn(phone)).toEqual(['altmarkkreis-salzwedel', 'boerde', 'jerichower-land', 'stendal'])
    expect(await phone.meetupOccurrences.where('district').equals('altmarkkreis-salzwedel').count()).toBe(widened.changes.meetupOccurrences.length)

    await saveSetting(phone, 'nearbyDistricts', false)
    await pull(phone, fetchFrom(app, log))
    expect(log[2]!.url).toBe(`/api/v1/sync?since=${widened.cursor}&districts=stendal&langs=de`)
    expect(await districtsOn(phone)).toEqual(['stendal'])
    expect(await phone.meetupOccurrences.count()).toBe(stendalDates)
    await phone.delete()
  })

  it('a contact moved between districts leaves the old district’s phones and reaches the new one’s; a deleted meetup leaves its phones, others hear nothing', async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt(NOW) })
    await seed(db)
    await db.transaction().execute((trx) => syncPartnerContact(trx, partner('harz')))
    const harz = await phoneIn('harz', 'de')
    const stendal = await phoneIn('stendal', 'de')
    const both = await phoneIn('stendal', 'de')
    await saveSetting(both, 'nearbyDistricts', true) // stendal's neighbours do not include harz …
    await saveSetting(both, 'district', 'boerde') // … boerde's do: harz and stendal
    for (const phone of [harz, stendal, both]) await pull(phone, fetchFrom(app))
    const id = 'partner-5b0c7f0e-3f7a-4c55-9d7e-1c2b3a4d5e6f'
    expect(await harz.contacts.get(id)).toBeDefined()
    expect(await stendal.contacts.get(id)).toBeUndefined()
    expect(await both.contacts.get(id)).toBeDefined()

    await db.transaction().execute((trx) => syncPartnerContact(trx, partner('stendal')))
    for (const phone of [harz, stendal, both]) await pull(phone, fetchFrom(app))
    expect(await harz.contacts.get(id)).toBeUndefined()
    expect((await stendal.contacts.get(id))?.district).toBe('stendal')
    expect((await both.contacts.get(id))?.district).toBe('stendal')

    const victim = (await harz.meetups.toArray())[0]!
    const log: Exchange[] = []
    await db.transaction().execute((trx) => deleteSeries(trx, victim.id))
    await pull(harz, fetchFrom(app, log))
    await pull(stendal, fetchFrom(app, log))
    expect(await harz.meetups.get(victim.id)).toBeUndefined()
    expect(await harz.meetupOccurrences.where('meetupId').equals(victim.id).count()).toBe(0)
    expect(delta(log[0]!).deleted.meetups).toEqual([victim.id])
    expect(log[1]).toMatchObject({ status: 304, body: '' }) // a change in Harz costs a Stendal phone nothing
    for (const phone of [harz, stendal, both]) await phone.delete()
  })

  it('a district-only step leaves the phone with its texts and notes when the phone moves to another district', async () => {
    const { app, db } = await buildTestApp(kind, { now: clockAt(NOW) })
    const { harz } = await loginCast(app, db)
    const content = async (method: 'GET' | 'POST', url: string, payload?: object) => {
      const res = await app.inject({ method, url: `/api/v1/coordination/content${url}`, headers: { cookie: harz }, ...(payload ? { payload } : {}) })
      expect(res.statusCode, res.body).toBeLessThan(300)
      return res.json<StepDetail>()
    }
    const draft = {
      phase: 'settling-in',
      order: 900,
      contactFields: [],
      sources: [],
      checkedOn: null,
      texts: { de: { title: 'Rufbus im Harz', text: 'Der Rufbus fährt auf Anruf.', bring: [], status: 'reviewed' }, ar: { title: 'حافلة عند الطلب', text: 'تعمل الحافلة عند الاتصال.', bring: [], status: 'machine' } },
    }
    const created = await content('POST', '/steps', { id: 'harz-rufbus', district: 'harz', draft })
    await content('POST', '/steps/harz-rufbus/publish', { revision: created.revision })
    await app.inject({ method: 'PUT', url: '/api/v1/coordination/content/steps/harz-rufbus/notes/harz', headers: { cookie: harz }, payload: { text: { de: 'Nur werktags.' } } })

    const phone = await phoneIn('harz', 'ar')
    await pull(phone, fetchFrom(app))
    expect(await phone.guideSteps.get('harz-rufbus')).toBeDefined()
    expect((await phone.guideTexts.where('stepId').equals('harz-rufbus').toArray()).map((t) => [t.lang, t.district])).toEqual([
      ['ar', 'harz'],
      ['de', 'harz'],
    ])
    expect(await phone.guideNotes.where('stepId').equals('harz-rufbus').count()).toBe(1)

    await saveSetting(phone, 'district', 'stendal')
    await pull(phone, fetchFrom(app))
    expect(await phone.guideSteps.get('harz-rufbus')).toBeUndefined()
    expect(await phone.guideTexts.where('stepId').equals('harz-rufbus').count()).toBe(0)
    expect(await phone.guideNotes.where('stepId').equals('harz-rufbus').count()).toBe(0)
    expect(await phone.guideTexts.where('stepId').equals('register-address').count()).toBe(2) // statewide texts stay
    await phone.delete()
  })

  it('refuses added partitions outside the scope, naming the field', async () => {
    const { app } = await buildTestApp(kind)
    const res = await app.inject({ url: '/api/v1/sync?since=3&districts=harz&addedDistricts=stendal&langs=uk&addedLangs=ar' })
    expect(res.statusCode).toBe(400)
    // Message keys the phone has texts for (test/unit/i18n/locale-files.test.ts checks every `errors.` key the server sends).
    expect(res.json()).toMatchObject({ error: 'validation', fields: { addedDistricts: 'errors.sync.addedOutsideScope', addedLangs: 'errors.sync.addedOutsideScope' } })
    const bad = await app.inject({ url: '/api/v1/sync?since=0&districts=atlantis' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().fields).toEqual({ 'districts.0': expect.any(String) })
  })
})
