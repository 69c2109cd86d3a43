import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { ManagedEntry } from '../../src/shared/volunteering/manage.schema.ts'
import { hashManageToken } from './manage-token.ts'
import { cancelTandem, findTandemByTokenHash, renewTandem } from './tandems.repository.ts'
import { cancelRegistration, findRegistrationByTokenHash } from './registrations.repository.ts'
import { closeMatchesOfWithdrawnEntry, matchViewFor } from '../coordination/tandems/matches.service.ts'
import { movedFrom } from '../../src/shared/meetups/moved-date.ts'

/**
 * The event a registration is for, as its manage-link page names it (the phone that opens the link may
 * have no synced data): the date as it stands now, cancelled or moved (from when).
 */
async function eventOf(db: Kysely<Database>, occurrenceId: string) {
  const row = await db
    .selectFrom('meetup_occurrences as o')
    .innerJoin('meetups as m', 'm.id', 'o.meetup_id')
    .select(['m.title', 'o.original_start', 'o.starts_at', 'o.ends_at', 'o.status', 'm.place_name'])
    .where('o.id', '=', occurrenceId)
    .executeTakeFirst()
  if (!row) return null
  const startsAt = row.starts_at.toISOString()
  return {
    title: row.title,
    startsAt,
    endsAt: row.ends_at.toISOString(),
    placeName: row.place_name,
    status: row.status,
    movedFrom: movedFrom({ originalStart: row.original_start, startsAt }),
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** The entry a manage token belongs to, in its export shape; undefined for an unknown token. */
export async function findManagedEntry(db: Kysely<Database>, token: string): Promise<ManagedEntry | undefined> {
  const hash = hashManageToken(token)
  const tandem = await findTandemByTokenHash(db, hash)
  if (tandem) {
    return {
      type: 'tandem',
      id: tandem.id,
      status: tandem.status,
      createdAt: tandem.created_at.toISOString(),
      erasedAt: iso(tandem.erased_at),
      locale: tandem.locale,
      about: { role: tandem.role, kind: tandem.kind, district: tandem.district, renewedAt: tandem.renewed_at.toISOString() },
      personal: tandem.details,
      consents: tandem.consents,
      match: await matchViewFor(db, tandem),
    }
  }
  const reg = await findRegistrationByTokenHash(db, hash)
  if (!reg) return undefined
  return {
    type: 'registration',
    id: reg.id,
    status: reg.status,
    createdAt: reg.created_at.toISOString(),
    erasedAt: iso(reg.erased_at),
    locale: reg.locale,
    about: {
      occurrenceId: reg.occurrence_id,
      workingGroup: reg.working_group,
      attendingAs: reg.attending_as,
      eventEndsAt: reg.event_ends_at.toISOString(),
      event: await eventOf(db, reg.occurrence_id),
    },
    personal: reg.erased_at ? null : { name: reg.name, organisation: reg.organisation, email: reg.email, ...(reg.contribution ? { contribution: reg.contribution } : {}) },
    consents: reg.consents,
  }
}

/** Cancels and erases; repeating it is harmless. False when the token is unknown. */
export async function cancelByToken(db: Kysely<Database>, token: string, now: Date): Promise<boolean> {
  const entry = await findManagedEntry(db, token)
  if (!entry) return false
  await db.transaction().execute(async (trx) => {
    if (entry.type === 'tandem') {
      await cancelTandem(trx, entry.id, now)
      // A proposal counts as declined by this person, an active tandem ends.
      await closeMatchesOfWithdrawnEntry(trx, entry.id, now)
    } else await cancelRegistration(trx, entry.id, now)
  })
  return true
}

export async function renewByToken(db: Kysely<Database>, token: string, now: Date): Promise<boolean> {
  const entry = await findManagedEntry(db, token)
  if (entry?.type !== 'tandem') return false
  await renewTandem(db, entry.id, now)
  return true
}
