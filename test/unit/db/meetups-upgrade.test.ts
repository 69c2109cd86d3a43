import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { readStartState } from '../../../src/db/start-state.ts'
import { deleteFreshDatabases, freshDbName } from './fresh-db-name.ts'
import { readCursor } from '../../../src/sync/apply-delta.ts'

// Version 1 as it shipped (frozen copy): meetups were single dates with startsAt.
const V1 = { meetups: 'id, startsAt, district, kind', meta: 'key', settings: 'key' }

afterEach(deleteFreshDatabases)

describe('phone database: meetups become series (version 3)', () => {
  it('drops the old one-off meetups and the sync cursor, so the next sync fetches series and dates; settings stay', async () => {
    const name = freshDbName('upgrade')
    const old = new Dexie(name)
    old.version(1).stores(V1)
    await old.open()
    await old.table('settings').put({ key: 'district', value: 'stendal' })
    await old.table('meetups').put({ id: 'm1', startsAt: '2026-12-01T16:00:00.000Z', district: 'stendal', kind: 'language-cafe' })
    await old.table('meta').put({ key: 'syncCursor', value: 42 })
    old.close()

    const db = new WillkommenDb(name)
    expect(await db.meetups.count()).toBe(0)
    expect(await readCursor(db)).toBe(0)
    await db.open()
    expect((await readStartState(name)).settings).toMatchObject({ district: 'stendal' })
    await db.meetupOccurrences.put({
      id: 'x:20261203T1700', meetupId: 'x', originalStart: '20261203T1700', startsAt: '2026-12-03T16:00:00.000Z',
      endsAt: '2026-12-03T18:00:00.000Z', status: 'scheduled', district: 'stendal', kind: 'welcome-table',
    })
    const found = await db.meetupOccurrences.where('[district+startsAt]').between(['stendal', '2026-12-01'], ['stendal', '\uffff']).toArray()
    expect(found.map((o) => o.id)).toEqual(['x:20261203T1700'])
    db.close()
  })
})
