import { randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database, MailData } from '../db/schema.ts'
import { findOccurrence } from '../meetups/calendar.repository.ts'
import { icsFileName, occurrenceCalendar } from '../../src/shared/meetups/meetup-ics.ts'
import { enqueueMail, mailsToAddressSince } from './mail-queue.repository.ts'
import { CONFIRM_KINDS, type MailKind, type RegistrationMailKind } from './mail-kinds.ts'

/** A stranger can make the app write to an address only by registering it: at most this many requests a day… */
export const CONFIRM_REQUESTS_PER_ADDRESS_PER_DAY = 3
/** …and from one client, this many an hour. */
export const CONFIRM_REQUESTS_PER_CLIENT_PER_HOUR = 10
const HOUR = 3600_000

/** Mails with the date as a calendar file. */
const WITH_CALENDAR: ReadonlySet<MailKind> = new Set(['registration-confirmed', 'moved-up', 'date-cancelled', 'date-moved', 'reminder'])

export function newMailToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What a mail about this registration says, as of now (the date's state and calendar file). */
async function registrationMailData(trx: Transaction<Database>, registrationId: string, kind: MailKind, now: Date) {
  const r = await trx
    .selectFrom('registrations')
    .select(['email', 'name', 'locale', 'occurrence_id', 'mail_status', 'mail_token', 'mail_manage_token'])
    .where('id', '=', registrationId)
    .executeTakeFirst()
  if (!r?.email || !r.mail_token) return undefined
  const found = await findOccurrence(trx, r.occurrence_id)
  if (!found) return undefined
  const { meetup, occurrence } = found
  const lang = r.locale ?? 'de'
  const title = meetup.title[lang] || meetup.title.de || ''
  const data: MailData = {
    lang,
    name: r.name ?? '',
    mailToken: r.mail_token,
    ...(r.mail_manage_token ? { manageToken: r.mail_manage_token } : {}),
    event: { title, startsAt: occurrence.startsAt, endsAt: occurrence.endsAt, place: `${meetup.placeName}, ${meetup.address}` },
    ...(WITH_CALENDAR.has(kind)
      ? { ics: { filename: icsFileName(title, occurrence.originalStart.slice(0, 8)), content: occurrenceCalendar(meetup, occurrence, lang, now) } }
      : {}),
  }
  return { to: r.email, status: r.mail_status, data }
}

/**
 * Queues a mail about a registration in the caller's transaction, if its person wants mail and has
 * confirmed the address (double opt-in: before that, only the confirmation request goes out).
 */
export async function queueRegistrationMail(trx: Transaction<Database>, registrationId: string, kind: RegistrationMailKind, now: Date): Promise<void> {
  const found = await registrationMailData(trx, registrationId, kind, now)
  if (found?.status !== 'confirmed') return
  await enqueueMail(trx, { kind, to: found.to, registrationId, data: found.data }, now)
}

/** The same mail for several registrations (a cancelled date, people moved up). */
export async function queueRegistrationMails(trx: Transaction<Database>, ids: string[], kind: RegistrationMailKind, now: Date): Promise<void> {
  for (const id of ids) await queueRegistrationMail(trx, id, kind, now)
}

/**
 * Whether a confirmation request may go to this address: not if it was asked too often lately or
 * this client asked for too many (then the entry stands, without mail: nobody can use the app to
 * flood an inbox). Shared by registrations and tandem entries.
 */
export async function mayAskToConfirm(trx: Transaction<Database>, to: string, clientHash: string | undefined, now: Date): Promise<boolean> {
  const day = new Date(now.getTime() - 24 * HOUR)
  if ((await mailsToAddressSince(trx, to, [...CONFIRM_KINDS], day)) >= CONFIRM_REQUESTS_PER_ADDRESS_PER_DAY) return false
  if (!clientHash) return true
  const hour = new Date(now.getTime() - HOUR)
  const fromClient = await trx
    .selectFrom('mail_queue')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('client_hash', '=', clientHash)
    .where('created_at', '>=', hour)
    .executeTakeFirstOrThrow()
  return Number(fromClient.n) < CONFIRM_REQUESTS_PER_CLIENT_PER_HOUR
}

/** Asks a new address to confirm itself, if `mayAskToConfirm`. */
export async function queueConfirmRequest(trx: Transaction<Database>, registrationId: string, clientHash: string | undefined, now: Date): Promise<boolean> {
  const found = await registrationMailData(trx, registrationId, 'confirm-address', now)
  if (found?.status !== 'pending') return false
  if (!(await mayAskToConfirm(trx, found.to, clientHash, now))) return false
  await enqueueMail(trx, { kind: 'confirm-address', to: found.to, registrationId, data: found.data, clientHash }, now)
  return true
}
