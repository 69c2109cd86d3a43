import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { readStartState } from '../../../src/db/start-state.ts'
import { deleteFreshDatabases, freshDbName } from './fresh-db-name.ts'

// Schemas as they shipped: an old version is history, so the test keeps its own frozen copy.
const V1 = { meetups: 'id, startsAt, district, kind', meta: 'key', settings: 'key' }
const V2 = { guideSteps: 'id, phase', contacts: 'id, district', progress: 'stepId', bookmarks: '[kind+id], savedAt' }
const V3 = { meetups: 'id, district, kind', meetupOccurrences: 'id, startsAt, meetupId, [district+startsAt]' }
const V4 = { outbox: 'clientId, state, nextAttemptAt, createdAt', drafts: 'key' }
const V5 = { guideSteps: 'id, phase, district', guideTexts: 'id, stepId, lang', guideNotes: 'id, stepId, district' }

afterEach(deleteFreshDatabases)
const freshName = () => freshDbName('upgrade')

async function seedVersion1(name: string): Promise<void> {
  const old = new Dexie(name)
  old.version(1).stores(V1)
  await old.open()
  await old.table('settings').bulkPut([
    { key: 'locale', value: 'uk' },
    { key: 'district', value: 'stendal' },
  ])
  await old.table('meetups').put({ id: 'm1', startsAt: '2026-12-01T16:00:00.000Z', district: 'stendal', kind: 'language-cafe' })
  await old.table('meta').put({ key: 'syncCursor', value: 42 })
  old.close()
}

