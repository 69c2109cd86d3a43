import { afterEach, describe, expect, it } from 'vitest'
import { WillkommenDb } from '../../../src/db/db.ts'
import { readSavedItems } from '../../../src/bookmarks/saved-items.ts'
import { FIXTURE_CONTACTS, FIXTURE_ROWS, FIXTURE_STEPS } from '../../fixtures/guide-steps.ts'
import { deleteFreshDatabases, freshDbName } from '../db/fresh-db-name.ts'
import type { Meetup, MeetupOccurrence } from '../../../src/shared/meetups/meetup.schema.ts'

const CAFE: Meetup = {
  id: 'cafe', kind: 'language-cafe', district: 'stendal', languages: ['de'], rrule: 'FREQ=WEEKLY',
  title: { de: 'Sprachcafé Stendal' }, description: { de: '' }, placeName: 'Ort', address: 'Beispielstraße 1',
  latitude: null, longitude: null, accessibility: null, organiser: '', audience: ['newcomers'], cost: null,
  registrationRequired: false, capacity: null, startsLocal: '2099-01-06T17:00', durationMinutes: 60,
  exceptions: [], revision: 0, isSample: true,
}
function date(startsAt: string, status: 'scheduled' | 'cancelled' = 'scheduled'): MeetupOccurrence {
  return { id: `cafe:${startsAt}`, meetupId: 'cafe', originalStart: '', startsAt, endsAt: startsAt, status, district: 'stendal', kind: 'language-cafe' }
}

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

  it('a saved date comes with its own date and series; a saved series with its next date taking place', async () => {
    const db = new WillkommenDb(freshDbName('saved-dates'))
    const dates = [date('2099-01-06T16:00:00.000Z', 'cancelled'), date('2099-01-13T16:00:00.000Z'), date('2099-01-20T16:00:00.000Z')]
    await db.meetups.put(CAFE)
    await db.meetupOccurrences.bulkPut(dates)
    await db.bookmarks.bulkPut([
      { kind: 'date', id: dates[2]!.id, savedAt: '2026-11-21T10:00:00.000Z' },
      { kind: 'meetup', id: 'cafe', savedAt: '2026-11-20T10:00:00.000Z' },
      { kind: 'date', id: 'cafe:gone', savedAt: '2026-11-22T10:00:00.000Z' },
    ])
    const items = await readSavedItems(db)
    expect(items).toHaveLength(2)
    const [saved, series] = items
    expect(saved).toMatchObject({ kind: 'date', item: dates[2], meetup: CAFE })
    expect(series).toMatchObject({ kind: 'meetup', item: CAFE, next: dates[1] })
  })
})
