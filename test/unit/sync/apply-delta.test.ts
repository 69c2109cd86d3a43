import { afterEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { applyDelta, readCursor } from '../../../src/sync/apply-delta.ts'
import { SYNCED_AT_KEY } from '../../../src/db/start-state.ts'
import type { Meetup } from '../../../src/shared/meetups/meetup.schema.ts'
import type { SyncResponse } from '../../../src/shared/sync.schema.ts'
import { deleteFreshDatabases, freshDbName } from '../db/fresh-db-name.ts'

const freshDb = () => new WillkommenDb(freshDbName('apply-delta'))
afterEach(deleteFreshDatabases)

function meetup(id: string, startsAt: string): Meetup {
  return {
    id,
    kind: 'language-cafe',
    title: { de: `Treffen ${id}` },
    description: { de: '' },
    district: 'stendal',
    placeName: 'Ort',
    address: 'Beispielstraße 1',
    languages: ['de'],
    latitude: null,
    longitude: null,
    accessibility: null,
    organiser: 'Beispielverein',
    audience: ['newcomers'],
    cost: null,
    registrationRequired: false,
    capacity: null,
    startsLocal: startsAt.slice(0, 16),
    durationMinutes: 60,
    rrule: null,
    exceptions: [],
    revision: 0,
    isSample: true,
  }
}

function delta(cursor: number, meetups: Meetup[], deleted: string[] = []): SyncResponse {
  return { cursor, changes: { meetups }, deleted: { meetups: deleted } } as SyncResponse
}

describe('applyDelta', () => {
  it('stores changes, removes deletions and keeps the cursor and time', async () => {
    const db = freshDb()
    expect(await readCursor(db)).toBe(0)
    await applyDelta(db, delta(5, [meetup('a', '2026-12-01T16:00:00.000Z'), meetup('b', '2026-12-02T16:00:00.000Z')]))
    const landed = await applyDelta(db, delta(9, [{ ...meetup('a', '2026-12-01T16:00:00.000Z'), title: { de: 'Neu' } }], ['b']), { now: new Date('2026-11-22T10:00:00Z') })
    expect(landed).toBe('2026-11-22T10:00:00.000Z')

    expect(await db.meetups.toArray()).toEqual([{ ...meetup('a', '2026-12-01T16:00:00.000Z'), title: { de: 'Neu' } }])
    expect(await readCursor(db)).toBe(9)
    expect((await db.meta.get(SYNCED_AT_KEY))?.value).toBe('2026-11-22T10:00:00.000Z')
  })

  it('lands nothing, not even the cursor, when part of a delta cannot be stored', async () => {
    const db = freshDb()
    await applyDelta(db, delta(3, [meetup('a', '2026-12-01T16:00:00.000Z')]))
    const broken = delta(7, [meetup('c', '2026-12-03T16:00:00.000Z'), { id: undefined } as unknown as Meetup])
    await expect(applyDelta(db, broken)).rejects.toThrow()
    expect(await readCursor(db)).toBe(3)
    expect((await db.meetups.toArray()).map((m) => m.id)).toEqual(['a'])
  })

  it('writes a large delta whole, or not at all when its last row fails', async () => {
    const db = freshDb()
    const many = Array.from({ length: 61 }, (_, i) => meetup(`m${String(i).padStart(3, '0')}`, '2026-12-01T16:00:00.000Z'))
    await expect(applyDelta(db, delta(4, [...many, { id: undefined } as unknown as Meetup]))).rejects.toThrow()
    expect(await db.meetups.count()).toBe(0)
    expect(await readCursor(db)).toBe(0)

    await applyDelta(db, delta(4, many))
    expect(await db.meetups.count()).toBe(many.length)
    expect(await readCursor(db)).toBe(4)
  })
})
