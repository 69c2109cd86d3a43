import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { expect } from 'vitest'
import type { CoordinatorRole, Database } from '../../server/db/schema.ts'
import { upsertCoordinator } from '../../server/coordination/coordinators.repository.ts'
import { TEST_PASSWORD_COST } from './test-app.ts'

export const PASSWORD = 'a long enough test password'

/** Creates an account and logs it in; returns the Cookie header to send with its requests. */
export async function loginAs(
  app: FastifyInstance,
  db: Kysely<Database>,
  account: { email: string; role?: CoordinatorRole; districts?: string[] },
): Promise<string> {
  await upsertCoordinator(db, { email: account.email, password: PASSWORD, role: account.role ?? 'coordinator', districts: account.districts ?? [] }, TEST_PASSWORD_COST)
  const res = await app.inject({ method: 'POST', url: '/api/v1/coordination/login', payload: { email: account.email, password: PASSWORD } })
  expect(res.statusCode, res.body).toBe(200)
  const cookie = res.cookies[0]!
  return `${cookie.name}=${cookie.value}`
}

/** The usual cast: an admin, a coordinator for Stendal, one for Harz. */
export async function loginCast(app: FastifyInstance, db: Kysely<Database>) {
  return {
    admin: await loginAs(app, db, { email: 'admin@example.org', role: 'admin' }),
    stendal: await loginAs(app, db, { email: 'stendal@example.org', districts: ['stendal'] }),
    harz: await loginAs(app, db, { email: 'harz@example.org', districts: ['harz'] }),
  }
}

export const GIVEN = { textVersion: '2026-11', givenAt: '2026-11-20T10:00:00.000Z' }

/** A declaration as the app's form sends it, with at most the given changes. */
export function declaration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'entry',
    organisation: 'Bürgerhaus Stendal e. V. (Beispiel)',
    address: 'Beispielweg 3, 39576 Stendal',
    district: 'stendal',
    contactFunction: 'Leitung Beratungsstelle',
    phone: '03931 000-222',
    email: ' Info@Buergerhaus-Beispiel.ORG ',
    workingGroups: ['language', 'culture-social'],
    note: 'Wir bieten ein Sprachcafé an.',
    locale: 'de',
    consents: { store: GIVEN, publish: GIVEN },
    ...overrides,
  }
}
