import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.ts'
import { Problem } from '../../errors/problem.ts'
import { findSession, SESSION_COOKIE, type Coordinator } from './sessions.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every coordination route once the session cookie is checked. */
    coordinator?: Coordinator
  }
}

export const notLoggedIn = () => new Problem(401, 'unauthenticated', 'Please log in as a coordinator.')
export const forbidden = () => new Problem(403, 'forbidden', 'This belongs to a district you do not work for.')

export function canAccessDistrict(coordinator: Coordinator, district: string): boolean {
  return coordinator.role === 'admin' || coordinator.districts.includes(district)
}

/** Throws 403 unless the coordinator works for the district (admins work for all). */
export function assertDistrict(coordinator: Coordinator, district: string): void {
  if (!canAccessDistrict(coordinator, district)) throw forbidden()
}

/** The districts a query may cover: all for an admin, otherwise the coordinator's own. */
export function districtScope(coordinator: Coordinator, requested?: string): string[] | 'all' {
  if (requested) {
    assertDistrict(coordinator, requested)
    return [requested]
  }
  return coordinator.role === 'admin' ? 'all' : coordinator.districts
}

/** Statewide content is the administrators' to change. */
export function assertAdmin(coordinator: Coordinator): void {
  if (coordinator.role !== 'admin') throw new Problem(403, 'forbidden', 'Only an administrator may do this.')
}

/** The logged-in coordinator of a request (only inside the authenticated coordination plugin). */
export function coordinatorOf(request: FastifyRequest): Coordinator {
  if (!request.coordinator) throw notLoggedIn()
  return request.coordinator
}

/** The host of an Origin header; a malformed one matches no host. */
function hostOf(origin: string): string | undefined {
  return URL.canParse(origin) ? new URL(origin).host : undefined
}

/**
 * onRequest hook for every coordination route: a valid session cookie, and for changes a request
 * from this origin only (SameSite=Strict already keeps other sites' requests cookie-less).
 */
export function authenticate(db: Kysely<Database>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const origin = request.headers.origin
    if (request.method !== 'GET' && request.method !== 'HEAD' && origin && hostOf(origin) !== request.host) {
      throw new Problem(403, 'forbidden', 'Changes are only accepted from this app.')
    }
    const token = request.cookies[SESSION_COOKIE]
    const coordinator = token ? await findSession(db, token, request.server.now()) : undefined
    if (!coordinator) throw notLoggedIn()
    request.coordinator = coordinator
  }
}