describe('phone database upgrades', () => {
  it('version 2 (guide) keeps settings, meetups and the sync cursor of version 1', async () => {
    const name = freshName()
    await seedVersion1(name)
    const v2 = new Dexie(name)
    v2.version(1).stores(V1)
    v2.version(2).stores(V2)
    await v2.open()
    expect(await v2.table('settings').get('locale')).toEqual({ key: 'locale', value: 'uk' })
    expect(await v2.table('meetups').get('m1')).toMatchObject({ district: 'stendal' })
    expect(await v2.table('meta').get('syncCursor')).toEqual({ key: 'syncCursor', value: 42 })
    expect(await v2.table('progress').count()).toBe(0)
    v2.close()
  })

  it('the current schema opens a version 1 database and keeps the person’s settings', async () => {
    const name = freshName()
    await seedVersion1(name)
    const db = new WillkommenDb(name)
    await db.open()
    expect((await readStartState(name)).settings).toMatchObject({ locale: 'uk', district: 'stendal' })
    expect(await db.guideSteps.count()).toBe(0)
    expect(await db.bookmarks.count()).toBe(0)
    db.close()
  })

  it('progress and bookmarks survive a later schema version', async () => {
    const name = freshName()
    const db = new WillkommenDb(name)
    await db.progress.bulkPut([
      { stepId: 'anmeldung', doneAt: '2026-11-20T10:00:00.000Z' },
      { stepId: 'bank-account', doneAt: '2026-11-21T10:00:00.000Z' },
    ])
    await db.bookmarks.put({ kind: 'contact', id: 'abh-stendal', savedAt: '2026-11-21T11:00:00.000Z' })
    const version = db.verno
    db.close()

    // A future app update adds a version with a new table and an upgrade.
    class NextDb extends WillkommenDb {
      constructor() {
        super(name)
        this.version(version + 1)
          .stores({ somethingNew: 'id' })
          .upgrade(async (tx) => {
            await tx.table('somethingNew').put({ id: 'x' })
          })
      }
    }
    const next = new NextDb()
    await next.open()
    expect(next.verno).toBe(version + 1)
    expect(await next.progress.orderBy('stepId').primaryKeys()).toEqual(['anmeldung', 'bank-account'])
    expect(await next.progress.get('anmeldung')).toEqual({ stepId: 'anmeldung', doneAt: '2026-11-20T10:00:00.000Z' })
    expect(await next.bookmarks.toArray()).toEqual([{ kind: 'contact', id: 'abh-stendal', savedAt: '2026-11-21T11:00:00.000Z' }])
    next.close()
  })

  it('version 5 (content workspace) drops old steps with texts inside and the cursor, and keeps progress', async () => {
    const name = freshName()
    const old = new Dexie(name)
    old.version(1).stores(V1)
    old.version(2).stores(V2)
    await old.open()
    await old.table('guideSteps').put({ id: 'anmeldung', phase: 'first-steps', order: 1, contactFields: [], title: { de: 'Anmeldung' }, text: { de: 'x' }, bring: {} })
    await old.table('progress').put({ stepId: 'anmeldung', doneAt: '2026-11-20T10:00:00.000Z' })
    await old.table('meta').put({ key: 'syncCursor', value: 42 })
    old.close()

    const db = new WillkommenDb(name)
    await db.open()
    expect(await db.guideSteps.count()).toBe(0)
    expect(await db.meta.get('syncCursor')).toBeUndefined()
    expect(await db.progress.get('anmeldung')).toEqual({ stepId: 'anmeldung', doneAt: '2026-11-20T10:00:00.000Z' })
    await db.guideTexts.put({ id: 'anmeldung:de', stepId: 'anmeldung', lang: 'de', district: null, title: 'Anmeldung', text: 'x', bring: [], status: 'reviewed' })
    expect(await db.guideTexts.where('stepId').equals('anmeldung').count()).toBe(1)
    db.close()
  })

  it('version 6 gives guide texts synced before it their step’s district, so they leave with a district-only step; the cursor stays', async () => {
    const name = freshName()
    const old = new Dexie(name)
    for (const [n, stores] of [V1, V2, V3, V4, V5].entries()) old.version(n + 1).stores(stores)
    await old.open()
    const step = (id: string, district: string | null) => ({ id, phase: 'settling-in', order: 1, district, contactFields: [], sources: [], checkedOn: null })
    const text = (stepId: string, lang: string) => ({ id: `${stepId}:${lang}`, stepId, lang, title: 't', text: '', bring: [], status: 'machine' })
    await old.table('guideSteps').bulkPut([step('harz-rufbus', 'harz'), step('anmeldung', null)])
    await old.table('guideTexts').bulkPut([text('harz-rufbus', 'de'), text('harz-rufbus', 'ar'), text('anmeldung', 'de')])
    await old.table('meta').put({ key: 'syncCursor', value: 42 })
    old.close()

    const db = new WillkommenDb(name)
    await db.open()
    expect((await db.guideTexts.orderBy('id').toArray()).map((t) => [t.id, t.district])).toEqual([
      ['anmeldung:de', null],
      ['harz-rufbus:ar', 'harz'],
      ['harz-rufbus:de', 'harz'],
    ])
    expect(await db.meta.get('syncCursor')).toEqual({ key: 'syncCursor', value: 42 })
    db.close()
  })

  it('version 7 gives local notes synced before it a status: their translations count as machine (unchecked)', async () => {
    const name = freshName()
    const old = new Dexie(name)
    for (const [n, stores] of [V1, V2, V3, V4, V5, {}].entries()) old.version(n + 1).stores(stores)
    await old.open()
    await old.table('guideNotes').bulkPut([
      { id: 'harz.anmeldung', stepId: 'anmeldung', district: 'harz', text: { de: 'Nur online.', ar: 'عبر الإنترنت فقط.' } },
      { id: 'harz.bank', stepId: 'bank', district: 'harz', text: { de: 'Nur in Halberstadt.' } },
    ])
    old.close()

    const db = new WillkommenDb(name)
    await db.open()
    expect((await db.guideNotes.orderBy('id').toArray()).map((n) => [n.id, n.status])).toEqual([
      ['harz.anmeldung', { ar: 'machine' }],
      ['harz.bank', {}],
    ])
    db.close()
  })
})
