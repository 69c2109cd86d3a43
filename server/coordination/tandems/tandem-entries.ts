import type { Kysely, Selectable } from 'kysely'
import type { Database, TandemsTable } from '../../db/schema.ts'
import type { TandemInput } from '../../../src/shared/volunteering/tandem.schema.ts'
import type { TandemEntry } from '../../../src/shared/coordination/tandem-match.schema.ts'
import { OPEN_MATCH_STATUSES } from '../../../src/shared/coordination/tandem-match.schema.ts'

/** What `tandems.details` holds (see server/volunteering/tandems.repository.ts): everything personal the person typed. */
export type TandemDetails = Partial<Omit<TandemInput, 'role' | 'kind' | 'district' | 'consents' | 'locale'>>

export const detailsOf = (row: Pick<Selectable<TandemsTable>, 'details'>): TandemDetails => (row.details ?? {}) as TandemDetails

/** The person agreed to pass their contact on to the matched partner (consent `share`). */
export const sharesContact = (row: Pick<Selectable<TandemsTable>, 'consents'>): boolean => Boolean(row.consents?.share)

export function toTandemEntry(row: Selectable<TandemsTable>): TandemEntry {
  const d = detailsOf(row)
  return {
    id: row.id,
    role: row.role,
    kind: row.kind as TandemEntry['kind'],
    district: row.district as TandemEntry['district'],
    name: d.name ?? null,
    email: d.email ?? null,
    phone: d.phone ?? null,
    town: d.town ?? null,
    languages: d.languages ?? [],
    availability: d.availability ?? [],
    interests: d.interests ?? null,
    travelKm: d.travelKm ?? null,
    onlineOk: d.onlineOk ?? false,
    note: d.note ?? null,
    shareConsent: sharesContact(row),
    createdAt: row.created_at.toISOString(),
  }
}

export interface OpenEntryFilter {
  scope: string[] | 'all'
  role?: 'offer' | 'request'
  kind?: string
}

/** Entries waiting for a match: received (not cancelled or erased) and in no proposed or active match. Oldest first. */
export async function listOpenEntries(db: Kysely<Database>, filter: OpenEntryFilter): Promise<TandemEntry[]> {
  if (filter.scope !== 'all' && filter.scope.length === 0) return []
  let query = db
    .selectFrom('tandems as t')
    .selectAll('t')
    .where('t.status', '=', 'received')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('tandem_matches as m')
            .select('m.id')
            .where('m.status', 'in', OPEN_MATCH_STATUSES)
            .where((e) => e.or([e('m.offer_id', '=', e.ref('t.id')), e('m.request_id', '=', e.ref('t.id'))])),
        ),
      ),
    )
    .orderBy('t.created_at')
    .orderBy('t.id')
  if (filter.scope !== 'all') query = query.where('t.district', 'in', filter.scope)
  if (filter.role) query = query.where('t.role', '=', filter.role)
  if (filter.kind) query = query.where('t.kind', '=', filter.kind)
  return (await query.execute()).map(toTandemEntry)
}

export async function findTandem(db: Kysely<Database>, id: string): Promise<Selectable<TandemsTable> | undefined> {
  return db.selectFrom('tandems').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Whether the entry is in a proposed or active match now. */
export async function inOpenMatch(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('tandem_matches')
    .select('id')
    .where('status', 'in', OPEN_MATCH_STATUSES)
    .where((eb) => eb.or([eb('offer_id', '=', id), eb('request_id', '=', id)]))
    .executeTakeFirst()
  return row !== undefined
}
