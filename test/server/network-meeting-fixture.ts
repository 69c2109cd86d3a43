import { expect } from 'vitest'
import type { Config } from '../../server/config.ts'
import type { Clock } from '../../server/clock.ts'
import { toBerlinWallTime } from '../../src/shared/berlin-time.ts'
import type { EditorDetail, MeetupEditorInput } from '../../src/shared/coordination/meetup-editor.schema.ts'
import { loginCast } from './coordination-fixtures.ts'
import { buildTestApp, type DATABASES } from './test-app.ts'

export const MEETUPS = '/api/v1/coordination/meetups'
const DAY = 86400000

/** The Berlin calendar day this many days from now, `YYYY-MM-DD`. */
export function localDay(daysAhead: number): string {
  const w = toBerlinWallTime(new Date(Date.now() + daysAhead * DAY))
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
}

function weekdayOf(day: string) {
  return (['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const)[new Date(`${day}T12:00:00Z`).getUTCDay()]!
}

/** A weekly network meeting in Stendal that takes registrations, three dates. */
export function meeting(capacity: number): MeetupEditorInput {
  return {
    kind: 'network-meeting',
    title: { de: 'Netzwerktreffen Stendal' },
    description: { de: 'Austausch der Arbeitsgruppen.' },
    district: 'stendal',
    placeName: 'Rathaus (Beispiel)',
    address: 'Markt 1, 39576 Stendal',
    accessibility: { de: '' },
    organiser: 'Netzwerk Beispiel',
    languages: ['de'],
    audience: ['volunteers'],
    free: true,
    cost: { de: '' },
    registrationRequired: true,
    capacity,
    startsLocal: `${localDay(7)}T17:00`,
    durationMinutes: 120,
    recurrence: { type: 'weekly', interval: 1, weekdays: [weekdayOf(localDay(7))], end: { type: 'count', count: 3 } },
  }
}

/** An app with the usual cast logged in and the network meeting made by Stendal's coordinator. */
export async function setupNetworkMeeting(kind: (typeof DATABASES)[number], capacity = 3, options: Partial<Config> & { now?: Clock } = {}) {
  const { app, db } = await buildTestApp(kind, options)
  const cast = await loginCast(app, db)
  const res = await app.inject({ method: 'POST', url: MEETUPS, headers: { cookie: cast.stendal }, payload: meeting(capacity) })
  expect(res.statusCode, res.body).toBe(201)
  const meetup = res.json<EditorDetail>()
  return { app, db, cast, meetup }
}
