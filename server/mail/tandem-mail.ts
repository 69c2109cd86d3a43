import type { Transaction } from 'kysely'
import type { Database, MailData } from '../db/schema.ts'
import { enqueueMail } from './mail-queue.repository.ts'
import { mayAskToConfirm } from './registration-mail.ts'

type TandemMailKind = 'confirm-tandem-address' | 'tandem-match-proposed' | 'tandem-match-accepted'

/** What a mail about a tandem entry says: the person's name and language, and its links. */
async function tandemMailData(trx: Transaction<Database>, tandemId: string) {
  const t = await trx
    .selectFrom('tandems')
    .select(['details', 'locale', 'mail_status', 'mail_token', 'mail_manage_token', 'status'])
    .where('id', '=', tandemId)
    .executeTakeFirst()
  const details = (t?.details ?? {}) as { email?: string; name?: string }
  if (!t?.mail_token || !details.email || t.status !== 'received') return undefined
  const data: MailData = {
    lang: t.locale ?? 'de',
    name: details.name ?? '',
    mailToken: t.mail_token,
    ...(t.mail_manage_token ? { manageToken: t.mail_manage_token } : {}),
  }
  return { to: details.email, status: t.mail_status, data }
}

/** Asks a tandem entry's new address to confirm itself, within the same limits as for registrations. */
export async function queueTandemConfirmRequest(trx: Transaction<Database>, tandemId: string, clientHash: string | undefined, now: Date): Promise<void> {
  const found = await tandemMailData(trx, tandemId)
  if (found?.status !== 'pending') return
  if (!(await mayAskToConfirm(trx, found.to, clientHash, now))) return
  await enqueueMail(trx, { kind: 'confirm-tandem-address', to: found.to, tandemId, data: found.data, clientHash }, now)
}

/** A mail about tandem entries (a match proposed, accepted), to those whose address is confirmed. */
export async function queueTandemMails(trx: Transaction<Database>, tandemIds: string[], kind: Exclude<TandemMailKind, 'confirm-tandem-address'>, now: Date): Promise<void> {
  for (const tandemId of tandemIds) {
    const found = await tandemMailData(trx, tandemId)
    if (found?.status === 'confirmed') await enqueueMail(trx, { kind, to: found.to, tandemId, data: found.data }, now)
  }
}
