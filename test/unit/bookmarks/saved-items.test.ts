import { afterEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { readSavedItems } from '../../../src/bookmarks/saved-items.ts'
import { FIXTURE_CONTACTS, FIXTURE_ROWS, FIXTURE_STEPS } from '../../fixtures/guide-steps.ts'
import { deleteFreshDatabases, freshDbName } from '../db/fresh-db-name.ts'

afterEach(deleteFreshDatabases)

describe('saved items', () => {
  it('come newest first with their current content, and a bookmark of a removed item is left out', async () => {
    const db = new WillkommenDb(freshDbName('saved'))
    await db.guideSteps.bulkPut(FIXTURE_ROWS.steps)
    await db.guideTexts.bulkPut(FIXTURE_ROWS.texts)
    await db.contacts.bulkPut(FIXTURE_CONTACTS)
    await db.bookmarks.bulkPut([
      { kind: 'step', id: 'anmeldung', savedAt: '2026-11-20T10:00:00.000Z' },
      { kind: 'contact', id: 'mbe-halle', savedAt: '2026-11-21T10:00:00.000Z' },
      { kind: 'step', id: 'gone-step', savedAt: '2026-11-22T10:00:00.000Z' },
      { kind: 'meetup', id: 'gone-meetup', savedAt: '2026-11-19T10:00:00.000Z' },
    ])
    const items = await readSavedItems(db)
    expect(items.map((i) => [i.kind, i.item.id])).toEqual([
      ['contact', 'mbe-halle'],
      ['step', 'anmeldung'],
    ])
    expect(items[1]!.item).toEqual(FIXTURE_STEPS.find((s) => s.id === 'anmeldung'))
  })
})
