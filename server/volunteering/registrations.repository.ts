import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, RegistrationsTable } from '../db/schema.ts'
import type { RegistrationInput } from '../../src/shared/volunteering/registration.schema.ts'
import { findOccurrenceForRegistration } from '../meetups/occurrence-lookup.ts'
import type { Answer } from '../idempotency/idempotency.ts'
import { newManageToken } from './manage-token.ts'
import { Problem } from '../errors/problem.ts'

/**
 * Locks the date's counter row until commit. Every registration and cancellation for that date
 * passes here first, so counting and deciding happen one at a time per date, on PGlite and PostgreSQL.
 */
export async function lockCounter(trx: Transaction<Database>, occurrenceId: string): Promise<void> {
  await trx.insertInto('registration_counters').values({ occurrence_id: occurrenceId }).onConflict((oc) => oc.column('occurrence_id').doNothing()).execute()
  await sql`select occurrence_id from registration_counters where occurrence_id = ${occurrenceId} for update`.execute(trx)
}

async function countConfirmed(trx: Transaction<Database>, occurrenceId: string): Promise<number> {
  const row = await trx
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('occurrence_id', '=', occurrenceId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function storeCount(trx: Transaction<Database>, occurrenceId: string): Promise<void> {
  const confirmed = await countConfirmed(trx, occurrenceId)
  await trx.updateTable('registration_counters').set({ confirmed }).where('occurrence_id', '=', occurrenceId).execute()
}

/** Confirms while places are free, waitlists beyond; rejects dates that are unknown, past, cancelled or open. */
export async function createRegistration(trx: Transaction<Database>, input: RegistrationInput, now: Date): Promise<Answer> {
  const occurrence = await findOccurrenceForRegistration(trx, input.occurrenceId)
  const field = (code: string) => ({ occurrenceId: code })
  if (!occurrence) throw new Problem(422, 'unknown_occurrence', 'No such event date.', field('errors.occurrence.unknown'))
  if (!occurrence.registrationRequired) {
    throw new Problem(422, 'registration_not_needed', 'This event needs no registration.', field('errors.occurrence.open'))
  }
  if (occurrence.status === 'cancelled') throw new Problem(409, 'occurrence_cancelled', 'This date is cancelled.', field('errors.occurrence.cancelled'))
  if (occurrence.endsAt <= now) throw new Problem(409, 'occurrence_past', 'This date is over.', field('errors.occurrence.past'))

  await lockCounter(trx, occurrence.id)
  const confirmed = await countConfirmed(trx, occurrence.id)
  const status = occurrence.capacity === null || confirmed < occurrence.capacity ? 'confirmed' : 'waitlisted'
  const id = randomUUID()
  const { token, hash } = newManageToken()
  await trx
    .insertInto('registrations')
    .values({
      id,
      occurrence_id: occurrence.id,
      status,
      name: input.name,
      organisation: input.organisation ?? null,
      email: input.email,
      working_group: input.workingGroup,
      consents: JSON.stringify(input.consents),
      locale: input.locale ?? null,
      event_ends_at: occurrence.endsAt,
      manage_token_hash: hash,
      created_at: now,
    })
    .execute()
  if (status === 'confirmed') await storeCount(trx, occurrence.id)
  return { statusCode: 201, body: { id, status, manageToken: token } }
}

export async function findRegistrationByTokenHash(db: Kysely<Database>, hash: string): Promise<Selectable<RegistrationsTable> | undefined> {
  return db.selectFrom('registrations').selectAll().where('manage_token_hash', '=', hash).executeTakeFirst()
}

/** Cancels, erases the personal data, and gives a freed place to the longest-waiting person, in one transaction. */
export async function cancelRegistration(trx: Transaction<Database>, id: string, now: Date): Promise<void> {
  const current = await trx.selectFrom('registrations').select(['occurrence_id']).where('id', '=', id).executeTakeFirstOrThrow()
  await lockCounter(trx, current.occurrence_id)
  const row = await trx.selectFrom('registrations').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
  if (row.status === 'cancelled') return
  await trx
    .updateTable('registrations')
    .set({ status: 'cancelled', name: null, organisation: null, email: null, consents: null, cancelled_at: now, erased_at: now })
    .where('id', '=', id)
    .execute()
  if (row.status === 'confirmed') {
    const occurrence = await findOccurrenceForRegistration(trx, current.occurrence_id)
    const confirmed = await countConfirmed(trx, current.occurrence_id)
    const free = occurrence?.capacity === null || occurrence === undefined ? 1 : occurrence.capacity - confirmed
    if (free > 0) {
      const first = await trx
        .selectFrom('registrations')
        .select('id')
        .where('occurrence_id', '=', current.occurrence_id)
        .where('status', '=', 'waitlisted')
        .orderBy('created_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst()
      if (first) await trx.updateTable('registrations').set({ status: 'confirmed' }).where('id', '=', first.id).execute()
    }
  }
  await storeCount(trx, current.occurrence_id)
}
