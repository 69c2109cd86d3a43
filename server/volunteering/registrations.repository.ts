import { randomUUID } from 'node:crypto'
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely'
import type { Database, RegistrationsTable } from '../db/schema.ts'
import type { RegistrationInput } from '../../src/shared/volunteering/registration.schema.ts'
import { findOccurrenceForRegistration } from '../meetups/occurrence-lookup.ts'
import type { Answer } from '../idempotency/idempotency.ts'
import { deviceManageToken, newManageToken } from './manage-token.ts'
import { Problem } from '../errors/problem.ts'
import { eraseMailOf } from '../mail/mail-queue.repository.ts'
import { newMailToken, queueConfirmRequest, queueRegistrationMail, queueRegistrationMails } from '../mail/registration-mail.ts'
import { registrationRuleErrors } from '../../src/shared/volunteering/rules.ts'

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

/** The live (confirmed, waitlisted or requested) registration a person already holds for a date, by manage token or e-mail. */
async function findHeldPlace(trx: Transaction<Database>, occurrenceId: string, email: string, tokenHash: string | undefined) {
  return trx
    .selectFrom('registrations')
    .select(['id', 'status', 'manage_token_hash'])
    .where('occurrence_id', '=', occurrenceId)
    .where('status', 'in', LIVE_STATUSES)
    .where((eb) => eb.or([eb('email', '=', email), ...(tokenHash ? [eb('manage_token_hash', '=', tokenHash)] : [])]))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
}

/** What decides a registration besides its input: the phone's key, the client's address hash and the limit per client and date. */
export interface RegistrationClient {
  deviceKey?: string | undefined
  /** SHA-256 of the client address (`addressHash`). */
  clientHash?: string | undefined
  /** Live registrations one client may hold for one date; 0 or absent: no limit. */
  perClientAndDate?: number
}

/** Statuses that hold (or ask for) a place. */
export const LIVE_STATUSES = ['confirmed', 'waitlisted', 'requested'] as const

