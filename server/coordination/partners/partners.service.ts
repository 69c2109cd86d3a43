import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, PartnerListingConsent, PartnersTable } from '../../db/schema.ts'
import { fromBerlinWallTime } from '../../../src/shared/berlin-time.ts'
import { isFlaggedForRemoval } from './partner-flags.ts'
import { berlinDay } from '../../../src/shared/berlin-time.ts'
import {
  CURRENT_PARTNER_CONSENT_VERSION,
  type PartnerDetailDto,
  type PartnerDto,
  type PartnerInput,
} from '../../../src/shared/coordination/partner.schema.ts'
import { removePartnerContact, syncPartnerContact } from '../../contacts/partner-contacts.ts'
import { Problem } from '../../errors/problem.ts'
import { writeAudit } from '../audit/audit.ts'
import { assertDistrict } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'

export type PartnerRow = Selectable<PartnersTable>
type Db = Kysely<Database> | Transaction<Database>

export const partnerNotFound = () => new Problem(404, 'not_found', 'No such partner.')

/** Partners with the Berlin day of their last attended meeting. */
function partnersWithAttendance(db: Db) {
  const last = db
    .selectFrom('partner_attendance')
    .select(['partner_id', (eb) => eb.fn.max('attended_on').as('last_attended_on')])
    .groupBy('partner_id')
    .as('a')
  return db.selectFrom('partners as p').leftJoin(last, 'a.partner_id', 'p.id').selectAll('p').select('a.last_attended_on')
}

export function toPartnerDto(row: PartnerRow & { last_attended_on: string | null }, today: string): PartnerDto {
  const memberSince = berlinDay(row.created_at)
  return {
    id: row.id,
    organisation: row.organisation,
    address: row.address,
    district: row.district,
    contactFunction: row.contact_function,
    phone: row.phone,
    email: row.email,
    workingGroups: row.working_groups,
    publicListing: row.public_listing,
    listingConsent: row.listing_consent,
    memberSince,
    updatedAt: row.updated_at.toISOString(),
    lastAttendedOn: row.last_attended_on,
    flagged: isFlaggedForRemoval({ memberSince, lastAttendedOn: row.last_attended_on }, today),
  }
}

export interface PartnerFilter {
  scope: string[] | 'all'
  workingGroup?: string
  flagged?: boolean
}

export async function listPartners(db: Db, filter: PartnerFilter, now: Date): Promise<PartnerDto[]> {
  if (filter.scope !== 'all' && filter.scope.length === 0) return []
  let query = partnersWithAttendance(db).orderBy(sql`lower(p.organisation)`).orderBy('p.id')
  if (filter.scope !== 'all') query = query.where('p.district', 'in', filter.scope)
  if (filter.workingGroup) query = query.where(sql<boolean>`${filter.workingGroup} = any(p.working_groups)`)
  const today = berlinDay(now)
  const partners = (await query.execute()).map((row) => toPartnerDto(row, today))
  return filter.flagged === undefined ? partners : partners.filter((p) => p.flagged === filter.flagged)
}

export async function findPartner(db: Db, id: string): Promise<(PartnerRow & { last_attended_on: string | null }) | undefined> {
  return partnersWithAttendance(db).where('p.id', '=', id).executeTakeFirst()
}

export async function partnerDetail(db: Db, row: PartnerRow & { last_attended_on: string | null }, now: Date): Promise<PartnerDetailDto> {
  const attendance = await db
    .selectFrom('partner_attendance as a')
    .leftJoin('meetup_occurrences as o', 'o.id', 'a.occurrence_id')
    .leftJoin('meetups as m', 'm.id', 'o.meetup_id')
    .select(['a.occurrence_id', 'a.attended_on', 'm.title'])
    .where('a.partner_id', '=', row.id)
    .orderBy('a.attended_on', 'desc')
    .execute()
  return {
    ...toPartnerDto(row, berlinDay(now)),
    attendance: attendance.map((a) => ({ occurrenceId: a.occurrence_id, attendedOn: a.attended_on, title: a.title ?? null })),
  }
}

/** Start of a Berlin day as an instant: "partner since" is stored in created_at. */
function startOfBerlinDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return fromBerlinWallTime({ year, month, day: date, hour: 0, minute: 0 })
}

/** The consent to keep: the one given before while still listed, a new one when listing starts, none when not listed. */
function listingConsent(listed: boolean, previous: PartnerListingConsent | null, given: PartnerListingConsent | undefined, now: Date): string | null {
  if (!listed) return null
  const consent: PartnerListingConsent = given ?? previous ?? { textVersion: CURRENT_PARTNER_CONSENT_VERSION, givenAt: now.toISOString(), via: 'coordinator' }
  return JSON.stringify(consent)
}

