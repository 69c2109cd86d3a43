import type { Transaction } from 'kysely'
import type { Database } from '../db/schema.ts'
import { fillFreePlaces, lockCounter } from './registrations.repository.ts'
import { queueRegistrationMails } from '../mail/registration-mail.ts'

/**
 * After a meetup or one of its dates changed, the registrations of its dates still to come follow:
 * a cancelled date's confirmed and waiting registrations become `date_cancelled` (kept for the
 * record, places freed); a date that takes place again takes them back in the order they registered,
 * as far as places go; a moved date carries its registrations' end (retention counts from it); and
 * places that are free now (a higher capacity) go to the waiting list. People who want mail hear of a
 * cancelled or moved date (with the updated calendar file). Runs in the transaction of the change, one
 * date's lock at a time in id order.
 */
export async function registrationsFollowDates(trx: Transaction<Database>, meetupId: string, now: Date): Promise<void> {
  const dates = await trx
    .selectFrom('meetup_occurrences as o')
    .select(['o.id', 'o.status', 'o.ends_at'])
    .where('o.meetup_id', '=', meetupId)
    .where('o.ends_at', '>=', now)
    .where(({ exists, selectFrom }) => exists(selectFrom('registrations as r').select('r.id').whereRef('r.occurrence_id', '=', 'o.id')))
    .orderBy('o.id')
    .execute()
  for (const date of dates) {
    await lockCounter(trx, date.id)
    const ofDate = trx.updateTable('registrations').where('occurrence_id', '=', date.id)
    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id)
    if (date.status === 'cancelled') {
      const cancelled = await ofDate.set({ status: 'date_cancelled' }).where('status', 'in', ['confirmed', 'waitlisted']).returning('id').execute()
      await queueRegistrationMails(trx, ids(cancelled), 'date-cancelled', now)
    } else await ofDate.set({ status: 'waitlisted' }).where('status', '=', 'date_cancelled').execute()
    const moved = await ofDate.set({ event_ends_at: date.ends_at, reminded_at: null }).where('event_ends_at', '<>', date.ends_at).returning(['id', 'status']).execute()
    await queueRegistrationMails(trx, ids(moved.filter((r) => r.status === 'confirmed' || r.status === 'waitlisted')), 'date-moved', now)
    await fillFreePlaces(trx, date.id, now)
  }
}
