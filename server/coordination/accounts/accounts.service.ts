import { randomUUID } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.ts'
import type { AccountChange, AccountDto, InviteInput } from '../../../src/shared/coordination/accounts.schema.ts'
import { Problem } from '../../errors/problem.ts'
import { enqueueMail, mailsToAddressSince } from '../../mail/mail-queue.repository.ts'
import { writeAudit } from '../audit/audit.ts'
import type { Coordinator } from '../auth/sessions.ts'
import { assertAdmin } from '../auth/coordinator-auth.ts'
import { hashPassword, type PasswordCost } from '../auth/password.ts'
import { createAccountToken, setPasswordPath, takeAccountToken, TOKEN_HOURS } from './account-tokens.repository.ts'

/** At most this many forgotten-password mails to one address an hour, whoever asks. */
export const RESET_MAILS_PER_ADDRESS_PER_HOUR = 3

const notFound = () => new Problem(404, 'not_found', 'No such account.')

async function accountRow(db: Kysely<Database>, id: string): Promise<AccountDto> {
  const row = await db.selectFrom('coordinators').select(['id', 'email', 'role', 'districts', 'active', 'password_hash']).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound()
  return { id: row.id, email: row.email, role: row.role, districts: row.districts, active: row.active, invited: row.password_hash === null }
}

/** Every account, for an admin. */
export async function listAccounts(db: Kysely<Database>, admin: Coordinator): Promise<AccountDto[]> {
  assertAdmin(admin)
  const rows = await db.selectFrom('coordinators').select(['id', 'email', 'role', 'districts', 'active', 'password_hash']).orderBy('email').execute()
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, districts: r.districts, active: r.active, invited: r.password_hash === null }))
}

/** Queues the mail with a fresh link to set the password, in the transaction that made the link. */
async function queueLinkMail(trx: Transaction<Database>, account: { id: string; email: string }, purpose: 'invite' | 'reset', lang: string, now: Date) {
  const token = await createAccountToken(trx, account.id, purpose, now)
  await enqueueMail(
    trx,
    { kind: purpose === 'invite' ? 'coordinator-invite' : 'password-reset', to: account.email, data: { lang, name: '', link: setPasswordPath(token), validHours: TOKEN_HOURS[purpose] } },
    now,
  )
}

/**
 * An admin invites a coordinator: the account exists without a password and gets a link to set one.
 * Inviting an address again whose invitation is still open sends a new link (the old one stops working).
 */
export async function inviteCoordinator(db: Kysely<Database>, admin: Coordinator, input: InviteInput, now: Date): Promise<AccountDto> {
  assertAdmin(admin)
  const email = input.email.trim().toLowerCase()
  const districts = input.role === 'admin' ? [] : input.districts
  if (input.role === 'coordinator' && districts.length === 0) {
    throw new Problem(400, 'validation', 'A coordinator works for at least one district.', { districts: 'errors.required' })
  }
  const id = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('coordinators').select(['id', 'password_hash']).where('email', '=', email).forUpdate().executeTakeFirst()
    if (existing && existing.password_hash !== null) throw new Problem(409, 'conflict', 'There is already an account with this address.', { email: 'accounts.exists' })
    const accountId = existing?.id ?? randomUUID()
    if (existing) await trx.updateTable('coordinators').set({ role: input.role, districts, active: true }).where('id', '=', accountId).execute()
    else await trx.insertInto('coordinators').values({ id: accountId, email, password_hash: null, role: input.role, districts }).execute()
    await queueLinkMail(trx, { id: accountId, email }, 'invite', input.locale ?? 'de', now)
    await writeAudit(trx, { actor: admin.email, action: 'coordinator.invite', entity: 'coordinator', entityId: accountId, district: null, details: { role: input.role, districts } })
    return accountId
  })
  return accountRow(db, id)
}

/**
 * An admin changes a coordinator's districts or (de)activates an account. Deactivation ends its
 * sessions at once and voids its open links. An admin cannot deactivate their own account.
 */
