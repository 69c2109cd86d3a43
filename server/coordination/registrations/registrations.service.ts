import { createHash } from 'node:crypto'
import { type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, RegistrationsTable } from '../../db/schema.ts'
import {
  PAST_DAYS,
  type Attendance,
  type RegistrationDateDto,
  type RegistrationListDto,
  type RegistrationRowDto,
  type RegistrationStatus,
} from '../../../src/shared/coordination/registrations.schema.ts'
import { cancelRegistration, cancelRegistrations, decideGuest, LIVE_STATUSES, lockCounter } from '../../volunteering/registrations.repository.ts'
import { Problem } from '../../errors/problem.ts'
import { writeAudit } from '../audit/audit.ts'
import { assertDistrict } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'

type Db = Kysely<Database> | Transaction<Database>

const DAY_MS = 24 * 60 * 60 * 1000
const MAX_DATES = 1000
const STATUS_ORDER: Record<RegistrationStatus, number> = { confirmed: 0, waitlisted: 1, requested: 2, date_cancelled: 3, cancelled: 4, declined: 5 }

export const dateNotFound = () => new Problem(404, 'not_found', 'No such event date.')
export const registrationNotFound = () => new Problem(404, 'not_found', 'No such registration.')

function baseDates(db: Db) {
  const counts = db
    .selectFrom('registrations')
    .select((eb) => [
      'occurrence_id',
      eb.fn.count<string>('id').filterWhere('status', '=', 'confirmed').as('confirmed'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'waitlisted').as('waitlisted'),
      eb.fn.count<string>('id').filterWhere('status', 'in', ['cancelled', 'date_cancelled']).as('cancelled'),
      eb.fn.count<string>('id').filterWhere('status', '=', 'requested').as('requested'),
    ])
    .groupBy('occurrence_id')
    .as('c')
  return db
    .selectFrom('meetup_occurrences as o')
    .innerJoin('meetups as m', 'm.id', 'o.meetup_id')
    .leftJoin(counts, 'c.occurrence_id', 'o.id')
    .select([
      'o.id',
      'o.meetup_id',
      'o.starts_at',
      'o.ends_at',
      'o.status',
      'm.title',
      'm.kind',
      'm.district',
      'm.place_name',
      'm.registration_required',
      (eb) => eb.fn.coalesce('o.capacity', 'm.capacity').as('capacity'),
      'c.occurrence_id as counted',
      'c.confirmed',
      'c.waitlisted',
      'c.cancelled',
      'c.requested',
    ])
}

type DateRow = Awaited<ReturnType<ReturnType<typeof baseDates>['executeTakeFirstOrThrow']>>

function toDateDto(row: DateRow): RegistrationDateDto {
  return {
    occurrenceId: row.id,
    meetupId: row.meetup_id,
    title: row.title,
    kind: row.kind,
    district: row.district,
    placeName: row.place_name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    status: row.status,
    registrationRequired: row.registration_required,
    capacity: row.capacity,
    counts: {
      confirmed: Number(row.confirmed ?? 0),
      waitlisted: Number(row.waitlisted ?? 0),
      cancelled: Number(row.cancelled ?? 0),
      requested: Number(row.requested ?? 0),
    },
  }
}

/**
 * Dates that take registrations, from PAST_DAYS ago on, in the given districts, earliest first. A date
 * whose event no longer asks for registration stays listed while it has registrations.
 */
export async function listRegistrationDates(db: Db, scope: string[] | 'all', now: Date): Promise<RegistrationDateDto[]> {
  if (scope !== 'all' && scope.length === 0) return []
  let query = baseDates(db)
    .where('o.starts_at', '>=', new Date(now.getTime() - PAST_DAYS * DAY_MS))
    .where((eb) => eb.or([eb('m.registration_required', '=', true), eb('c.occurrence_id', 'is not', null)]))
    .orderBy('o.starts_at')
    .orderBy('o.id')
    .limit(MAX_DATES)
  if (scope !== 'all') query = query.where('m.district', 'in', scope)
  return (await query.execute()).map(toDateDto)
}