export interface ChangeContext {
  actor: string
  now: Date
  /** The declaration this change comes from, if any. */
  requestId?: string
  /** Consent given in a declaration (replaces the coordinator's confirmation). */
  consent?: PartnerListingConsent
}

function columns(input: PartnerInput) {
  return {
    organisation: input.organisation,
    address: input.address,
    district: input.district,
    contact_function: input.contactFunction,
    phone: input.phone ?? null,
    email: input.email,
    working_groups: [...input.workingGroups],
    public_listing: input.publicListing,
  }
}

export async function createPartner(trx: Transaction<Database>, input: PartnerInput, context: ChangeContext): Promise<PartnerRow> {
  const id = randomUUID()
  const row = await trx
    .insertInto('partners')
    .values({
      id,
      ...columns(input),
      listing_consent: listingConsent(input.publicListing, null, context.consent, context.now),
      created_at: input.memberSince ? startOfBerlinDay(input.memberSince) : context.now,
      updated_at: context.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await syncPartnerContact(trx, row)
  await writeAudit(trx, {
    actor: context.actor,
    action: 'partner.create',
    entity: 'partner',
    entityId: id,
    district: input.district,
    details: { organisation: input.organisation, workingGroups: input.workingGroups, publicListing: input.publicListing, ...(context.requestId ? { request: context.requestId } : {}) },
  })
  return row
}

const AUDITED_FIELDS = ['organisation', 'address', 'district', 'contact_function', 'phone', 'email', 'working_groups', 'public_listing', 'created_at'] as const

export async function updatePartner(trx: Transaction<Database>, before: PartnerRow, input: PartnerInput, context: ChangeContext): Promise<PartnerRow> {
  const row = await trx
    .updateTable('partners')
    .set({
      ...columns(input),
      listing_consent: listingConsent(input.publicListing, before.listing_consent, context.consent, context.now),
      // "Partner since" moves only when the day changes; the time of day stays otherwise.
      ...(input.memberSince && input.memberSince !== berlinDay(before.created_at) ? { created_at: startOfBerlinDay(input.memberSince) } : {}),
      updated_at: context.now,
    })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow()
  await syncPartnerContact(trx, row)
  // Which fields changed, never their values: they may be a person's contact details.
  const changed = AUDITED_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(row[f]))
  await writeAudit(trx, {
    actor: context.actor,
    action: 'partner.update',
    entity: 'partner',
    entityId: row.id,
    district: row.district,
    details: {
      organisation: row.organisation,
      changed,
      publicListing: row.public_listing,
      ...(before.district !== row.district ? { from: before.district } : {}),
      ...(context.requestId ? { request: context.requestId } : {}),
    },
  })
  return row
}

export async function deletePartner(trx: Transaction<Database>, partner: PartnerRow, context: ChangeContext & { flagged?: boolean }): Promise<void> {
  await trx.deleteFrom('partners').where('id', '=', partner.id).execute()
  await removePartnerContact(trx, partner.id)
  await writeAudit(trx, {
    actor: context.actor,
    action: 'partner.delete',
    entity: 'partner',
    entityId: partner.id,
    district: partner.district,
    details: {
      organisation: partner.organisation,
      ...(context.flagged ? { reason: 'no-attendance-12-months' } : {}),
      ...(context.requestId ? { request: context.requestId } : {}),
    },
  })
}

/** A coordinator adds a partner to one of their districts. */
export async function addPartner(db: Kysely<Database>, coordinator: Coordinator, input: PartnerInput, now: Date): Promise<PartnerRow> {
  assertDistrict(coordinator, input.district)
  return db.transaction().execute((trx) => createPartner(trx, input, { actor: coordinator.email, now }))
}

/** Changes a partner under a row lock; the coordinator must work for its district before and after. */
export async function changePartner(db: Kysely<Database>, coordinator: Coordinator, id: string, input: PartnerInput, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('partners').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!before) throw partnerNotFound()
    assertDistrict(coordinator, before.district)
    assertDistrict(coordinator, input.district)
    await updatePartner(trx, before, input, { actor: coordinator.email, now })
  })
}

/** Removes a partner (and its contacts row); the audit says when it went for a year without attendance. */
export async function removePartner(db: Kysely<Database>, coordinator: Coordinator, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const partner = await findPartner(trx, id)
    if (!partner) throw partnerNotFound()
    assertDistrict(coordinator, partner.district)
    await deletePartner(trx, partner, { actor: coordinator.email, now, flagged: toPartnerDto(partner, berlinDay(now)).flagged })
  })
}
