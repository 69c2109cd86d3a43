import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { MeetingAttendanceDto, MeetingDto } from '../../../src/shared/coordination/partner.schema.ts'
import { berlinDay } from '../../../src/shared/berlin-time.ts'
import { Problem } from '../../errors/problem.ts'
import { writeAudit } from '../audit/audit.ts'
import { assertDistrict } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'

/** Network meetings (working groups, cross-group meetings) are meetups of this kind. */
export const MEETING_KIND = 'network-meeting'
/** How far back the attendance list offers meetings: a year and a little, the span the flags look at. */
const MEETINGS_BACK_DAYS = 400

type Db = Kysely<Database> | Transaction<Database>

function meetings(db: Db) {
  return db
    .selectFrom('meetup_occurrences as o')
    .innerJoin('meetups as m', 'm.id', 'o.meetup_id')
    .select((eb) => [
      'o.id as occurrence_id',
      'o.meetup_id',
      'm.title',
      'm.district',
      'o.starts_at',
      'o.status',
      eb.selectFrom('partner_attendance as a').select(sql<string>`count(*)`.as('n')).whereRef('a.occurrence_id', '=', 'o.id').as('attendees'),
    ])
    .where('m.kind', '=', MEETING_KIND)
}

type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetings>['executeTakeFirstOrThrow']>>

function toMeeting(row: MeetingRow): MeetingDto {
  return {
    occurrenceId: row.occurrence_id,
    meetupId: row.meetup_id,
    title: row.title,
    district: row.district,
    startsAt: row.starts_at.toISOString(),
    attendees: Number(row.attendees ?? 0),
  }
}

/** Meetings of the last year (and a little) that have begun, newest first. */
export async function listMeetings(db: Kysely<Database>, scope: string[] | 'all', now: Date): Promise<MeetingDto[]> {
  if (scope !== 'all' && scope.length === 0) return []
  let query = meetings(db)
    .where('o.status', '=', 'scheduled')
    .where('o.starts_at', '<=', now)
    .where('o.starts_at', '>=', new Date(now.getTime() - MEETINGS_BACK_DAYS * 86400_000))
  if (scope !== 'all') query = query.where('m.district', 'in', scope)
  return (await query.orderBy('o.starts_at', 'desc').limit(300).execute()).map(toMeeting)
}

async function meetingFor(db: Db, coordinator: Coordinator, occurrenceId: string): Promise<MeetingRow> {
  const row = await meetings(db).where('o.id', '=', occurrenceId).executeTakeFirst()
  if (!row) throw new Problem(404, 'not_found', 'No network meeting with this id.')
  assertDistrict(coordinator, row.district)
  return row
}

async function attendanceOf(db: Db, meeting: MeetingRow): Promise<MeetingAttendanceDto> {
  const partners = await db
    .selectFrom('partners as p')
    .leftJoin('partner_attendance as a', (join) => join.onRef('a.partner_id', '=', 'p.id').on('a.occurrence_id', '=', meeting.occurrence_id))
    .select(['p.id', 'p.organisation', 'a.occurrence_id'])
    .where('p.district', '=', meeting.district)
    .orderBy(sql`lower(p.organisation)`)
    .orderBy('p.id')
    .execute()
  return { meeting: toMeeting(meeting), partners: partners.map((p) => ({ id: p.id, organisation: p.organisation, attended: p.occurrence_id !== null })) }
}

/** The partners of the meeting's district, each with whether it attended. */
export async function meetingAttendance(db: Kysely<Database>, coordinator: Coordinator, occurrenceId: string): Promise<MeetingAttendanceDto> {
  return attendanceOf(db, await meetingFor(db, coordinator, occurrenceId))
}

/** Records which of the district's partners attended a meeting (replacing the earlier record of it). */
export async function setMeetingAttendance(
  db: Kysely<Database>,
  coordinator: Coordinator,
  occurrenceId: string,
  partnerIds: readonly string[],
  now: Date,
): Promise<MeetingAttendanceDto> {
  return db.transaction().execute(async (trx) => {
    const meeting = await meetingFor(trx, coordinator, occurrenceId)
    if (meeting.status !== 'scheduled') throw new Problem(409, 'meeting_cancelled', 'This meeting was cancelled.')
    if (meeting.starts_at > now) throw new Problem(409, 'meeting_not_held', 'This meeting has not taken place yet.')
    if (partnerIds.length > 0) {
      const known = await trx.selectFrom('partners').select('id').where('id', 'in', partnerIds).where('district', '=', meeting.district).execute()
      if (known.length !== partnerIds.length) {
        throw new Problem(400, 'validation', 'Every partner must belong to the meeting\'s district.', { partnerIds: 'errors.invalid' })
      }
    }
    const removed = await trx
      .deleteFrom('partner_attendance')
      .where('occurrence_id', '=', occurrenceId)
      .$if(partnerIds.length > 0, (q) => q.where('partner_id', 'not in', partnerIds))
      .returning('partner_id')
      .execute()
    const added =
      partnerIds.length === 0
        ? []
        : await trx
            .insertInto('partner_attendance')
            .values(partnerIds.map((id) => ({ partner_id: id, occurrence_id: occurrenceId, attended_on: berlinDay(meeting.starts_at) })))
            .onConflict((oc) => oc.columns(['partner_id', 'occurrence_id']).doNothing())
            .returning('partner_id')
            .execute()
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'partner.attendance',
      entity: 'meetup-occurrence',
      entityId: occurrenceId,
      district: meeting.district,
      details: { attended: partnerIds.length, added: added.map((a) => a.partner_id), removed: removed.map((r) => r.partner_id) },
    })
    return attendanceOf(trx, await meetingFor(trx, coordinator, occurrenceId))
  })
}