/** One date with its counts, or undefined when the id is unknown. */
export async function findRegistrationDate(db: Db, occurrenceId: string): Promise<RegistrationDateDto | undefined> {
  const row = await baseDates(db).where('o.id', '=', occurrenceId).executeTakeFirst()
  return row ? toDateDto(row) : undefined
}

/**
 * A client as the workspace sees it: a fingerprint of its address hash that holds for one date only,
 * so lists of different dates cannot be joined into one person's trail.
 */
export const clientFingerprint = (clientHash: string, occurrenceId: string): string =>
  createHash('sha256').update(`${occurrenceId}:${clientHash}`).digest('hex').slice(0, 12)

const attendanceOf = (attended: boolean | null): Attendance => (attended === null ? 'unknown' : attended ? 'yes' : 'no')

/** The registrations of a date in list order, with places on the waiting list. */
export function toRows(rows: readonly Selectable<RegistrationsTable>[]): RegistrationRowDto[] {
  const sorted = [...rows].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.created_at.getTime() - b.created_at.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
  let waiting = 0
  return sorted.map((r) => {
    const erased = r.erased_at !== null
    return {
      id: r.id,
      status: r.status,
      waitlistPosition: r.status === 'waitlisted' ? ++waiting : null,
      erased,
      name: erased ? null : r.name,
      organisation: erased ? null : r.organisation,
      email: erased ? null : r.email,
      workingGroup: r.working_group,
      attendingAs: r.attending_as,
      contribution: erased ? null : r.contribution,
      client: erased || !r.client_hash ? null : clientFingerprint(r.client_hash, r.occurrence_id),
      registeredAt: r.created_at.toISOString(),
      cancelledAt: r.cancelled_at ? r.cancelled_at.toISOString() : null,
      attendance: attendanceOf(r.attended),
    }
  })
}

/** A date and its registrations, after checking the coordinator works for the date's district (404 before 403). */
export async function readRegistrationList(db: Db, coordinator: Coordinator, occurrenceId: string): Promise<RegistrationListDto> {
  const date = await findRegistrationDate(db, occurrenceId)
  if (!date) throw dateNotFound()
  assertDistrict(coordinator, date.district)
  const rows = await db.selectFrom('registrations').selectAll().where('occurrence_id', '=', occurrenceId).execute()
  return { date, registrations: toRows(rows) }
}

/** The registration and the district of its event; 404 when unknown, 403 when of another district. */
async function registrationInScope(db: Db, coordinator: Coordinator, id: string): Promise<{ occurrenceId: string; district: string }> {
  const found = await db
    .selectFrom('registrations as r')
    .innerJoin('meetup_occurrences as o', 'o.id', 'r.occurrence_id')
    .innerJoin('meetups as m', 'm.id', 'o.meetup_id')
    .select(['r.occurrence_id', 'm.district'])
    .where('r.id', '=', id)
    .executeTakeFirst()
  if (!found) throw registrationNotFound()
  assertDistrict(coordinator, found.district)
  return { occurrenceId: found.occurrence_id, district: found.district }
}

/** Marks whether someone came (yes / no / unknown again); not for cancelled registrations. Audited. */
export async function setAttendance(db: Kysely<Database>, coordinator: Coordinator, id: string, attendance: Attendance): Promise<Attendance> {
  const { occurrenceId, district } = await registrationInScope(db, coordinator, id)
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('registrations').select(['status', 'attended']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
    if (row.status === 'cancelled' || row.status === 'date_cancelled') {
      throw new Problem(409, 'conflict', 'This registration or its date is cancelled; attendance cannot be marked.')
    }
    const previous = attendanceOf(row.attended)
    if (previous === attendance) return attendance
    await trx
      .updateTable('registrations')
      .set({ attended: attendance === 'unknown' ? null : attendance === 'yes' })
      .where('id', '=', id)
      .execute()
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'registration.attendance',
      entity: 'registration',
      entityId: id,
      district,
      details: { occurrenceId, attendance, previous },
    })
    return attendance
  })
}

