import type { Kysely } from 'kysely'
import type { FastifyInstance } from 'fastify'
import type { Database } from '../db/schema.ts'
import { scheduleJob } from '../jobs/scheduled-job.ts'
import { TANDEM_RENEWAL_MONTHS } from '../../src/shared/volunteering/fields.schema.ts'
import { deleteOldMail, eraseMailOf } from '../mail/mail-queue.repository.ts'
import { ERASED } from './registrations.repository.ts'
import { eraseEntryMail } from '../mail/mail-owners.ts'
import { deleteOldAccountTokens } from '../coordination/accounts/account-tokens.repository.ts'
import { eraseFeedbackTexts } from '../feedback/feedback.repository.ts'
import { FEEDBACK_TEXT_MONTHS } from '../../src/shared/feedback/feedback.schema.ts'
import { berlinDay } from '../../src/shared/berlin-time.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** Stored answers hold a manage token in clear, so replays are honoured for a week and then forgotten. */
export const IDEMPOTENCY_DAYS = 7
const EVERY_MS = 6 * 60 * 60 * 1000
/** A partner declaration nobody decided on is closed and its text erased after this many days. */
export const UNDECIDED_DECLARATION_DAYS = 180
/** Sent mails keep only their address's hash, for the per-address limit of a day; then they go. */
const SENT_MAIL_DAYS = 2

export interface RetentionResult {
  registrations: number
  tandems: number
  idempotencyKeys: number
  declarations: number
  /** Login attempts and rate-limit windows older than a day (the longest window is 15 minutes). */
  limits: number
  mails: number
  /** Newcomers' feedback texts older than FEEDBACK_TEXT_MONTHS (the yes/no stays). */
  feedbackTexts: number
}

/** Erases personal data that is no longer needed, as of `now`. Rows stay (without personal data) for counts. */
export async function runRetention(db: Kysely<Database>, now: Date, retentionDays: number): Promise<RetentionResult> {
  const eventCutoff = new Date(now.getTime() - retentionDays * DAY_MS)
  const tandemCutoff = new Date(now)
  tandemCutoff.setUTCMonth(tandemCutoff.getUTCMonth() - TANDEM_RENEWAL_MONTHS)
  const keyCutoff = new Date(now.getTime() - IDEMPOTENCY_DAYS * DAY_MS)
  const declarationCutoff = new Date(now.getTime() - UNDECIDED_DECLARATION_DAYS * DAY_MS)
  return db.transaction().execute(async (trx) => {
    const registrations = await trx
      .updateTable('registrations')
      .set(ERASED(now))
      .where('event_ends_at', '<', eventCutoff)
      .where('erased_at', 'is', null)
      .returning('id')
      .execute()
    await eraseMailOf(trx, registrations.map((r) => r.id))
    const mails = await deleteOldMail(trx, new Date(now.getTime() - SENT_MAIL_DAYS * DAY_MS))
    const tandems = await trx
      .updateTable('tandems')
      .set({ status: 'erased', details: null, consents: null, erased_at: now })
      .where('renewed_at', '<', tandemCutoff)
      .where('status', '=', 'received')
      .returning('id')
      .execute()
    await eraseEntryMail(trx, 'tandems', tandems.map((t) => t.id))
    const keys = await trx.deleteFrom('idempotency_keys').where('created_at', '<', keyCutoff).executeTakeFirst()
    // Closed without a reason: the declaring device reads "not applied", and what it said is gone.
    const declarations = await trx
      .updateTable('partner_requests')
      .set({ status: 'rejected', details: null, decided_at: now, decided_by: 'retention' })
      .where('status', '=', 'open')
      .where('submitted_at', '<', declarationCutoff)
      .returning('id')
      .execute()
    await eraseEntryMail(trx, 'partner_requests', declarations.map((d) => d.id))
    const dayAgo = new Date(now.getTime() - DAY_MS)
    const logins = await trx.deleteFrom('login_attempts').where('at', '<', dayAgo).executeTakeFirst()
    const windows = await trx.deleteFrom('rate_limit_windows').where('started_at', '<', dayAgo).executeTakeFirst()
    const feedbackCutoff = new Date(now)
    feedbackCutoff.setUTCMonth(feedbackCutoff.getUTCMonth() - FEEDBACK_TEXT_MONTHS)
    const feedbackTexts = await eraseFeedbackTexts(trx, berlinDay(feedbackCutoff))
    await deleteOldAccountTokens(trx, dayAgo)
    return {
      registrations: registrations.length,
      tandems: tandems.length,
      idempotencyKeys: Number(keys.numDeletedRows),
      declarations: declarations.length,
      limits: Number(logins.numDeletedRows) + Number(windows.numDeletedRows),
      mails,
      feedbackTexts,
    }
  })
}

/** Runs the job at start and every six hours, once across all server processes (`scheduleJob`). */
export async function scheduleRetention(app: FastifyInstance, db: Kysely<Database>, retentionDays: number): Promise<void> {
  await scheduleJob(app, db, { name: 'retention', everyMs: EVERY_MS, run: (now) => runRetention(db, now, retentionDays) })
}
