import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { AuditSubject } from '../../../src/shared/coordination/audit.schema.ts'
import type { LocalizedText } from '../../../src/shared/localized-text.ts'

interface AuditRow {
  entity: string
  entity_id: string
  details: Record<string, unknown>
}

/**
 * The event an entry belongs to, in SQL: the event itself, the part before ":" of a date's id
 * (`<eventId>:<local start>`), or of the date a registration is for.
 */
export const eventOfEntry = sql<string | null>`case
  when entity = 'meetup' then entity_id
  when entity in ('date', 'meetup-occurrence') then split_part(entity_id, ':', 1)
  when entity = 'registration' then split_part(details->>'occurrenceId', ':', 1)
end`

function occurrenceOf(row: AuditRow): string | undefined {
  if (row.entity === 'date' || row.entity === 'meetup-occurrence') return row.entity_id
  if (row.entity === 'registration' && typeof row.details.occurrenceId === 'string') return row.details.occurrenceId
  return undefined
}
function eventOf(row: AuditRow): string | undefined {
  return row.entity === 'meetup' ? row.entity_id : occurrenceOf(row)?.split(':')[0]
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined)

/** The organisation a partner declaration names (a change names the entry it changes). */
function requestOrganisation(details: Record<string, unknown> | null): string | undefined {
  if (!details) return undefined
  const entry = details.kind === 'change' ? (details.entry as Record<string, unknown> | undefined) : details
  return text(entry?.organisation) ?? text(details.organisation)
}

/**
 * Names for a page of audit entries: event titles, dates, people and organisations, looked up in a
 * few queries (one per kind of thing). Erased people have no name any more; deleted partners keep
 * the organisation the entry itself recorded.
 */
export async function auditSubjects(db: Kysely<Database>, rows: AuditRow[]): Promise<AuditSubject[]> {
  // Ids of uuid columns are checked first: an odd entity id must not make the whole page fail.
  const ids = (pick: (row: AuditRow) => string[] | string | undefined) => [...new Set(rows.flatMap((r) => pick(r) ?? []))].filter((id) => UUID.test(id))
  const occurrenceIds = [...new Set(rows.flatMap((r) => occurrenceOf(r) ?? []))]
  const eventIds = ids(eventOf)
  const registrationIds = ids((r) => (r.entity === 'registration' ? r.entity_id : undefined))
  const requestIds = ids((r) => (r.entity === 'partner-request' ? r.entity_id : undefined))
  const matchIds = ids((r) => (r.entity === 'match' ? r.entity_id : undefined))
  const partnerIds = ids((r) => [
    ...(r.entity === 'partner' ? [r.entity_id] : []),
    ...(typeof r.details.partner === 'string' ? [r.details.partner] : []),
    ...strings(r.details.added),
    ...strings(r.details.removed),
  ])

  const [events, occurrences, registrations, requests, matches, partners] = await Promise.all([
    eventIds.length ? db.selectFrom('meetups').select(['id', 'title']).where('id', 'in', eventIds).execute() : [],
    occurrenceIds.length ? db.selectFrom('meetup_occurrences').select(['id', 'starts_at']).where('id', 'in', occurrenceIds).execute() : [],
    registrationIds.length ? db.selectFrom('registrations').select(['id', 'name']).where('id', 'in', registrationIds).execute() : [],
    requestIds.length ? db.selectFrom('partner_requests').select(['id', 'details']).where('id', 'in', requestIds).execute() : [],
    matchIds.length
      ? db
          .selectFrom('tandem_matches as m')
          .innerJoin('tandems as o', 'o.id', 'm.offer_id')
          .innerJoin('tandems as r', 'r.id', 'm.request_id')
          .select(['m.id', 'o.details as offer', 'r.details as request'])
          .where('m.id', 'in', matchIds)
          .execute()
      : [],
    partnerIds.length ? db.selectFrom('partners').select(['id', 'organisation']).where('id', 'in', partnerIds).execute() : [],
  ])
  const title = new Map<string, LocalizedText>(events.map((e) => [e.id, e.title]))
  const start = new Map(occurrences.map((o) => [o.id, o.starts_at.toISOString()]))
  const person = new Map(registrations.map((r) => [r.id, r.name ?? undefined]))
  const declared = new Map(requests.map((r) => [r.id, requestOrganisation(r.details as Record<string, unknown> | null)]))
  const pair = new Map(matches.map((m) => [m.id, [text((m.offer as Record<string, unknown> | null)?.name), text((m.request as Record<string, unknown> | null)?.name)]]))
  const organisation = new Map(partners.map((p) => [p.id, p.organisation]))
  const organisations = (list: string[]) => list.map((id) => organisation.get(id) ?? '').filter(Boolean)

  return rows.map((row) => {
    const subject: AuditSubject = {}
    const event = eventOf(row)
    const occurrence = occurrenceOf(row)
    if (event && title.has(event)) subject.event = title.get(event)
    if (occurrence && start.has(occurrence)) subject.startsAt = start.get(occurrence)
    let name: string | undefined
    if (row.entity === 'registration') name = person.get(row.entity_id)
    else if (row.entity === 'partner') name = organisation.get(row.entity_id) ?? text(row.details.organisation)
    else if (row.entity === 'partner-request') name = declared.get(row.entity_id) ?? organisation.get(text(row.details.partner) ?? '')
    else if (row.entity === 'match') [name, subject.otherName] = pair.get(row.entity_id) ?? []
    if (name) subject.name = name
    if (!subject.otherName) delete subject.otherName
    if (strings(row.details.added).length) subject.added = organisations(strings(row.details.added))
    if (strings(row.details.removed).length) subject.removed = organisations(strings(row.details.removed))
    return subject
  })
}
