import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, PartnerListingConsent, PartnerRequestsTable } from '../../db/schema.ts'
import type { PartnerInput, PartnerRequestInput, PartnerRequestItem, PartnerRequestOutcome } from '../../../src/shared/coordination/partner.schema.ts'
import { hashManageToken, newManageToken } from '../../volunteering/manage-token.ts'
import type { Answer } from '../../idempotency/idempotency.ts'
import { Problem } from '../../errors/problem.ts'
import { writeAudit } from '../audit/audit.ts'
import { assertDistrict } from '../auth/coordinator-auth.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { createPartner, deletePartner, partnerNotFound, updatePartner, type PartnerRow } from './partners.service.ts'
import { acknowledgedRules } from '../../network/network-rules.service.ts'
import { currentRules } from '../../network/network-rules.repository.ts'
import { newMailToken } from '../../mail/registration-mail.ts'
import { partnerRequestDecided, queuePartnerConfirmRequest } from '../../mail/partner-mail.ts'

type RequestRow = Selectable<PartnerRequestsTable>

/**
 * Stores a partner organisation's declaration for the coordinators of its district to decide. E-mail
 * only with its own consent, and only once the address is confirmed (double opt-in).
 */
export async function receivePartnerRequest(trx: Transaction<Database>, input: PartnerRequestInput, now: Date, clientHash?: string): Promise<Answer> {
  const rulesVersion = await acknowledgedRules(trx, input)
  const id = randomUUID()
  const { token, hash } = newManageToken()
  const wantsMail = Boolean(input.consents.mail)
  await trx
    .insertInto('partner_requests')
    .values({
      id,
      kind: input.kind,
      district: input.district,
      details: JSON.stringify(input),
      status: 'open',
      submitted_at: now,
      status_token_hash: hash,
      rules_version: rulesVersion,
      locale: input.locale ?? null,
      ...(wantsMail ? { mail_status: 'pending' as const, mail_token: newMailToken(), mail_manage_token: token } : {}),
    })
    .execute()
  if (wantsMail) await queuePartnerConfirmRequest(trx, id, clientHash, now)
  await writeAudit(trx, { actor: 'partner', action: 'partner-request.receive', entity: 'partner-request', entityId: id, district: input.district, details: { kind: input.kind } })
  return { statusCode: 201, body: { id, status: 'received', statusToken: token } }
}

/** What the declaring device may know of its declaration: open, applied, or rejected with the reason. */
export async function findOutcome(db: Kysely<Database>, token: string): Promise<PartnerRequestOutcome | undefined> {
  const row = await db
    .selectFrom('partner_requests')
    .select(['kind', 'locale', 'status', 'decided_at', 'reject_reason', 'reject_note'])
    .where('status_token_hash', '=', hashManageToken(token))
    .executeTakeFirst()
  if (!row) return undefined
  return {
    kind: row.kind,
    locale: row.locale,
    status: row.status,
    decidedAt: row.decided_at?.toISOString() ?? null,
    reason: row.reject_reason as PartnerRequestOutcome['reason'],
    note: row.reject_note,
  }
}

/** The entry a change or deletion names: for a change its `entry`, for a deletion the organisation and e-mail themselves. */
function namedEntry(details: PartnerRequestInput): { organisation?: string; email?: string } {
  return details.kind === 'change' ? (details.entry ?? {}) : { organisation: details.organisation, email: details.email }
}

interface Candidate {
  id: string
  organisation: string
  email: string
  district: string
}

/** Best match for the named entry: same organisation and e-mail, then either; the request's district first. */
export function suggestPartner(details: PartnerRequestInput, district: string, candidates: readonly Candidate[]): string | null {
  if (details.kind === 'entry') return null
  const named = namedEntry(details)
  const org = named.organisation?.trim().toLocaleLowerCase('de')
  const score = (c: Candidate) =>
    2 * Number(org !== undefined && c.organisation.trim().toLocaleLowerCase('de') === org) +
    2 * Number(named.email !== undefined && c.email === named.email) +
    Number(c.district === district)
  let best: { id: string; score: number } | null = null
  for (const c of candidates) {
    const s = score(c)
    if (s >= 2 && (!best || s > best.score)) best = { id: c.id, score: s }
  }
  return best?.id ?? null
}

function toItem(row: RequestRow, suggestedPartnerId: string | null, rulesCurrent: string | null = null): PartnerRequestItem {
  return {
    rulesVersion: row.rules_version,
    rulesCurrent,
    id: row.id,
    kind: row.kind,
    status: row.status,
    district: row.district,
    submittedAt: row.submitted_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by,
    partnerId: row.partner_id,
    details: row.details,
    suggestedPartnerId,
  }
}

