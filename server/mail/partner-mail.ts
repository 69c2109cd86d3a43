import type { Transaction } from 'kysely'
import type { Database, MailData } from '../db/schema.ts'
import { enqueueMail } from './mail-queue.repository.ts'
import { mayAskToConfirm } from './registration-mail.ts'
import { eraseEntryMail } from './mail-owners.ts'

type Decision = NonNullable<MailData['decision']>

/** What a mail about an open partner declaration says: the organisation, the language, and its links. */
async function partnerMailData(trx: Transaction<Database>, requestId: string) {
  const r = await trx
    .selectFrom('partner_requests')
    .select(['details', 'locale', 'mail_status', 'mail_token', 'mail_manage_token', 'status'])
    .where('id', '=', requestId)
    .executeTakeFirst()
  const details = (r?.details ?? {}) as { email?: string; organisation?: string }
  if (!r?.mail_token || !details.email || r.status !== 'open') return undefined
  const data: MailData = {
    lang: r.locale ?? 'de',
    name: details.organisation ?? '',
    mailToken: r.mail_token,
    ...(r.mail_manage_token ? { statusToken: r.mail_manage_token } : {}),
  }
  return { to: details.email, status: r.mail_status, data }
}

/** Asks a declaration's new address to confirm itself, within the same limits as for registrations. */
export async function queuePartnerConfirmRequest(trx: Transaction<Database>, requestId: string, clientHash: string | undefined, now: Date): Promise<void> {
  const found = await partnerMailData(trx, requestId)
  if (found?.status !== 'pending') return
  if (!(await mayAskToConfirm(trx, found.to, clientHash, now))) return
  await enqueueMail(trx, { kind: 'confirm-partner-address', to: found.to, partnerRequestId: requestId, data: found.data, clientHash }, now)
}

/** "Your declaration has arrived", once its address is confirmed (while it is still open). */
export async function queuePartnerReceived(trx: Transaction<Database>, requestId: string, now: Date): Promise<void> {
  const found = await partnerMailData(trx, requestId)
  if (found?.status === 'confirmed') await enqueueMail(trx, { kind: 'partner-request-received', to: found.to, partnerRequestId: requestId, data: found.data }, now)
}

/**
 * A coordinator decided, in the transaction that erases the declaration's details: a confirmed address
 * is told the outcome; an address never confirmed gets nothing more, and its confirmation request (if
 * not sent yet) goes with it. The copy of the status token is no longer needed; the mail token stays,
 * so the unsubscribe link in the last mail still answers.
 */
export async function partnerRequestDecided(trx: Transaction<Database>, requestId: string, decision: Decision, now: Date): Promise<void> {
  const found = await partnerMailData(trx, requestId)
  if (found?.status === 'confirmed') {
    await enqueueMail(trx, { kind: 'partner-request-decided', to: found.to, partnerRequestId: requestId, data: { ...found.data, decision } }, now)
    await trx.updateTable('partner_requests').set({ mail_manage_token: null }).where('id', '=', requestId).execute()
  } else if (found?.status === 'pending') {
    await eraseEntryMail(trx, 'partner_requests', [requestId])
  }
}
