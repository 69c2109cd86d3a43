import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { CoordinatorRole, Database } from '../db/schema.ts'
import { hashPassword, PASSWORD_COST, type PasswordCost } from './auth/password.ts'

export interface NewCoordinator {
  email: string
  password: string
  role: CoordinatorRole
  districts: string[]
}

/** Creates an account, or sets a new password, role and districts for an existing e-mail (and makes it active). */
export async function upsertCoordinator(
  db: Kysely<Database>,
  input: NewCoordinator,
  cost: PasswordCost = PASSWORD_COST,
): Promise<{ id: string; created: boolean }> {
  const email = input.email.trim().toLowerCase()
  // The command line also reactivates an account (the way back for a locked-out admin).
  const values = { password_hash: await hashPassword(input.password, cost), role: input.role, districts: input.role === 'admin' ? [] : input.districts, active: true }
  const existing = await db.selectFrom('coordinators').select('id').where('email', '=', email).executeTakeFirst()
  if (existing) {
    await db.updateTable('coordinators').set(values).where('id', '=', existing.id).execute()
    await db.deleteFrom('coordinator_sessions').where('coordinator_id', '=', existing.id).execute()
    return { id: existing.id, created: false }
  }
  const id = randomUUID()
  await db.insertInto('coordinators').values({ id, email, ...values }).execute()
  return { id, created: true }
}

export async function countCoordinators(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('coordinators').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
