import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, MatchAnswer, TandemMatchesTable, TandemsTable } from '../../db/schema.ts'
import type { Match, MatchView } from '../../../src/shared/coordination/tandem-match.schema.ts'
import { OPEN_MATCH_STATUSES } from '../../../src/shared/coordination/tandem-match.schema.ts'
import { Problem } from '../../errors/problem.ts'
import { writeAudit } from '../audit/audit.ts'
import { canAccessDistrict, forbidden } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { detailsOf, sharesContact } from './tandem-entries.ts'
import { queueTandemMails } from '../../mail/tandem-mail.ts'

/**
 * The state machine of a tandem match. proposed → active when both sides accepted → ended by a
 * coordinator (or when a side withdraws their entry); a decline by either side → declined; a
 * coordinator's withdrawal of a proposal → withdrawn. Only proposed and active matches hold their
 * entries; the partial unique indexes on tandem_matches make "one open match per entry" atomic.
 */

type Side = 'offer' | 'request'
type Row = Selectable<TandemMatchesTable>
type TandemRow = Selectable<TandemsTable>

export const matchNotFound = () => new Problem(404, 'not_found', 'No such tandem match.')
const alreadyMatched = () => new Problem(409, 'already_matched', 'One of the two entries is already in a proposed or active match.')

/** A unique violation: the partial index said "this entry already has an open match". */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
}

/** Matches with both entries, for the coordinator's list. */
function matchQuery(db: Kysely<Database>) {
  return db
    .selectFrom('tandem_matches as m')
    .innerJoin('tandems as o', 'o.id', 'm.offer_id')
    .innerJoin('tandems as r', 'r.id', 'm.request_id')
    .selectAll('m')
    .select(['o.kind as offer_kind', 'o.district as offer_district', 'o.status as offer_status', 'o.details as offer_details', 'o.consents as offer_consents'])
    .select(['r.kind as request_kind', 'r.district as request_district', 'r.status as request_status', 'r.details as request_details', 'r.consents as request_consents'])
}

type MatchRow = Awaited<ReturnType<ReturnType<typeof matchQuery>['executeTakeFirstOrThrow']>>

function sideOf(row: MatchRow, side: Side): Match['offer'] {
  const entry = {
    id: side === 'offer' ? row.offer_id : row.request_id,
    kind: side === 'offer' ? row.offer_kind : row.request_kind,
    district: side === 'offer' ? row.offer_district : row.request_district,
    status: side === 'offer' ? row.offer_status : row.request_status,
    details: side === 'offer' ? row.offer_details : row.request_details,
    consents: side === 'offer' ? row.offer_consents : row.request_consents,
  }
  return {
    id: entry.id,
    kind: entry.kind as Match['offer']['kind'],
    district: entry.district as Match['offer']['district'],
    status: entry.status,
    name: detailsOf(entry).name ?? null,
    // As given when proposed: an entry withdrawn since has no consents left, but it had agreed then.
    shareConsent: (side === 'offer' ? row.offer_share_consent : row.request_share_consent) ?? sharesContact(entry),
    answer: side === 'offer' ? row.offer_answer : row.request_answer,
  }
}

function toMatch(row: MatchRow): Match {
  return {
    id: row.id,
    status: row.status,
    district: row.district as Match['district'],
    offer: sideOf(row, 'offer'),
    request: sideOf(row, 'request'),
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at.toISOString(),
    changedAt: row.changed_at.toISOString(),
  }
}

/** A match is the business of the coordinators of either side's district (and of admins). */
function mayHandle(coordinator: Coordinator, row: MatchRow): boolean {
  return canAccessDistrict(coordinator, row.offer_district) || canAccessDistrict(coordinator, row.request_district)
}

export interface MatchFilter {
  scope: string[] | 'all'
  status?: Row['status'] | 'open'
}

/** Matches touching the districts in scope, newest first. */
export async function listMatches(db: Kysely<Database>, filter: MatchFilter): Promise<Match[]> {
  if (filter.scope !== 'all' && filter.scope.length === 0) return []
  let query = matchQuery(db).orderBy('m.proposed_at', 'desc').orderBy('m.id').limit(500)
  const scope = filter.scope
  if (scope !== 'all') query = query.where((eb) => eb.or([eb('o.district', 'in', scope), eb('r.district', 'in', scope)]))
  if (filter.status === 'open') query = query.where('m.status', 'in', OPEN_MATCH_STATUSES)
  else if (filter.status) query = query.where('m.status', '=', filter.status)
  return (await query.execute()).map(toMatch)
}

/** One match for a coordinator: 404 when unknown, 403 when neither side is in their districts. */
export async function findMatchFor(db: Kysely<Database>, coordinator: Coordinator, id: string): Promise<Match> {
  const row = await matchQuery(db).where('m.id', '=', id).executeTakeFirst()
  if (!row) throw matchNotFound()
  if (!mayHandle(coordinator, row)) throw forbidden()
  return toMatch(row)
}