/**
 * Cancels on the person's behalf with the participants' own logic (erases the personal data; the
 * longest-waiting person takes a freed place, under the date's lock). Repeating it changes nothing.
 */
export async function cancelOnBehalf(db: Kysely<Database>, coordinator: Coordinator, id: string, now: Date): Promise<RegistrationListDto> {
  const { occurrenceId, district } = await registrationInScope(db, coordinator, id)
  await db.transaction().execute(async (trx) => {
    // The date's lock first (as cancelRegistration takes it), so nobody registers or moves up in between.
    await lockCounter(trx, occurrenceId)
    const before = await trx.selectFrom('registrations').select('status').where('id', '=', id).executeTakeFirstOrThrow()
    if (before.status === 'cancelled') return
    const waitingBefore = await waitingIds(trx, occurrenceId)
    await cancelRegistration(trx, id, now)
    const waitingAfter = new Set(await waitingIds(trx, occurrenceId))
    const promoted = waitingBefore.filter((w) => w !== id && !waitingAfter.has(w))
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'registration.cancel',
      entity: 'registration',
      entityId: id,
      district,
      details: { occurrenceId, previousStatus: before.status, promoted },
    })
  })
  return readRegistrationList(db, coordinator, occurrenceId)
}

async function waitingIds(trx: Transaction<Database>, occurrenceId: string): Promise<string[]> {
  const rows = await trx.selectFrom('registrations').select('id').where('occurrence_id', '=', occurrenceId).where('status', '=', 'waitlisted').execute()
  return rows.map((r) => r.id)
}

/**
 * Removes every live entry one client made for a date (bulk entries: one client taking many places),
 * erasing their data; the freed places go to the waiting list in its order (`fillFreePlaces`). Audited
 * with the ids removed and moved up. The fingerprint is the one the date's list shows.
 */
export async function cancelClientEntries(db: Kysely<Database>, coordinator: Coordinator, occurrenceId: string, client: string, now: Date): Promise<RegistrationListDto> {
  const date = await findRegistrationDate(db, occurrenceId)
  if (!date) throw dateNotFound()
  assertDistrict(coordinator, date.district)
  await db.transaction().execute(async (trx) => {
    await lockCounter(trx, occurrenceId)
    const live = await trx
      .selectFrom('registrations')
      .select(['id', 'client_hash'])
      .where('occurrence_id', '=', occurrenceId)
      .where('status', 'in', LIVE_STATUSES)
      .where('client_hash', 'is not', null)
      .execute()
    const ids = live.filter((r) => clientFingerprint(r.client_hash!, occurrenceId) === client).map((r) => r.id)
    if (ids.length === 0) throw new Problem(404, 'not_found', 'No live entries of this client for this date.')
    const promoted = await cancelRegistrations(trx, occurrenceId, ids, now)
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'registration.bulk-cancel',
      entity: 'date',
      entityId: occurrenceId,
      district: date.district,
      details: { occurrenceId, client, cancelled: ids, promoted },
    })
  })
  return readRegistrationList(db, coordinator, occurrenceId)
}

/**
 * Approves or declines a guest's request (seed 004 § 1 (5): after the coordinator agreed it with the
 * group's speakers). Approved, the guest takes a place (or the waiting list when full); declined, the
 * request's data is erased. 409 when it is no longer a request. Audited.
 */
export async function decideGuestRequest(db: Kysely<Database>, coordinator: Coordinator, id: string, approve: boolean, now: Date): Promise<RegistrationListDto> {
  const { occurrenceId, district } = await registrationInScope(db, coordinator, id)
  await db.transaction().execute(async (trx) => {
    const status = await decideGuest(trx, id, approve, now)
    if (!status) throw new Problem(409, 'conflict', 'This registration is not waiting for approval (any more).')
    await writeAudit(trx, {
      actor: coordinator.email,
      action: approve ? 'registration.guest-approve' : 'registration.guest-decline',
      entity: 'registration',
      entityId: id,
      district,
      details: { occurrenceId, status },
    })
  })
  return readRegistrationList(db, coordinator, occurrenceId)
}