async function countOfClient(trx: Transaction<Database>, occurrenceId: string, clientHash: string): Promise<number> {
  const row = await trx
    .selectFrom('registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('occurrence_id', '=', occurrenceId)
    .where('client_hash', '=', clientHash)
    .where('status', 'in', LIVE_STATUSES)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The place a person takes now: confirmed while places are free, waitlisted beyond. Call under the date's lock. */
async function placeFor(trx: Transaction<Database>, occurrenceId: string): Promise<'confirmed' | 'waitlisted'> {
  // Read after the lock: a capacity change commits under the same lock.
  const capacity = (await findOccurrenceForRegistration(trx, occurrenceId))!.capacity
  const confirmed = await countConfirmed(trx, occurrenceId)
  return capacity === null || confirmed < capacity ? 'confirmed' : 'waitlisted'
}

/**
 * Confirms while places are free, waitlists beyond; rejects dates that are unknown, past, cancelled or open.
 * One person holds one place per date: the same phone (its device key) is answered with the place it
 * already has (200, same token); the same e-mail address from elsewhere is refused (409), as handing
 * out that place's manage token would let anyone who knows an address see and cancel it.
 * One client address holds at most `perClientAndDate` live registrations of a date (409
 * `registration_limit`), so one client cannot take all places and the waiting list. A guest's
 * registration is `requested` and takes no place until a coordinator approves it.
 */
export async function createRegistration(trx: Transaction<Database>, input: RegistrationInput, now: Date, client: RegistrationClient = {}): Promise<Answer> {
  const { deviceKey, clientHash, perClientAndDate } = client
  const occurrence = await findOccurrenceForRegistration(trx, input.occurrenceId)
  const field = (code: string) => ({ occurrenceId: code })
  if (!occurrence) throw new Problem(422, 'unknown_occurrence', 'No such event date.', field('errors.occurrence.unknown'))
  if (!occurrence.registrationRequired) {
    throw new Problem(422, 'registration_not_needed', 'This event needs no registration.', field('errors.occurrence.open'))
  }
  if (occurrence.status === 'cancelled') throw new Problem(409, 'occurrence_cancelled', 'This date is cancelled.', field('errors.occurrence.cancelled'))
  if (occurrence.endsAt <= now) throw new Problem(409, 'occurrence_past', 'This date is over.', field('errors.occurrence.past'))
  const ruleErrors = registrationRuleErrors(input, occurrence.district)
  if (Object.keys(ruleErrors).length > 0) throw new Problem(400, 'validation', 'Some details do not fit this event.', ruleErrors)

  await lockCounter(trx, occurrence.id)
  const phoneToken = deviceKey ? deviceManageToken(deviceKey, occurrence.id) : undefined
  const held = await findHeldPlace(trx, occurrence.id, input.email, phoneToken?.hash)
  if (held && phoneToken && held.manage_token_hash === phoneToken.hash) {
    return { statusCode: 200, body: { id: held.id, status: held.status, manageToken: phoneToken.token } }
  }
  if (held) throw new Problem(409, 'already_registered', 'This e-mail address is already registered for this date.', { email: 'errors.registration.duplicate' })
  if (clientHash && perClientAndDate && (await countOfClient(trx, occurrence.id, clientHash)) >= perClientAndDate) {
    throw new Problem(409, 'registration_limit', `This network address already holds ${perClientAndDate} registrations for this date.`)
  }
  // A withdrawn registration of this phone keeps its token; a new one then gets a random token.
  const tokenFree = phoneToken && !(await findRegistrationByTokenHash(trx, phoneToken.hash))
  const { token, hash } = tokenFree ? phoneToken : newManageToken()
  const guest = input.attendingAs === 'guest'
  const status = guest ? 'requested' : await placeFor(trx, occurrence.id)
  const id = randomUUID()
  await trx
    .insertInto('registrations')
    .values({
      id,
      occurrence_id: occurrence.id,
      status,
      name: input.name,
      organisation: input.organisation ?? null,
      email: input.email,
      working_group: input.workingGroup ?? null,
      attending_as: guest ? 'guest' : 'participant',
      contribution: guest ? input.contribution! : null,
      client_hash: clientHash ?? null,
      consents: JSON.stringify(input.consents),
      locale: input.locale ?? null,
      event_ends_at: occurrence.endsAt,
      manage_token_hash: hash,
      created_at: now,
      // E-mail only with its own consent, and only once the address is confirmed (double opt-in).
      ...(input.consents.mail ? { mail_status: 'pending' as const, mail_token: newMailToken(), mail_manage_token: token } : {}),
    })
    .execute()
  if (status === 'confirmed') await storeCount(trx, occurrence.id)
  if (input.consents.mail) await queueConfirmRequest(trx, id, clientHash, now)
  return { statusCode: 201, body: { id, status, manageToken: token } }
}

/**
 * A coordinator's answer to a guest's request: approved, the guest takes a place like anyone
 * registering now (confirmed, or waitlisted when full); declined, the personal data is erased.
 * Returns the new status, or undefined when the registration is no longer `requested`.
 */
export async function decideGuest(trx: Transaction<Database>, id: string, approve: boolean, now: Date): Promise<RegistrationsTable['status'] | undefined> {
  const current = await trx.selectFrom('registrations').select(['occurrence_id']).where('id', '=', id).executeTakeFirstOrThrow()
  await lockCounter(trx, current.occurrence_id)
  const row = await trx.selectFrom('registrations').select(['status']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
  if (row.status !== 'requested') return undefined
  if (!approve) {
    await trx.updateTable('registrations').set({ status: 'declined', ...ERASED(now) }).where('id', '=', id).execute()
    await eraseMailOf(trx, [id])
    return 'declined'
  }
  // Approved: placed behind everyone already confirmed or waiting (its turn counts from now).
  const status = await placeFor(trx, current.occurrence_id)
  await trx.updateTable('registrations').set({ status, created_at: now }).where('id', '=', id).execute()
  await storeCount(trx, current.occurrence_id)
  // A guest who wants mail (address confirmed) hears of it like anyone registering.
  await queueRegistrationMail(trx, id, status === 'confirmed' ? 'registration-confirmed' : 'registration-waitlisted', now)
  return status
}

export async function findRegistrationByTokenHash(db: Kysely<Database> | Transaction<Database>, hash: string): Promise<Selectable<RegistrationsTable> | undefined> {
  return db.selectFrom('registrations').selectAll().where('manage_token_hash', '=', hash).executeTakeFirst()
}

/** The mail columns of an erased registration. */
export const NO_MAIL = { mail_status: null, mail_token: null, mail_manage_token: null } as const

/** Every personal column of a registration, as erased at `now` (withdrawal, decline, bulk removal, retention). */
export const ERASED = (now: Date) =>
  ({ name: null, organisation: null, email: null, consents: null, contribution: null, client_hash: null, erased_at: now, ...NO_MAIL }) as const

/** Cancels, erases the personal data, and gives a freed place to the longest-waiting person, in one transaction. */
export async function cancelRegistration(trx: Transaction<Database>, id: string, now: Date): Promise<void> {
  const current = await trx.selectFrom('registrations').select(['occurrence_id']).where('id', '=', id).executeTakeFirstOrThrow()
  await cancelRegistrations(trx, current.occurrence_id, [id], now)
}

/**
 * Cancels and erases these registrations of one date (those not cancelled yet), then fills the freed
 * places once, under the date's lock. Returns the ids that moved up from the waiting list.
 */
export async function cancelRegistrations(trx: Transaction<Database>, occurrenceId: string, ids: readonly string[], now: Date): Promise<string[]> {
  await lockCounter(trx, occurrenceId)
  const open = await trx
    .selectFrom('registrations')
    .select('id')
    .where('occurrence_id', '=', occurrenceId)
    .where('id', 'in', ids.length > 0 ? [...ids] : [''])
    .where('status', '<>', 'cancelled')
    .forUpdate()
    .execute()
  if (open.length === 0) return []
  const cancelled = open.map((r) => r.id)
  await trx.updateTable('registrations').set({ status: 'cancelled', cancelled_at: now, ...ERASED(now) }).where('id', 'in', cancelled).execute()
  await eraseMailOf(trx, cancelled)
  return fillFreePlaces(trx, occurrenceId, now)
}

/**
 * Gives every free place of a date to the longest-waiting people, in the order they registered, and
 * stores the count. Call it with the date's lock held (lockCounter) after anything that frees places:
 * a cancellation, a higher capacity, a date taking place again. Those moved up get a mail (if they
 * want mail). Returns the ids moved up.
 */
export async function fillFreePlaces(trx: Transaction<Database>, occurrenceId: string, now: Date): Promise<string[]> {
  const occurrence = await findOccurrenceForRegistration(trx, occurrenceId)
  let promoted: string[] = []
  if (occurrence?.status === 'scheduled') {
    const free = occurrence.capacity === null ? undefined : occurrence.capacity - (await countConfirmed(trx, occurrenceId))
    if (free === undefined || free > 0) {
      let waiting = trx
        .selectFrom('registrations')
        .select('id')
        .where('occurrence_id', '=', occurrenceId)
        .where('status', '=', 'waitlisted')
        .orderBy('created_at')
        .orderBy('id')
      if (free !== undefined) waiting = waiting.limit(free)
      promoted = (await waiting.execute()).map((r) => r.id)
      if (promoted.length > 0) await trx.updateTable('registrations').set({ status: 'confirmed' }).where('id', 'in', promoted).execute()
      await queueRegistrationMails(trx, promoted, 'moved-up', now)
    }
  }
  await storeCount(trx, occurrenceId)
  return promoted
}
