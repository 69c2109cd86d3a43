import { randomUUID } from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../server/db/schema.ts'
import { CURRENT_CONSENT_VERSION } from '../../src/shared/volunteering/fields.schema.ts'

export interface DateOptions {
  capacity?: number | null
  registrationRequired?: boolean
  startsAt?: Date
  status?: 'scheduled' | 'cancelled'
}

/** One network-meeting date straight in the meetups tables (sample data), returning its occurrence id. */
export async function insertEventDate(db: Kysely<Database>, options: DateOptions = {}): Promise<string> {
  const meetupId = randomUUID()
  const startsAt = options.startsAt ?? new Date(Date.now() + 7 * 24 * 3600_000)
  const endsAt = new Date(startsAt.getTime() + 2 * 3600_000)
  const occurrenceId = `${meetupId}:20261203T1700`
  await sql`
    insert into meetups (id, kind, title, description, district, place_name, address, languages, seq, starts_local,
                         registration_required, capacity, is_sample)
    values (${meetupId}, 'network-meeting', ${JSON.stringify({ de: 'AG Sprache (Beispiel)' })}::jsonb,
            ${JSON.stringify({ de: 'Beispiel' })}::jsonb, 'magdeburg', 'Rathaus (Beispiel)', 'Beispielstraße 1, 39104 Magdeburg',
            '{de}', nextval('change_seq'), '2026-12-03T17:00', ${options.registrationRequired ?? true},
            ${options.capacity === undefined ? 20 : options.capacity}, true)`.execute(db)
  await sql`
    insert into meetup_occurrences (id, meetup_id, original_start, starts_at, ends_at, status, seq)
    values (${occurrenceId}, ${meetupId}, '20261203T1700', ${startsAt.toISOString()}, ${endsAt.toISOString()},
            ${options.status ?? 'scheduled'}, nextval('change_seq'))`.execute(db)
  return occurrenceId
}

export const consents = (share = true) => ({
  store: { textVersion: CURRENT_CONSENT_VERSION, givenAt: '2026-11-20T10:00:00.000Z' },
  ...(share ? { share: { textVersion: CURRENT_CONSENT_VERSION, givenAt: '2026-11-20T10:00:00.000Z' } } : {}),
})

export const tandemOffer = (overrides: Record<string, unknown> = {}) => ({
  role: 'offer',
  kind: 'language',
  name: 'Erika Beispiel',
  email: ' Erika@Example.ORG ',
  phone: '0391 555-0100',
  district: 'stendal',
  town: 'Tangermünde',
  languages: [
    { code: 'de', level: 'native' },
    { code: 'en', level: 'fluent' },
  ],
  availability: ['tue-evening', 'sat-morning'],
  interests: 'Radfahren, Kochen',
  travelKm: 15,
  onlineOk: true,
  note: 'Gern auch per Video.',
  consents: consents(),
  ...overrides,
})

export const registration = (occurrenceId: string, n = 0) => ({
  occurrenceId,
  name: `Teilnehmer ${n} (Beispiel)`,
  organisation: 'Verein Beispiel e. V.',
  email: `person${n}@example.org`,
  workingGroup: 'language',
  consents: consents(false),
})

export const postJson = (url: string, body: unknown, key: string = randomUUID(), remoteAddress = '127.0.0.1') => ({
  method: 'POST' as const,
  url,
  headers: { 'content-type': 'application/json', 'idempotency-key': key },
  payload: JSON.stringify(body),
  remoteAddress,
})

/** A distinct client address per n, so rate limits per client do not interfere with load tests. */
export const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
