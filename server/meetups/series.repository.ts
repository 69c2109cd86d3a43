import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, MeetupOccurrencesTable, MeetupsTable } from '../db/schema.ts'
import type { Meetup, MeetupOccurrence } from '../../src/shared/meetups/meetup.schema.ts'
import { nextChangeSeq, recordDeletion } from '../sync/change-seq.ts'
import { planOccurrences } from '../../src/shared/meetups/occurrences.ts'

/** How far ahead concrete dates are kept in the database and synced. */
export const HORIZON_DAYS = 365

/** A meetup as written by the server (sample data, tests, later an editor). */
export type SeriesInput = Omit<Meetup, 'revision'>

function toRow(s: SeriesInput) {
  return {
    id: s.id,
    kind: s.kind,
    title: JSON.stringify(s.title),
    description: JSON.stringify(s.description),
    district: s.district,
    place_name: s.placeName,
    address: s.address,
    languages: s.languages,
    latitude: s.latitude,
    longitude: s.longitude,
    accessibility: s.accessibility === null ? null : JSON.stringify(s.accessibility),
    organiser: s.organiser,
    audience: s.audience,
    cost: s.cost === null ? null : JSON.stringify(s.cost),
    registration_required: s.registrationRequired,
    capacity: s.capacity,
    starts_local: s.startsLocal,
    duration_minutes: s.durationMinutes,
    rrule: s.rrule,
    exceptions: JSON.stringify(s.exceptions),
    is_sample: s.isSample,
    // Absent: left as it is (a change of the texts does not undo a cancellation); null: takes place again.
    ...(s.cancelledAt !== undefined ? { cancelled_at: s.cancelledAt === null ? null : new Date(s.cancelledAt) } : {}),
  }
}

/**
 * Creates or changes a meetup and regenerates its dates. Every change raises the revision (the
 * calendar SEQUENCE); dates that stay the same keep their ids.
 */
export async function saveSeries(trx: Transaction<Database>, input: SeriesInput, now: Date): Promise<void> {
  const existing = await trx.selectFrom('meetups').select(['revision', 'district']).where('id', '=', input.id).executeTakeFirst()
  if (existing && existing.district !== input.district) await leaveDistrict(trx, input.id, existing.district)
  const seq = await nextChangeSeq(trx, { district: input.district })
  if (existing) {
    await trx.updateTable('meetups').set({ ...toRow(input), revision: existing.revision + 1, seq }).where('id', '=', input.id).execute()
  } else {
    await trx.insertInto('meetups').values({ ...toRow(input), revision: 0, seq }).execute()
  }
  await materialiseOccurrences(trx, input.id, now, { touchAll: existing !== undefined })
}

/** A meetup moved to another district: phones of the old one drop it and its dates. */
async function leaveDistrict(trx: Transaction<Database>, meetupId: string, district: string): Promise<void> {
  const dates = await trx.selectFrom('meetup_occurrences').select('id').where('meetup_id', '=', meetupId).execute()
  for (const { id } of dates) await recordDeletion(trx, 'meetupOccurrences', id, { district })
  await recordDeletion(trx, 'meetups', meetupId, { district })
}

/**
 * Brings the stored dates of one meetup in line with its rule and exceptions, from yesterday up to
 * the horizon. Dates no longer in the rule are kept as cancelled (a registration may point at them).
 * Returns how many rows changed.
 */
