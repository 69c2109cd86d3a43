import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { saveSetting } from '../../../src/db/settings.ts'
import { readStartState, SYNCED_AT_KEY } from '../../../src/db/start-state.ts'
import { deleteFreshDatabases, freshDbName } from './fresh-db-name.ts'

afterEach(deleteFreshDatabases)
const freshName = () => freshDbName('start')

describe('readStartState (the first screen, without Dexie)', () => {
  it('finds nothing on a first visit and leaves no empty database behind for Dexie to trip over', async () => {
    const name = freshName()
    expect(await readStartState(name)).toEqual({ settings: {} })
    expect(await Dexie.exists(name)).toBe(false)

    const db = new WillkommenDb(name)
    await saveSetting(db, 'locale', 'ar')
    expect(db.verno).toBe(7)
    db.close()
  })

  it('reads the settings and the last sync time that Dexie stored', async () => {
    const name = freshName()
    const db = new WillkommenDb(name)
    await saveSetting(db, 'locale', 'uk')
    await saveSetting(db, 'district', 'harz')
    await db.meta.put({ key: SYNCED_AT_KEY, value: '2026-11-27T10:00:00.000Z' })

    expect(await readStartState(name)).toEqual({
      settings: { locale: 'uk', district: 'harz' },
      lastSyncedAt: '2026-11-27T10:00:00.000Z',
    })
    // Its connection is closed again: Dexie can still upgrade the database later.
    db.close()
    const next = new Dexie(name)
    next.version(8).stores({ extra: 'id' })
    await next.open()
    expect(next.verno).toBe(8)
    next.close()
  })
})
