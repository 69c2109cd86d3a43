import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { deleteFreshDatabases, freshDbName } from './fresh-db-name.ts'

afterEach(deleteFreshDatabases)

describe('Dexie version 4', () => {
  it('adds the outbox and drafts to a phone on version 3 and keeps what was there', async () => {
    const name = freshDbName('upgrade')
    const old = new Dexie(name)
    old.version(3).stores({ meetups: 'id, district, kind', meetupOccurrences: 'id, startsAt, meetupId, [district+startsAt]', meta: 'key', settings: 'key' })
    await old.open()
    await old.table('settings').put({ key: 'locale', value: 'uk' })
    old.close()

    const db = new WillkommenDb(name)
    await db.open()
    expect(db.verno).toBeGreaterThanOrEqual(4)
    expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'uk' })
    await db.drafts.put({ key: 'tandem-offer', value: { name: 'Erika' }, savedAt: 1 })
    expect(await db.outbox.count()).toBe(0)
    expect((await db.drafts.get('tandem-offer'))?.value).toEqual({ name: 'Erika' })
    db.close()
  })
})