export async function materialiseOccurrences(
  trx: Transaction<Database>,
  meetupId: string,
  now: Date,
  { touchAll = false } = {},
): Promise<number> {
  const series = await trx.selectFrom('meetups').selectAll().where('id', '=', meetupId).executeTakeFirstOrThrow()
  const from = new Date(now.getTime() - 86400000)
  // A cancelled meetup gets no new dates: the ones known when it was cancelled stay, cancelled.
  const horizonFrom = series.cancelled_at && series.cancelled_at < now ? series.cancelled_at : now
  const horizon = new Date(horizonFrom.getTime() + HORIZON_DAYS * 86400000)
  const planned = planOccurrences(toSeriesDto(series), { from, horizon })
  const stored = await trx
    .selectFrom('meetup_occurrences')
    .selectAll()
    .where('meetup_id', '=', meetupId)
    .where((eb) => eb.or([eb('ends_at', '>=', from), eb('id', 'in', planned.length ? planned.map((p) => p.id) : [''])]))
    .execute()
  const byId = new Map(stored.map((o) => [o.id, o]))
  // One change number for every row of this regeneration: they commit together anyway.
  let changeSeq: number | undefined
  const nextSeq = async () => (changeSeq ??= await nextChangeSeq(trx, { district: series.district }))
  let changed = 0
  for (const p of planned) {
    const old = byId.get(p.id)
    byId.delete(p.id)
    const same =
      old &&
      old.starts_at.getTime() === new Date(p.startsAt).getTime() &&
      old.ends_at.getTime() === new Date(p.endsAt).getTime() &&
      old.status === p.status
    if (same && !touchAll) continue
    const row = {
      id: p.id,
      meetup_id: meetupId,
      original_start: p.originalStart,
      starts_at: new Date(p.startsAt),
      ends_at: new Date(p.endsAt),
      status: p.status,
    }
    const seq = await nextSeq()
    if (old) await trx.updateTable('meetup_occurrences').set({ ...row, seq }).where('id', '=', p.id).execute()
    else await trx.insertInto('meetup_occurrences').values({ ...row, seq }).execute()
    changed++
  }
  // Left over: dates the rule no longer produces. They stay, cancelled, so nobody comes in vain.
  for (const old of byId.values()) {
    if (old.status === 'cancelled' && !touchAll) continue
    if (old.starts_at < from) continue
    const seq = await nextSeq()
    await trx.updateTable('meetup_occurrences').set({ status: 'cancelled', seq }).where('id', '=', old.id).execute()
    changed++
  }
  return changed
}

/** Extends every meetup's dates to the horizon; run at start and daily. */
export async function refreshAllOccurrences(db: Kysely<Database>, now: Date): Promise<number> {
  const ids = await db.selectFrom('meetups').select('id').execute()
  let changed = 0
  for (const { id } of ids) changed += await db.transaction().execute((trx) => materialiseOccurrences(trx, id, now))
  return changed
}

export function toSeriesDto(row: Selectable<MeetupsTable>): Meetup {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title as Meetup['title'],
    description: row.description as Meetup['description'],
    district: row.district,
    placeName: row.place_name,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    accessibility: row.accessibility as Meetup['accessibility'],
    organiser: row.organiser,
    languages: row.languages,
    audience: row.audience,
    cost: row.cost as Meetup['cost'],
    registrationRequired: row.registration_required,
    capacity: row.capacity,
    startsLocal: row.starts_local,
    durationMinutes: row.duration_minutes,
    rrule: row.rrule,
    exceptions: row.exceptions,
    revision: row.revision,
    isSample: row.is_sample,
    ...(row.cancelled_at ? { cancelledAt: row.cancelled_at.toISOString() } : {}),
  }
}

type OccurrenceRow = Pick<Selectable<MeetupOccurrencesTable>, 'id' | 'meetup_id' | 'original_start' | 'starts_at' | 'ends_at' | 'status' | 'capacity'>

/** A date as the API and the sync send it; district and kind come from its series. */
export function toOccurrenceDto(row: OccurrenceRow, series: Pick<Meetup, 'district' | 'kind'>): MeetupOccurrence {
  return {
    id: row.id,
    meetupId: row.meetup_id,
    originalStart: row.original_start,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    status: row.status,
    capacity: row.capacity,
    district: series.district,
    kind: series.kind,
  }
}

/**
 * Removes a meetup with all its dates, leaving tombstones so phones drop them too. Dates that
 * registrations point at cannot go: cancel the series instead (the database refuses).
 */
export async function deleteSeries(trx: Transaction<Database>, meetupId: string): Promise<void> {
  const dates = await trx.deleteFrom('meetup_occurrences').where('meetup_id', '=', meetupId).returning('id').execute()
  const gone = await trx.deleteFrom('meetups').where('id', '=', meetupId).returning('district').executeTakeFirst()
  const partition = { district: gone?.district ?? null }
  for (const { id } of dates) await recordDeletion(trx, 'meetupOccurrences', id, partition)
  await recordDeletion(trx, 'meetups', meetupId, partition)
}