export async function listPartnerRequests(db: Kysely<Database>, scope: string[] | 'all', status: PartnerRequestItem['status']): Promise<PartnerRequestItem[]> {
  if (scope !== 'all' && scope.length === 0) return []
  let query = db.selectFrom('partner_requests').selectAll().where('status', '=', status)
  if (scope !== 'all') query = query.where('district', 'in', scope)
  query = status === 'open' ? query.orderBy('submitted_at', 'asc') : query.orderBy('decided_at', 'desc').limit(200)
  const rows = await query.execute()
  if (status !== 'open') return rows.map((r) => toItem(r, null))
  let candidates = db.selectFrom('partners').select(['id', 'organisation', 'email', 'district'])
  if (scope !== 'all') candidates = candidates.where('district', 'in', scope)
  const partners = await candidates.execute()
  const inForce = new Map<string, string | null>()
  for (const district of new Set(rows.map((r) => r.district))) inForce.set(district, (await currentRules(db, district))?.version ?? null)
  return rows.map((r) => toItem(r, r.details ? suggestPartner(r.details as PartnerRequestInput, r.district, partners) : null, inForce.get(r.district) ?? null))
}

const notFound = () => new Problem(404, 'not_found', 'No such partner request.')

async function openRequest(trx: Transaction<Database>, coordinator: Coordinator, id: string): Promise<RequestRow & { details: PartnerRequestInput }> {
  const row = await trx.selectFrom('partner_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw notFound()
  assertDistrict(coordinator, row.district)
  if (row.status !== 'open' || !row.details) throw new Problem(409, 'conflict', 'This request was already decided.')
  return row as RequestRow & { details: PartnerRequestInput }
}

/** The partner as the declaration describes it. */
function partnerInputOf(details: PartnerRequestInput): PartnerInput {
  return {
    organisation: details.organisation,
    address: details.address ?? '',
    district: details.district,
    contactFunction: details.contactFunction ?? '',
    ...(details.phone ? { phone: details.phone } : {}),
    email: details.email,
    workingGroups: details.workingGroups ?? [],
    publicListing: Boolean(details.consents.publish),
  }
}

function consentOf(details: PartnerRequestInput): PartnerListingConsent | undefined {
  const publish = details.consents.publish
  return publish ? { textVersion: publish.textVersion, givenAt: publish.givenAt, via: 'declaration' } : undefined
}

async function targetPartner(trx: Transaction<Database>, coordinator: Coordinator, partnerId: string | undefined): Promise<PartnerRow> {
  if (!partnerId) throw new Problem(400, 'validation', 'Name the partner this request applies to.', { partnerId: 'errors.required' })
  const partner = await trx.selectFrom('partners').selectAll().where('id', '=', partnerId).forUpdate().executeTakeFirst()
  if (!partner) throw partnerNotFound()
  assertDistrict(coordinator, partner.district)
  return partner
}

/**
 * Applies a declaration: an entry creates the partner, a change updates the chosen partner, a
 * deletion deletes it. The declaration's details are erased once decided; the consent to a public
 * listing is kept with the partner.
 */
export async function applyPartnerRequest(
  db: Kysely<Database>,
  coordinator: Coordinator,
  id: string,
  partnerId: string | undefined,
  now: Date,
): Promise<{ request: PartnerRequestItem; partner: PartnerRow | null }> {
  return db.transaction().execute(async (trx) => {
    const request = await openRequest(trx, coordinator, id)
    const { details } = request
    const context = { actor: coordinator.email, now, requestId: id, consent: consentOf(details) }
    let partner: PartnerRow | null = null
    if (details.kind === 'entry') {
      partner = await createPartner(trx, partnerInputOf(details), context)
    } else if (details.kind === 'change') {
      partner = await updatePartner(trx, await targetPartner(trx, coordinator, partnerId), partnerInputOf(details), context)
    } else {
      await deletePartner(trx, await targetPartner(trx, coordinator, partnerId), context)
    }
    // The partner keeps the version of the rules it acknowledged.
    if (partner && request.rules_version) await trx.updateTable('partners').set({ rules_version: request.rules_version }).where('id', '=', partner.id).execute()
    await partnerRequestDecided(trx, id, { status: 'applied', reason: null, note: null }, now)
    const decided = await trx
      .updateTable('partner_requests')
      .set({ status: 'applied', decided_at: now, decided_by: coordinator.email, details: null, partner_id: partner?.id ?? null })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'partner-request.apply',
      entity: 'partner-request',
      entityId: id,
      district: request.district,
      details: { kind: request.kind, partner: partner?.id ?? partnerId ?? null },
    })
    return { request: toItem(decided, null), partner }
  })
}

export async function rejectPartnerRequest(
  db: Kysely<Database>,
  coordinator: Coordinator,
  id: string,
  why: { reason: string; note?: string | undefined },
  now: Date,
): Promise<PartnerRequestItem> {
  return db.transaction().execute(async (trx) => {
    const request = await openRequest(trx, coordinator, id)
    const note = why.note?.trim() || null
    await partnerRequestDecided(trx, id, { status: 'rejected', reason: why.reason, note }, now)
    const decided = await trx
      .updateTable('partner_requests')
      .set({ status: 'rejected', decided_at: now, decided_by: coordinator.email, details: null, reject_reason: why.reason, reject_note: note })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor: coordinator.email,
      action: 'partner-request.reject',
      entity: 'partner-request',
      entityId: id,
      district: request.district,
      details: { kind: request.kind, reason: why.reason },
    })
    return toItem(decided, null)
  })
}
