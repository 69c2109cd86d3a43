import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { queueRegistrationMail } from './registration-mail.ts'

const DAY_MS = 24 * 3600_000

/**
 * Queues the reminder the day before: for every confirmed place with a confirmed address whose date
 * starts within a day and was registered for more than a day ahead (someone registering today
 * needs no reminder). Rows are taken `FOR UPDATE SKIP LOCKED` and marked in the same transaction, so
 * two workers queue each reminder once; a moved date clears the mark (registrations-follow-dates.ts).
 */
export async function queueDueReminders(db: Kysely<Database>, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('registrations as r')
      .innerJoin('meetup_occurrences as o', 'o.id', 'r.occurrence_id')
      .select('r.id')
      .where('r.status', '=', 'confirmed')
      .where('r.mail_status', '=', 'confirmed')
      .where('r.reminded_at', 'is', null)
      .where('o.status', '=', 'scheduled')
      .where('o.starts_at', '>', now)
      .where('o.starts_at', '<=', new Date(now.getTime() + DAY_MS))
      .where('r.created_at', '<', sql<Date>`o.starts_at - interval '1 day'`)
      .forUpdate('r')
      .skipLocked()
      .execute()
    for (const { id } of due) {
      await queueRegistrationMail(trx, id, 'reminder', now)
      await trx.updateTable('registrations').set({ reminded_at: now }).where('id', '=', id).execute()
    }
    return due.length
  })
}