export async function changeAccount(db: Kysely<Database>, admin: Coordinator, id: string, change: AccountChange): Promise<AccountDto> {
  assertAdmin(admin)
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('coordinators').select(['role', 'districts', 'active']).where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw notFound()
    if (change.districts && row.role === 'coordinator') {
      if (change.districts.length === 0) throw new Problem(400, 'validation', 'A coordinator works for at least one district.', { districts: 'errors.required' })
      await trx.updateTable('coordinators').set({ districts: change.districts }).where('id', '=', id).execute()
      await writeAudit(trx, { actor: admin.email, action: 'coordinator.districts', entity: 'coordinator', entityId: id, district: null, details: { from: row.districts, to: change.districts } })
    }
    if (change.active !== undefined && change.active !== row.active) {
      if (id === admin.id) throw new Problem(409, 'conflict', 'You cannot deactivate your own account.', { active: 'accounts.self' })
      await trx.updateTable('coordinators').set({ active: change.active }).where('id', '=', id).execute()
      if (!change.active) {
        await trx.deleteFrom('coordinator_sessions').where('coordinator_id', '=', id).execute()
        await trx.deleteFrom('coordinator_tokens').where('coordinator_id', '=', id).where('used_at', 'is', null).execute()
      }
      await writeAudit(trx, { actor: admin.email, action: change.active ? 'coordinator.activate' : 'coordinator.deactivate', entity: 'coordinator', entityId: id, district: null })
    }
  })
  return accountRow(db, id)
}

/**
 * "Forgot password": a link goes to the address if an active account has it, at most
 * RESET_MAILS_PER_ADDRESS_PER_HOUR an hour. The caller answers the same in every case.
 */
export async function requestPasswordReset(db: Kysely<Database>, email: string, lang: string, now: Date): Promise<void> {
  const address = email.trim().toLowerCase()
  await db.transaction().execute(async (trx) => {
    const account = await trx.selectFrom('coordinators').select(['id', 'email']).where('email', '=', address).where('active', '=', true).forUpdate().executeTakeFirst()
    if (!account) return
    const hourAgo = new Date(now.getTime() - 3600_000)
    if ((await mailsToAddressSince(trx, account.email, ['password-reset'], hourAgo)) >= RESET_MAILS_PER_ADDRESS_PER_HOUR) return
    await queueLinkMail(trx, account, 'reset', lang, now)
    await writeAudit(trx, { actor: 'system', action: 'coordinator.reset-request', entity: 'coordinator', entityId: account.id, district: null })
  })
}

/**
 * Sets the password of the account a link is for, once: the link is used up, the account's other
 * links void and its sessions ended (someone who knew the old password is logged out).
 */
export async function setPasswordByLink(db: Kysely<Database>, token: string, password: string, now: Date, cost?: PasswordCost): Promise<void> {
  // Hashed before the transaction: scrypt takes a tenth of a second, no lock is held meanwhile.
  const hash = await hashPassword(password, cost)
  await db.transaction().execute(async (trx) => {
    const link = await takeAccountToken(trx, token, now)
    if (!link) throw new Problem(410, 'link_expired', 'This link is no longer valid. Ask for a new one.')
    const account = await trx.updateTable('coordinators').set({ password_hash: hash }).where('id', '=', link.coordinatorId).returning('email').executeTakeFirstOrThrow()
    await trx.deleteFrom('coordinator_tokens').where('coordinator_id', '=', link.coordinatorId).where('used_at', 'is', null).execute()
    await trx.deleteFrom('coordinator_sessions').where('coordinator_id', '=', link.coordinatorId).execute()
    await writeAudit(trx, {
      actor: account.email,
      action: link.purpose === 'invite' ? 'coordinator.accept-invite' : 'coordinator.reset-password',
      entity: 'coordinator',
      entityId: link.coordinatorId,
      district: null,
    })
  })
}