const entryNotFound = (field: string) => new Problem(404, 'not_found', 'No such tandem entry.', { [field]: 'errors.invalid' })

/**
 * Pairs an offer with a request. Both must exist (404), be an offer and a request (400), lie in the
 * coordinator's districts (403), still be open (409 not_open) and in no proposed or active match
 * (409 already_matched — decided by the unique index, so two proposals at once cannot both win).
 */
export async function proposeMatch(db: Kysely<Database>, coordinator: Coordinator, input: { offerId: string; requestId: string }, now: Date): Promise<Match> {
  const id = randomUUID()
  try {
    await db.transaction().execute(async (trx) => {
      // Both rows locked in id order (no deadlock), so a cancellation cannot slip in between check and insert.
      const rows = await trx
        .selectFrom('tandems')
        .selectAll()
        .where('id', 'in', [input.offerId, input.requestId])
        .orderBy('id')
        .forUpdate()
        .execute()
      const offer = rows.find((r) => r.id === input.offerId)
      const request = rows.find((r) => r.id === input.requestId)
      if (!offer) throw entryNotFound('offerId')
      if (!request) throw entryNotFound('requestId')
      if (offer.role !== 'offer') throw new Problem(400, 'validation', 'offerId is not a tandem offer.', { offerId: 'errors.invalid' })
      if (request.role !== 'request') throw new Problem(400, 'validation', 'requestId is not a tandem request.', { requestId: 'errors.invalid' })
      if (!canAccessDistrict(coordinator, offer.district) || !canAccessDistrict(coordinator, request.district)) throw forbidden()
      if (offer.status !== 'received' || request.status !== 'received') {
        throw new Problem(409, 'not_open', 'One of the two entries was withdrawn or erased.')
      }
      const open = await trx
        .selectFrom('tandem_matches')
        .select('id')
        .where('status', 'in', OPEN_MATCH_STATUSES)
        .where((eb) => eb.or([eb('offer_id', '=', offer.id), eb('request_id', '=', request.id)]))
        .executeTakeFirst()
      if (open) throw alreadyMatched()
      await trx
        .insertInto('tandem_matches')
        .values({
          id,
          offer_id: offer.id,
          request_id: request.id,
          district: request.district,
          status: 'proposed',
          offer_answer: null,
          request_answer: null,
          proposed_by: coordinator.email,
          proposed_at: now,
          changed_at: now,
          offer_share_consent: sharesContact(offer),
          request_share_consent: sharesContact(request),
        })
        .execute()
      await queueTandemMails(trx, [offer.id, request.id], 'tandem-match-proposed', now)
      await writeAudit(trx, {
        actor: coordinator.email,
        action: 'match.propose',
        entity: 'match',
        entityId: id,
        district: request.district,
        details: { offerId: offer.id, requestId: request.id, kind: request.kind, offerDistrict: offer.district },
      })
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyMatched()
    throw error
  }
  return findMatchFor(db, coordinator, id)
}

/** Ends an active match (`end`) or withdraws a proposal (`withdraw`); 409 from any other state. */
export async function closeMatch(db: Kysely<Database>, coordinator: Coordinator, id: string, verb: 'end' | 'withdraw', now: Date): Promise<Match> {
  const from = verb === 'end' ? 'active' : 'proposed'
  await db.transaction().execute(async (trx) => {
    const row = await matchQuery(trx).where('m.id', '=', id).forUpdate('m').executeTakeFirst()
    if (!row) throw matchNotFound()
    if (!mayHandle(coordinator, row)) throw forbidden()
    if (row.status !== from) {
      throw new Problem(409, verb === 'end' ? 'not_active' : 'not_proposed', `Only a ${from} match can be ${verb === 'end' ? 'ended' : 'withdrawn'}; this one is ${row.status}.`)
    }
    await trx
      .updateTable('tandem_matches')
      .set({ status: verb === 'end' ? 'ended' : 'withdrawn', changed_at: now })
      .where('id', '=', id)
      .execute()
    await writeAudit(trx, { actor: coordinator.email, action: `match.${verb}`, entity: 'match', entityId: id, district: row.district, details: { from } })
  })
  return findMatchFor(db, coordinator, id)
}

const noProposal = () => new Problem(409, 'no_proposal', 'There is no proposed tandem match for this entry (any more).')

/**
 * A person's answer through their manage link. Accepting twice is harmless; a decline after one's
 * own accept still declines while the match is only proposed. An accept also renews the entry
 * (it is clearly still wanted). Recorded in the audit log with the actor `participant`.
 */
export async function answerMatch(db: Kysely<Database>, tandem: TandemRow, answer: 'accept' | 'decline', now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const match = await trx
      .selectFrom('tandem_matches')
      .selectAll()
      .where('status', 'in', OPEN_MATCH_STATUSES)
      .where((eb) => eb.or([eb('offer_id', '=', tandem.id), eb('request_id', '=', tandem.id)]))
      .forUpdate()
      .executeTakeFirst()
    if (!match) throw noProposal()
    const side: Side = match.offer_id === tandem.id ? 'offer' : 'request'
    const mine: MatchAnswer = answer === 'accept' ? 'accepted' : 'declined'
    const theirs = side === 'offer' ? match.request_answer : match.offer_answer
    if (match.status === 'active') {
      if (answer === 'accept') return
      throw new Problem(409, 'match_active', 'This tandem is already active; to stop it, withdraw your entry or ask the coordination office.')
    }
    if ((side === 'offer' ? match.offer_answer : match.request_answer) === mine) return
    const status = mine === 'declined' ? 'declined' : theirs === 'accepted' ? 'active' : 'proposed'
    await trx
      .updateTable('tandem_matches')
      .set({ [side === 'offer' ? 'offer_answer' : 'request_answer']: mine, status, changed_at: now })
      .where('id', '=', match.id)
      .execute()
    if (mine === 'accepted') await trx.updateTable('tandems').set({ renewed_at: now }).where('id', '=', tandem.id).where('status', '=', 'received').execute()
    if (status === 'active') await queueTandemMails(trx, [match.offer_id, match.request_id], 'tandem-match-accepted', now)
    await writeAudit(trx, {
      actor: 'participant',
      action: `match.${answer}`,
      entity: 'match',
      entityId: match.id,
      district: match.district,
      details: { side, status },
    })
  })
}

