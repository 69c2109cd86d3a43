import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { Type } from 'typebox'
import type { Database } from '../../db/schema.ts'
import { ApiErrorSchema } from '../../../src/shared/api-error.schema.ts'
import { CoordinatorSchema, LoginSchema } from '../../../src/shared/coordination/session.schema.ts'
import { Problem } from '../../errors/problem.ts'
import { dummyHash, PASSWORD_COST, verifyPassword, type PasswordCost } from './password.ts'
import { createSession, endSession, SESSION_COOKIE, SESSION_HOURS } from './sessions.ts'
import { coordinatorOf } from './coordinator-auth.ts'
import { writeAudit } from '../audit/audit.ts'
import { loginLimiter, type LoginLimits } from './login-limit.ts'

export interface AuthRoutesOptions {
  db: Kysely<Database>
  /** Login attempts per client address and account, and per client address, in 15 minutes. */
  loginLimits: Omit<LoginLimits, 'windowMs'>
  /** scrypt cost of the stand-in hash checked for unknown e-mails (the same as the accounts'). */
  passwordCost?: PasswordCost
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/api/v1/coordination',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: SESSION_HOURS * 3600,
  })
}

const wrongLogin = () => new Problem(401, 'wrong_login', 'E-mail address or password is not right.')

/** Login and logout: public (no session needed). */
export const loginRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { db, loginLimits, passwordCost = PASSWORD_COST }) => {
  const unknownAccountHash = dummyHash(passwordCost)
  const limiter = loginLimiter(db, { ...loginLimits, windowMs: 15 * 60_000 })
  app.post(
    '/api/v1/coordination/login',
    {
      schema: {
        summary: 'Coordinator login; sets an HttpOnly, SameSite=Strict session cookie',
        tags: ['coordination'],
        body: LoginSchema,
        response: { 200: CoordinatorSchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 429: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase()
      // Per client and account, and per client: guessing passwords is slowed down, while colleagues
      // behind one office address can still log in. Only failed attempts count in the end.
      const taken = await limiter.take(request.ip, email, app.now())
      if ('wait' in taken) {
        reply.header('retry-after', String(taken.wait))
        throw new Problem(429, 'rate_limited', `Too many attempts; try again in ${taken.wait} seconds.`)
      }
      const account = await db.selectFrom('coordinators').selectAll().where('email', '=', email).executeTakeFirst()
      // Unknown e-mails cost a hash too, so the answer time does not tell which accounts exist.
      // Unknown, invited (no password yet) and deactivated accounts answer alike.
      const ok = await verifyPassword(request.body.password, account?.password_hash ?? (await unknownAccountHash))
      if (!account?.active || !ok) throw wrongLogin()
      await limiter.forgive(taken.attempt)
      setSessionCookie(request, reply, await createSession(db, account.id, app.now()))
      await writeAudit(db, { actor: account.email, action: 'coordinator.login', entity: 'coordinator', entityId: account.id, district: null })
      reply.header('cache-control', 'no-store')
      return { email: account.email, role: account.role, districts: account.districts }
    },
  )

  app.post(
    '/api/v1/coordination/logout',
    {
      schema: { summary: 'Ends the coordinator session', tags: ['coordination'], response: { 204: Type.Null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE]
      if (token) await endSession(db, token)
      reply.clearCookie(SESSION_COOKIE, { path: '/api/v1/coordination' })
      return reply.status(204).send(null)
    },
  )
}

/** Who is logged in (inside the authenticated plugin). */
export const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/coordination/me',
    {
      schema: { summary: 'The logged-in coordinator', tags: ['coordination'], response: { 200: CoordinatorSchema, 401: ApiErrorSchema } },
    },
    async (request, reply) => {
      const { email, role, districts } = coordinatorOf(request)
      reply.header('cache-control', 'no-store')
      return { email, role, districts }
    },
  )
}