/**
 * When a person withdraws their entry (manage link), an open match cannot go on: a proposal counts
 * as declined by them, an active tandem ends. Same transaction as the withdrawal.
 */
export async function closeMatchesOfWithdrawnEntry(trx: Transaction<Database>, tandemId: string, now: Date): Promise<void> {
  const open = await trx
    .selectFrom('tandem_matches')
    .selectAll()
    .where('status', 'in', OPEN_MATCH_STATUSES)
    .where((eb) => eb.or([eb('offer_id', '=', tandemId), eb('request_id', '=', tandemId)]))
    .forUpdate()
    .execute()
  for (const match of open) {
    const side: Side = match.offer_id === tandemId ? 'offer' : 'request'
    const declined = match.status === 'proposed'
    await trx
      .updateTable('tandem_matches')
      .set({
        status: declined ? 'declined' : 'ended',
        ...(declined ? { [side === 'offer' ? 'offer_answer' : 'request_answer']: 'declined' as const } : {}),
        changed_at: now,
      })
      .where('id', '=', match.id)
      .execute()
    await writeAudit(trx, {
      actor: 'participant',
      action: declined ? 'match.decline' : 'match.end',
      entity: 'match',
      entityId: match.id,
      district: match.district,
      details: { side, reason: 'entry-withdrawn' },
    })
  }
}

function commonTimes(a: readonly string[] = [], b: readonly string[] = []): string[] {
  const other = new Set(b)
  return [...new Set(a.filter((slot) => other.has(slot)))]
}

/**
 * What a person's manage link shows of their match: the open one, else the latest. Null when there
 * is none or the entry itself is withdrawn or erased. Contact only once active and only with the
 * partner's consent to pass it on.
 */
export async function matchViewFor(db: Kysely<Database>, tandem: TandemRow): Promise<MatchView | null> {
  if (tandem.status !== 'received') return null
  const match = await db
    .selectFrom('tandem_matches')
    .selectAll()
    .where((eb) => eb.or([eb('offer_id', '=', tandem.id), eb('request_id', '=', tandem.id)]))
    .orderBy((eb) => eb.case().when('status', 'in', OPEN_MATCH_STATUSES).then(0).else(1).end())
    .orderBy('proposed_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  if (!match) return null
  const side: Side = match.offer_id === tandem.id ? 'offer' : 'request'
  const partner = await db
    .selectFrom('tandems')
    .selectAll()
    .where('id', '=', side === 'offer' ? match.request_id : match.offer_id)
    .executeTakeFirstOrThrow()
  const mine = detailsOf(tandem)
  const theirs = partner.status === 'received' ? detailsOf(partner) : undefined
  const active = match.status === 'active' && theirs !== undefined
  const contact =
    active && sharesContact(partner) && theirs.name
      ? { name: theirs.name, ...(theirs.email ? { email: theirs.email } : {}), ...(theirs.phone ? { phone: theirs.phone } : {}) }
      : null
  return {
    id: match.id,
    status: match.status,
    side,
    myAnswer: side === 'offer' ? match.offer_answer : match.request_answer,
    partnerAnswer: side === 'offer' ? match.request_answer : match.offer_answer,
    proposedAt: match.proposed_at.toISOString(),
    changedAt: match.changed_at.toISOString(),
    partner: theirs
      ? {
          kind: partner.kind as NonNullable<MatchView['partner']>['kind'],
          district: partner.district as NonNullable<MatchView['partner']>['district'],
          languages: theirs.languages ?? [],
          commonTimes: commonTimes(mine.availability, theirs.availability),
        }
      : null,
    contact,
    contactWithheld: active && !sharesContact(partner),
    mySharing: sharesContact(tandem),
  }
}
